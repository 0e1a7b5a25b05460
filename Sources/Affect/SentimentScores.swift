import Foundation

/// VADER's four scores of a text.
///
/// `compound` is the normalised sum of all valences, in [−1, 1]: the one number to use for a
/// single measure of sentiment (the paper's correlations with human ratings use it).
/// `negative`, `neutral` and `positive` are the proportions of the text's sentiment mass that
/// fall in each class and sum to 1 (up to rounding): a positive word weighs its valence + 1, a
/// negative one |valence − 1|, a neutral word 1, and the punctuation emphasis is added to the
/// larger of the positive and negative masses.
public struct SentimentScores: Sendable, Equatable {
    public var negative: Double
    public var neutral: Double
    public var positive: Double
    public var compound: Double

    public init(negative: Double, neutral: Double, positive: Double, compound: Double) {
        self.negative = negative
        self.neutral = neutral
        self.positive = positive
        self.compound = compound
    }

    /// All four 0: the scores of a text without words.
    public static let zero = SentimentScores(negative: 0, neutral: 0, positive: 0, compound: 0)

    /// The scores of the word valences `sentiments` (after the "but" weighting), with
    /// `punctuationEmphasis` added in the direction of their sum.
    init(sentiments: [Double], punctuationEmphasis emphasis: Double) {
        guard !sentiments.isEmpty else {
            self = .zero
            return
        }
        var sum = 0.0
        for s in sentiments { sum += s }
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = max(-1, min(1, sum / (sum * sum + VaderVocabulary.normalizationAlpha).squareRoot()))

        var positiveMass = 0.0, negativeMass = 0.0, neutralCount = 0.0
        for s in sentiments {
            if s > 0 { positiveMass += s + 1 }
            if s < 0 { negativeMass += s - 1 }
            if s == 0 { neutralCount += 1 }
        }
        if positiveMass > abs(negativeMass) {
            positiveMass += emphasis
        } else if positiveMass < abs(negativeMass) {
            negativeMass -= emphasis
        }
        let total = positiveMass + abs(negativeMass) + neutralCount
        self.init(negative: abs(negativeMass / total), neutral: abs(neutralCount / total),
                  positive: abs(positiveMass / total), compound: compound)
    }

    /// The scores as the reference package returns them: proportions to 3 decimals, compound to 4,
    /// each rounded like Python's `round` (the decimal nearest the exact binary value, ties to
    /// even, read back as the nearest double).
    public var roundedLikeReference: SentimentScores {
        SentimentScores(negative: Self.round(negative, digits: 3), neutral: Self.round(neutral, digits: 3),
                        positive: Self.round(positive, digits: 3), compound: Self.round(compound, digits: 4))
    }

    /// Python's `round(value, digits)`: C's `%.*f` rounds the exact binary value correctly, ties
    /// to even, as CPython's `round` does.
    static func round(_ value: Double, digits: Int) -> Double {
        guard value.isFinite else { return value }
        return Double(String(format: "%.\(digits)f", value)) ?? value
    }
}
