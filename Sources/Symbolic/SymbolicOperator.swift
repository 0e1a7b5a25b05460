/// A prefix operator. `-` and `+` apply to numbers; `not` (also written `!`) to booleans.
public enum UnaryOperator: String, CaseIterable, Sendable {
    case negate
    case plus
    case not

    /// The canonical spelling, used by the printed form.
    public var symbol: String {
        switch self {
        case .negate: return "-"
        case .plus: return "+"
        case .not: return "not"
        }
    }

    public var operandType: SymbolicType { self == .not ? .boolean : .number }
    public var resultType: SymbolicType { operandType }
}

/// An infix operator, with the types it takes and gives. Precedence lives in the grammar
/// (`SymbolicParser`), one function per level, not in a table here.
public enum BinaryOperator: String, CaseIterable, Sendable {
    case add, subtract, multiply, divide, modulo, power
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
    case and, or

    /// The canonical spelling, used by the printed form; the lexer also accepts the aliases
    /// listed in `SymbolicParser`'s grammar (`×`, `**`, `=`, `&&`, …).
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .modulo: return "%"
        case .power: return "^"
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .equal: return "=="
        case .notEqual: return "!="
        case .and: return "and"
        case .or: return "or"
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo, .power: return true
        default: return false
        }
    }

    public var isComparison: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    /// `==` and `!=` compare two numbers or two booleans; the orderings only numbers.
    public var isEquality: Bool { self == .equal || self == .notEqual }

    public var isLogical: Bool { self == .and || self == .or }

    public var resultType: SymbolicType { isArithmetic ? .number : .boolean }
}
