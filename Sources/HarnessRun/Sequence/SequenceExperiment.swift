import Datasets
import Dispatch
import Foundation
import Metrics
import NN
import Sequence
import Tensor
import HarnessConfig
import HarnessStore

/// Trains a `SequenceModel` backbone (Mamba, causal linear attention or causal softmax attention
/// mixers) with Adam on one sequence task and records what issue 5 asks for: accuracy on the
/// task (exact match on the scored positions), bits per character for char-lm, training curves,
/// tokens/s of the forward and of forward + backward, peak memory and the recurrent state per
/// sequence.
///
/// Learning rate: one run trains at one `learning_rate`. A suite sweeps it with one variant per
/// rate; the report then picks, per mixer and task configuration, the rate with the best mean
/// *validation* figure and prints that variant's *test* figure. The test split is never used
/// for a choice.
///
/// Metrics (besides `parameters`, `train_seconds`, `final_train_loss`, `peak_rss`):
/// `val_accuracy`, `test_accuracy` (char-lm: next-byte accuracy); char-lm also
/// `val_bits_per_char`, `test_bits_per_char`; induction heads `accuracy_len_N` per test length N
/// and `non_answer_len_N`, the share of those answers predicted as a token that is never an answer;
/// `tokens_per_s_forward`, `tokens_per_s_train` (forward + backward, no optimizer step);
/// `recurrent_state_bytes` (float32 state of `step` per sequence at the training length).
/// `steps_trained`, `train_sequences` (fewer than steps × batch when early stopping ends the run)
/// and, for the synthetic tasks, `sequences_to_90`; char-lm also the n-gram count baselines'
/// `test_bits_per_char_ngram{1,2,3}` on the same test windows.
/// Series: `train_loss` (mean over the steps since the last point), `grad_norm`, `val_accuracy`
/// or `val_bits_per_char`, at every `eval_every` steps. How the loop trains (schedule, clipping,
/// early stopping): `SequenceTrainingPlan`. With `peer: pytorch` the same model is trained in
/// PyTorch instead (`SequencePeer`).
struct SequenceExperiment: Experiment {
    let spec: RunSpec
    let corpus: CharacterCorpus?

    func run(progress: ProgressHandler) throws -> RunOutcome {
        if try spec.choice("peer", as: Peer.self) == .pytorch { return try SequencePeer.run(spec: spec, progress: progress) }
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let source = try SequenceTaskSource(spec: spec, corpus: corpus)
        let plan = try SequenceTrainingPlan(spec: spec), T = source.modelLength
        let config = SequenceModelConfig(vocabSize: source.vocabSize, dModel: try spec.int("d_model"), layers: try spec.int("layers"),
                                         mixer: try mixerKind(), mlp: try spec.bool("mlp"),
                                         positions: try spec.choice("positions", as: PositionEncoding.self),
                                         shortConv: try spec.int("short_conv"),
                                         initScheme: try spec.choice("init_scheme", as: InitScheme.self),
                                         maxBatch: plan.batchSize, maxT: T)
        var initRNG = streams.generator("init")
        let model = try SequenceModel(config: config, rng: &initRNG)
        var optimizer = try makeOptimizer()

        var dataRNG = streams.generator("data-train")
        var validationRNG = streams.generator("data-validation")
        var testRNG = streams.generator("data-test")
        let evaluationCount = try spec.int("eval_sequences")
        let validation = try source.evaluationSet(.validation, count: evaluationCount, using: &validationRNG)
        let test = try source.evaluationSet(.test, count: evaluationCount, using: &testRNG)

        var outcome = RunOutcome()
        let trained = try SequenceTraining.run(model, source: source, plan: plan, optimizer: &optimizer, validation: validation,
                                               dataRNG: &dataRNG, outcome: &outcome, progress: progress)
        let lastLoss = trained.lastLoss, trainNanoseconds = trained.trainNanoseconds, steps = plan.steps, batchSize = plan.batchSize
        outcome.metric("steps_trained", Double(trained.stepsTrained))
        outcome.metric("train_sequences", Double(trained.stepsTrained * batchSize))
        if !source.isLanguageModelling {
            outcome.metric("sequences_to_90", trained.sequencesTo90.map(Double.init) ?? .nan)
        }

        let validationScore = SequenceScore.evaluate(model, on: validation)
        let testScore = SequenceScore.evaluate(model, on: test)
        // The parameters the scores above were computed with (the throughput measurement below
        // takes training steps): what `save_checkpoints` stores.
        var checkpoint = model.checkpoint()
        checkpoint.metadata["model"] = "sequence"
        outcome.checkpoint = checkpoint
        outcome.metric("val_accuracy", validationScore.accuracy)
        outcome.metric("test_accuracy", testScore.accuracy)
        if source.isLanguageModelling {
            outcome.metric("val_bits_per_char", validationScore.bitsPerCharacter)
            outcome.metric("test_bits_per_char", testScore.bitsPerCharacter)
            if case let .characters(corpus, _) = source {
                // Reference lines: count models scored on the very windows and positions above.
                for order in 1...3 {
                    let fitted = CharacterNGramModel.fitted(order: order, training: corpus.train, validation: corpus.validation)
                    outcome.metric("test_bits_per_char_ngram\(order)", fitted.model.bitsPerCharacter(onWindows: test))
                }
            }
        }
        outcome.metric("final_train_loss", lastLoss)
        outcome.metric("parameters", Double(model.parameters.count))
        outcome.metric("train_seconds", Double(trainNanoseconds) / 1e9)
        outcome.metric("recurrent_state_bytes", Double(model.recurrentStateFloats(T: T) * MemoryLayout<Float>.size))

        if case .inductionHeads = source {
            progress(Double(steps) / Double(steps + 1), "induction heads at longer lengths")
            let lengths = try spec.intList("test_lengths")
            let softmaxLimit = try isSoftmax ? try spec.int("softmax_max_test_len") : Int.max
            // Learned absolute positions have no embedding past the training length.
            let positionLimit = model.maxPositions.map { $0 - 1 } ?? Int.max
            for N in lengths where N <= softmaxLimit && N <= positionLimit {
                var lengthRNG = streams.generator("data-test-length-\(N)")
                let score = try LengthGeneralization.inductionScore(model, inputLength: N, count: try spec.int("test_sequences"),
                                                                    using: &lengthRNG)
                outcome.metric("accuracy_len_\(N)", score.accuracy)
                // The trigger and the unused no-op token are never answers.
                outcome.metric("non_answer_len_\(N)", score.predictionShare(of: InductionHeads.ordinaryTokens..<InductionHeads.vocabSize))
            }
        }

        let repeats = try spec.int("throughput_repeats")
        if repeats > 0 {
            let batch = try source.trainingBatch(count: batchSize, using: &dataRNG)
            let rates = Throughputs.measure(model, batch: batch, repeats: repeats)
            outcome.metric("tokens_per_s_forward", rates.forward)
            outcome.metric("tokens_per_s_train", rates.forwardBackward)
        }
        if let rss = PeakMemory.residentBytes() { outcome.metric("peak_rss", Double(rss)) }
        return outcome
    }

