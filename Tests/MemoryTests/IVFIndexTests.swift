import Testing
import Memory

@Suite("IVF index")
struct IVFIndexTests {
    private func build(_ vectors: [[Float]], settings: IVFSettings) throws -> IVFIndex {
        var index = try IVFIndex(dimension: vectors[0].count, settings: settings, trainingVectors: vectors)
        try index.add(ids: (0..<vectors.count).map(Int64.init), vectors: vectors)
        return index
    }

    private func exactIndex(_ vectors: [[Float]]) throws -> ExactCosineIndex {
        var exact = try ExactCosineIndex(dimension: vectors[0].count)
        for (id, vector) in vectors.enumerated() { try exact.add(id: Int64(id), vector: vector) }
        return exact
    }

    @Test("probing every list gives the exact search's hits")
    func allListsEqualExact() throws {
        let vectors = TestVectors.gaussian(count: 800, dimension: 20, seed: 21)
        let ivf = try build(vectors, settings: IVFSettings(listCount: 16, probeCount: 16, seed: 4))
        let exact = try exactIndex(vectors)
        for (q, query) in TestVectors.gaussian(count: 30, dimension: 20, seed: 22).enumerated() {
            let reference = try exact.search(query: query, k: 15).map { (id: $0.id, similarity: Double($0.similarity)) }
            let problem = TestVectors.mismatch(try ivf.search(query: query, k: 10), reference, k: 10)
            #expect(problem == nil, "query \(q): \(problem ?? "")")
        }
        #expect(ivf.listSizes.reduce(0, +) == 800)
    }

    @Test("recall@10 on 2 000 clustered vectors (100 clusters) is at least 0.9 probing an eighth of the lists")
    func recallOnClusteredData() throws {
        let vectors = TestVectors.clustered(count: 2_000, dimension: 32, clusters: 100, spread: 0.7, seed: 31, noiseSeed: 1)
        let ivf = try build(vectors, settings: IVFSettings(listCount: 40, probeCount: 5, seed: 1))
        let exact = try exactIndex(vectors)
        let queries = TestVectors.clustered(count: 100, dimension: 32, clusters: 100, spread: 0.7, seed: 31, noiseSeed: 2)
        let truth = try queries.map { try exact.search(query: $0, k: 10) }
        let found = try queries.map { try ivf.search(query: $0, k: 10) }
        let recall = recallAtK(approximate: found, exact: truth, k: 10)
        #expect(recall >= 0.9, "recall@10 = \(recall)")
    }

    @Test("k-means gives the same centroids for the same seed and others for another seed")
    func deterministicTraining() throws {
        let vectors = TestVectors.gaussian(count: 600, dimension: 10, seed: 41)
        let settings = IVFSettings(listCount: 12, probeCount: 3, trainingIterations: 5, trainingPointsPerList: 30, seed: 77)
        let first = try IVFIndex(dimension: 10, settings: settings, trainingVectors: vectors)
        let second = try IVFIndex(dimension: 10, settings: settings, trainingVectors: vectors)
        #expect(first.centroids.map(\.bitPattern) == second.centroids.map(\.bitPattern))
        var reseeded = settings
        reseeded.seed = 78
        #expect(try IVFIndex(dimension: 10, settings: reseeded, trainingVectors: vectors).centroids != first.centroids)
        // Every centroid is a unit vector.
        for c in 0..<12 {
            let norm = first.centroids[(c * 10)..<((c + 1) * 10)].reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5, "centroid \(c) has norm \(norm)")
        }
    }

    @Test("k-means re-seeds empty clusters the same way every time")
    func emptyClustersReseeded() throws {
        // Three directions repeated 30 times plus 10 distinct vectors: with 8 lists, sampled
        // initial centroids coincide and some clusters empty out.
        let distinct = TestVectors.gaussian(count: 13, dimension: 6, seed: 45)
        let vectors = (0..<90).map { distinct[$0 % 3] } + distinct[3...]
        let settings = IVFSettings(listCount: 8, probeCount: 8, trainingIterations: 6, seed: 9)
        let first = try IVFIndex(dimension: 6, settings: settings, trainingVectors: vectors)
        let second = try IVFIndex(dimension: 6, settings: settings, trainingVectors: vectors)
        #expect(first.centroids.map(\.bitPattern) == second.centroids.map(\.bitPattern))
        for c in 0..<8 {
            let norm = first.centroids[(c * 6)..<((c + 1) * 6)].reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5, "centroid \(c) has norm \(norm)")
        }
    }

    @Test("adds and removes after training keep a full probe equal to exact search")
    func addRemoveAfterTraining() throws {
        let vectors = TestVectors.gaussian(count: 500, dimension: 16, seed: 51)
        var ivf = try IVFIndex(dimension: 16, settings: IVFSettings(listCount: 10, probeCount: 10), trainingVectors: Array(vectors[0..<200]))
        var exact = try ExactCosineIndex(dimension: 16)
        for (id, vector) in vectors.enumerated() {
            try ivf.add(id: Int64(id), vector: vector)
            try exact.add(id: Int64(id), vector: vector)
        }
        for id in stride(from: Int64(0), to: 500, by: 3) {
            let removedIVF = ivf.remove(id: id), removedExact = exact.remove(id: id)
            #expect(removedIVF && removedExact)
        }
        let removedAgain = ivf.remove(id: 0)
        #expect(!removedAgain)
        #expect(ivf.count == exact.count)
        #expect(throws: VectorIndexError.duplicateID(1)) { try ivf.add(id: 1, vector: vectors[0]) }
        for query in TestVectors.gaussian(count: 20, dimension: 16, seed: 52) {
            let reference = try exact.search(query: query, k: 17).map { (id: $0.id, similarity: Double($0.similarity)) }
            #expect(TestVectors.mismatch(try ivf.search(query: query, k: 12), reference, k: 12) == nil)
        }
    }

    @Test("settings out of range and too little training data are refused with their messages")
    func settingErrors() throws {
        let vectors = TestVectors.gaussian(count: 20, dimension: 4, seed: 61)
        #expect(throws: VectorIndexError.invalidSetting(name: "probeCount", value: "9", expected: "between 1 and listCount (8)")) {
            try IVFIndex(dimension: 4, settings: IVFSettings(listCount: 8, probeCount: 9), trainingVectors: vectors)
        }
        #expect(throws: VectorIndexError.invalidSetting(name: "listCount", value: "0", expected: "at least 1")) {
            try IVFSettings(listCount: 0, probeCount: 1).validate()
        }
        #expect(throws: VectorIndexError.tooFewTrainingVectors(needed: 32, found: 20)) {
            try IVFIndex(dimension: 4, settings: IVFSettings(listCount: 32, probeCount: 4), trainingVectors: vectors)
        }
        var ivf = try IVFIndex(dimension: 4, settings: IVFSettings(listCount: 4, probeCount: 2), trainingVectors: vectors)
        #expect(throws: VectorIndexError.invalidSetting(name: "probeCount", value: "5", expected: "between 1 and listCount (4)")) {
            try ivf.setProbeCount(5)
        }
        #expect(VectorIndexError.tooFewTrainingVectors(needed: 32, found: 20).description
                == "training the coarse quantiser needs at least 32 vectors (one per list), got 20")
        #expect(try ivf.search(query: [1, 2, 3, 4], k: 3).isEmpty)
    }
}
