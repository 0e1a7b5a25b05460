import Foundation
import Testing
import Memory

@Suite("Index files")
struct IndexFileTests {
    private let vectors = TestVectors.gaussian(count: 300, dimension: 10, seed: 91)
    private let queries = TestVectors.gaussian(count: 15, dimension: 10, seed: 92)

    private func bits(_ hits: [SearchHit]) -> [[UInt64]] { hits.map { [UInt64(bitPattern: $0.id), UInt64($0.similarity.bitPattern)] } }

    private func exactIndex() throws -> ExactCosineIndex {
        var index = try ExactCosineIndex(dimension: 10)
        for (id, vector) in vectors.enumerated() { try index.add(id: Int64(id) * 3, vector: vector) }
        for id in stride(from: Int64(0), to: 300, by: 7) { index.remove(id: id) }
        return index
    }

    @Test("an exact index reloads with bit-identical search results")
    func exactRoundTrip() throws {
        let index = try exactIndex()
        let path = TestVectors.temporaryPath("exact.bvi")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try IndexFile.save(index, to: path)
        let loaded = try IndexFile.loadExact(path: path)
        #expect(loaded.ids == index.ids && loaded.directions.map(\.bitPattern) == index.directions.map(\.bitPattern))
        for query in queries { #expect(bits(try loaded.search(query: query, k: 9)) == bits(try index.search(query: query, k: 9))) }
    }

    @Test("an IVF index and a tiered index reload with bit-identical search results")
    func ivfAndTieredRoundTrip() throws {
        var ivf = try IVFIndex(dimension: 10, settings: IVFSettings(listCount: 6, probeCount: 2, seed: 5), trainingVectors: vectors)
        try ivf.add(ids: (0..<300).map(Int64.init), vectors: vectors)
        for id in stride(from: Int64(1), to: 300, by: 5) { ivf.remove(id: id) }
        var tiered = try TieredVectorIndex(dimension: 10, approximateThreshold: 200, ivfSettings: IVFSettings(listCount: 6, probeCount: 2))
        for (id, vector) in vectors.enumerated() { try tiered.add(id: Int64(id), vector: vector) }
        tiered.remove(id: 17)
        let ivfPath = TestVectors.temporaryPath("ivf.bvi"), tieredPath = TestVectors.temporaryPath("tiered.bvi")
        defer {
            try? FileManager.default.removeItem(atPath: ivfPath)
            try? FileManager.default.removeItem(atPath: tieredPath)
        }
        try IndexFile.save(ivf, to: ivfPath)
        try IndexFile.save(tiered, to: tieredPath)
        let loadedIVF = try IndexFile.loadIVF(path: ivfPath)
        let loadedTiered = try IndexFile.loadTiered(path: tieredPath)
        #expect(loadedIVF.settings == ivf.settings && loadedIVF.listSizes == ivf.listSizes)
        #expect(loadedTiered.isApproximate && loadedTiered.trainedAtCount == tiered.trainedAtCount)
        for query in queries {
            #expect(bits(try loadedIVF.search(query: query, k: 9)) == bits(try ivf.search(query: query, k: 9)))
            #expect(bits(try loadedTiered.search(query: query, k: 9)) == bits(try tiered.search(query: query, k: 9)))
            #expect(bits(try loadedTiered.searchExact(query: query, k: 9)) == bits(try tiered.searchExact(query: query, k: 9)))
        }
        // Saving over an existing file replaces it.
        try IndexFile.save(ivf, to: tieredPath)
        #expect(try IndexFile.loadIVF(path: tieredPath).count == ivf.count)
    }

    @Test("a wrong magic, another version, another kind, a short file and trailing bytes are each refused")
    func corruptions() throws {
        let path = TestVectors.temporaryPath("corrupt.bvi")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try IndexFile.save(try exactIndex(), to: path)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

        var wrongMagic = good
        wrongMagic[0] = UInt8(ascii: "X")
        try write(wrongMagic)
        #expect(throws: IndexFileError.badMagic(path: path, found: Array("XIOMOEVI".utf8))) { try IndexFile.loadExact(path: path) }

        for version: UInt32 in [0, 2] {
            var other = good
            other[8] = UInt8(version)
            try write(other)
            #expect(throws: IndexFileError.unsupportedVersion(path: path, found: version, supported: 1)) { try IndexFile.loadExact(path: path) }
        }

        try write(good)
        #expect(throws: IndexFileError.wrongKind(path: path, expected: "IVF", found: "exact cosine")) { try IndexFile.loadIVF(path: path) }

        // Cut inside the header, the ids and the vectors.
        let headerBytes = 8 + 4 + 4 + 4 + 8
        for (cut, section) in [(5, "header"), (14, "header"), (headerBytes + 20, "exact store ids"), (good.count - 1, "exact store vectors")] {
            try write(Array(good.prefix(cut)))
            #expect(throws: IndexFileError.self) { try IndexFile.loadExact(path: path) }
            do {
                _ = try IndexFile.loadExact(path: path)
            } catch let IndexFileError.truncated(errorPath, errorSection, _, _) {
                #expect(errorPath == path && errorSection == section, "cut at \(cut)")
            }
        }

        try write(good + [0])
        #expect(throws: IndexFileError.trailingBytes(path: path, count: 1)) { try IndexFile.loadExact(path: path) }

        try FileManager.default.removeItem(atPath: path)
        #expect(throws: IndexFileError.fileNotFound(path: path)) { try IndexFile.loadExact(path: path) }

        #expect(IndexFileError.unsupportedVersion(path: "/m/ltm.bvi", found: 2, supported: 1).description
                == "/m/ltm.bvi: format version 2, this build reads version 1 only — rebuild the index from its vectors")
        #expect(IndexFileError.truncated(path: "/m/ltm.bvi", section: "exact store vectors", expectedBytes: 40, foundBytes: 3).description
                == "/m/ltm.bvi: truncated in exact store vectors: expected 40 more bytes, found 3 — the file is incomplete, rebuild it")
    }

    @Test("a duplicated id inside a file is reported as corruption")
    func duplicateIDInFile() throws {
        var index = try ExactCosineIndex(dimension: 2)
        try index.add(id: 5, vector: [1, 0])
        try index.add(id: 6, vector: [0, 1])
        let path = TestVectors.temporaryPath("duplicate.bvi")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try IndexFile.save(index, to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[28 + 8] = 5  // the second id (little-endian low byte) becomes 5
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexFileError.corrupt(path: path, reason: "exact store: id 5 is already in the index; remove it first to replace its vector")) {
            try IndexFile.loadExact(path: path)
        }
    }
}
