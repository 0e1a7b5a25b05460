import Tensor

/// An inverted-file index (Jégou, Douze & Schmid 2011; FAISS's IndexIVFFlat) over directions:
/// a spherical k-means quantiser cuts the unit sphere into `listCount` cells, each stored vector
/// lives in the list of its nearest centroid, and a query scans only the `probeCount` lists whose
/// centroids are nearest to it, exactly.
///
///     C [K,D]       centroids (K = listCount), unit rows
///     c = C · q̂     [K] one sgemv; the probeCount largest (ties → lower list) are probed
///     s_l = V_l · q̂ [n_l] one sgemv per probed list l (V_l its rows); top-k over all s_l
///
/// Why IVF rather than HNSW: its build is a few sgemm passes (seconds at 10⁵ vectors), removal is
/// a swap inside one list, its state is flat arrays that persist as they are, and its one knob,
/// `probeCount`, trades recall for speed at query time without a rebuild.
///
/// The quantiser is fixed once trained: vectors added later are assigned to the existing
/// centroids. When the data drifts far from what the quantiser was trained on, lists grow
/// unevenly and speed drops (recall does not, for a given fraction of vectors probed);
/// `TieredVectorIndex` retrains as the memory grows.
public struct IVFIndex: VectorIndex {
    /// One cell's vectors: ids and row-major [n_l, D] directions.
    struct InvertedList: Equatable, Sendable {
        var ids: [Int64] = []
        var directions: [Float] = []
    }

    /// Where an id is stored.
    struct Location: Equatable, Sendable {
        var list: Int32
        var position: Int
    }

    public let dimension: Int
    public private(set) var settings: IVFSettings
    /// [K,D] unit centroids.
    public let centroids: [Float]
    private(set) var lists: [InvertedList]
    private var locations: [Int64: Location] = [:]
    /// 0..<K as ids for the probe selection (allocated once, not per query).
    private let listNumbers: [Int64]

    public var count: Int { locations.count }
    public var listCount: Int { settings.listCount }
    /// Vectors per list, list 0 first: how evenly the quantiser cut the data.
    public var listSizes: [Int] { lists.map(\.ids.count) }

    /// Trains the quantiser on `trainingVectors` (normalised first; at least `listCount` of them).
    /// The training vectors are not stored: add them (or others) afterwards.
    public init(dimension: Int, settings: IVFSettings, trainingVectors: [[Float]]) throws {
        guard dimension >= 1 else { throw VectorIndexError.invalidDimension(dimension) }
        var rows: [Float] = []
        rows.reserveCapacity(trainingVectors.count * dimension)
        for (index, vector) in trainingVectors.enumerated() {
            rows += try normalizedDirection(vector, dimension: dimension, role: "training vector \(index)")
        }
        try self.init(dimension: dimension, settings: settings, trainingDirections: rows)
    }

    /// Trains on rows that are already directions ([N,D], row-major).
    init(dimension: Int, settings: IVFSettings, trainingDirections rows: [Float]) throws {
        guard dimension >= 1 else { throw VectorIndexError.invalidDimension(dimension) }
        try settings.validate()
        let N = rows.count / dimension, K = settings.listCount
        guard N >= K else { throw VectorIndexError.tooFewTrainingVectors(needed: K, found: N) }
        var generator = Philox4x32_10(key: (UInt32(truncatingIfNeeded: settings.seed), UInt32(truncatingIfNeeded: settings.seed >> 32)))
        // Sample at most K · trainingPointsPerList rows without replacement, kept in row order.
        let (cap, overflow) = K.multipliedReportingOverflow(by: settings.trainingPointsPerList)
        let sampleCount = overflow ? N : min(N, cap)
        var sample = rows
        if sampleCount < N {
            var order = Array(0..<N)
            for i in 0..<sampleCount { order.swapAt(i, i + generator.uniformInt(below: N - i)) }
            let chosen = order[0..<sampleCount].sorted()
            sample = []
            sample.reserveCapacity(sampleCount * dimension)
            for row in chosen { sample += rows[(row * dimension)..<((row + 1) * dimension)] }
        }
        let trained = sample.withUnsafeBufferPointer { X in
            SphericalKMeans.train(rows: X, count: sampleCount, dimension: dimension, clusters: K,
                                  iterations: settings.trainingIterations, generator: &generator)
        }
        self.init(dimension: dimension, settings: settings, centroids: trained,
                  lists: Array(repeating: InvertedList(), count: K))
    }

