import Testing
import Memory

@Suite("Exact cosine index")
struct ExactCosineIndexTests {
    @Test("exact search returns the brute-force top-k", arguments: [
        (count: 1, dimension: 3, k: 1), (count: 7, dimension: 5, k: 10), (count: 50, dimension: 16, k: 5),
        (count: 300, dimension: 33, k: 10), (count: 1_000, dimension: 64, k: 25), (count: 2_000, dimension: 8, k: 1),
    ])
    func matchesBruteForce(count: Int, dimension: Int, k: Int) throws {
        let vectors = TestVectors.gaussian(count: count, dimension: dimension, seed: UInt32(count + dimension))
        let queries = TestVectors.gaussian(count: 20, dimension: dimension, seed: 999)
        var index = try ExactCosineIndex(dimension: dimension)
        // Ids out of insertion order, so a tie-break by row would show.
        let stored = vectors.enumerated().map { (id: Int64(($0.offset * 7919) % 100_003), vector: $0.element) }
        for entry in stored { try index.add(id: entry.id, vector: entry.vector) }
        #expect(index.count == count)
        for (q, query) in queries.enumerated() {
            let hits = try index.search(query: query, k: k)
            let problem = TestVectors.mismatch(hits, TestVectors.bruteForce(stored, query: query), k: k)
            #expect(problem == nil, "N=\(count) D=\(dimension) k=\(k) query \(q): \(problem ?? "")")
        }
    }

    @Test("equal similarities are ordered by the lower id, whatever the insertion order")
    func tiesByLowerID() throws {
        // 0/1 vectors with four ones: directions are exact halves, so equal vectors score
        // bit-identically in any summation order.
        var index = try ExactCosineIndex(dimension: 8)
        let a: [Float] = [1, 1, 1, 1, 0, 0, 0, 0], b: [Float] = [0, 0, 1, 1, 1, 1, 0, 0]
        for id in [Int64(42), 7, 19, 3] { try index.add(id: id, vector: a) }
        for id in [Int64(1), 100] { try index.add(id: id, vector: b) }
        let hits = try index.search(query: a, k: 5)
        #expect(hits.map(\.id) == [3, 7, 19, 42, 1])
        #expect(hits.map(\.similarity) == [1, 1, 1, 1, 0.5])
        index.remove(id: 7)
        try index.add(id: 7, vector: a)
        #expect(try index.search(query: a, k: 5).map(\.id) == [3, 7, 19, 42, 1])
    }

    @Test("adds and removes keep search equal to brute force over what is stored")
    func addRemoveConsistency() throws {
        let D = 12
        var index = try ExactCosineIndex(dimension: D)
        var model: [Int64: [Float]] = [:]
        var g = TestVectors.generator(11)
        let pool = TestVectors.gaussian(count: 400, dimension: D, seed: 12)
        for step in 0..<1_500 {
            let id = Int64(g.uniformInt(below: 200))
            if model[id] != nil && g.uniformInt(below: 3) == 0 {
                let removed = index.remove(id: id)
                #expect(removed)
                model[id] = nil
            } else if model[id] == nil {
                let vector = pool[g.uniformInt(below: pool.count)]
                try index.add(id: id, vector: vector)
                model[id] = vector
            }
            let removedAbsent = index.remove(id: -1)
            #expect(!removedAbsent)
            if step % 100 == 99 {
                let query = pool[step % pool.count]
                let stored = model.map { (id: $0.key, vector: $0.value) }
                let problem = TestVectors.mismatch(try index.search(query: query, k: 15), TestVectors.bruteForce(stored, query: query), k: 15)
                #expect(problem == nil, "step \(step): \(problem ?? "")")
            }
        }
        #expect(index.count == model.count)
        for (id, vector) in model { #expect(index.contains(id: id) && index.direction(of: id)?.count == vector.count) }
    }

    @Test("batched search returns the same hits as single-query search")
    func batchedMatchesSingle() throws {
        let vectors = TestVectors.gaussian(count: 500, dimension: 24, seed: 5)
        var index = try ExactCosineIndex(dimension: 24)
        for (id, vector) in vectors.enumerated() { try index.add(id: Int64(id), vector: vector) }
        let queries = TestVectors.gaussian(count: 70, dimension: 24, seed: 6)
        let batched = try index.search(queries: queries, k: 8, queryBlock: 16)
        #expect(batched.count == queries.count)
        for (q, query) in queries.enumerated() {
            let single = try index.search(query: query, k: 13)
            let reference = single.map { (id: $0.id, similarity: Double($0.similarity)) }
            #expect(TestVectors.mismatch(batched[q], reference, k: 8) == nil, "query \(q)")
        }
    }

    @Test("wrong dimensions, duplicate ids, zero or non-finite vectors and k ≤ 0 are refused with their messages")
    func errors() throws {
        var index = try ExactCosineIndex(dimension: 3)
        try index.add(id: 1, vector: [1, 0, 0])
        #expect(throws: VectorIndexError.wrongDimension(role: "vector for id 2", expected: 3, found: 2)) {
            try index.add(id: 2, vector: [1, 0])
        }
        #expect(throws: VectorIndexError.duplicateID(1)) { try index.add(id: 1, vector: [0, 1, 0]) }
        #expect(throws: VectorIndexError.zeroVector(role: "vector for id 3")) { try index.add(id: 3, vector: [0, 0, 0]) }
        #expect(throws: VectorIndexError.nonFiniteComponent(role: "query", index: 2)) {
            try index.search(query: [1, 0, .nan], k: 1)
        }
        #expect(throws: VectorIndexError.invalidK(0)) { try index.search(query: [1, 0, 0], k: 0) }
        #expect(throws: VectorIndexError.zeroVector(role: "query")) { try index.search(query: [0, 0, 0], k: 1) }
        #expect(throws: VectorIndexError.invalidDimension(0)) { try ExactCosineIndex(dimension: 0) }
        #expect(index.count == 1)
        #expect(VectorIndexError.wrongDimension(role: "query", expected: 784, found: 783).description
                == "query has 783 components; the index holds 784-dimensional vectors")
        #expect(VectorIndexError.zeroVector(role: "vector for id 3").description
                == "vector for id 3 is all zeros: cosine similarity is undefined for a zero vector")
        #expect(VectorIndexError.invalidK(-2).description == "k = -2: the number of hits to return must be at least 1")
        #expect(try ExactCosineIndex(dimension: 3).search(query: [1, 2, 3], k: 4).isEmpty)
    }
}
