import Datasets
import Dispatch
import Foundation
import Sequence
import Tensor
import HarnessConfig
import HarnessStore

/// Exact-match accuracy and mean negative log-likelihood over the scored positions of a set.
struct SequenceScore {
    var correct = 0
    var scored = 0
    /// Σ −ln p(target) over the scored positions, in nats.
    var negativeLogLikelihood = 0.0
    /// How often each token was the prediction (argmax) at a scored position: what a model says
    /// when it is wrong (an induction-heads model that answers with the trigger scores below chance).
    var predictions: [Int] = []

    var accuracy: Double { scored > 0 ? Double(correct) / Double(scored) : .nan }
    /// Mean NLL / ln 2: bits per character when the tokens are bytes.
    var bitsPerCharacter: Double { scored > 0 ? negativeLogLikelihood / Double(scored) / M_LN2 : .nan }
    /// The share of scored positions whose prediction was one of `tokens`.
    func predictionShare(of tokens: Range<Int>) -> Double {
        guard scored > 0 else { return .nan }
        return Double(tokens.clamped(to: 0..<predictions.count).reduce(0) { $0 + predictions[$1] }) / Double(scored)
    }

    /// Runs the parallel forward over `set` in chunks of the model's maxBatch and scores every
    /// position whose target is not ignored. A position is correct when the argmax logit is the
    /// target (ties go to the lowest token id, so a constant output is never "correct" by luck
    /// unless the target is token 0).
    static func evaluate(_ model: SequenceModel, on set: TokenSequenceBatch) -> SequenceScore {
        var score = SequenceScore()
        let T = set.length, V = model.config.vocabSize, chunk = model.config.maxBatch
        set.tokens.withUnsafeBufferPointer { tokens in
            var start = 0
            while start < set.batchSize {
                let B = min(chunk, set.batchSize - start)
                let logits = model.forward(tokens: UnsafeBufferPointer(rebasing: tokens[(start * T)..<((start + B) * T)]), B: B, T: T)
                for r in 0..<(B * T) {
                    let target = set.targets[start * T + r]
                    guard target != TokenSequenceBatch.ignoredTarget else { continue }
                    score.add(row: UnsafeBufferPointer(rebasing: logits[(r * V)..<((r + 1) * V)]), target: Int(target))
                }
                start += B
            }
        }
        return score
    }

    /// Scores one row of logits [V] against its target.
    mutating func add(row: UnsafeBufferPointer<Float>, target: Int) {
        var best = 0
        var maxLogit = row[0]
        for v in 1..<row.count where row[v] > maxLogit { maxLogit = row[v]; best = v }
        // −ln softmax(row)[target] = log Σ exp(row − max) − (row[target] − max)
        var sum = 0.0
        for v in 0..<row.count { sum += Foundation.exp(Double(row[v] - maxLogit)) }
        negativeLogLikelihood += Foundation.log(sum) - Double(row[target] - maxLogit)
        if best == target { correct += 1 }
        if predictions.isEmpty { predictions = [Int](repeating: 0, count: row.count) }
        predictions[best] += 1
        scored += 1
    }
}

/// Induction-heads accuracy at lengths other than the training length (Mamba paper, Table 11).
enum LengthGeneralization {
    /// The score on the answer of `count` safari examples with N random tokens (the model reads
    /// N + 1). Mamba and linear attention run the recurrent `step`, O(1) state per token, so any
    /// length fits; softmax attention runs the parallel forward — in the trained model's
    /// workspace when N + 1 ≤ its maxT, otherwise in a copy with a workspace for one sequence of
    /// length N + 1 (its T² attention scores are why the suite caps softmax lengths).
    static func inductionScore(_ model: SequenceModel, inputLength N: Int, count: Int,
                               using rng: inout Philox4x32_10) throws -> SequenceScore {
        let set = InductionHeads().batch(count: count, inputLength: N, scoreEveryPosition: false, using: &rng)
        let T = set.length, V = model.config.vocabSize
        if case .softmaxAttention = model.config.mixer {
            if T <= model.config.maxT { return SequenceScore.evaluate(model, on: set) }
            var config = model.config
            config.maxBatch = 1
            config.maxT = T
            var unused = Philox4x32_10(key: (0, 0))
            let long = try SequenceModel(config: config, rng: &unused)
            try long.parameters.loadValues(model.parameters.snapshotValues())
            return SequenceScore.evaluate(long, on: set)
        }
        // Recurrent form: feed column t of the batch (one token per sequence) at each step.
        precondition(count <= model.config.maxBatch * model.config.maxT, "inductionScore: \(count) sequences exceed the step workspace")
        var column = [Int32](repeating: 0, count: count)
        var score = SequenceScore()
        model.resetState(B: count)
        for t in 0..<T {
            for b in 0..<count { column[b] = set.tokens[b * T + t] }
            let logits = column.withUnsafeBufferPointer { model.step(tokens: $0, B: count) }
            if t == T - 1 {
                for b in 0..<count {
                    score.add(row: UnsafeBufferPointer(rebasing: logits[(b * V)..<((b + 1) * V)]), target: Int(set.targets[b * T + t]))
                }
            }
        }
        return score
    }
}

/// Tokens per second of the parallel forward and of forward + backward (gradients, no optimizer
/// step) on one training-sized batch, after one untimed warm-up of each.
enum Throughputs {
    static func measure(_ model: SequenceModel, batch: TokenSequenceBatch, repeats: Int) -> (forward: Double, forwardBackward: Double) {
        let mask = batch.lossMask(), targets = batch.scoredTargets()
        let tokensPerPass = Double(batch.batchSize * batch.length)
        func time(_ body: () -> Void) -> Double {
            body()
            let started = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<repeats { body() }
            return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        return batch.tokens.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                mask.withUnsafeBufferPointer { m in
                    let forward = time { model.forward(tokens: x, B: batch.batchSize, T: batch.length) }
                    let both = time { _ = model.computeGradients(tokens: x, targets: y, mask: m, B: batch.batchSize, T: batch.length) }
                    return (tokensPerPass * Double(repeats) / forward, tokensPerPass * Double(repeats) / both)
                }
            }
        }
    }
}
