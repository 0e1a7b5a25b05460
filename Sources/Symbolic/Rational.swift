/// An exact rational number n/d, always in lowest terms with a positive denominator, so that
/// two equal numbers have equal fields and `==` / `hash` can be synthesised.
///
/// Representation: `Int64` numerator and denominator, each within ±(2⁶³ − 1). `Int64.min` is
/// excluded so that negation and absolute value can never trap. We chose fixed-width integers
/// with detected overflow over an arbitrary-precision integer because the expressions this
/// evaluates are typed by people (and by the synthetic generator, which keeps its literals
/// small): a clear "result exceeds …" error is more useful to them than a thousand-digit
/// answer, and the code stays small enough to check by reading. Every operation that can leave
/// the range uses the `…ReportingOverflow` arithmetic and throws `RationalError.overflow`;
/// nothing traps.
///
/// Products are formed after cancelling common factors (Knuth, TAOCP vol. 2 §4.5.1), so
/// multiplication, division and powers report overflow only when the reduced result itself
/// does not fit. Addition and subtraction cancel the denominators' gcd first; their
/// intermediate numerator a·(d/g) + c·(b/g) can, rarely, overflow although the reduced sum
/// would fit. Comparison never overflows: it compares continued-fraction expansions.
public struct Rational: Hashable, Sendable {
    /// Carries the sign; never `Int64.min`.
    public let numerator: Int64
    /// Always ≥ 1 and coprime with `numerator`.
    public let denominator: Int64

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// The integer `value`. Takes `Int32` so that it cannot fail; an arbitrary `Int64` goes
    /// through `init(numerator:denominator:)`, which rejects `Int64.min`.
    public init(_ value: Int32) {
        self.init(reduced: Int64(value), Int64(1))
    }

    /// n/d in lowest terms. Throws `.divisionByZero` for d = 0 and `.overflow` when the reduced
    /// numerator or denominator is `Int64.min` in magnitude.
    public init(numerator n: Int64, denominator d: Int64 = 1) throws(RationalError) {
        guard d != 0 else { throw .divisionByZero }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        let negative = (n < 0) != (d < 0) && n != 0
        let (nm, dm) = (n.magnitude / g, d.magnitude / g)
        guard nm <= UInt64(Int64.max), dm <= UInt64(Int64.max) else { throw .overflow }
        self.init(reduced: negative ? -Int64(nm) : Int64(nm), Int64(dm))
    }

    /// Trusts the caller: `d > 0`, gcd(|n|, d) = 1, n ≠ `Int64.min`.
    private init(reduced n: Int64, _ d: Int64) {
        numerator = n
        denominator = d
    }

    public var isInteger: Bool { denominator == 1 }
    public var isZero: Bool { numerator == 0 }
    /// −1, 0 or 1.
    public var signum: Int64 { numerator.signum() }

    /// −x; never overflows because `Int64.min` is excluded.
    public var negated: Rational { Rational(reduced: -numerator, denominator) }

    // MARK: Arithmetic

    /// a/b + c/d = (a·(d/g) + c·(b/g)) / (b·d/g), g = gcd(b, d), then cancelled by gcd(·, g).
    public func adding(_ other: Rational) throws(RationalError) -> Rational {
        let (a, b, c, d) = (numerator, denominator, other.numerator, other.denominator)
        let g = Int64(Rational.gcd(b.magnitude, d.magnitude))
        let s = b / g, t = d / g
        let sum = try Rational.add(Rational.multiply(a, t), Rational.multiply(c, s))
        let g2 = Int64(Rational.gcd(sum.magnitude, g.magnitude))
        let n = sum / g2
        let den = try Rational.multiply(s, d / g2)
        return try Rational.checkedReduced(n, den)
    }

    public func subtracting(_ other: Rational) throws(RationalError) -> Rational {
        try adding(other.negated)
    }

    /// (a/b)·(c/d) = ((a/g₁)·(c/g₂)) / ((b/g₂)·(d/g₁)), g₁ = gcd(a, d), g₂ = gcd(c, b): already
    /// in lowest terms, so an overflow here means the product itself does not fit.
    public func multiplied(by other: Rational) throws(RationalError) -> Rational {
        let (a, b, c, d) = (numerator, denominator, other.numerator, other.denominator)
        if a == 0 || c == 0 { return .zero }
        let g1 = Int64(Rational.gcd(a.magnitude, d.magnitude))
        let g2 = Int64(Rational.gcd(c.magnitude, b.magnitude))
        let n = try Rational.multiply(a / g1, c / g2)
        let den = try Rational.multiply(b / g2, d / g1)
        return try Rational.checkedReduced(n, den)
    }

    /// Throws `.divisionByZero` when `other` is zero.
    public func divided(by other: Rational) throws(RationalError) -> Rational {
        try multiplied(by: other.reciprocal())
    }

