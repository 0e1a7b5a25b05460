/// Why an exact rational operation has no representable result.
///
/// `Rational` reports these without a source position; the evaluator adds the column of the
/// operator that failed and turns them into a `SymbolicError`.
public enum RationalError: Error, Equatable, Sendable {
    /// A numerator or denominator would leave the range ±(2⁶³ − 1).
    case overflow
    /// A denominator of zero: `x / 0`, `x % 0` or `0 ^ n` with n < 0.
    case divisionByZero
    /// `%` was given an operand that is not an integer.
    case notAnInteger
}

extension RationalError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .overflow:
            return "result exceeds the exact 64-bit range (numerators and denominators up to \(Int64.max))"
        case .divisionByZero:
            return "division by zero"
        case .notAnInteger:
            return "'%' needs integer operands"
        }
    }
}
