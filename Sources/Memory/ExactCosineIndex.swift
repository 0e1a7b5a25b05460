import Tensor

/// Exact cosine top-k: every stored direction is scored against the query, then the best k kept.
///
///     V [N,D]   stored directions, row-major, row r = v_r / ‖v_r‖
///     q̂ [D]     the query's direction q / ‖q‖
///     s [N]     s = V · q̂                    (one sgemv; s_r = cos(q, v_r))
///     hits      top-k of s by (s desc, id asc)
///
/// Why exact: it is the reference the approximate index's recall is measured against, and below
/// a few ten thousand vectors one memory-bound sgemv is fast enough to need nothing cleverer.
///
/// Removal swaps the last row into the removed one (O(D), no hole), keeping `rowOfID` current.
/// Ties are broken by id, never by row, so results do not depend on where a row ended up; the
/// float bits of a score can in principle depend on the row's position inside BLAS's blocking,
/// so "same calls ⇒ same bits" holds for the same sequence of adds and removes.
public struct ExactCosineIndex: VectorIndex {
    public let dimension: Int
    /// Row-major [N,D] directions.
    public private(set) var directions: [Float] = []
    /// The id of each row.
    public private(set) var ids: [Int64] = []
    private var rowOfID: [Int64: Int] = [:]

    public var count: Int { ids.count }

    public init(dimension: Int) throws {
        guard dimension >= 1 else { throw VectorIndexError.invalidDimension(dimension) }
        self.dimension = dimension
    }

    /// Rebuilds an index from stored rows (already directions), as `IndexFile` reads them.
    init(dimension: Int, ids: [Int64], directions: [Float]) throws {
        precondition(directions.count == ids.count * dimension, "ExactCosineIndex: \(directions.count) floats for \(ids.count) rows of \(dimension)")
        try self.init(dimension: dimension)
        self.ids = ids
        self.directions = directions
        rowOfID.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() {
            guard rowOfID.updateValue(row, forKey: id) == nil else { throw VectorIndexError.duplicateID(id) }
        }
    }

    public func contains(id: Int64) -> Bool { rowOfID[id] != nil }

    /// The stored direction of `id` (v / ‖v‖), or nil.
    public func direction(of id: Int64) -> [Float]? {
        guard let row = rowOfID[id] else { return nil }
        return Array(directions[(row * dimension)..<((row + 1) * dimension)])
    }

    public mutating func add(id: Int64, vector: [Float]) throws {
        guard rowOfID[id] == nil else { throw VectorIndexError.duplicateID(id) }
        let direction = try normalizedDirection(vector, dimension: dimension, role: "vector for id \(id)")
        appendDirection(direction, id: id)
    }

    /// Appends a row that is already a direction (the tiered index and the loader use this).
    mutating func appendDirection(_ direction: [Float], id: Int64) {
        precondition(direction.count == dimension && rowOfID[id] == nil, "ExactCosineIndex.appendDirection: bad row for id \(id)")
        rowOfID[id] = ids.count
        ids.append(id)
        directions.append(contentsOf: direction)
    }

    /// Reserves room for `total` vectors, so bulk loading copies the rows once.
    public mutating func reserveCapacity(_ total: Int) {
        directions.reserveCapacity(total * dimension)
        ids.reserveCapacity(total)
        rowOfID.reserveCapacity(total)
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let row = rowOfID.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if row != last {
            let D = dimension
            directions.withUnsafeMutableBufferPointer { rows in
                for j in 0..<D { rows[row * D + j] = rows[last * D + j] }
            }
            let movedID = ids[last]
            ids[row] = movedID
            rowOfID[movedID] = row
        }
        ids.removeLast()
        directions.removeLast(dimension)
        return true
    }

    public func search(query: [Float], k: Int) throws -> [SearchHit] {
        try validateK(k)
        let q = try normalizedDirection(query, dimension: dimension, role: "query")
        guard count > 0 else { return [] }
        let N = count, D = dimension
        var scores = [Float](repeating: 0, count: N)
        var selection = TopKSelection(k: min(k, N))
        directions.withUnsafeBufferPointer { V in
            q.withUnsafeBufferPointer { qHat in
                scores.withUnsafeMutableBufferPointer { s in
                    // s = V · q̂
                    guard let v = V.baseAddress, let x = qHat.baseAddress, let y = s.baseAddress else { return }
                    sgemv(m: N, n: D, alpha: 1, a: v, lda: D, x: x, beta: 0, y: y)
                }
            }
        }
        scores.withUnsafeBufferPointer { s in
            ids.withUnsafeBufferPointer { rowIDs in selection.offer(scores: s, ids: rowIDs) }
        }
        return selection.sortedHits()
    }

    /// Searches many queries at once: S [Q,N] = Q̂ [Q,D] · Vᵀ through sgemm, in blocks of
    /// `queryBlock` queries so the score matrix stays at most queryBlock × N floats.
    ///
    /// Why: computing ground truth for a thousand queries is compute-bound this way, against
    /// memory-bound as a thousand sgemv calls. BLAS sums in another order than sgemv, so a
    /// similarity may differ from `search(query:k:)`'s in the last bits (and a near-tie at the
    /// k-th place may fall the other way).
    public func search(queries: [[Float]], k: Int, queryBlock: Int = 64) throws -> [[SearchHit]] {
        try validateK(k)
        guard queryBlock >= 1 else {
            throw VectorIndexError.invalidSetting(name: "queryBlock", value: "\(queryBlock)", expected: "at least 1")
        }
        let D = dimension, N = count
        var directionsOfQueries: [Float] = []
        directionsOfQueries.reserveCapacity(queries.count * D)
        for (index, query) in queries.enumerated() {
            directionsOfQueries += try normalizedDirection(query, dimension: D, role: "query \(index)")
        }
        guard N > 0 else { return Array(repeating: [], count: queries.count) }
        var results: [[SearchHit]] = []
        results.reserveCapacity(queries.count)
        var scores = [Float](repeating: 0, count: min(queryBlock, max(1, queries.count)) * N)
        var start = 0
        while start < queries.count {
            let block = min(queryBlock, queries.count - start)
            directionsOfQueries.withUnsafeBufferPointer { Q in
                directions.withUnsafeBufferPointer { V in
                    scores.withUnsafeMutableBufferPointer { S in
                        // S = Q̂[start..<start+block] · Vᵀ
                        guard let q = Q.baseAddress, let v = V.baseAddress, let s = S.baseAddress else { return }
                        sgemm(transA: false, transB: true, m: block, n: N, k: D, alpha: 1,
                              a: q + start * D, lda: D, b: v, ldb: D, beta: 0, c: s, ldc: N)
                    }
                }
            }
            for b in 0..<block {
                var selection = TopKSelection(k: min(k, N))
                scores.withUnsafeBufferPointer { S in
                    ids.withUnsafeBufferPointer { rowIDs in
                        selection.offer(scores: UnsafeBufferPointer(rebasing: S[(b * N)..<((b + 1) * N)]), ids: rowIDs)
                    }
                }
                results.append(selection.sortedHits())
            }
            start += block
        }
        return results
    }
}