    /// 1/x; throws `.divisionByZero` for zero.
    public func reciprocal() throws(RationalError) -> Rational {
        guard numerator != 0 else { throw .divisionByZero }
        return Rational(reduced: numerator < 0 ? -denominator : denominator, Int64(numerator.magnitude))
    }

    /// xⁿ for any integer n; x⁻ⁿ = (1/x)ⁿ, so a zero base with a negative exponent throws
    /// `.divisionByZero`. A power of a reduced fraction is reduced (coprime numbers have coprime
    /// powers), so `.overflow` means the exact result does not fit.
    public func raised(to exponent: Int64) throws(RationalError) -> Rational {
        if exponent == .min {            // −Int64.min does not exist: x^min = (1/x)^max · (1/x)
            let r = try reciprocal()
            return try r.raised(to: .max).multiplied(by: r)
        }
        if exponent < 0 { return try reciprocal().raised(to: -exponent) }
        let n = try Rational.power(numerator, exponent)
        let d = try Rational.power(denominator, exponent)
        return Rational(reduced: n, d)
    }

    /// a − b·⌊a/b⌋ for integers: the floored modulo, whose result takes the divisor's sign
    /// (−7 % 3 = 2, 7 % −3 = −2), as in Python and in mathematics texts. Throws `.notAnInteger`
    /// for a fractional operand and `.divisionByZero` for a zero divisor.
    public func modulo(_ divisor: Rational) throws(RationalError) -> Rational {
        guard isInteger, divisor.isInteger else { throw .notAnInteger }
        guard divisor.numerator != 0 else { throw .divisionByZero }
        var r = numerator % divisor.numerator
        if r != 0 && (r < 0) != (divisor.numerator < 0) { r += divisor.numerator }
        return Rational(reduced: r, 1)
    }

    // MARK: Integer helpers

    static func gcd(_ x: UInt64, _ y: UInt64) -> UInt64 {
        var (a, b) = (x, y)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    private static func multiply(_ x: Int64, _ y: Int64) throws(RationalError) -> Int64 {
        let (p, overflow) = x.multipliedReportingOverflow(by: y)
        guard !overflow, p != .min else { throw .overflow }
        return p
    }

    private static func add(_ x: Int64, _ y: Int64) throws(RationalError) -> Int64 {
        let (s, overflow) = x.addingReportingOverflow(y)
        guard !overflow, s != .min else { throw .overflow }
        return s
    }

    /// bᵉ by repeated squaring, e ≥ 0. The base is squared only while bits of e remain, and
    /// |b| ≥ 2 whenever a square can overflow, so a reported overflow is a real one.
    private static func power(_ base: Int64, _ exponent: Int64) throws(RationalError) -> Int64 {
        if base == 0 { return exponent == 0 ? 1 : 0 }
        if base == 1 { return 1 }
        if base == -1 { return exponent % 2 == 0 ? 1 : -1 }
        var result: Int64 = 1, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = try multiply(result, b) }
            e >>= 1
            if e > 0 { b = try multiply(b, b) }
        }
        return result
    }

    private static func checkedReduced(_ n: Int64, _ d: Int64) throws(RationalError) -> Rational {
        guard n != .min, d != .min else { throw .overflow }
        return Rational(reduced: d < 0 ? -n : n, d < 0 ? -d : d)
    }
}

extension Rational: Comparable {
    /// Exact and overflow-free: compares integer parts ⌊a/b⌋, then the fractional remainders
    /// r₁/b vs r₂/d through their reciprocals (the order flips), i.e. the two continued-fraction
    /// expansions term by term. Terminates like Euclid's algorithm.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        compare(lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator) < 0
    }

    /// Sign of a/b − c/d for b, d > 0 and no operand equal to `Int64.min`.
    private static func compare(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        var (a, b, c, d) = (a, b, c, d)
        var flip = 1
        while true {
            // floor division without forming q·b (which could overflow)
            var q1 = a / b, r1 = a % b
            if r1 < 0 { r1 += b; q1 -= 1 }
            var q2 = c / d, r2 = c % d
            if r2 < 0 { r2 += d; q2 -= 1 }
            if q1 != q2 { return (q1 < q2 ? -1 : 1) * flip }
            switch (r1 == 0, r2 == 0) {
            case (true, true): return 0
            case (true, false): return -flip
            case (false, true): return flip
            case (false, false):
                // sign(r1/b − r2/d) = −sign(b/r1 − d/r2)
                (a, b, c, d) = (b, r1, d, r2)
                flip = -flip
            }
        }
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// `let x: Rational = 391`; `Int32` literals, so construction is total.
    public init(integerLiteral value: Int32) {
        self.init(value)
    }
}

extension Rational: CustomStringConvertible {
    /// "391" for an integer, "3/4" or "-3/4" for a fraction. See `decimalDescription` for a
    /// positional rendering.
    public var description: String {
        isInteger ? String(numerator) : "\(numerator)/\(denominator)"
    }
}
