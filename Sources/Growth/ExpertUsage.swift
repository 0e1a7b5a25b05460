/// Counts of how the gate uses each slot during training: what the teacher choice, neurogenesis
/// and pruning read. Shares are of first choices (the top-1 expert of a row).
public struct ExpertUsage: Sendable {
    /// First choices since each slot was switched on, and rows seen since then.
    public private(set) var lifetimeFirstChoices: [Int]
    public private(set) var lifetimeRows: [Int]
    /// This epoch: first choices, and those of them classified correctly.
    public private(set) var epochFirstChoices: [Int]
    public private(set) var epochCorrect: [Int]

    public init(slots: Int) {
        lifetimeFirstChoices = [Int](repeating: 0, count: slots)
        lifetimeRows = lifetimeFirstChoices
        epochFirstChoices = lifetimeFirstChoices
        epochCorrect = lifetimeFirstChoices
    }

    /// Records one row routed first to `expert` (`correct`: its prediction was right), with the
    /// slots active at the time.
    mutating func record(expert: Int, correct: Bool, active: [Bool]) {
        lifetimeFirstChoices[expert] += 1
        epochFirstChoices[expert] += 1
        if correct { epochCorrect[expert] += 1 }
        for e in active.indices where active[e] { lifetimeRows[e] += 1 }
    }

    mutating func startEpoch() {
        for e in epochFirstChoices.indices { epochFirstChoices[e] = 0; epochCorrect[e] = 0 }
    }

    /// Lifetime share of first choices of slot e (0 before it has seen a row).
    public func lifetimeShare(_ e: Int) -> Double {
        lifetimeRows[e] == 0 ? 0 : Double(lifetimeFirstChoices[e]) / Double(lifetimeRows[e])
    }

    /// Routed training accuracy of slot e this epoch (−1 when no row went to it first).
    public func epochAccuracy(_ e: Int) -> Double {
        epochFirstChoices[e] == 0 ? -1 : Double(epochCorrect[e]) / Double(epochFirstChoices[e])
    }

    /// Active slots ranked best first by `choice` (ties: smaller index).
    func ranked(by choice: TeacherChoice, active: [Bool]) -> [Int] {
        let candidates = active.indices.filter { active[$0] }
        let score: (Int) -> Double = choice == .mostAccurate ? epochAccuracy : lifetimeShare
        return candidates.sorted { a, b in score(a) != score(b) ? score(a) > score(b) : a < b }
    }
}
