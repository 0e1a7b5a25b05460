import Foundation

/// The on-disk form of a vector index: one versioned, little-endian binary file.
///
///     header     magic "BIOMOEVI" (8 bytes) · format version u32 · kind u32 · dimension D u32
///     exact      (kinds exact, tiered) count N u64 · ids N×i64 · directions N×D×f32 (row order)
///     settings   (kinds IVF, tiered) listCount K u32 · probeCount u32 · trainingIterations u32 ·
///                trainingPointsPerList u32 · seed u64
///     tiered     approximateThreshold u64 · retrainGrowthFactor u32 · trainedAtCount u64 ·
///                has-IVF u8 (0 or 1); the IVF sections below follow only when it is 1
///     quantiser  centroids K×D×f32
///     lists      sizes K×u64 · then per list its ids; kind IVF also stores each list's
///                directions, kind tiered takes them from the exact rows (the same bits)
///
/// Why a file of its own rather than JSON: 10⁵ × 784 floats is 300 MB of raw bytes and would be
/// several times that as text, and raw bits make a reloaded index answer with bit-identical
/// similarities. Rows and lists are stored in memory order for the same reason.
///
/// Writing is atomic: the bytes go to a temporary file beside `path`, which is then renamed over
/// it, so a reader never sees half a file (a crash leaves the old file or the new one).
/// Loading refuses another magic, another version, another kind, a short file and trailing
/// bytes, each with an error that names the path.
public enum IndexFile {
    public static let magic: [UInt8] = Array("BIOMOEVI".utf8)
    /// Version 1 is the layout above. A change gets a new number and a loader for the old one.
    public static let formatVersion: UInt32 = 1

    /// What a file holds.
    public enum Kind: UInt32, CaseIterable, Sendable, CustomStringConvertible {
        case exact = 1, ivf = 2, tiered = 3

        public var description: String {
            switch self {
            case .exact: return "exact cosine"
            case .ivf: return "IVF"
            case .tiered: return "tiered"
            }
        }
    }

    // MARK: Saving

    public static func save(_ index: ExactCosineIndex, to path: String) throws {
        var writer = header(kind: .exact, dimension: index.dimension, payload: index.directions.count * 4 + index.count * 8)
        writeExact(index, to: &writer)
        try writeAtomically(writer.bytes, to: path)
    }

    public static func save(_ index: IVFIndex, to path: String) throws {
        var writer = header(kind: .ivf, dimension: index.dimension, payload: index.count * (index.dimension * 4 + 8) + index.centroids.count * 4)
        writeSettings(index.settings, to: &writer)
        writeLists(of: index, withDirections: true, to: &writer)
        try writeAtomically(writer.bytes, to: path)
    }

    public static func save(_ index: TieredVectorIndex, to path: String) throws {
        var writer = header(kind: .tiered, dimension: index.dimension, payload: index.exact.directions.count * 4 + 2 * index.count * 8)
        writeExact(index.exact, to: &writer)
        writeSettings(index.ivfSettings, to: &writer)
        writer.append(UInt64(index.approximateThreshold))
        writer.append(UInt32(index.retrainGrowthFactor))
        writer.append(UInt64(index.trainedAtCount))
        writer.append(UInt8(index.approximate == nil ? 0 : 1))
        if let approximate = index.approximate { writeLists(of: approximate, withDirections: false, to: &writer) }
        try writeAtomically(writer.bytes, to: path)
    }

    private static func header(kind: Kind, dimension: Int, payload: Int) -> IndexFileWriter {
        var writer = IndexFileWriter()
        writer.reserve(64 + payload)
        writer.append(magic)
        writer.append(formatVersion)
        writer.append(kind.rawValue)
        writer.append(UInt32(dimension))
        return writer
    }

    private static func writeExact(_ index: ExactCosineIndex, to writer: inout IndexFileWriter) {
        writer.append(UInt64(index.count))
        writer.append(index.ids)
        writer.append(index.directions)
    }

