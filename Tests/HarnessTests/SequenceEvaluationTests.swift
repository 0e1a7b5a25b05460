import Foundation
@testable import HarnessRun
import Datasets
import Sequence
import Tensor
import Testing

@Suite("Sequence scoring: accuracy, likelihood, predictions and the recurrent induction test")
struct SequenceEvaluationTests {
    @Test("a score counts hand-computed rows: argmax ties go to the lowest token, NLL in nats, and what was predicted")
    func handComputedRows() {
        var score = SequenceScore()
        let rows: [([Float], Int)] = [([2, 1, 0], 0), ([0, 0, 5], 1), ([1, 1, 0], 1)]
        for (row, target) in rows { row.withUnsafeBufferPointer { score.add(row: $0, target: target) } }
        // −ln softmax: ln(1 + e⁻¹ + e⁻²) + [ln(2e⁻⁵ + 1) + 5] + ln(2 + e⁻¹) = 6.282 986 7
        #expect(score.correct == 1 && score.scored == 3)
        #expect(abs(score.accuracy - 1.0 / 3) < 1e-12)
        #expect(abs(score.negativeLogLikelihood - 6.2829867) < 1e-6)
        #expect(score.predictions == [2, 0, 1])
        #expect(abs(score.predictionShare(of: 2..<3) - 1.0 / 3) < 1e-12)
        #expect(abs(score.predictionShare(of: 1..<16) - 1.0 / 3) < 1e-12, "a range past the vocabulary is clamped")
        #expect(SequenceScore().predictionShare(of: 0..<3).isNaN)
    }

    @Test("Mamba's recurrent induction test scores the same answers as the parallel forward on the same examples")
    func recurrentMatchesParallel() throws {
        let N = 20, count = 8
        let config = SequenceModelConfig(vocabSize: InductionHeads.vocabSize, dModel: 16, layers: 2,
                                         mixer: .mamba(dState: 4, dConv: 4, expand: 2), mlp: true,
                                         maxBatch: count, maxT: N + 1)
        var initRNG = Philox4x32_10(key: (3, 1))
        let model = try SequenceModel(config: config, rng: &initRNG)
        var stepRNG = Philox4x32_10(key: (5, 9)), parallelRNG = stepRNG
        let recurrent = try LengthGeneralization.inductionScore(model, inputLength: N, count: count, using: &stepRNG)
        let set = InductionHeads().batch(count: count, inputLength: N, scoreEveryPosition: false, using: &parallelRNG)
        let parallel = SequenceScore.evaluate(model, on: set)
        #expect(recurrent.scored == count && parallel.scored == count)
        #expect(recurrent.predictions == parallel.predictions)
        #expect(recurrent.correct == parallel.correct)
        #expect(abs(recurrent.negativeLogLikelihood - parallel.negativeLogLikelihood) < 1e-4)
    }
}
