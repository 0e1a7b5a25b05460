import Tensor

/// The induction-heads task of Gu & Dao 2023 (§4.1.2, Table 11), generated as HazyResearch/safari
/// `src/dataloaders/synthetics.py::generate_induction_head` with induction_len 1 and one trigger:
///
///     s = N random tokens of the 14 ordinary tokens, then the trigger `=>`
///     at one random position p ∈ [0, N − 2): s[p] = `=>` (s[p + 1] is left as drawn)
///     append s[p + 1]                         → an example of N + 2 tokens
///     model input example[:-1] (T = N + 1), labels example[1:]
///
/// The answer is the token that followed the trigger's earlier occurrence. Vocabulary 16:
/// ordinary tokens 0 … 13, trigger 14, and safari's unused no-op token 15 (safari orders its
/// string vocabulary lexically; only the roles matter). safari trains on every next-token label
/// (`scoreEveryPosition`) and tests on the last label only; with num_triggers = 1 its
/// `rng.uniform() < 0.5` coin has no effect, so it is not drawn.
public struct InductionHeads: Sendable, Equatable {
    /// Which labels of a training sequence the loss reads; raw values are the config spelling
    /// (`induction_targets:`). Test sets always score the answer alone.
    public enum Targets: String, CaseIterable, Sendable {
        /// Every next-token label, as safari trains (the Mamba paper's setup): 256 of the 257
        /// labels of a length-256 example are random tokens no model can predict.
        case everyPosition = "every-position"
        /// The answer alone: the same one learnable label per sequence without the noise of the
        /// others; a deviation from the paper, for budgets far below its 1.6 M sequences.
        case answer
    }

    public static let vocabSize = 16
    public static let ordinaryTokens = 14
    public static let triggerToken: Int32 = 14
    public static let noopToken: Int32 = 15

    public init() {}

    /// One example with N = `inputLength` random tokens: tokens and targets of length N + 1.
    /// With `scoreEveryPosition` false only the last target (the answer) is kept.
    public func example(inputLength N: Int, scoreEveryPosition: Bool,
                        using rng: inout Philox4x32_10) -> (tokens: [Int32], targets: [Int32]) {
        precondition(N >= 3, "InductionHeads: input length \(N) must be ≥ 3 (safari draws the trigger from [0, N − 2))")
        var sequence = (0..<N).map { _ in Int32(rng.uniformInt(below: Self.ordinaryTokens)) }
        sequence.append(Self.triggerToken)
        // pos = rng.integers(input_seq_len − (1 + induction_len))
        let p = rng.uniformInt(below: N - 2)
        let answer = sequence[p + 1]
        sequence[p] = Self.triggerToken
        sequence.append(answer)
        let tokens = Array(sequence.dropLast())
        var targets = Array(sequence.dropFirst())
        if !scoreEveryPosition {
            for t in 0..<(targets.count - 1) { targets[t] = TokenSequenceBatch.ignoredTarget }
        }
        return (tokens, targets)
    }

    public func batch(count: Int, inputLength: Int, scoreEveryPosition: Bool,
                      using rng: inout Philox4x32_10) -> TokenSequenceBatch {
        TokenSequenceBatch(sequences: (0..<count).map { _ in
            example(inputLength: inputLength, scoreEveryPosition: scoreEveryPosition, using: &rng)
        })
    }
}
