/// The symbolic expert's answer to one question, with what a trace needs to show how it was
/// read.
public struct SymbolicAnswer: Equatable, Sendable {
    /// The exact value.
    public var value: SymbolicValue
    /// The value for people: "391", "0.75", "0.333333… (1/3)", "true" (`SymbolicValue.rendering`).
    public var rendering: String
    /// The expression as found in the question ("17*23" in "what is 17*23?").
    public var expression: String
    /// The parsed tree, fully parenthesised ("(17 * 23)"), so the trace shows how precedence
    /// was resolved.
    public var canonicalExpression: String

    public init(value: SymbolicValue, rendering: String, expression: String, canonicalExpression: String) {
        self.value = value
        self.rendering = rendering
        self.expression = expression
        self.canonicalExpression = canonicalExpression
    }
}
