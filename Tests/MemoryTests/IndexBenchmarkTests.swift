import Testing
import Memory

@Suite("Index benchmark")
struct IndexBenchmarkTests {
    @Test("the benchmark reports full recall and a full scan when every list is probed")
    func fullProbe() throws {
        let vectors = TestVectors.clustered(count: 600, dimension: 12, clusters: 10, spread: 0.5, seed: 101, noiseSeed: 1)
        let queries = TestVectors.clustered(count: 25, dimension: 12, clusters: 10, spread: 0.5, seed: 101, noiseSeed: 2)
        // timingThreads nil: other suites run BLAS in parallel, and the thread count is process-wide.
        let rows = try IndexBenchmark.sweep(vectors: vectors, queries: queries, k: 10,
                                            settings: IVFSettings(listCount: 8, probeCount: 8), probeCounts: [2, 8], timingThreads: nil)
        #expect(rows.map(\.settings.probeCount) == [2, 8])
        #expect(rows[1].recall == 1 && abs(rows[1].scannedFraction - 1) < 1e-12)
        #expect(rows[0].scannedFraction < 1 && rows[0].recall <= 1)
        #expect(rows.allSatisfy { $0.count == 600 && $0.dimension == 12 && $0.queryCount == 25 && $0.exactMeanQuerySeconds > 0 })
    }
}
