/// A parsed expression: literals, prefix and infix operators, each node with the column of the
/// token that made it (the literal, or the operator), which is where its errors are reported.
///
/// Columns are 0 in trees built by code rather than parsed (the synthetic generator's).
public indirect enum SymbolicExpression: Equatable, Sendable {
    case number(Rational, column: Int)
    case boolean(Bool, column: Int)
    case unary(UnaryOperator, SymbolicExpression, column: Int)
    case binary(BinaryOperator, SymbolicExpression, SymbolicExpression, column: Int)

    /// The column of the token this node was made from.
    public var column: Int {
        switch self {
        case let .number(_, column), let .boolean(_, column), let .unary(_, _, column), let .binary(_, _, _, column):
            return column
        }
    }

    /// Parses `text` with `SymbolicParser`.
    public init(parsing text: String) throws(SymbolicError) {
        self = try SymbolicParser.parse(text)
    }
}

extension SymbolicExpression: CustomStringConvertible {
    /// The canonical printed form: every operator application in its own parentheses, operators
    /// in their canonical spelling, numbers as exact decimals. It shows the trace exactly how
    /// precedence was resolved: "2^3^2" prints as "(2 ^ (3 ^ 2))", "-2^2" as "(-(2 ^ 2))", and
    /// "not 1 < 2" as "(not (1 < 2))". Parsing it again gives the same tree (columns aside).
    ///
    /// A literal is written as its terminating decimal ("0.1"); a fraction with no terminating
    /// decimal, which only code can put in a literal, as "(1 / 3)", and a negative one as
    /// "(-5)", which parse back to the same value.
    public var description: String {
        switch self {
        case let .number(r, _):
            let magnitude = r.signum < 0 ? r.negated : r
            let written = magnitude.hasTerminatingDecimal
                ? magnitude.decimalDescription()
                : "(\(magnitude.numerator) / \(magnitude.denominator))"
            return r.signum < 0 ? "(-\(written))" : written
        case let .boolean(b, _):
            return b ? "true" : "false"
        case let .unary(op, operand, _):
            return op == .not ? "(not \(operand))" : "(\(op.symbol)\(operand))"
        case let .binary(op, lhs, rhs, _):
            return "(\(lhs) \(op.symbol) \(rhs))"
        }
    }
}
