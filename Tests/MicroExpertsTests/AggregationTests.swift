import Foundation
import Testing
@testable import MicroExperts

/// Two experts: A ranks x 0.6, y 0.4; B ranks y 0.9, z 0.1.
private let predictions = [
    ExpertPrediction(expertID: "A", items: [ScoredItem(item: "x", confidence: 0.6), ScoredItem(item: "y", confidence: 0.4)]),
    ExpertPrediction(expertID: "B", items: [ScoredItem(item: "y", confidence: 0.9), ScoredItem(item: "z", confidence: 0.1)]),
]

@Suite("Voting and gating")
struct AggregationTests {
    @Test("weighted voting sums weight × confidence")
    func weighted() {
        // w_A = 2, w_B = 1: x = 1.2, y = 0.8 + 0.9 = 1.7, z = 0.1
        let result = VotingAggregator(strategy: .weighted).aggregate(predictions, weights: ["A": 2, "B": 1], limit: 10)
        #expect(result.items.map(\.item) == ["y", "x", "z"])
        #expect(abs(result.items[0].confidence - 1.7) < 1e-15 && abs(result.items[1].confidence - 1.2) < 1e-15)
        // consensus confidence: top score / number of experts
        #expect(abs(result.confidence - 0.85) < 1e-15)
        #expect(result.contributingExperts == ["A", "B"])
    }

    @Test("voting counts top-k votes and breaks equal votes by the weighted score")
    func voting() {
        // top-1 votes: A → x, B → y: one vote each; weighted score y 1.3 > x 0.6, so y first
        let top1 = VotingAggregator(strategy: .voting, votesPerExpert: 1).aggregate(predictions, limit: 10)
        #expect(top1.items == [ScoredItem(item: "y", confidence: 0.5), ScoredItem(item: "x", confidence: 0.5)])
        // top-2: y has two votes
        let top2 = VotingAggregator(strategy: .voting, votesPerExpert: 2).aggregate(predictions, limit: 10)
        #expect(top2.items.map(\.item) == ["y", "x", "z"])
        #expect(top2.items[0].confidence == 1)
    }

    @Test("sequential lists the first expert's ranking, then the next expert's new items, never increasing")
    func sequential() {
        let result = VotingAggregator(strategy: .sequential).aggregate(predictions, limit: 10)
        // x 0.6, y 0.4 from A; z from B at min(0.4, 0.1)
        #expect(result.items == [ScoredItem(item: "x", confidence: 0.6), ScoredItem(item: "y", confidence: 0.4),
                                 ScoredItem(item: "z", confidence: 0.1)])
    }

    @Test("disagreement is the normalised entropy of the top-1 votes")
    func disagreement() {
        // A votes x, B votes y, equal weight: entropy ln 2 / ln 2 = 1
        #expect(VotingAggregator.disagreement(predictions) == 1)
        // weights 3 : 1 → p = 0.75, 0.25: H = −(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2 = 0.811278…
        let weighted = VotingAggregator.disagreement(predictions, weights: ["A": 3, "B": 1])
        #expect(abs(weighted - 0.8112781244591328) < 1e-12)
        // three experts, two agree: p = 2/3, 1/3 → H / ln 3 = 0.579380…
        let three = predictions + [ExpertPrediction(expertID: "C", items: [ScoredItem(item: "y", confidence: 0.2)])]
        let expected = -(2.0 / 3 * log(2.0 / 3) + 1.0 / 3 * log(1.0 / 3)) / log(3.0)
        #expect(abs(VotingAggregator.disagreement(three) - expected) < 1e-15)
        #expect(VotingAggregator.disagreement([predictions[0], predictions[0]]) == 0)
        #expect(VotingAggregator.disagreement([predictions[0]]) == 0)
    }

    @Test("the gate combines 0.6 × gate and 0.4 × self-assessment and halves an overloaded expert")
    func gate() {
        let gate = QueryGate(topK: 3)
        // file: 0.6·0.5 + 0.4·0.5 = 0.5; test: 0.6·0.3 + 0.4·0.9 = 0.54; doc: 0.6·0.2 + 0.4·0.1 = 0.16
        let routed = gate.route(gate: [.file: 0.5, .test: 0.3, .doc: 0.2], selfAssessment: [.file: 0.5, .test: 0.9, .doc: 0.1])
        #expect(routed.map(\.expert) == [.test, .file, .doc])
        #expect(abs(routed[0].score - 0.54) < 1e-15)
        // test at its load limit: 0.54 · 0.5 = 0.27 < 0.5
        let loaded = gate.route(gate: [.file: 0.5, .test: 0.3, .doc: 0.2], selfAssessment: [.file: 0.5, .test: 0.9, .doc: 0.1],
                                load: [.test: 10])
        #expect(loaded.map(\.expert) == [.file, .test, .doc])
        #expect(abs(loaded[1].score - 0.27) < 1e-15)
        // the gate spreads each intent's probability over its table row
        let spread = QueryGate.gateProbabilities(intentPosterior: [.updateDocs: 1])
        #expect(spread == [.doc: 0.5, .file: 0.5])
    }

    @Test("expert weights are smoothed mean reciprocal ranks")
    func weights() {
        var weights = ExpertWeights(priorMean: 0.1, priorStrength: 5)
        weights.record(expertID: "file", firstRelevantRank: 1)
        weights.record(expertID: "file", firstRelevantRank: 2)
        weights.record(expertID: "file", firstRelevantRank: nil)
        // (1 + 0.5 + 5·0.1) / (3 + 5) = 0.25
        #expect(weights.weight("file") == 0.25)
        #expect(weights.weight("never-seen") == 0.1)
    }
}

