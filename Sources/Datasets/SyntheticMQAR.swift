import Foundation
import Tensor

/// Multi-query associative recall (MQAR), the synthetic task of Arora, Eyuboglu et al. 2023,
/// "Zoology: Measuring and improving recall in efficient language models", generated as
/// HazyResearch/zoology `zoology/data/multiquery_ar.py::multiquery_ar` does (one pass):
///
///     positions 0 ..< 2K            k₁ v₁ k₂ v₂ … k_K v_K         (K = num_kv_pairs)
///     positions 2K ..< T            queries: key kᵢ at 2K + 2·gᵢ, random tokens elsewhere
///     target at 2K + 2·gᵢ           vᵢ;  −100 (ignored) everywhere else
///
/// Keys are K distinct tokens from [1, V/2), values K distinct tokens from [V/2, V). The gaps
/// gᵢ are K distinct values of 0 ..< (T − 2K)/2 drawn without replacement with probability
/// p(g) ∝ a·(g + 1)^(a − 1), a = `powerA` (0.01: short gaps are far likelier, as repeated
/// bigrams in real text). Query i asks for key i, so queries appear in gap order, not key order.
/// With `randomNonQueries` (Zoology's default) every remaining 0 of the query region becomes a
/// uniform token of [0, V). Accuracy is exact match on the K query positions.
///
/// Differences from Zoology, on purpose: the random numbers come from a Philox stream (numpy's
/// Mersenne Twister sequence is not reproduced, only the distributions), and weighted sampling
/// without replacement is done one draw at a time with renormalisation, which is the
/// distribution `np.random.choice(replace=False, p=…)` samples.
public struct SyntheticMQAR: Sendable, Equatable {
    public let vocabSize: Int
    public let seqLen: Int
    public let numKVPairs: Int
    public let powerA: Double
    public let randomNonQueries: Bool
    /// Cumulative power-law weights over the gap slots 0 ..< (T − 2K)/2.
    private let gapWeights: [Double]

    /// Validates Zoology's asserts: T even, V > T, 4K ≤ T (the kv region plus room for K queries).
    public init(vocabSize: Int, seqLen: Int, numKVPairs: Int, powerA: Double = 0.01, randomNonQueries: Bool = true) throws {
        guard seqLen > 0, seqLen % 2 == 0 else {
            throw SequenceTaskError.invalidParameters(task: "mqar", reason: "seq_len \(seqLen) must be positive and even (Zoology asserts it)")
        }
        guard vocabSize > seqLen else {
            throw SequenceTaskError.invalidParameters(task: "mqar", reason: "vocab_size \(vocabSize) must exceed seq_len \(seqLen) (Zoology asserts it)")
        }
        guard numKVPairs > 0, 4 * numKVPairs <= seqLen, numKVPairs < vocabSize / 2 else {
            throw SequenceTaskError.invalidParameters(task: "mqar",
                reason: "num_kv_pairs \(numKVPairs) must be ≥ 1, ≤ seq_len/4 = \(seqLen / 4) and < vocab_size/2 = \(vocabSize / 2)")
        }
        guard powerA > 0 else {
            throw SequenceTaskError.invalidParameters(task: "mqar", reason: "power_a \(powerA) must be > 0 (1 gives uniform gaps)")
        }
        self.vocabSize = vocabSize
        self.seqLen = seqLen
        self.numKVPairs = numKVPairs
        self.powerA = powerA
        self.randomNonQueries = randomNonQueries
        let space = (seqLen - 2 * numKVPairs) / 2
        // p = a · arange(1, space + 1)^(a − 1)  (normalisation is irrelevant for sampling)
        gapWeights = (1...space).map { powerA * pow(Double($0), powerA - 1) }
    }

    /// Number of gap slots in the query region: (T − 2K) / 2.
    public var gapSlots: Int { gapWeights.count }

    /// One sequence: tokens [T] and targets [T] (−100 except at the K query positions).
    public func example(using rng: inout Philox4x32_10) -> (tokens: [Int32], targets: [Int32]) {
        let K = numKVPairs, T = seqLen, half = vocabSize / 2
        let keys = sampleDistinct(K, from: 1, to: half, using: &rng)
        let values = sampleDistinct(K, from: half, to: vocabSize, using: &rng)
        var tokens = [Int32](repeating: 0, count: T)
        var targets = [Int32](repeating: TokenSequenceBatch.ignoredTarget, count: T)
        for i in 0..<K {
            tokens[2 * i] = Int32(keys[i])
            tokens[2 * i + 1] = Int32(values[i])
        }
        var isQuery = [Bool](repeating: false, count: T)
        let gaps = sampleGaps(using: &rng)
        for i in 0..<K {
            let position = 2 * K + 2 * gaps[i]
            tokens[position] = Int32(keys[i])
            targets[position] = Int32(values[i])
            isQuery[position] = true
        }
        if randomNonQueries {
            // inputs[inputs == 0] = randint(vocab_size): only the query region holds zeros
            // (keys start at 1, values at V/2), so the kv pairs are untouched.
            for t in (2 * K)..<T where !isQuery[t] { tokens[t] = Int32(rng.uniformInt(below: vocabSize)) }
        }
        return (tokens, targets)
    }

    /// `count` independent sequences as one batch [count, T].
    public func batch(count: Int, using rng: inout Philox4x32_10) -> TokenSequenceBatch {
        TokenSequenceBatch(sequences: (0..<count).map { _ in example(using: &rng) })
    }

    /// K distinct gaps, drawn one at a time with probability ∝ the remaining power-law weights.
    func sampleGaps(using rng: inout Philox4x32_10) -> [Int] {
        var weights = gapWeights
        var chosen: [Int] = []
        chosen.reserveCapacity(numKVPairs)
        for _ in 0..<numKVPairs {
            let total = weights.reduce(0, +)
            var u = rng.unitUniformDouble() * total
            var pick = weights.count - 1
            for (g, w) in weights.enumerated() where w > 0 {
                if u < w { pick = g; break }
                u -= w
            }
            // Guard against rounding at the top end landing on an already-chosen slot.
            while weights[pick] == 0 { pick -= 1 }
            chosen.append(pick)
            weights[pick] = 0
        }
        return chosen
    }
}

/// `count` distinct integers of lower ..< upper in random order (a partial Fisher–Yates shuffle,
/// the distribution of `np.random.choice(range, size, replace=False)`).
func sampleDistinct(_ count: Int, from lower: Int, to upper: Int, using rng: inout Philox4x32_10) -> [Int] {
    precondition(count <= upper - lower, "sampleDistinct: \(count) values requested from a range of \(upper - lower)")
    var pool = Array(lower..<upper)
    for i in 0..<count {
        let j = i + rng.uniformInt(below: pool.count - i)
        pool.swapAt(i, j)
    }
    return Array(pool[0..<count])
}
