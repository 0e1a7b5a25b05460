import Dispatch
import Tensor

/// One measurement of the approximate index against the exact one on the same vectors.
public struct IndexBenchmarkResult: Equatable, Sendable {
    /// Vectors indexed (N), their dimension (D), queries timed (Q) and hits per query (k).
    public var count: Int
    public var dimension: Int
    public var queryCount: Int
    public var k: Int
    /// The IVF settings, `probeCount` the one this row measured.
    public var settings: IVFSettings
    /// Wall-clock seconds to add every vector to the exact index.
    public var exactBuildSeconds: Double
    /// Wall-clock seconds to train the IVF quantiser, and to assign and add every vector.
    public var approximateTrainingSeconds: Double
    public var approximateAddSeconds: Double
    /// Mean seconds per single-query search, one BLAS thread.
    public var exactMeanQuerySeconds: Double
    public var approximateMeanQuerySeconds: Double
    /// recall@k of the IVF's results against the exact ones.
    public var recall: Double
    /// Mean fraction of the stored vectors the IVF scored per query (the probed lists' share).
    public var scannedFraction: Double

    /// exact mean query time / approximate mean query time.
    public var speedUp: Double { exactMeanQuerySeconds / approximateMeanQuerySeconds }
}

/// Measures the IVF index's recall@k and speed-up over exact search, for the harness's
/// long-term-memory benchmark.
///
/// Both indexes hold the same vectors under ids 0..<N. Every query is searched one at a time in
/// both (the exact results are the reference), by default with OpenBLAS pinned to one thread
/// while timing, as the harness measures all latencies: single-query search is memory-bound, and
/// a second BLAS thread on a shared machine adds noise rather than speed. Builds run at the
/// process's thread count. Times are wall-clock means over the queries, so they carry the
/// machine's noise; nothing here asserts on them.
public enum IndexBenchmark {
    /// One row at `settings.probeCount`.
    public static func run(vectors: [[Float]], queries: [[Float]], k: Int, settings: IVFSettings,
                           timingThreads: Int? = 1) throws -> IndexBenchmarkResult {
        guard let result = try sweep(vectors: vectors, queries: queries, k: k, settings: settings,
                                     probeCounts: [settings.probeCount], timingThreads: timingThreads).first else {
            preconditionFailure("IndexBenchmark.sweep returned no row for one probe count")
        }
        return result
    }

    /// One row per probe count, sharing one build of each index and one exact pass.
    ///
    /// - Parameter timingThreads: OpenBLAS threads while queries are timed; nil leaves the
    ///   process's count alone. The count is process-wide, so pass nil whenever other threads may
    ///   be running BLAS (e.g. inside a parallel test run).
    public static func sweep(vectors: [[Float]], queries: [[Float]], k: Int, settings: IVFSettings,
                             probeCounts: [Int], timingThreads: Int? = 1) throws -> [IndexBenchmarkResult] {
        try validateK(k)
        try settings.validate()
        guard let dimension = vectors.first?.count else { throw VectorIndexError.tooFewTrainingVectors(needed: settings.listCount, found: 0) }
        guard !queries.isEmpty else {
            throw VectorIndexError.invalidSetting(name: "queries", value: "0 queries", expected: "at least one query")
        }
        let ids = (0..<vectors.count).map(Int64.init)

        var start = DispatchTime.now().uptimeNanoseconds
        var exact = try ExactCosineIndex(dimension: dimension)
        exact.reserveCapacity(vectors.count)
        for (id, vector) in zip(ids, vectors) { try exact.add(id: id, vector: vector) }
        let exactBuildSeconds = secondsSince(start)

        start = DispatchTime.now().uptimeNanoseconds
        var ivf = try IVFIndex(dimension: dimension, settings: settings, trainingVectors: vectors)
        let trainingSeconds = secondsSince(start)
        start = DispatchTime.now().uptimeNanoseconds
        try ivf.add(ids: ids, vectors: vectors)
        let addSeconds = secondsSince(start)
        let listSizes = ivf.listSizes

        let measure = { () throws -> [IndexBenchmarkResult] in
            var truth: [[SearchHit]] = []
            truth.reserveCapacity(queries.count)
            start = DispatchTime.now().uptimeNanoseconds
            for query in queries { truth.append(try exact.search(query: query, k: k)) }
            let exactMean = secondsSince(start) / Double(queries.count)

            var rows: [IndexBenchmarkResult] = []
            for probeCount in probeCounts {
                try ivf.setProbeCount(probeCount)
                var found: [[SearchHit]] = []
                found.reserveCapacity(queries.count)
                start = DispatchTime.now().uptimeNanoseconds
                for query in queries { found.append(try ivf.search(query: query, k: k)) }
                let approximateMean = secondsSince(start) / Double(queries.count)
                var scanned = 0
                for query in queries {
                    for list in try ivf.probedLists(query: query) { scanned += listSizes[list] }
                }
                rows.append(IndexBenchmarkResult(
                    count: vectors.count, dimension: dimension, queryCount: queries.count, k: k, settings: ivf.settings,
                    exactBuildSeconds: exactBuildSeconds, approximateTrainingSeconds: trainingSeconds,
                    approximateAddSeconds: addSeconds, exactMeanQuerySeconds: exactMean,
                    approximateMeanQuerySeconds: approximateMean,
                    recall: recallAtK(approximate: found, exact: truth, k: k),
                    scannedFraction: Double(scanned) / Double(queries.count * max(1, vectors.count))))
            }
            return rows
        }
        guard let timingThreads else { return try measure() }
        return try BLASThreads.with(timingThreads, measure)
    }

    private static func secondsSince(_ start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