    /// Assembles an index from its parts (the loader's path); `lists` must hold distinct ids.
    init(dimension: Int, settings: IVFSettings, centroids: [Float], lists: [InvertedList]) {
        precondition(centroids.count == settings.listCount * dimension && lists.count == settings.listCount,
                     "IVFIndex: \(centroids.count) centroid floats and \(lists.count) lists for K=\(settings.listCount) D=\(dimension)")
        self.dimension = dimension
        self.settings = settings
        self.centroids = centroids
        self.lists = lists
        listNumbers = (0..<settings.listCount).map(Int64.init)
        for (l, list) in lists.enumerated() {
            for (position, id) in list.ids.enumerated() {
                locations[id] = Location(list: Int32(l), position: position)
            }
        }
    }

    /// Changes how many lists a search scans; 1...listCount.
    public mutating func setProbeCount(_ probeCount: Int) throws {
        var changed = settings
        changed.probeCount = probeCount
        try changed.validate()
        settings = changed
    }

    public func contains(id: Int64) -> Bool { locations[id] != nil }

    public mutating func add(id: Int64, vector: [Float]) throws {
        guard locations[id] == nil else { throw VectorIndexError.duplicateID(id) }
        let direction = try normalizedDirection(vector, dimension: dimension, role: "vector for id \(id)")
        append(direction, id: id, list: nearestList(to: direction))
    }

    /// Adds many vectors at once, assigning them with sgemm in blocks (much faster than one sgemv
    /// per vector at 10⁵ vectors). Nothing is added when any vector or id is refused.
    public mutating func add(ids: [Int64], vectors: [[Float]]) throws {
        precondition(ids.count == vectors.count, "IVFIndex.add: \(ids.count) ids for \(vectors.count) vectors")
        var seen = Set<Int64>()
        var rows: [Float] = []
        rows.reserveCapacity(ids.count * dimension)
        for (id, vector) in zip(ids, vectors) {
            guard locations[id] == nil, seen.insert(id).inserted else { throw VectorIndexError.duplicateID(id) }
            rows += try normalizedDirection(vector, dimension: dimension, role: "vector for id \(id)")
        }
        addDirections(ids: ids, rows: rows)
    }

    /// Bulk add of rows that are already directions, ids not yet stored.
    mutating func addDirections(ids: [Int64], rows: [Float]) {
        let N = ids.count, D = dimension
        var assignment = [Int32](repeating: 0, count: N)
        var similarity = [Float](repeating: 0, count: N)
        rows.withUnsafeBufferPointer { X in
            SphericalKMeans.assign(rows: X, count: N, dimension: D, centroids: centroids, clusters: settings.listCount,
                                   assignment: &assignment, similarity: &similarity)
        }
        for n in 0..<N {
            append(rows[(n * D)..<((n + 1) * D)], id: ids[n], list: Int(assignment[n]))
        }
    }

    private mutating func append<Row: Collection<Float>>(_ direction: Row, id: Int64, list l: Int) {
        locations[id] = Location(list: Int32(l), position: lists[l].ids.count)
        lists[l].ids.append(id)
        lists[l].directions.append(contentsOf: direction)
    }

    /// argmax_l C_l · x̂ (ties → lower list), one sgemv.
    private func nearestList(to direction: [Float]) -> Int {
        let scores = centroidScores(direction)
        var best = 0
        for l in 1..<max(1, scores.count) where scores[l] > scores[best] { best = l }
        return best
    }