    private static func writeSettings(_ settings: IVFSettings, to writer: inout IndexFileWriter) {
        writer.append(UInt32(settings.listCount))
        writer.append(UInt32(settings.probeCount))
        writer.append(UInt32(settings.trainingIterations))
        writer.append(UInt32(settings.trainingPointsPerList))
        writer.append(settings.seed)
    }

    private static func writeLists(of index: IVFIndex, withDirections: Bool, to writer: inout IndexFileWriter) {
        writer.append(index.centroids)
        for list in index.lists { writer.append(UInt64(list.ids.count)) }
        for list in index.lists {
            writer.append(list.ids)
            if withDirections { writer.append(list.directions) }
        }
    }

    /// Writes `bytes` to a temporary sibling of `path`, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(UUID().uuidString)"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw IndexFileError.unwritable(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw IndexFileError.unwritable(path: path, reason: "rename from \(temporary) failed: \(reason)")
        }
    }

    // MARK: Loading

    public static func loadExact(path: String) throws -> ExactCosineIndex {
        var reader = try open(path: path, kind: .exact)
        let dimension = try readDimension(&reader)
        let index = try readExact(&reader, dimension: dimension)
        try finish(reader)
        return index
    }

    public static func loadIVF(path: String) throws -> IVFIndex {
        var reader = try open(path: path, kind: .ivf)
        let dimension = try readDimension(&reader)
        let settings = try readSettings(&reader)
        let index = try readLists(&reader, dimension: dimension, settings: settings, exact: nil)
        try finish(reader)
        return index
    }

    public static func loadTiered(path: String) throws -> TieredVectorIndex {
        var reader = try open(path: path, kind: .tiered)
        let dimension = try readDimension(&reader)
        let exact = try readExact(&reader, dimension: dimension)
        let settings = try readSettings(&reader)
        let threshold = try reader.readCount(section: "tiered policy")
        let growth = Int(try reader.read(UInt32.self, section: "tiered policy"))
        let trainedAt = try reader.readCount(section: "tiered policy")
        let hasApproximate = try reader.read(UInt8.self, section: "tiered policy")
        guard hasApproximate <= 1 else {
            throw IndexFileError.corrupt(path: path, reason: "has-IVF flag is \(hasApproximate), expected 0 or 1")
        }
        let approximate = hasApproximate == 1 ? try readLists(&reader, dimension: dimension, settings: settings, exact: exact) : nil
        try finish(reader)
        guard threshold >= settings.listCount, growth >= 2 else {
            throw IndexFileError.corrupt(path: path, reason: "approximateThreshold \(threshold) or retrainGrowthFactor \(growth) out of range")
        }
        return TieredVectorIndex(approximateThreshold: threshold, ivfSettings: settings, retrainGrowthFactor: growth,
                                 exact: exact, approximate: approximate, trainedAtCount: trainedAt)
    }

    /// Reads the whole file and checks magic, version and kind.
    private static func open(path: String, kind expected: Kind) throws -> IndexFileReader {
        guard FileManager.default.fileExists(atPath: path) else { throw IndexFileError.fileNotFound(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IndexFileError.unreadable(path: path, reason: error.localizedDescription)
        }
        var reader = IndexFileReader(path: path, bytes: [UInt8](data))
        let found = Array(data.prefix(magic.count))
        guard found == magic else {
            // A short file that starts like ours is truncated; anything else is not ours.
            if found.count < magic.count && found == Array(magic.prefix(found.count)) {
                throw IndexFileError.truncated(path: path, section: "header", expectedBytes: magic.count, foundBytes: found.count)
            }
            throw IndexFileError.badMagic(path: path, found: found)
        }
        _ = try reader.readBytes(magic.count, section: "header")
        let version = try reader.read(UInt32.self, section: "header")
        guard version == formatVersion else {
            throw IndexFileError.unsupportedVersion(path: path, found: version, supported: formatVersion)
        }
        let kindCode = try reader.read(UInt32.self, section: "header")
        guard let kind = Kind(rawValue: kindCode) else {
            throw IndexFileError.corrupt(path: path, reason: "unknown index kind \(kindCode), expected one of "
                + Kind.allCases.map { "\($0.rawValue) (\($0))" }.joined(separator: ", "))
        }
        guard kind == expected else {
            throw IndexFileError.wrongKind(path: path, expected: expected.description, found: kind.description)
        }
        return reader
    }

    private static func readDimension(_ reader: inout IndexFileReader) throws -> Int {
        let dimension = Int(try reader.read(UInt32.self, section: "header"))
        guard dimension >= 1 else { throw IndexFileError.corrupt(path: reader.path, reason: "dimension 0, expected at least 1") }
        return dimension
    }

    private static func readExact(_ reader: inout IndexFileReader, dimension: Int) throws -> ExactCosineIndex {
        let count = try reader.readCount(section: "exact store")
        let ids = try reader.readInt64s(count, section: "exact store ids")
        let (floats, overflow) = count.multipliedReportingOverflow(by: dimension)
        guard !overflow else { throw IndexFileError.corrupt(path: reader.path, reason: "\(count) rows of \(dimension) overflow") }
        let directions = try reader.readFloats(floats, section: "exact store vectors")
        do {
            return try ExactCosineIndex(dimension: dimension, ids: ids, directions: directions)
        } catch {
            throw IndexFileError.corrupt(path: reader.path, reason: "exact store: \(error)")
        }
    }

    private static func readSettings(_ reader: inout IndexFileReader) throws -> IVFSettings {
        let section = "IVF settings"
        let settings = IVFSettings(
            listCount: Int(try reader.read(UInt32.self, section: section)),
            probeCount: Int(try reader.read(UInt32.self, section: section)),
            trainingIterations: Int(try reader.read(UInt32.self, section: section)),
            trainingPointsPerList: Int(try reader.read(UInt32.self, section: section)),
            seed: try reader.read(UInt64.self, section: section))
        do {
            try settings.validate()
        } catch {
            throw IndexFileError.corrupt(path: reader.path, reason: "IVF settings: \(error)")
        }
        return settings
    }

    /// Reads centroids and lists; with `exact`, list directions come from its rows and the lists
    /// must hold exactly its ids.
    private static func readLists(_ reader: inout IndexFileReader, dimension: Int, settings: IVFSettings,
                                  exact: ExactCosineIndex?) throws -> IVFIndex {
        let K = settings.listCount
        let centroids = try reader.readFloats(K * dimension, section: "IVF centroids")
        var sizes: [Int] = []
        sizes.reserveCapacity(K)
        for _ in 0..<K { sizes.append(try reader.readCount(section: "IVF list sizes")) }
        var lists: [IVFIndex.InvertedList] = []
        lists.reserveCapacity(K)
        var seen = Set<Int64>()
        for (l, size) in sizes.enumerated() {
            var list = IVFIndex.InvertedList()
            list.ids = try reader.readInt64s(size, section: "IVF list \(l) ids")
            for id in list.ids where !seen.insert(id).inserted {
                throw IndexFileError.corrupt(path: reader.path, reason: "id \(id) appears twice in the IVF lists")
            }
            if let exact {
                list.directions.reserveCapacity(size * dimension)
                for id in list.ids {
                    guard let direction = exact.direction(of: id) else {
                        throw IndexFileError.corrupt(path: reader.path, reason: "IVF list \(l) holds id \(id), which the exact store lacks")
                    }
                    list.directions += direction
                }
            } else {
                let (floats, overflow) = size.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw IndexFileError.corrupt(path: reader.path, reason: "IVF list \(l) size \(size) overflows") }
                list.directions = try reader.readFloats(floats, section: "IVF list \(l) vectors")
            }
            lists.append(list)
        }
        if let exact, seen.count != exact.count {
            throw IndexFileError.corrupt(path: reader.path, reason: "IVF lists hold \(seen.count) ids, the exact store \(exact.count)")
        }
        return IVFIndex(dimension: dimension, settings: settings, centroids: centroids, lists: lists)
    }

    private static func finish(_ reader: IndexFileReader) throws {
        guard reader.remaining == 0 else { throw IndexFileError.trailingBytes(path: reader.path, count: reader.remaining) }
    }
}
