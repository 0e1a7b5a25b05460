import HarnessConfig
import HarnessStore
/// What `biomoe gate` decides, with its exit status as the raw value.
///
/// The statuses are part of the command line's contract (CI scripts branch on them), so they
/// are fixed here, once, beside the decision that produces them.
public enum GateOutcome: Int32, Sendable, CaseIterable {
    /// Every gated metric is within noise or tolerance.
    case pass = 0
    /// At least one gated metric regressed significantly and beyond its tolerance.
    case regression = 2
    /// Only improvements: CI can ask for a deliberate baseline update.
    case onlyImprovements = 4
    /// The baseline is missing, of another config hash or version, or a gated metric cannot be
    /// compared (missing, different seeds).
    case notComparable = 5
}

/// The gate's decision over a comparison, with the rows behind it.
public struct GateVerdict: Sendable {
    public let outcome: GateOutcome
    /// One line when the outcome is `.notComparable`.
    public let reason: String?
    public let regressions: [ComparisonRow]
    public let improvements: [ComparisonRow]
    public let notComparable: [ComparisonRow]
    public let withinNoise: Int
    public let notGated: Int

    /// Precedence: a suite that cannot be compared at all, then regressions (they must be seen
    /// even if another metric is missing), then rows that cannot be compared, then improvements.
    public init(_ comparison: BaselineComparison) {
        let rows = comparison.rows
        regressions = rows.filter { $0.mark == .regression }
        improvements = rows.filter { $0.mark == .improvement }
        notComparable = rows.filter { $0.mark == .notComparable }
        withinNoise = rows.filter { $0.mark == .withinNoise }.count
        notGated = rows.filter { $0.mark == .notGated }.count
        if let problem = comparison.suiteProblem {
            outcome = .notComparable
            reason = problem
        } else if !regressions.isEmpty {
            outcome = .regression
            reason = nil
        } else if let first = notComparable.first {
            outcome = .notComparable
            let more = notComparable.count > 1 ? " (and \(notComparable.count - 1) more)" : ""
            reason = "\(first.metric) of \(first.variant) cannot be compared: \(first.note)\(more)"
        } else if !improvements.isEmpty {
            outcome = .onlyImprovements
            reason = nil
        } else {
            outcome = .pass
            reason = nil
        }
    }
}

extension BaselineComparison {
    public var verdict: GateVerdict { GateVerdict(self) }
}