    /// c = C · q̂ [K].
    private func centroidScores(_ direction: [Float]) -> [Float] {
        let K = settings.listCount, D = dimension
        var scores = [Float](repeating: 0, count: K)
        centroids.withUnsafeBufferPointer { C in
            direction.withUnsafeBufferPointer { q in
                scores.withUnsafeMutableBufferPointer { c in
                    guard let a = C.baseAddress, let x = q.baseAddress, let y = c.baseAddress else { return }
                    sgemv(m: K, n: D, alpha: 1, a: a, lda: D, x: x, beta: 0, y: y)
                }
            }
        }
        return scores
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let location = locations.removeValue(forKey: id) else { return false }
        let l = Int(location.list), row = location.position, D = dimension
        let last = lists[l].ids.count - 1
        if row != last {
            lists[l].directions.withUnsafeMutableBufferPointer { rows in
                for j in 0..<D { rows[row * D + j] = rows[last * D + j] }
            }
            let movedID = lists[l].ids[last]
            lists[l].ids[row] = movedID
            locations[movedID] = Location(list: location.list, position: row)
        }
        lists[l].ids.removeLast()
        lists[l].directions.removeLast(D)
        return true
    }

    public func search(query: [Float], k: Int) throws -> [SearchHit] {
        try search(query: query, k: k, probeCount: settings.probeCount)
    }

    /// Searches the `probeCount` lists nearest to the query (overriding the settings' value).
    public func search(query: [Float], k: Int, probeCount: Int) throws -> [SearchHit] {
        try validateK(k)
        guard probeCount >= 1 && probeCount <= settings.listCount else {
            throw VectorIndexError.invalidSetting(name: "probeCount", value: "\(probeCount)",
                                                  expected: "between 1 and listCount (\(settings.listCount))")
        }
        let q = try normalizedDirection(query, dimension: dimension, role: "query")
        guard count > 0 else { return [] }
        let probed = nearestLists(to: q, probeCount: probeCount)
        let longest = probed.reduce(0) { max($0, lists[$1].ids.count) }
        var scores = [Float](repeating: 0, count: longest)
        var selection = TopKSelection(k: min(k, count))
        let D = dimension
        q.withUnsafeBufferPointer { qHat in
            scores.withUnsafeMutableBufferPointer { s in
                for l in probed {
                    let n = lists[l].ids.count
                    guard n > 0, let x = qHat.baseAddress, let y = s.baseAddress else { continue }
                    lists[l].directions.withUnsafeBufferPointer { V in
                        // s_l = V_l · q̂
                        guard let v = V.baseAddress else { return }
                        sgemv(m: n, n: D, alpha: 1, a: v, lda: D, x: x, beta: 0, y: y)
                    }
                    lists[l].ids.withUnsafeBufferPointer { listIDs in
                        selection.offer(scores: UnsafeBufferPointer(rebasing: s[0..<n]), ids: listIDs)
                    }
                }
            }
        }
        return selection.sortedHits()
    }

    /// The lists a search with the current `probeCount` scans, nearest first.
    public func probedLists(query: [Float]) throws -> [Int] {
        let q = try normalizedDirection(query, dimension: dimension, role: "query")
        return nearestLists(to: q, probeCount: settings.probeCount)
    }

    /// The probeCount lists with the largest C_l · q̂, ties → lower list, nearest first.
    private func nearestLists(to direction: [Float], probeCount: Int) -> [Int] {
        let centroidScores = self.centroidScores(direction)
        var probes = TopKSelection(k: probeCount)
        centroidScores.withUnsafeBufferPointer { c in
            listNumbers.withUnsafeBufferPointer { numbers in probes.offer(scores: c, ids: numbers) }
        }
        return probes.sortedHits().map { Int($0.id) }
    }
}
