import Datasets
import Foundation
import Tensor
import HarnessConfig
import HarnessStore

/// The data of one sequence run, built from its config: where training batches and the fixed
/// validation and test sets come from, and the vocabulary and length the model must hold.
///
/// Synthetic tasks draw every training batch fresh from the `data-train` stream (an unbounded
/// training set, where Zoology and safari fix a finite one) and the validation and test sets
/// once from their own streams, so the three never share a draw and each seed sees its own data.
enum SequenceTaskSource {
    case mqar(SyntheticMQAR)
    case selectiveCopying(SelectiveCopying)
    /// safari's input_seq_len N (the model reads N + 1 tokens) and the labels training scores.
    case inductionHeads(inputLength: Int, targets: InductionHeads.Targets)
    case characters(CharacterCorpus, length: Int)

    enum Split: String { case validation, test }

    init(spec: RunSpec, corpus: CharacterCorpus?) throws {
        let T = try spec.int("seq_len")
        switch try spec.choice("seq_task", as: SequenceTaskKind.self) {
        case .mqar:
            self = .mqar(try SyntheticMQAR(vocabSize: try spec.int("vocab_size"), seqLen: T, numKVPairs: try spec.int("num_kv_pairs"),
                                           powerA: try spec.double("power_a"), randomNonQueries: try spec.bool("random_non_queries")))
        case .selectiveCopying:
            let M = try spec.int("copy_tokens")
            guard T > 2 * M else {
                throw SequenceTaskError.invalidParameters(task: "selective-copying", reason: "seq_len \(T) must exceed 2 × copy_tokens = \(2 * M)")
            }
            self = .selectiveCopying(try SelectiveCopying(noiseLength: T - 2 * M, memorizeCount: M, alphabetSize: try spec.int("vocab_size")))
        case .inductionHeads:
            guard T >= 3 else { throw SequenceTaskError.invalidParameters(task: "induction-heads", reason: "seq_len \(T) must be ≥ 3") }
            self = .inductionHeads(inputLength: T, targets: try spec.choice("induction_targets", as: InductionHeads.Targets.self))
        case .charLM:
            guard let corpus else {
                throw SequenceTaskError.corpusNotFound(path: try spec.string("char_corpus"), remedy: "internal: the registry did not load the corpus")
            }
            self = .characters(corpus, length: T)
        }
    }

    var vocabSize: Int {
        switch self {
        case .mqar(let task): return task.vocabSize
        case .selectiveCopying(let task): return task.alphabetSize
        case .inductionHeads: return InductionHeads.vocabSize
        case .characters: return CharacterCorpus.vocabSize
        }
    }

    /// T of the model's input at training time.
    var modelLength: Int {
        switch self {
        case .mqar(let task): return task.seqLen
        case .selectiveCopying(let task): return task.seqLen
        case .inductionHeads(let N, _): return N + 1
        case .characters(_, let length): return length
        }
    }

    /// Language modelling reports bits per character; the synthetic tasks exact-match accuracy.
    var isLanguageModelling: Bool {
        if case .characters = self { return true }
        return false
    }

    func trainingBatch(count: Int, using rng: inout Philox4x32_10) throws -> TokenSequenceBatch {
        switch self {
        case .mqar(let task): return task.batch(count: count, using: &rng)
        case .selectiveCopying(let task): return task.batch(count: count, using: &rng)
        // safari trains on every next-token label of the sequence (`induction_targets: every-position`).
        case .inductionHeads(let N, let targets):
            return InductionHeads().batch(count: count, inputLength: N, scoreEveryPosition: targets == .everyPosition, using: &rng)
        case .characters(let corpus, let T): return try corpus.trainingBatch(count: count, length: T, using: &rng)
        }
    }

    /// The fixed validation or test set: `count` sequences (char-lm: up to `count` windows of the
    /// validation part or the held-out tail; its streams are unused).
    func evaluationSet(_ split: Split, count: Int, using rng: inout Philox4x32_10) throws -> TokenSequenceBatch {
        switch self {
        case .mqar(let task): return task.batch(count: count, using: &rng)
        case .selectiveCopying(let task): return task.batch(count: count, using: &rng)
        // safari scores only the answer at test time.
        case .inductionHeads(let N, _): return InductionHeads().batch(count: count, inputLength: N, scoreEveryPosition: false, using: &rng)
        case .characters(let corpus, let T):
            return split == .test ? try corpus.heldOutWindows(length: T, maxWindows: count)
                                  : try corpus.validationWindows(length: T, maxWindows: count)
        }
    }
}
