/// How often files changed, and changed together, in the commits trained on: the transactions
/// behind the test, documentation and refactoring experts and the association-rule baseline.
///
/// `pairs[a][b]` counts commits that changed `a` (as an antecedent) and `b` (as a consequent);
/// `singles[a]` counts commits that changed `a` as an antecedent. Which files are antecedents and
/// which consequents is the caller's choice (sources → tests for the test expert, every file →
/// every other file for co-change rules).
public struct CoChangeCounts: Sendable, Codable, Equatable {
    public private(set) var pairs: [String: [String: Double]] = [:]
    public private(set) var singles: [String: Double] = [:]
    public private(set) var transactions: Int = 0

    public init() {}

    /// One commit: every antecedent with every consequent other than itself.
    public mutating func add(antecedents: [String], consequents: [String]) {
        transactions += 1
        let uniqueConsequents = Array(Set(consequents))
        for a in Set(antecedents) {
            singles[a, default: 0] += 1
            var row = pairs[a] ?? [:]
            for c in uniqueConsequents where c != a { row[c, default: 0] += 1 }
            pairs[a] = row
        }
    }

    /// Moves every count of `old` onto `new`, as antecedent and as consequent.
    public mutating func rename(_ old: String, to new: String) {
        if let count = singles.removeValue(forKey: old) { singles[new, default: 0] += count }
        if let row = pairs.removeValue(forKey: old) {
            var target = pairs[new] ?? [:]
            for (c, n) in row where c != new { target[c, default: 0] += n }
            pairs[new] = target
        }
        for a in pairs.keys {
            guard let n = pairs[a]?.removeValue(forKey: old) else { continue }
            if a != new { pairs[a]?[new, default: 0] += n }
        }
    }

    /// support(a → c) / support(a): the fraction of a's commits that also changed c.
    public func confidence(_ a: String, _ c: String) -> Double {
        guard let support = singles[a], support > 0 else { return 0 }
        return (pairs[a]?[c] ?? 0) / support
    }
}
