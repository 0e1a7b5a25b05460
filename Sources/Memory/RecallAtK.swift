/// Recall@k of an approximate search against the exact one:
///
///     recall@k = (1/Q) Σ_q |A_q ∩ E_q| / min(k, |E_q|)
///
/// where A_q and E_q are the ids of the first k hits of query q in the approximate and exact
/// results. Why min(k, |E_q|): an index holding fewer than k vectors returns all of them
/// exactly, and finding all of them is full recall. Queries whose exact list is empty (an empty
/// index) count as recall 1. Summed in Double in query order, so the value is reproducible.
///
/// Ids, not similarities, are compared: an approximate index that returns the right vectors
/// with slightly different rounding still has full recall.
public func recallAtK(approximate: [[SearchHit]], exact: [[SearchHit]], k: Int) -> Double {
    precondition(approximate.count == exact.count, "recallAtK: \(approximate.count) approximate result lists for \(exact.count) exact ones")
    precondition(k >= 1, "recallAtK: k must be at least 1, got \(k)")
    guard !exact.isEmpty else { return 1 }
    var total = 0.0
    for (found, truth) in zip(approximate, exact) {
        let truthIDs = Set(truth.prefix(k).map(\.id))
        guard !truthIDs.isEmpty else {
            total += 1
            continue
        }
        let hits = Set(found.prefix(k).map(\.id)).intersection(truthIDs).count
        total += Double(hits) / Double(truthIDs.count)
    }
    return total / Double(exact.count)
}
