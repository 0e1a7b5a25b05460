/// Finds the expression in a question typed by a person.
///
/// Deliberately simple, so that what it accepts can be predicted: it peels framing off both
/// ends and then checks that what is left reads as an expression, not as prose. It does not
/// understand number words ("two plus two") or units.
public enum SymbolicQuery {
    /// Leading phrases that frame a question, matched case-insensitively and only as whole
    /// words. Longer phrases come first so that "what is the value of" wins over "what is".
    public static let framings: [String] = [
        "what is the value of", "what is", "what's", "what’s", "whats",
        "compute", "calculate", "evaluate", "is it true that", "is",
    ]

    /// Words an expression may contain; any other run of letters makes the text prose.
    public static let keywords: Set<String> = ["true", "false", "not", "and", "or"]

    /// The expression inside `text`, or nil when the text does not look like one.
    ///
    /// Steps: trim whitespace; drop trailing "?" and "." (repeatedly, with whitespace); drop one
    /// leading framing phrase (`framings`); trim again. What is left is an expression if it
    /// contains a digit or `true`/`false`, and every run of letters in it is a keyword. Symbols
    /// are not checked here, so "2 $ 3" is returned and the parser names the bad character.
    ///
    ///     extract(from: "what is 17*23?")          // "17*23"
    ///     extract(from: "Is 3/4 < 0.8?")           // "3/4 < 0.8"
    ///     extract(from: "I have 3 cats")           // nil: "I", "have", "cats" are prose
    ///
    /// The result is a slice of `text`, so the parser's columns point into the question as the
    /// user typed it.
    public static func extract(from text: String) -> Substring? {
        var s = trimmed(text[...])
        while let last = s.last, last == "?" || last == "." {
            s = trimmed(s.dropLast())
        }
        for framing in framings where startsWithWord(s, framing) {
            s = trimmed(s.dropFirst(framing.count))
            break
        }
        return looksLikeExpression(s) ? s : nil
    }

    /// Runs of letters in `s`, in order.
    static func words(_ s: Substring) -> [String] {
        s.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    private static func looksLikeExpression(_ s: Substring) -> Bool {
        let words = words(s).map { $0.lowercased() }
        guard words.allSatisfy(keywords.contains) else { return false }
        return s.contains(where: { $0.isASCII && $0.isWholeNumber }) || words.contains("true") || words.contains("false")
    }

    /// True when `s` begins with `phrase` (ignoring case) and the phrase is not the start of a
    /// longer word: "is 2 > 1" starts with "is", "isotope" does not.
    private static func startsWithWord(_ s: Substring, _ phrase: String) -> Bool {
        guard s.count >= phrase.count, s.prefix(phrase.count).lowercased() == phrase else { return false }
        let rest = s.dropFirst(phrase.count)
        return rest.first.map { !$0.isLetter } ?? true
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
