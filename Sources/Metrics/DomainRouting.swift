import Foundation

/// How well a mixture-of-experts router lines up with the true domains of its inputs.
///
/// Everything starts from the K×E confusion `C[d][e]`: how many samples of true domain d the
/// router sent (top-1) to expert e. Two scores are read off it, because neither alone is enough:
/// - **Purity** asks whether each domain is routed consistently. It does not punish collapse: a
///   router that sends every domain to the same expert is perfectly "pure".
/// - **Assignment accuracy** asks whether the experts specialise: the best one-to-one map from
///   domains to experts (the domain oracle) is found, and the fraction of all samples that follow
///   it is reported. A collapsed router can explain only one domain this way. This is the same
///   matching used for clustering accuracy, solved exactly rather than greedily, because greedy
///   matching (largest cell first) can miss the best map.
///
/// Both lie in [0, 1]; a router sending each domain to its own expert scores 1 on both. No
/// samples at all gives NaN (0/0: nothing was measured).
public enum DomainRouting {
    /// K×E counts of (true domain, chosen top-1 expert).
    public static func confusion(domains: [Int32], experts: [Int32], domainCount K: Int, expertCount E: Int) -> [[Int]] {
        precondition(K >= 0 && E >= 0, "counts must be non-negative, got K = \(K), E = \(E)")
        precondition(domains.count == experts.count,
                     "domains and experts must have equal lengths, got \(domains.count) and \(experts.count)")
        precondition(domains.allSatisfy { $0 >= 0 && Int($0) < K }, "every domain must be in 0..<\(K)")
        precondition(experts.allSatisfy { $0 >= 0 && Int($0) < E }, "every expert must be in 0..<\(E)")
        var counts = [[Int]](repeating: [Int](repeating: 0, count: E), count: K)
        for (d, e) in zip(domains, experts) { counts[Int(d)][Int(e)] += 1 }
        return counts
    }

    /// Unweighted mean over domains with at least one sample of the share sent to that domain's
    /// majority expert. Unweighted, so a rare domain that is routed badly is not hidden by a
    /// common one routed well.
    public static func purity(confusion: [[Int]]) -> Double {
        // purity = (1/|D⁺|) Σ_{d ∈ D⁺} max_e C[d][e] / Σ_e C[d][e],   D⁺ = domains with Σ_e C[d][e] > 0
        var total = 0.0
        var domains = 0
        for row in confusion {
            let n = row.reduce(0, +)
            guard n > 0 else { continue }
            total += Double(row.max()!) / Double(n)
            domains += 1
        }
        return domains == 0 ? .nan : total / Double(domains)
    }

    /// Routing accuracy against the domain oracle: the largest fraction of all samples that agree
    /// with a one-to-one map f from domains to experts. Needs K ≤ E, so that such a map exists.
    public static func assignmentAccuracy(confusion: [[Int]]) -> Double {
        let total = confusion.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return .nan }
        let f = maximumWeightAssignment(confusion)
        // acc = max_f Σ_d C[d][f(d)] / Σ_{d,e} C[d][e],   f injective
        var agreeing = 0
        for d in confusion.indices { agreeing += confusion[d][f[d]] }
        return Double(agreeing) / Double(total)
    }

    /// For each row, its column in an injective row→column map of largest total weight.
    ///
    /// Kuhn–Munkres (Hungarian) algorithm in its rectangular O(R²C) form with potentials and
    /// shortest augmenting paths, run on the negated weights (it minimises cost). Rows are
    /// added one at a time; exact in integers. Needs rows ≤ columns and a rectangular matrix.
    public static func maximumWeightAssignment(_ weights: [[Int]]) -> [Int] {
        let rows = weights.count
        guard rows > 0 else { return [] }
        let columns = weights[0].count
        precondition(weights.allSatisfy { $0.count == columns }, "weights must be rectangular")
        precondition(rows <= columns, "need rows ≤ columns for an injective map, got \(rows)×\(columns)")
        // 1-based below: column 0 and row 0 are the sentinel of the augmenting-path search.
        var u = [Int](repeating: 0, count: rows + 1)     // row potentials
        var v = [Int](repeating: 0, count: columns + 1)  // column potentials
        var owner = [Int](repeating: 0, count: columns + 1)  // row matched to each column, 0 = free
        var way = [Int](repeating: 0, count: columns + 1)    // previous column on the shortest path
        for i in 1...rows {
            owner[0] = i
            var j0 = 0
            var minReduced = [Int](repeating: .max, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                var delta = Int.max
                var j1 = 0
                for j in 1...columns where !used[j] {
                    // reduced cost = cost − u − v, with cost = −weight
                    let reduced = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < minReduced[j] { minReduced[j] = reduced; way[j] = j0 }
                    if minReduced[j] < delta { delta = minReduced[j]; j1 = j }
                }
                for j in 0...columns {
                    if used[j] { u[owner[j]] += delta; v[j] -= delta } else { minReduced[j] -= delta }
                }
                j0 = j1
            } while owner[j0] != 0
            // Flip the matching along the path back to the sentinel.
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }
        var assignment = [Int](repeating: -1, count: rows)
        for j in 1...columns where owner[j] != 0 { assignment[owner[j] - 1] = j - 1 }
        return assignment
    }
}
