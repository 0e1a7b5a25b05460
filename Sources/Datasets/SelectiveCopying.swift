import Tensor

/// The selective copying task of Gu & Dao 2023 ("Mamba", §4.1.1), generated as the s4
/// repository's `src/dataloaders/datasets/copying.py::torch_copying_data(L, M, A, variable=True)`:
///
///     prefix, length M + L:  M data tokens from [1, A − 1) at M random positions (kept in
///                            order), blank token 0 everywhere else
///     then M markers:        token A − 1
///     targets:               the M data tokens in order, at the M marker positions
///                            (−100 elsewhere); T = L + 2M
///
/// s4's model reads the last M outputs; here the same outputs are the marker positions of a
/// causal LM, so position L + M + j must emit data token j. Accuracy is exact match per
/// marker position (the paper's Table 1 metric).
public struct SelectiveCopying: Sendable, Equatable {
    /// L: number of blank (noise) tokens.
    public let noiseLength: Int
    /// M: number of data tokens to memorise.
    public let memorizeCount: Int
    /// A: alphabet size, including the blank 0 and the marker A − 1.
    public let alphabetSize: Int

    public init(noiseLength: Int, memorizeCount: Int, alphabetSize: Int) throws {
        guard noiseLength >= 0, memorizeCount > 0 else {
            throw SequenceTaskError.invalidParameters(task: "selective-copying",
                reason: "noise length \(noiseLength) must be ≥ 0 and tokens to copy \(memorizeCount) ≥ 1")
        }
        guard alphabetSize >= 3 else {
            throw SequenceTaskError.invalidParameters(task: "selective-copying",
                reason: "vocab_size \(alphabetSize) must be ≥ 3 (blank, marker and at least one data token)")
        }
        self.noiseLength = noiseLength
        self.memorizeCount = memorizeCount
        self.alphabetSize = alphabetSize
    }

    public var blankToken: Int32 { 0 }
    public var markerToken: Int32 { Int32(alphabetSize - 1) }
    /// T = L + 2M.
    public var seqLen: Int { noiseLength + 2 * memorizeCount }

    public func example(using rng: inout Philox4x32_10) -> (tokens: [Int32], targets: [Int32]) {
        let L = noiseLength, M = memorizeCount
        // tokens = randint(1, A − 1, (M,))
        let data = (0..<M).map { _ in Int32(1 + rng.uniformInt(below: alphabetSize - 2)) }
        // inds = sort(randperm(L + M)[:M])
        let positions = sampleDistinct(M, from: 0, to: L + M, using: &rng).sorted()
        var tokens = [Int32](repeating: blankToken, count: L + 2 * M)
        var targets = [Int32](repeating: TokenSequenceBatch.ignoredTarget, count: L + 2 * M)
        for (j, p) in positions.enumerated() { tokens[p] = data[j] }
        for j in 0..<M {
            tokens[L + M + j] = markerToken
            targets[L + M + j] = data[j]
        }
        return (tokens, targets)
    }

    public func batch(count: Int, using rng: inout Philox4x32_10) -> TokenSequenceBatch {
        TokenSequenceBatch(sequences: (0..<count).map { _ in example(using: &rng) })
    }
}
