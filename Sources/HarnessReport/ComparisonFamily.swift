import Metrics
import HarnessBaseline

/// The comparisons one table or list of a report makes together, each called only at its
/// Holm-adjusted p < α.
///
/// Why: a table of every variant against the main one runs one Welch test per row; at α = 0.05
/// each, about one in twenty comparisons without a real difference would be called by chance,
/// and a table of twenty rows would likely print one. Holm's adjustment (``HolmAdjustment``)
/// holds the chance of any false call in the family at α, so a section tests all its pairs
/// first and then writes each with its adjusted p-value.
enum ComparisonFamily {
    /// One comparison of the family.
    struct Outcome: Equatable {
        /// Mean of the other side minus mean of the reference, in the metric's own units.
        let difference: Double
        /// Welch's two-sided p-value over seeds (0 or 1 when neither side has spread).
        let p: Double
        /// Holm's adjusted p-value within the family.
        let adjustedP: Double

        var isCalled: Bool { adjustedP < SignificanceTest.alpha }

        /// "p = 0.012, Holm p = 0.036".
        var pValues: String { String(format: "p = %.2g, Holm p = %.2g", p, adjustedP) }

        /// "+1.23, p = 0.012, Holm p = 0.036", with " (no difference detected)" when not called;
        /// the difference times `scale` (100: fractions as points).
        func cell(scale: Double = 100) -> String {
            String(format: "%+.2f, ", difference * scale) + pValues + (isCalled ? "" : " (no difference detected)")
        }
    }

    /// Welch's t over seeds for every pair, Holm-adjusted together. A pair with fewer than two
    /// values on a side has no test and no outcome; a key given twice is one comparison (the
    /// first pair counts).
    static func compare<Key: Hashable>(_ pairs: [(key: Key, reference: [Double], other: [Double])]) -> [Key: Outcome] {
        var seen = Set<Key>()
        let tested = pairs.filter { $0.reference.count >= 2 && $0.other.count >= 2 && seen.insert($0.key).inserted }
        let tests = tested.map { SignificanceTest.compare($0.reference, $0.other).pValue }
        let adjusted = HolmAdjustment.adjusted(tests)
        var outcomes: [Key: Outcome] = [:]
        for (i, pair) in tested.enumerated() {
            outcomes[pair.key] = Outcome(difference: Statistics.mean(pair.other) - Statistics.mean(pair.reference),
                                         p: tests[i], adjustedP: adjusted[i])
        }
        return outcomes
    }
}
