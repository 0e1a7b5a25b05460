/// The rules of VADER that adjust a word's valence from its neighbours, each as the reference
/// package `vaderSentiment` 3.3.2 applies it (see `VaderSentiment` for the order).
enum VaderRules {
    /// Whether `word` (lower-cased) negates: a listed negation, or any word containing "n't".
    static func isNegation(_ word: String) -> Bool {
        VaderVocabulary.negations.contains(word) || PythonText.contains(word, ascii: "n't")
    }

    /// What booster or dampener `modifier` adds to a word of valence `valence`: ±0.293 in the
    /// direction of the valence (away from zero for a booster, towards it for a dampener; a
    /// valence of exactly 0 counts as positive), and ±0.733 more when the modifier is in ALL CAPS
    /// among mixed case (here a valence of 0 counts as negative, as in the package).
    static func boosterScalar(_ modifier: VaderTokens.Word, valence: Double, capsDifferential: Bool) -> Double {
        guard var scalar = VaderVocabulary.boosters[modifier.lower] else { return 0 }
        if valence < 0 { scalar = -scalar }
        if modifier.isUpper && capsDifferential {
            scalar += valence > 0 ? VaderVocabulary.capsIncrement : -VaderVocabulary.capsIncrement
        }
        return scalar
    }

    /// Negation by the word `distance + 1` places before word `i` (× −0.74), with the package's
    /// exceptions: "never so/this X" and, at distance 3, any "so/this X" emphasise (× 1.25);
    /// "without doubt" leaves the valence alone.
    static func negate(_ valence: Double, at i: Int, distance: Int, _ t: VaderTokens) -> Double {
        let soOrThis: (String) -> Bool = { $0 == "so" || $0 == "this" }
        switch distance {
        case 0:
            return isNegation(t[lower: i - 1]) ? valence * VaderVocabulary.negationScalar : valence
        case 1:
            if t[lower: i - 2] == "never" && soOrThis(t[lower: i - 1]) { return valence * VaderVocabulary.neverSoScale }
            if t[lower: i - 2] == "without" && t[lower: i - 1] == "doubt" { return valence }
            return isNegation(t[lower: i - 2]) ? valence * VaderVocabulary.negationScalar : valence
        default:
            // Python's `a and (b or c) or (d or e)`: the "so/this" right before the word is
            // enough on its own.
            if (t[lower: i - 3] == "never" && soOrThis(t[lower: i - 2])) || soOrThis(t[lower: i - 1]) {
                return valence * VaderVocabulary.neverSoScale
            }
            if t[lower: i - 3] == "without" && (t[lower: i - 2] == "doubt" || t[lower: i - 1] == "doubt") { return valence }
            return isNegation(t[lower: i - 3]) ? valence * VaderVocabulary.negationScalar : valence
        }
    }

    /// Special phrases around word `i` (i ≥ 3): the first of "w₋₁ w", "w₋₂ w₋₁ w", "w₋₂ w₋₁",
    /// "w₋₃ w₋₂ w₋₁", "w₋₃ w₋₂" that is a special case sets the valence, then "w w₊₁" and
    /// "w w₊₁ w₊₂" override it; finally each of "w₋₃ w₋₂ w₋₁", "w₋₃ w₋₂", "w₋₂ w₋₁" that is a
    /// two-word dampener ("kind of", "sort of", "just enough") adds −0.293 regardless of sign.
    static func specialPhrases(_ valence: Double, at i: Int, _ t: VaderTokens) -> Double {
        let phrase: (ClosedRange<Int>) -> String = { range in range.map { t[lower: $0] }.joined(separator: " ") }
        var valence = valence
        let before = [phrase(i - 1...i), phrase(i - 2...i), phrase(i - 2...i - 1), phrase(i - 3...i - 1), phrase(i - 3...i - 2)]
        if let special = before.lazy.compactMap({ VaderVocabulary.specialCases[$0] }).first {
            valence = special
        }
        if i + 1 < t.words.count, let special = VaderVocabulary.specialCases[phrase(i...i + 1)] {
            valence = special
        }
        if i + 2 < t.words.count, let special = VaderVocabulary.specialCases[phrase(i...i + 2)] {
            valence = special
        }
        for ngram in [phrase(i - 3...i - 1), phrase(i - 3...i - 2), phrase(i - 2...i - 1)] {
            if let booster = VaderVocabulary.boosters[ngram] { valence += booster }
        }
        return valence
    }

    /// "least X" negates X (× −0.74) unless it reads "at least X" or "very least X".
    static func least(_ valence: Double, at i: Int, _ t: VaderTokens, lexicon: VaderLexicon) -> Double {
        guard i > 0, t[lower: i - 1] == "least", !lexicon.contains(t[lower: i - 1]) else { return valence }
        if i > 1 && (t[lower: i - 2] == "at" || t[lower: i - 2] == "very") { return valence }
        return valence * VaderVocabulary.negationScalar
    }

    /// Contrastive "but": sentiment before the first "but" counts half, after it one and a half.
    ///
    /// The package walks the list and, for each value, rewrites the *first* entry equal to it
    /// (`sentiments.index(sentiment)`), so a value equal to an earlier, already weighted one is
    /// weighted at the earlier position instead: with "gg" (1.2 in the lexicon) and "activeness"
    /// (0.6), "gg but activeness" gives [0.3, 0, 0.6], not [0.6, 0, 0.9]. Kept, for its numbers.
    static func weightAroundBut(_ sentiments: inout [Double], _ t: VaderTokens) {
        guard let but = t.words.firstIndex(where: { $0.lower == "but" }) else { return }
        for k in sentiments.indices {
            let value = sentiments[k]
            guard let first = sentiments.firstIndex(of: value) else { continue }
            if first < but {
                sentiments[first] = value * VaderVocabulary.beforeBut
            } else if first > but {
                sentiments[first] = value * VaderVocabulary.afterBut
            }
        }
    }
}
