/// Deterministic top-k over a stream of (similarity, id) candidates: a bounded binary heap whose
/// root is the worst hit kept, so each candidate costs O(1) when it does not qualify and
/// O(log k) when it does — O(N log k) for N candidates instead of sorting all N.
///
/// "Worse" is the reverse of `SearchHit.ranksBefore` (lower similarity, or equal similarity and
/// higher id), so ties are broken by the lower id whatever order the candidates arrive in.
///
/// The heap's storage is allocated once at `init`; `offer` never allocates.
struct TopKSelection {
    let k: Int
    private var similarities: [Float]
    private var ids: [Int64]
    private(set) var filled = 0

    init(k: Int) {
        precondition(k >= 1, "TopKSelection needs k ≥ 1, got \(k)")
        self.k = k
        similarities = [Float](repeating: 0, count: k)
        ids = [Int64](repeating: 0, count: k)
    }

    /// (a, idA) ranks after (b, idB): the order the heap keeps its worst hit on top by.
    @inline(__always)
    private static func isWorse(_ a: Float, _ idA: Int64, than b: Float, _ idB: Int64) -> Bool {
        a < b || (a == b && idA > idB)
    }

    /// Considers every score in `scores`, the candidate at position i having id `ids[i]`.
    mutating func offer(scores: UnsafeBufferPointer<Float>, ids candidateIDs: UnsafeBufferPointer<Int64>) {
        precondition(scores.count == candidateIDs.count, "TopKSelection: \(scores.count) scores for \(candidateIDs.count) ids")
        let k = self.k
        var filled = self.filled
        similarities.withUnsafeMutableBufferPointer { heapScores in
            ids.withUnsafeMutableBufferPointer { heapIDs in
                for i in 0..<scores.count {
                    let score = scores[i], id = candidateIDs[i]
                    if filled < k {
                        Self.siftUp(score, id, from: filled, scores: heapScores, ids: heapIDs)
                        filled += 1
                    } else if Self.isWorse(heapScores[0], heapIDs[0], than: score, id) {
                        Self.siftDown(score, id, count: k, scores: heapScores, ids: heapIDs)
                    }
                }
            }
        }
        self.filled = filled
    }

    /// The kept hits, best first.
    func sortedHits() -> [SearchHit] {
        var hits = (0..<filled).map { SearchHit(id: ids[$0], similarity: similarities[$0]) }
        hits.sort(by: SearchHit.ranksBefore)
        return hits
    }

    /// Inserts at the end (position `position`) and moves the new entry up past better parents.
    @inline(__always)
    private static func siftUp(_ score: Float, _ id: Int64, from position: Int,
                               scores: UnsafeMutableBufferPointer<Float>, ids: UnsafeMutableBufferPointer<Int64>) {
        var child = position
        while child > 0 {
            let parent = (child - 1) / 2
            guard isWorse(score, id, than: scores[parent], ids[parent]) else { break }
            scores[child] = scores[parent]
            ids[child] = ids[parent]
            child = parent
        }
        scores[child] = score
        ids[child] = id
    }

    /// Replaces the root (the worst kept hit) and moves the new entry down below worse children.
    @inline(__always)
    private static func siftDown(_ score: Float, _ id: Int64, count: Int,
                                 scores: UnsafeMutableBufferPointer<Float>, ids: UnsafeMutableBufferPointer<Int64>) {
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= count { break }
            var worst = left
            let right = left + 1
            if right < count && isWorse(scores[right], ids[right], than: scores[left], ids[left]) { worst = right }
            guard isWorse(scores[worst], ids[worst], than: score, id) else { break }
            scores[parent] = scores[worst]
            ids[parent] = ids[worst]
            parent = worst
        }
        scores[parent] = score
        ids[parent] = id
    }
}
