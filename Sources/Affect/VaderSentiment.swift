/// VADER, the rule-based sentiment model of Hutto & Gilbert (2014), "VADER: A Parsimonious
/// Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM.
///
/// Each word found in the lexicon contributes its human-rated valence, adjusted by the rules of
/// the paper as the reference package `vaderSentiment` 3.3.2 implements them:
///
///     valence(w_i) = lexicon(w_i)
///                    → "no" before w_i (1–3 words, or "no … or/nor"):  × −0.74
///                    → w_i in ALL CAPS among mixed case:               ± 0.733
///                    → booster/dampener k words before (k = 1, 2, 3):  ± 0.293 · (1, 0.95, 0.9)
///                    → negation k words before:                         × −0.74   (VaderRules)
///                    → special phrases, "kind of"/"sort of", "least"
///     sentiments     = "but": × 0.5 before it, × 1.5 after it
///     s              = Σ valence ± punctuation emphasis (sign of Σ)
///     compound       = s / √(s² + 15)
///
/// The rules reproduce the package's behaviour, including what looks unintended (a word in ALL
/// CAPS whose valence a "no" reduced to 0 gets −0.733; a word right after "so" or "this" is
/// multiplied by 1.25 whenever the word three before it is not in the lexicon; "but" weighting
/// finds each value by equality, see `VaderRules.weightAroundBut`), because the point of this
/// implementation is the package's numbers. The golden tests compare all four scores with the
/// package on hand-written edge cases and on the paper's four human-rated sets.
public struct VaderSentiment: Sendable {
    public let lexicon: VaderLexicon
    public let emoji: VaderEmojiLexicon

    public init(lexicon: VaderLexicon, emoji: VaderEmojiLexicon = .empty) {
        self.lexicon = lexicon
        self.emoji = emoji
    }

    /// Reads `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` from `directory` (by default where
    /// scripts/fetch-vader.py puts them).
    public static func load(directory: String = "/usr/share/datasets/vader") throws -> VaderSentiment {
        VaderSentiment(
            lexicon: try VaderLexicon.load(path: directory + "/vader_lexicon.txt"),
            emoji: try VaderEmojiLexicon.load(path: directory + "/emoji_utf8_lexicon.txt"))
    }

    /// The four scores of `text`, unrounded (`SentimentScores.roundedLikeReference` rounds them
    /// as the package prints them).
    public func polarityScores(_ text: String) -> SentimentScores {
        let tokens = VaderTokens(text, emoji: emoji)
        var sentiments = wordValences(tokens)
        VaderRules.weightAroundBut(&sentiments, tokens)
        return SentimentScores(sentiments: sentiments, punctuationEmphasis: tokens.punctuationEmphasis)
    }

    /// One valence per token, before the "but" weighting; 0 for words outside the lexicon and for
    /// modifiers ("very", and "kind" in "kind of", which would otherwise score as "kind" 2.4).
    func wordValences(_ tokens: VaderTokens) -> [Double] {
        tokens.words.indices.map { i in
            let isBooster = VaderVocabulary.boosters[tokens[lower: i]] != nil
            let isKindOf = i + 1 < tokens.words.count && tokens[lower: i] == "kind" && tokens[lower: i + 1] == "of"
            return isBooster || isKindOf ? 0 : valence(at: i, tokens)
        }
    }

    /// The valence of word `i` with every rule that looks at its neighbours applied.
    func valence(at i: Int, _ tokens: VaderTokens) -> Double {
        let word = tokens.words[i]
        guard let rated = lexicon.valence(of: word.lower) else { return 0 }
        var valence = rated
        // "no" is a lexicon word (−1.2) but before another lexicon word it negates instead.
        if word.lower == "no", i + 1 < tokens.words.count, lexicon.contains(tokens[lower: i + 1]) {
            valence = 0
        }
        let noBefore = (i > 0 && tokens[lower: i - 1] == "no") || (i > 1 && tokens[lower: i - 2] == "no")
            || (i > 2 && tokens[lower: i - 3] == "no" && ["or", "nor"].contains(tokens[lower: i - 1]))
        if noBefore {
            valence = rated * VaderVocabulary.negationScalar
        }
        if word.isUpper && tokens.capsDifferential {
            valence += valence > 0 ? VaderVocabulary.capsIncrement : -VaderVocabulary.capsIncrement
        }
        // The three words before: boosters add, negations flip; lexicon words are skipped.
        for distance in 0..<3 where i > distance {
            let modifier = tokens.words[i - distance - 1]
            guard !lexicon.contains(modifier.lower) else { continue }
            valence += VaderRules.boosterScalar(modifier, valence: valence, capsDifferential: tokens.capsDifferential)
                * VaderVocabulary.boosterDistanceScale[distance]
            valence = VaderRules.negate(valence, at: i, distance: distance, tokens)
            if distance == 2 {
                valence = VaderRules.specialPhrases(valence, at: i, tokens)
            }
        }
        return VaderRules.least(valence, at: i, tokens, lexicon: lexicon)
    }
}