    private var isSoftmax: Bool {
        get throws { try spec.choice("mixer", as: MixerKind.Name.self) == .softmaxAttention }
    }

    private func mixerKind() throws -> MixerKind { try spec.sequenceMixer() }

    private func makeOptimizer() throws -> Adam {
        let kind = try spec.choice("optimizer", as: OptimizerKind.self)
        switch kind {
        case .adam, .adamw:
            return Adam(learningRate: Float(try spec.double("learning_rate")), beta1: Float(try spec.double("beta1")),
                        beta2: Float(try spec.double("beta2")), epsilon: Float(try spec.double("epsilon")),
                        weightDecay: Float(try spec.double("weight_decay")), decoupled: kind == .adamw)
        case .sgd:
            throw SequenceExperimentError.unsupportedOptimizer(kind.rawValue)
        }
    }
}

/// A sequence run's config that cannot be built.
enum SequenceExperimentError: Error, CustomStringConvertible {
    case headsDoNotDivide(dModel: Int, heads: Int)
    case unsupportedOptimizer(String)
    case warmupTooLong(warmup: Int, steps: Int)

    var description: String {
        switch self {
        case let .headsDoNotDivide(C, H): return "heads \(H) must divide d_model \(C); choose heads from the divisors of d_model"
        case let .unsupportedOptimizer(name): return "optimizer '\(name)' is not supported for model sequence; use adam or adamw"
        case let .warmupTooLong(warmup, steps): return "warmup_steps \(warmup) exceeds steps \(steps); lower warmup_steps or raise steps"
        }
    }
}

extension RunSpec {
    /// The mixer the sequence keys describe (model sequence; the pipeline's language expert).
    func sequenceMixer() throws -> MixerKind {
        let C = try int("d_model"), H = try int("heads")
        let name = try choice("mixer", as: MixerKind.Name.self)
        switch name {
        case .mamba:
            return .mamba(dState: try int("d_state"), dConv: try int("d_conv"), expand: try int("expand"))
        case .linearAttention, .softmaxAttention:
            guard C % H == 0 else { throw SequenceExperimentError.headsDoNotDivide(dModel: C, heads: H) }
            return name == .softmaxAttention ? .softmaxAttention(heads: H) : .linearAttention(heads: H, normalize: try bool("normalize"))
        }
    }
}
