/// A text as VADER's rules see it: emoji spelled out, split on whitespace, words stripped of
/// surrounding punctuation, plus the counts of "!" and "?" that amplify the result.
///
/// Tokenisation follows the reference package step by step:
/// 1. each code point found in the emoji lexicon becomes its description, preceded by a space
///    unless the previous code point was a plain space (U+0020) — nothing is added after it, so
///    "💘good" becomes "heart with arrow good" but "good💘x" becomes "good heart with arrowx";
/// 2. the result is stripped of whitespace and split on runs of whitespace (Python's definition);
/// 3. each token loses leading and trailing ASCII punctuation unless that leaves two code points
///    or fewer, in which case it stays as written: ":)" and "ok." are kept whole (so "ok." does
///    not find "ok"), "good!!" becomes "good".
struct VaderTokens {
    /// One token, with the forms the rules compare.
    struct Word {
        let text: String
        /// `text` lower-cased, the form looked up in every table.
        let lower: String
        /// Python's `text.isupper()`.
        let isUpper: Bool
    }

    let words: [Word]
    /// Some but not all words are ALL CAPS: only then does capitalisation add emphasis.
    let capsDifferential: Bool
    let exclamationMarks: Int
    let questionMarks: Int

    init(_ text: String, emoji: VaderEmojiLexicon) {
        var spelled: [Unicode.Scalar] = []
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if let description = emoji.descriptions[scalar] {
                if !previousWasSpace { spelled.append(" ") }
                spelled.append(contentsOf: description.unicodeScalars)
                previousWasSpace = false
            } else {
                spelled.append(scalar)
                previousWasSpace = scalar == " "
            }
        }
        let stripped = Array(PythonText.strip(spelled))
        words = PythonText.split(stripped).map { token in
            let scalars = Array(token.unicodeScalars)
            let inner = PythonText.stripPunctuation(scalars)
            let kept = inner.count <= 2 ? token : PythonText.string(inner)
            return Word(text: kept, lower: PythonText.lower(kept), isUpper: PythonText.isUpper(kept))
        }
        let upper = words.filter(\.isUpper).count
        capsDifferential = upper > 0 && upper < words.count
        exclamationMarks = PythonText.count("!", in: stripped)
        questionMarks = PythonText.count("?", in: stripped)
    }

    /// Lower-cased word `i`.
    subscript(lower i: Int) -> String { words[i].lower }

    /// Valence added by the punctuation: 0.292 per "!" (at most four), and for two or three "?"
    /// 0.18 each, for more 0.96; a single "?" adds nothing.
    var punctuationEmphasis: Double {
        let exclamation = Double(min(exclamationMarks, VaderVocabulary.maximumExclamations)) * VaderVocabulary.exclamationIncrement
        let question: Double
        switch questionMarks {
        case ...1: question = 0
        case 2...3: question = Double(questionMarks) * VaderVocabulary.questionIncrement
        default: question = VaderVocabulary.manyQuestionsIncrement
        }
        return exclamation + question
    }
}
