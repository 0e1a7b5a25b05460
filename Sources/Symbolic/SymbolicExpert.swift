/// The domain expert for exact arithmetic, comparisons and boolean logic: says how sure it is
/// that it can answer a request, and answers it.
///
/// It never guesses: an answer is the exact value of the expression found in the text, and
/// anything else is a `SymbolicError` whose message says what to fix.
public struct SymbolicExpert: Sendable {
    /// The extracted expression parses: this expert can answer (possibly with an arithmetic
    /// error such as division by zero, which is still the right answer to give).
    public static let parsesConfidence = 1.0
    /// The text reads as an expression and has an operator, but does not parse ("2 + * 3"):
    /// probably meant for this expert, which can at least say what is wrong.
    public static let malformedConfidence = 0.5
    /// Digits and an operator symbol, but words around them ("what is 2 + x?"): maybe.
    public static let mixedConfidence = 0.2
    /// What reads as an expression but has no operator and does not parse ("3:30").
    public static let bareConfidence = 0.1

    public init() {}

    /// Confidence in [0, 1] that `answer(_:)` applies to `text`. The heuristic, first match wins:
    ///
    /// | text                                                          | score |
    /// |---------------------------------------------------------------|-------|
    /// | `SymbolicQuery.extract` finds an expression and it parses     | 1.0   |
    /// | an expression is found, has an operator symbol, fails to parse| 0.5   |
    /// | no expression is found, but the text has a digit and an operator symbol | 0.2 |
    /// | an expression is found, without operator, fails to parse      | 0.1   |
    /// | anything else ("the cat sat on the mat", "I have 3 cats")     | 0     |
    ///
    /// Parsing includes lexing but not type checking or evaluation: `1 + true` and `1/0` score
    /// 1.0, because this expert is the one that can explain what is wrong with them.
    public func canHandle(_ text: String) -> Double {
        let hasOperator = text.unicodeScalars.contains(where: Self.operatorSymbols.contains)
        guard let expression = SymbolicQuery.extract(from: text) else {
            let hasDigit = text.contains(where: { $0.isASCII && $0.isWholeNumber })
            return hasDigit && hasOperator ? Self.mixedConfidence : 0
        }
        if (try? SymbolicParser.parse(expression)) != nil { return Self.parsesConfidence }
        return hasOperator ? Self.malformedConfidence : Self.bareConfidence
    }

    /// The exact value of the expression in `text`, or the error that says why there is none.
    public func answer(_ text: String) -> Result<SymbolicAnswer, SymbolicError> {
        guard let expression = SymbolicQuery.extract(from: text) else {
            let rest = text.filter { !$0.isWhitespace && $0 != "?" && $0 != "." }
            return .failure(rest.isEmpty ? .emptyExpression : .notAnExpression(text: text))
        }
        do {
            let tree = try SymbolicParser.parse(expression)
            let value = try tree.evaluate()
            return .success(SymbolicAnswer(value: value, rendering: value.rendering,
                                           expression: String(expression), canonicalExpression: tree.description))
        } catch {
            return .failure(error)
        }
    }

    /// Characters that start an operator in `SymbolicLexer`, for the confidence heuristic.
    static let operatorSymbols: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "^", "<", ">", "=", "!", "&", "|",
        "\u{2212}", "\u{00D7}", "\u{22C5}", "\u{00F7}", "\u{2264}", "\u{2265}", "\u{2260}",
    ]
}
