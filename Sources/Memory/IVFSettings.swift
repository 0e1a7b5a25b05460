/// The inverted-file index's parameters.
///
/// - `listCount` (FAISS's nlist): how many Voronoi cells the coarse quantiser cuts the sphere
///   into. More lists mean shorter lists (faster probes) but more centroids to score per query
///   and a finer cut that splits neighbours apart; ≈ 4·√N is the usual start.
/// - `probeCount` (nprobe): how many of the query's nearest lists are scanned exactly. Recall and
///   cost both grow with it; `probeCount == listCount` is an exact search.
/// - `trainingIterations`: Lloyd iterations of spherical k-means (fixed, no convergence test, so
///   training time and result depend only on the data and the seed).
/// - `trainingPointsPerList`: k-means trains on at most this many points per list, drawn without
///   replacement from the seed (FAISS caps at 256); the remaining vectors are only assigned.
/// - `seed`: the Philox key of the training draws (sample and initial centroids).
public struct IVFSettings: Equatable, Hashable, Sendable {
    public var listCount: Int
    public var probeCount: Int
    public var trainingIterations: Int
    public var trainingPointsPerList: Int
    public var seed: UInt64

    public init(listCount: Int, probeCount: Int, trainingIterations: Int = 10, trainingPointsPerList: Int = 64,
                seed: UInt64 = 0) {
        self.listCount = listCount
        self.probeCount = probeCount
        self.trainingIterations = trainingIterations
        self.trainingPointsPerList = trainingPointsPerList
        self.seed = seed
    }

    /// Largest value a count may take: list numbers are stored as Int32.
    static let maximumCount = Int(Int32.max)

    /// Throws the first setting that is out of range.
    public func validate() throws {
        guard listCount >= 1 && listCount <= Self.maximumCount else {
            throw VectorIndexError.invalidSetting(name: "listCount", value: "\(listCount)", expected: "at least 1")
        }
        guard probeCount >= 1 && probeCount <= listCount else {
            throw VectorIndexError.invalidSetting(name: "probeCount", value: "\(probeCount)",
                                                  expected: "between 1 and listCount (\(listCount))")
        }
        guard trainingIterations >= 0 && trainingIterations <= Self.maximumCount else {
            throw VectorIndexError.invalidSetting(name: "trainingIterations", value: "\(trainingIterations)",
                                                  expected: "at least 0 (0 keeps the sampled initial centroids)")
        }
        guard trainingPointsPerList >= 1 && trainingPointsPerList <= Self.maximumCount else {
            throw VectorIndexError.invalidSetting(name: "trainingPointsPerList", value: "\(trainingPointsPerList)",
                                                  expected: "at least 1")
        }
    }
}
