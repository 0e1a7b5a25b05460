/// Long-term memory that starts exact and switches to an IVF index as it grows.
///
/// Policy:
/// - Every vector is kept in an `ExactCosineIndex` (the reference store: `searchExact` measures
///   the approximate index's recall against it, and retraining reads its rows).
/// - While `count ≤ approximateThreshold`, searches are exact.
/// - When an add makes `count > approximateThreshold`, an IVF quantiser is trained on all stored
///   directions (in row order) and every vector is assigned to it; from then on searches are
///   answered by the IVF index, and adds and removes go to both.
/// - When the memory has grown to `retrainGrowthFactor` × the count it was trained at, the IVF is
///   retrained from the exact store, so the cells keep tracking the data (an old quantiser's
///   lists grow unevenly).
/// - When removals bring `count` to half the threshold or below, the IVF is dropped and searches
///   are exact again. The gap between the two switch points keeps a memory hovering near the
///   threshold from retraining on every add.
///
/// The cost is memory: the directions are held twice (exact rows and IVF lists) once approximate.
public struct TieredVectorIndex: VectorIndex {
    public let dimension: Int
    public let approximateThreshold: Int
    public private(set) var ivfSettings: IVFSettings
    public let retrainGrowthFactor: Int
    public private(set) var exact: ExactCosineIndex
    public private(set) var approximate: IVFIndex?
    /// The count the current IVF was trained at (0 when there is none).
    public private(set) var trainedAtCount: Int

    public var count: Int { exact.count }
    /// Whether `search` currently answers from the IVF index.
    public var isApproximate: Bool { approximate != nil }

    /// - Parameters:
    ///   - approximateThreshold: the count above which searches become approximate; at least
    ///     `ivfSettings.listCount` (k-means needs one vector per list).
    ///   - retrainGrowthFactor: retrain when the memory reaches this multiple of its size at the
    ///     last training; at least 2.
    public init(dimension: Int, approximateThreshold: Int, ivfSettings: IVFSettings, retrainGrowthFactor: Int = 2) throws {
        try ivfSettings.validate()
        guard approximateThreshold >= ivfSettings.listCount else {
            throw VectorIndexError.invalidSetting(name: "approximateThreshold", value: "\(approximateThreshold)",
                                                  expected: "at least listCount (\(ivfSettings.listCount)): k-means needs a vector per list")
        }
        guard retrainGrowthFactor >= 2 else {
            throw VectorIndexError.invalidSetting(name: "retrainGrowthFactor", value: "\(retrainGrowthFactor)", expected: "at least 2")
        }
        self.dimension = dimension
        self.approximateThreshold = approximateThreshold
        self.ivfSettings = ivfSettings
        self.retrainGrowthFactor = retrainGrowthFactor
        exact = try ExactCosineIndex(dimension: dimension)
        approximate = nil
        trainedAtCount = 0
    }

    /// Reassembles a saved index (the loader's path).
    init(approximateThreshold: Int, ivfSettings: IVFSettings, retrainGrowthFactor: Int, exact: ExactCosineIndex,
         approximate: IVFIndex?, trainedAtCount: Int) {
        dimension = exact.dimension
        self.approximateThreshold = approximateThreshold
        self.ivfSettings = ivfSettings
        self.retrainGrowthFactor = retrainGrowthFactor
        self.exact = exact
        self.approximate = approximate
        self.trainedAtCount = trainedAtCount
    }

    public func contains(id: Int64) -> Bool { exact.contains(id: id) }

    public mutating func add(id: Int64, vector: [Float]) throws {
        guard !exact.contains(id: id) else { throw VectorIndexError.duplicateID(id) }
        let direction = try normalizedDirection(vector, dimension: dimension, role: "vector for id \(id)")
        exact.appendDirection(direction, id: id)
        if approximate == nil {
            if count > approximateThreshold { try retrain() }
        } else {
            // Stored in both first, so a failed retraining leaves the old IVF complete.
            approximate?.addDirections(ids: [id], rows: direction)
            if count >= retrainGrowthFactor * trainedAtCount { try retrain() }
        }
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard exact.remove(id: id) else { return false }
        approximate?.remove(id: id)
        if approximate != nil && count <= approximateThreshold / 2 {
            approximate = nil
            trainedAtCount = 0
        }
        return true
    }

    /// Trains a new IVF on every stored direction and assigns them all to it; `search` answers
    /// from it afterwards. Called by `add` under the policy above; callable directly, e.g. after
    /// changing what the memory holds.
    public mutating func retrain() throws {
        var ivf = try IVFIndex(dimension: dimension, settings: ivfSettings, trainingDirections: exact.directions)
        ivf.addDirections(ids: exact.ids, rows: exact.directions)
        approximate = ivf
        trainedAtCount = count
    }

    /// Changes how many lists the approximate search scans, now and after any retraining.
    public mutating func setProbeCount(_ probeCount: Int) throws {
        var changed = ivfSettings
        changed.probeCount = probeCount
        try changed.validate()
        ivfSettings = changed
        try approximate?.setProbeCount(probeCount)
    }

    public func search(query: [Float], k: Int) throws -> [SearchHit] {
        if let approximate { return try approximate.search(query: query, k: k) }
        return try exact.search(query: query, k: k)
    }

    /// The exact answer whatever the tier: the reference for recall.
    public func searchExact(query: [Float], k: Int) throws -> [SearchHit] {
        try exact.search(query: query, k: k)
    }
}
