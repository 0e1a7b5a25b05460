import Testing
import Memory

@Suite("Tiered vector index")
struct TieredVectorIndexTests {
    @Test("search is exact up to the threshold and comes from the IVF above it")
    func switchesAboveThreshold() throws {
        let vectors = TestVectors.gaussian(count: 400, dimension: 8, seed: 71)
        var tiered = try TieredVectorIndex(dimension: 8, approximateThreshold: 100,
                                           ivfSettings: IVFSettings(listCount: 8, probeCount: 8, seed: 3))
        for id in 0..<100 { try tiered.add(id: Int64(id), vector: vectors[id]) }
        #expect(!tiered.isApproximate)
        try tiered.add(id: 100, vector: vectors[100])
        #expect(tiered.isApproximate && tiered.trainedAtCount == 101 && tiered.approximate?.count == 101)
        for id in 101..<201 { try tiered.add(id: Int64(id), vector: vectors[id]) }
        // 202 ≥ 2 × 101: retrained on everything stored.
        try tiered.add(id: 201, vector: vectors[201])
        #expect(tiered.trainedAtCount == 202 && tiered.approximate?.count == 202)
        // probeCount == listCount: the IVF must agree with the exact store.
        for query in TestVectors.gaussian(count: 10, dimension: 8, seed: 72) {
            let reference = try tiered.searchExact(query: query, k: 10).map { (id: $0.id, similarity: Double($0.similarity)) }
            #expect(TestVectors.mismatch(try tiered.search(query: query, k: 5), reference, k: 5) == nil)
        }
        #expect(throws: VectorIndexError.duplicateID(5)) { try tiered.add(id: 5, vector: vectors[5]) }
    }

    @Test("removing down to half the threshold drops the IVF and searches exactly again")
    func fallsBackToExact() throws {
        let vectors = TestVectors.gaussian(count: 120, dimension: 6, seed: 81)
        var tiered = try TieredVectorIndex(dimension: 6, approximateThreshold: 100,
                                           ivfSettings: IVFSettings(listCount: 4, probeCount: 1))
        for (id, vector) in vectors.enumerated() { try tiered.add(id: Int64(id), vector: vector) }
        #expect(tiered.isApproximate)
        for id in 0..<69 { tiered.remove(id: Int64(id)) }
        #expect(tiered.count == 51 && tiered.isApproximate && tiered.approximate?.count == 51)
        tiered.remove(id: 69)
        #expect(tiered.count == 50 && !tiered.isApproximate)
        let query = vectors[100]
        #expect(try tiered.search(query: query, k: 3) == tiered.searchExact(query: query, k: 3))
    }

    @Test("a threshold below the list count is refused")
    func thresholdValidation() {
        #expect(throws: VectorIndexError.invalidSetting(name: "approximateThreshold", value: "10",
                                                        expected: "at least listCount (16): k-means needs a vector per list")) {
            try TieredVectorIndex(dimension: 4, approximateThreshold: 10, ivfSettings: IVFSettings(listCount: 16, probeCount: 2))
        }
    }
}
