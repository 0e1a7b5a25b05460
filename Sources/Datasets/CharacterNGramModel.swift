import Foundation

/// A byte n-gram model with add-k smoothing: the count baseline the char-LM's bits per
/// character should beat. A recurrent or attention model that cannot do better than a trigram
/// table has learnt nothing beyond the local letter statistics.
///
///     p(c | ctx) = (count(ctx, c) + k) / (count(ctx) + 256 k)
///
/// where ctx is the previous order − 1 bytes, count(ctx, c) the number of times the training
/// text has byte c right after ctx, and count(ctx) = Σ_c count(ctx, c), the times ctx is
/// followed by anything (so a ctx that ends the training text is not counted there, and every
/// distribution sums to 1). An unseen context gets the uniform 1/256.
///
/// Shorter contexts: a byte with fewer than order − 1 bytes before it (the start of a text or
/// a window) is predicted by the model of the order its context allows — the first byte by the
/// unigram counts, the second by the bigram counts, and so on. The model keeps the counts of
/// every order up to its own for this, all from the same training text and smoothed with the
/// same k. A longer context than order − 1 bytes is cut to its last order − 1.
///
///     let model = CharacterNGramModel(order: 3, addK: 0.1, training: corpus.train)
///     model.bitsPerCharacter(onWindows: try corpus.heldOutWindows(length: 128, maxWindows: 64))
public struct CharacterNGramModel: Sendable {
    public static let vocabSize = CharacterCorpus.vocabSize
    /// Contexts up to 3 bytes and the next byte pack into one UInt32 key.
    public static let maxOrder = 4

    /// 1 = unigram, 2 = bigram, 3 = trigram, 4 = 4-gram.
    public let order: Int
    /// The k added to every count.
    public let addK: Double
    private let counts: NGramCounts

    /// order 1 = unigram, 2 = bigram, 3 = trigram; add-k smoothing over the 256-byte vocabulary.
    public init(order: Int, addK: Double, training: [UInt8]) {
        self.init(counts: NGramCounts(order: order, training: training), addK: addK)
    }

    private init(counts: NGramCounts, addK: Double) {
        // k = 0 would be the maximum-likelihood table: a byte unseen after its context would get
        // probability 0 and the held-out bits per character would be infinite.
        precondition(addK > 0 && addK.isFinite, "CharacterNGramModel: addK must be a finite k > 0, got \(addK)")
        self.order = counts.order
        self.addK = addK
        self.counts = counts
    }

    /// Probability of `next` after `context` (its last order − 1 bytes; fewer at the start of a
    /// text, and then the model of the order that many bytes allow, as the type's comment says).
    public func probability(of next: UInt8, after context: ArraySlice<UInt8>) -> Double {
        let length = min(order - 1, context.count)
        var key: UInt32 = 0
        for byte in context.suffix(length) { key = key << 8 | UInt32(byte) }
        return probability(of: UInt32(next), context: key, length: length)
    }

    /// Mean −log₂ p over every byte of `text` predicted from its preceding bytes within `text`
    /// (the first order − 1 bytes from the shorter contexts above): bits per character.
    public func bitsPerCharacter(on text: [UInt8]) -> Double {
        precondition(!text.isEmpty, "CharacterNGramModel.bitsPerCharacter: the text is empty, so there is nothing to score")
        var history: UInt32 = 0
        var bits: Double = 0
        for (i, byte) in text.enumerated() {
            let length = min(order - 1, i)
            bits -= log2(probability(of: UInt32(byte), context: history & Self.mask(length), length: length))
            history = (history << 8 | UInt32(byte)) & Self.mask(Self.maxOrder - 1)
        }
        return bits / Double(text.count)
    }

