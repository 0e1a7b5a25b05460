/// Plutchik's eight basic emotions (Plutchik 1980), spelled as the NRC Emotion Lexicon spells
/// its categories.
///
/// The cases are in alphabetical order, which is also the order the lexicon and this target use
/// everywhere an order is needed: `EmotionCounts.counts`, the tracker's smoothed weights, and
/// ties (the earlier case wins).
public enum PlutchikEmotion: String, CaseIterable, Codable, Sendable {
    case anger
    case anticipation
    case disgust
    case fear
    case joy
    case sadness
    case surprise
    case trust

    /// The position of this emotion in `allCases`.
    public var index: Int {
        switch self {
        case .anger: return 0
        case .anticipation: return 1
        case .disgust: return 2
        case .fear: return 3
        case .joy: return 4
        case .sadness: return 5
        case .surprise: return 6
        case .trust: return 7
        }
    }

    /// The emotion with the largest weight, ties going to the earlier case; nil when no weight
    /// is positive. `weights` holds one value per case, in `allCases` order.
    static func argmax(_ weights: [Double]) -> PlutchikEmotion? {
        precondition(weights.count == allCases.count, "one weight per emotion, got \(weights.count)")
        var best: PlutchikEmotion?
        var bestWeight = 0.0
        for emotion in allCases where weights[emotion.index] > bestWeight {
            best = emotion
            bestWeight = weights[emotion.index]
        }
        return best
    }
}

/// How many times each of Plutchik's emotions is evoked by the words of a text, according to the
/// NRC Emotion Lexicon.
///
/// Words are VADER's tokens (`VaderTokens`: split on whitespace, surrounding ASCII punctuation
/// stripped unless that leaves two code points or fewer, lower-cased), so "Furious!!" finds
/// "furious". A word associated with several emotions counts once for each ("furious": anger
/// and disgust), as in the `nrclex` package's raw emotion scores; a word repeated counts each
/// time. Negation flips nothing: "not happy" counts joy, anticipation and trust like "happy" —
/// the lexicon was annotated for words out of context, and no study we know gives a rule for
/// what a negated emotion word evokes (the valence, from VADER, does handle negation).
public struct EmotionCounts: Sendable, Equatable {
    /// Count per emotion, in `PlutchikEmotion.allCases` order.
    public let counts: [Int]
    /// Number of words (tokens) associated with at least one emotion.
    public let emotionWords: Int

    public init(counts: [Int], emotionWords: Int) {
        precondition(counts.count == PlutchikEmotion.allCases.count, "one count per emotion, got \(counts.count)")
        self.counts = counts
        self.emotionWords = emotionWords
    }

    /// No emotion word.
    public static let none = EmotionCounts(counts: Array(repeating: 0, count: PlutchikEmotion.allCases.count), emotionWords: 0)

    /// Counts the emotion words of `text`; `emoji` spells out emoji first, as VADER does.
    public init(_ text: String, lexicon: NRCEmotionLexicon, emoji: VaderEmojiLexicon = .empty) {
        self.init(tokens: VaderTokens(text, emoji: emoji), lexicon: lexicon)
    }

    init(tokens: VaderTokens, lexicon: NRCEmotionLexicon) {
        var counts = Array(repeating: 0, count: PlutchikEmotion.allCases.count)
        var words = 0
        for word in tokens.words {
            guard let emotions = lexicon.emotions(of: word.lower) else { continue }
            words += 1
            for emotion in emotions { counts[emotion.index] += 1 }
        }
        self.init(counts: counts, emotionWords: words)
    }

    public subscript(emotion: PlutchikEmotion) -> Int { counts[emotion.index] }

    /// All emotion hits: Σ counts (a word with two emotions is two hits).
    public var total: Int { counts.reduce(0, +) }

    /// The most frequent emotion; ties go to the earlier case in `PlutchikEmotion.allCases`
    /// (alphabetical order), so "furious" (anger 1, disgust 1) is anger. Nil without a hit.
    public var dominantEmotion: PlutchikEmotion? {
        PlutchikEmotion.argmax(counts.map(Double.init))
    }

    /// The dominant emotion's share of all hits, counts[dominant] / total, in (0, 1]; 0 without a
    /// hit. A text whose one emotion word carries two emotions ("furious") has confidence 0.5.
    public var confidence: Double {
        guard let top = dominantEmotion else { return 0 }
        return Double(counts[top.index]) / Double(total)
    }
}
