/// What a symbolic expression evaluates to: an exact rational number or a truth value.
public enum SymbolicValue: Hashable, Sendable {
    case number(Rational)
    case boolean(Bool)

    /// The value's type, for type errors and for the checker.
    public var type: SymbolicType {
        switch self {
        case .number: return .number
        case .boolean: return .boolean
        }
    }
}

extension SymbolicValue: CustomStringConvertible {
    /// "391", "3/4", "true": the exact value, as `Rational.description` writes numbers.
    public var description: String {
        switch self {
        case let .number(r): return r.description
        case let .boolean(b): return b ? "true" : "false"
        }
    }

    /// For people: numbers through `Rational.decimalDescription()` ("391", "0.75",
    /// "0.333333… (1/3)"), booleans as "true" / "false".
    public var rendering: String {
        switch self {
        case let .number(r): return r.decimalDescription()
        case let .boolean(b): return b ? "true" : "false"
        }
    }
}

/// The two types of the language. Every expression's type is fixed by its syntax (there are no
/// variables), so types are checked for the whole tree before anything is evaluated.
public enum SymbolicType: String, CaseIterable, Sendable {
    case number
    case boolean

    /// "a number", "a boolean": the phrase used inside error messages.
    public var phrase: String {
        switch self {
        case .number: return "a number"
        case .boolean: return "a boolean"
        }
    }
}