    /// Mean −log₂ p over the scored targets of `batch`, each predicted from the tokens up to and
    /// including its own position in its window (`tokens[b·T … b·T + t]` for `targets[b·T + t]`,
    /// as `TokenSequenceBatch` defines them), so window starts use the shorter contexts. These
    /// are exactly the positions the char-LM's `test_bits_per_char` averages over on
    /// `CharacterCorpus.heldOutWindows`, so the two compare position for position.
    public func bitsPerCharacter(onWindows batch: TokenSequenceBatch) -> Double {
        let T = batch.length
        var bits: Double = 0
        var scored = 0
        for b in 0..<batch.batchSize {
            var history: UInt32 = 0
            for t in 0..<T {
                let token = batch.tokens[b * T + t], target = batch.targets[b * T + t]
                precondition((0..<Int32(Self.vocabSize)).contains(token),
                             "CharacterNGramModel.bitsPerCharacter: token \(token) at window \(b), position \(t) is not a byte")
                history = (history << 8 | UInt32(token)) & Self.mask(Self.maxOrder - 1)
                guard target != TokenSequenceBatch.ignoredTarget else { continue }
                precondition((0..<Int32(Self.vocabSize)).contains(target),
                             "CharacterNGramModel.bitsPerCharacter: target \(target) at window \(b), position \(t) is not a byte")
                let length = min(order - 1, t + 1)
                bits -= log2(probability(of: UInt32(target), context: history & Self.mask(length), length: length))
                scored += 1
            }
        }
        precondition(scored > 0, "CharacterNGramModel.bitsPerCharacter: the batch has no scored targets")
        return bits / Double(scored)
    }

    /// The model of `order` whose k, among `candidates`, gives the lowest bits per character on
    /// `validation` (the first such k on a tie), with that k. The test part stays unseen, so
    /// the baseline's test figure is as honest as the trained model's.
    public static func fitted(order: Int, training: [UInt8], validation: [UInt8],
                              candidates: [Double] = [0.01, 0.03, 0.1, 0.3, 1]) -> (model: CharacterNGramModel, addK: Double) {
        precondition(!candidates.isEmpty, "CharacterNGramModel.fitted: give at least one candidate k")
        precondition(!validation.isEmpty,
                     "CharacterNGramModel.fitted: the validation text is empty; load the corpus with validationFraction > 0")
        let counts = NGramCounts(order: order, training: training)
        let first = CharacterNGramModel(counts: counts, addK: candidates[0])
        var best = (model: first, bits: first.bitsPerCharacter(on: validation))
        for k in candidates.dropFirst() {
            let model = CharacterNGramModel(counts: counts, addK: k)
            let bits = model.bitsPerCharacter(on: validation)
            if bits < best.bits { best = (model, bits) }
        }
        return (best.model, best.model.addK)
    }

    /// p(next | the `length` bytes packed in `context`), add-k smoothed.
    private func probability(of next: UInt32, context: UInt32, length: Int) -> Double {
        let table = counts.tables[length]
        let pair = Double(table.following[context << 8 | next] ?? 0)
        let total = Double(table.totals[context] ?? 0)
        return (pair + addK) / (total + Double(Self.vocabSize) * addK)
    }

    /// The low 8·length bits: the last `length` bytes of a packed history.
    fileprivate static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max >> (32 - 8 * length)
    }
}

/// The training counts of every context length from 0 to order − 1; independent of k, so
/// `fitted` counts once and tries every k on the same tables.
private struct NGramCounts: Sendable {
    /// count(ctx, c) keyed by ctx << 8 | c, and count(ctx) keyed by ctx, for one context length.
    struct Table: Sendable {
        var following: [UInt32: Int] = [:]
        var totals: [UInt32: Int] = [:]
    }

    let order: Int
    /// `tables[L]` counts the contexts of length L.
    let tables: [Table]

    init(order: Int, training: [UInt8]) {
        precondition((1...CharacterNGramModel.maxOrder).contains(order),
                     "CharacterNGramModel: order must be 1 (unigram) … \(CharacterNGramModel.maxOrder), got \(order)")
        var tables = [Table](repeating: Table(), count: order)
        var history: UInt32 = 0
        for (i, byte) in training.enumerated() {
            for length in 0..<min(order, i + 1) {
                let context = history & CharacterNGramModel.mask(length)
                tables[length].following[context << 8 | UInt32(byte), default: 0] += 1
                tables[length].totals[context, default: 0] += 1
            }
            history = history << 8 | UInt32(byte)
        }
        self.order = order
        self.tables = tables
    }
}
