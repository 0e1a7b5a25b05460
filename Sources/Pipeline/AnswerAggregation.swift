/// Seed 002's four ways of turning the chosen experts' answers into one reply.
///
/// - `weighted`: every chosen expert answers; the reply is the answer with the largest
///   routing score × the expert's own confidence (the seed picks the largest score; the
///   confidence lets a routed expert that cannot answer well give way).
/// - `voting`: every chosen expert answers; answers with the same key (class, value; else the
///   text) pool their votes, the most votes win, ties go to the higher routing score. Distinct
///   domains rarely agree, so with one instance per domain voting reduces to the routing order.
/// - `sequential`: the experts answer one at a time in routing order; the first answer with
///   confidence ≥ `sequentialThreshold` is the reply (else the most confident one). Later
///   experts do not run, so this is the cheapest when the first choice is right.
/// - `ensemble`: every chosen expert answers; the reply lists all of them ("domain (c): text"),
///   led by the weighted choice, which is the answer the suite scores. The seed has a language
///   model synthesise them; no such model is part of biomoe, so the answers are shown side by side.
/// An expert that throws is skipped and its reason kept for the trace; when none answers, the
/// pipeline reports every reason.
public enum AnswerAggregation: String, CaseIterable, Codable, Sendable {
    case weighted
    case voting
    case sequential
    case ensemble

    public static let sequentialThreshold = 0.5

    /// Whether the strategy stops asking experts once one answer is good enough.
    var answersLazily: Bool { self == .sequential }

    /// The reply from `answers` (each with its routing score, in routing order).
    func combine(_ answers: [(answer: ExpertAnswer, score: Double)]) -> (primary: ExpertAnswer, text: String)? {
        guard !answers.isEmpty else { return nil }
        let weightedBest = answers.enumerated().max { a, b in
            let x = a.element.score * a.element.answer.confidence, y = b.element.score * b.element.answer.confidence
            return x != y ? x < y : a.offset > b.offset
        }?.element.answer ?? answers[0].answer
        switch self {
        case .weighted:
            return (weightedBest, weightedBest.text)
        case .voting:
            var votes: [String: (count: Int, first: Int)] = [:]
            for (i, entry) in answers.enumerated() {
                let key = entry.answer.answerKey ?? entry.answer.text
                if let v = votes[key] { votes[key] = (v.count + 1, v.first) } else { votes[key] = (1, i) }
            }
            let winner = votes.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.value.first > b.value.first
            }
            let primary = winner.map { answers[$0.value.first].answer } ?? answers[0].answer
            return (primary, primary.text)
        case .sequential:
            let accepted = answers.first { $0.answer.confidence >= Self.sequentialThreshold }?.answer
                ?? answers.max { $0.answer.confidence < $1.answer.confidence }?.answer ?? answers[0].answer
            return (accepted, accepted.text)
        case .ensemble:
            let others = answers.map(\.answer).filter { $0 != weightedBest }
            let lines = ([weightedBest] + others).map { "\($0.domain.rawValue) (\(formatProbability($0.confidence))): \($0.text)" }
            return (weightedBest, lines.joined(separator: "\n"))
        }
    }
}
