import Foundation

/// Everything that can go wrong between a question and its exact answer: reading it, parsing
/// it, checking its types and evaluating it.
///
/// Each description is one line that says what was found, where (a 1-based UTF-8 column in the
/// text as typed, see `SymbolicToken`) and, where it is not obvious, what would be right, so
/// that the message alone is enough to fix the question.
public enum SymbolicError: Error, Equatable, Sendable {
    /// The text held no expression, or only whitespace and question framing.
    case emptyExpression
    /// The text reads as prose, not as an expression (see `SymbolicQuery.extract(from:)`).
    case notAnExpression(text: String)
    /// A character that starts no token.
    case unexpectedCharacter(String, column: Int)
    /// A run of letters that is not `true`, `false`, `not`, `and` or `or`.
    case unknownWord(String, column: Int)
    /// A numeric literal whose exact value leaves the 64-bit range.
    case numberTooLarge(String, column: Int)
    /// An operand (number, boolean, `(` or prefix operator) was required; `found` names what
    /// came instead.
    case expectedOperand(found: String, column: Int)
    /// The text ended with the `(` at `openedAt` still open.
    case unclosedParenthesis(openedAt: Int)
    /// Inside parentheses, something other than `)` or an operator followed a complete operand.
    case expectedClosingParenthesis(found: String, column: Int, openedAt: Int)
    /// A `)` with no `(` before it.
    case unmatchedClosingParenthesis(column: Int)
    /// A complete expression was followed by more tokens.
    case trailingInput(found: String, column: Int)
    /// `a < b < c`: comparisons do not chain.
    case chainedComparison(column: Int)
    /// An infix operator was given operands of the wrong types.
    case typeMismatch(BinaryOperator, left: SymbolicType, right: SymbolicType, column: Int)
    /// A prefix operator was given an operand of the wrong type.
    case operandTypeMismatch(UnaryOperator, operand: SymbolicType, column: Int)
    /// `x / 0`, or `0 ^ n` with n < 0.
    case divisionByZero(column: Int)
    /// `x % 0`.
    case moduloByZero(column: Int)
    /// `%` with a fractional operand.
    case moduloOfNonIntegers(Rational, Rational, column: Int)
    /// `x ^ y` with a fractional y, whose result is in general irrational.
    case nonIntegerExponent(Rational, column: Int)
    /// The exact result of the operator at `column` leaves the 64-bit range.
    case overflow(column: Int)
    /// Nesting or tree depth beyond `SymbolicParser.maximumDepth`, reached at `column`.
    case tooDeeplyNested(column: Int, limit: Int)
}

extension SymbolicError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .emptyExpression:
            return "empty expression: there is nothing to evaluate (try e.g. \"what is 17*23?\")"
        case let .notAnExpression(text):
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "no expression found in \(shown.debugDescription): write numbers with + - * / % ^, comparisons (< <= > >= == !=) and and/or/not, e.g. \"what is 17*23?\""
        case let .unexpectedCharacter(character, column):
            return "unexpected character '\(character)' at column \(column)"
        case let .unknownWord(word, column):
            return "unknown word '\(word)' at column \(column): only true, false, not, and, or are understood"
        case let .numberTooLarge(literal, column):
            return "the number \(literal) at column \(column) exceeds the exact 64-bit range (numerators and denominators up to \(Int64.max))"
        case let .expectedOperand(found, column):
            return "expected a number, true, false or '(' at column \(column), found \(found)"
        case let .unclosedParenthesis(openedAt):
            return "unbalanced parenthesis: the '(' at column \(openedAt) is never closed"
        case let .expectedClosingParenthesis(found, column, openedAt):
            return "expected ')' or an operator at column \(column), found \(found) (the '(' at column \(openedAt) is still open)"
        case let .unmatchedClosingParenthesis(column):
            return "unbalanced parenthesis: the ')' at column \(column) has no matching '('"
        case let .trailingInput(found, column):
            return "unexpected \(found) at column \(column) after a complete expression: is an operator missing?"
        case let .chainedComparison(column):
            return "comparisons do not chain at column \(column): write 'a < b and b < c', or parenthesise '(a == b) == c'"
        case let .typeMismatch(op, left, right, column):
            let clause = Self.typeMismatchMessage(op, left, right) + " at column \(column)"
            return op.isLogical ? clause + ": '\(op.symbol)' needs booleans on both sides" : clause
        case let .operandTypeMismatch(op, operand, column):
            switch op {
            case .negate: return "cannot negate \(operand.phrase) at column \(column)"
            case .plus, .not: return "cannot apply '\(op.symbol)' to \(operand.phrase) at column \(column)"
            }
        case let .divisionByZero(column):
            return "division by zero at column \(column)"
        case let .moduloByZero(column):
            return "modulo by zero at column \(column)"
        case let .moduloOfNonIntegers(a, b, column):
            return "cannot take \(a) modulo \(b) at column \(column): '%' needs integers"
        case let .nonIntegerExponent(e, column):
            return "exponent must be an integer at column \(column), found \(e)"
        case let .overflow(column):
            return "result exceeds the exact 64-bit range (numerators and denominators up to \(Int64.max)) at column \(column)"
        case let .tooDeeplyNested(column, limit):
            return "the expression nests deeper than \(limit) levels at column \(column): split it into smaller questions"
        }
    }

    public var errorDescription: String? { description }

    /// The clause before "at column N", worded per operator so it reads as English:
    /// "cannot add a boolean to a number" for `1 + true`.
    private static func typeMismatchMessage(_ op: BinaryOperator, _ left: SymbolicType, _ right: SymbolicType) -> String {
        let (l, r) = (left.phrase, right.phrase)
        switch op {
        case .add: return "cannot add \(r) to \(l)"
        case .subtract: return "cannot subtract \(r) from \(l)"
        case .multiply: return "cannot multiply \(l) by \(r)"
        case .divide: return "cannot divide \(l) by \(r)"
        case .modulo: return "cannot take \(l) modulo \(r)"
        case .power: return "cannot raise \(l) to the power of \(r)"
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
            return "cannot compare \(l) with \(r) using '\(op.symbol)'"
        case .and, .or:
            return "cannot combine \(l) with \(r) using '\(op.symbol)'"
        }
    }

    /// The `SymbolicError` for a failed `Rational` operation at `column`.
    static func arithmetic(_ error: RationalError, _ op: BinaryOperator, _ lhs: Rational, _ rhs: Rational,
                           column: Int) -> SymbolicError {
        switch error {
        case .overflow: return .overflow(column: column)
        case .divisionByZero: return op == .modulo ? .moduloByZero(column: column) : .divisionByZero(column: column)
        case .notAnInteger: return .moduloOfNonIntegers(lhs, rhs, column: column)
        }
    }
}
