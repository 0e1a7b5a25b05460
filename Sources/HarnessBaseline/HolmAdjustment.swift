/// Holm's step-down adjustment of a family of p-values (Holm 1979), so that a table testing many
/// pairs at once still calls a difference only at the family-wise error rate α.
///
/// Why: a report that tests every pair of mixers in one cell runs dozens of Welch tests; at
/// α = 0.05 each, about one in twenty pairs with no real difference is called "better" by chance.
/// Holm controls the chance of any false call across the family at α, like Bonferroni, and
/// never calls fewer differences than Bonferroni does.
///
/// With the m p-values sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of p₍ᵢ₎ is
/// max over j ≤ i of min(1, (m − j + 1) · p₍ⱼ₎); a comparison is called when its adjusted
/// value is below α. Values come back in the order given; ties keep that order.
public enum HolmAdjustment {
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            // max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎), rank = i − 1
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