@Suite("Confidence calibration")
struct ConfidenceCalibrationTests {
    /// An overconfident predictor: it says c, but the outcome comes true with probability
    /// σ(logit(c) / 3). Outcomes drawn by a fixed stratified rule, not at random: in each group of
    /// 40 predictions with the same confidence, round(40·p) are true.
    static func miscalibrated(temperature: Double) -> (confidences: [Double], outcomes: [Bool]) {
        var confidences: [Double] = [], outcomes: [Bool] = []
        for step in 1..<20 {
            let c = Double(step) / 20
            let p = ConfidenceCalibrator.sigmoid(ConfidenceCalibrator.logit(c) / temperature)
            let hits = Int((40 * p).rounded())
            for i in 0..<40 {
                confidences.append(c)
                outcomes.append(i < hits)
            }
        }
        return (confidences, outcomes)
    }

    @Test("temperature scaling recovers the temperature of an overconfident predictor and removes most of its ECE")
    func temperature() {
        let data = Self.miscalibrated(temperature: 3)
        let before = BinaryCalibrationReference.ece(data.confidences, data.outcomes)
        let calibrator = ConfidenceCalibrator.fit(.temperature, confidences: data.confidences, outcomes: data.outcomes)
        guard case .temperature(let t) = calibrator else {
            Issue.record("expected a temperature, got \(calibrator)")
            return
        }
        #expect(abs(t - 3) < 0.1)
        let after = BinaryCalibrationReference.ece(data.confidences.map(calibrator.apply), data.outcomes)
        #expect(before > 0.13)   // 0.1368 by hand (Python, the same bins)
        #expect(after < 0.03)
    }

    @Test("isotonic regression pools adjacent violators and reduces ECE on the same data")
    func isotonic() {
        // (0.1, 1) (0.2, 0) (0.3, 1) (0.4, 1): 1 > 0 pools the first two to 0.5 at edge 0.2
        let fit = ConfidenceCalibrator.fit(.isotonic, confidences: [0.1, 0.2, 0.3, 0.4], outcomes: [true, false, true, true])
        #expect(fit == .isotonic(thresholds: [0.2, 0.3, 0.4], values: [0.5, 1, 1]))
        #expect(fit.apply(0.05) == 0.5 && fit.apply(0.25) == 1 && fit.apply(0.9) == 1)
        let data = Self.miscalibrated(temperature: 3)
        let calibrator = ConfidenceCalibrator.fit(.isotonic, confidences: data.confidences, outcomes: data.outcomes)
        let after = BinaryCalibrationReference.ece(data.confidences.map(calibrator.apply), data.outcomes)
        #expect(after < 0.01)
    }
}
