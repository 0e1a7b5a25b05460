/// One lexeme of an expression, with where it starts.
///
/// `column` is 1-based and counts UTF-8 bytes from the start of the text the user typed (the
/// whole question, when the expression was extracted from one), so a caret can be placed under
/// it in any UTF-8 terminal that shows one column per byte of ASCII input.
public struct SymbolicToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case number(Rational)
        case boolean(Bool)
        case plus, minus, star, slash, percent, caret
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case not, and, or
        case leftParenthesis, rightParenthesis
        /// After the last lexeme; its column is one past the end of the text.
        case end
    }

    public var kind: Kind
    public var column: Int
    /// The spelling in the source ("×", "**", "and", "0.1"); empty for `.end`.
    public var text: String

    public init(kind: Kind, column: Int, text: String) {
        self.kind = kind
        self.column = column
        self.text = text
    }

    /// "'*'" or "the end of the expression": how error messages name what was found.
    var quoted: String { kind == .end ? "the end of the expression" : "'\(text)'" }
}
