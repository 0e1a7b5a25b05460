import Symbolic
import Testing

@Suite("Rational: exact, normalised, overflow reported")
struct RationalTests {
    func q(_ n: Int64, _ d: Int64 = 1) throws -> Rational { try Rational(numerator: n, denominator: d) }

    @Test("construction reduces by the gcd and moves the sign to the numerator")
    func normalisation() throws {
        let r = try q(6, -8)
        #expect(r.numerator == -3 && r.denominator == 4)
        #expect(try q(0, -5) == .zero && (try q(0, -5)).denominator == 1)
        #expect(try q(Int64.min, 2) == (try q(-(Int64.max / 2) - 1)))   // Int64.min in, reduced out
        #expect(throws: RationalError.overflow) { try Rational(numerator: Int64.min, denominator: 1) }
        #expect(throws: RationalError.divisionByZero) { try Rational(numerator: 1, denominator: 0) }
    }

    @Test("integers print as \"391\", fractions as \"3/4\" and \"-3/4\"")
    func description() throws {
        #expect(Rational(391).description == "391")
        #expect(try q(3, 4).description == "3/4")
        #expect(try q(3, -4).description == "-3/4")
    }

    @Test("+ − × ÷ by hand: 1/3 + 1/6 = 1/2, 1/2 − 3/4 = −1/4, 2/3 × 9/4 = 3/2, (1/2) ÷ (1/4) = 2")
    func arithmetic() throws {
        #expect(try q(1, 3).adding(q(1, 6)) == (try q(1, 2)))
        #expect(try q(1, 2).subtracting(q(3, 4)) == (try q(-1, 4)))
        #expect(try q(2, 3).multiplied(by: q(9, 4)) == (try q(3, 2)))
        #expect(try q(1, 2).divided(by: q(1, 4)) == 2)
        #expect(try q(1, 10).adding(q(2, 10)) == (try q(3, 10)))
    }

    @Test("integer powers, negative exponents through the reciprocal, 0^0 = 1, 0^-1 divides by zero")
    func powers() throws {
        #expect(try Rational(2).raised(to: 10) == 1024)
        #expect(try q(-2, 3).raised(to: 3) == (try q(-8, 27)))
        #expect(try q(2, 3).raised(to: -2) == (try q(9, 4)))
        #expect(try Rational(0).raised(to: 0) == 1)
        #expect(try Rational(-1).raised(to: Int64.max) == -1)
        #expect(throws: RationalError.divisionByZero) { try Rational(0).raised(to: -1) }
        #expect(try Rational(2).raised(to: 62) == (try q(1 << 62)))
        #expect(throws: RationalError.overflow) { try Rational(2).raised(to: 63) }
        #expect(throws: RationalError.overflow) { try q(1, 3).raised(to: 40) }      // 3^40 > 2^63
    }

    @Test("floored modulo takes the divisor's sign: 7 % 3 = 1, −7 % 3 = 2, 7 % −3 = −2")
    func modulo() throws {
        #expect(try Rational(7).modulo(3) == 1)
        #expect(try Rational(-7).modulo(3) == 2)
        #expect(try Rational(7).modulo(-3) == -2)
        #expect(try Rational(6).modulo(3) == 0)
        #expect(throws: RationalError.notAnInteger) { try q(1, 2).modulo(3) }
        #expect(throws: RationalError.divisionByZero) { try Rational(1).modulo(0) }
    }

    @Test("overflow at the Int64 bounds is an error, never a trap")
    func overflowAtBounds() throws {
        let max = try q(Int64.max)
        #expect(throws: RationalError.overflow) { try max.adding(1) }
        #expect(throws: RationalError.overflow) { try max.negated.subtracting(1) }   // would be Int64.min
        #expect(throws: RationalError.overflow) { try max.multiplied(by: 2) }
        #expect(throws: RationalError.overflow) { try q(1, Int64.max).divided(by: 2) }
        #expect(try max.subtracting(max) == .zero)
        #expect(try max.negated.adding(max) == .zero)
        // cancellation first: (max/2)·(2/max) = 1 with no overflow
        #expect(try q(Int64.max, 2).multiplied(by: q(2, Int64.max)) == 1)
        #expect(RationalError.overflow.description
            == "result exceeds the exact 64-bit range (numerators and denominators up to 9223372036854775807)")
    }

    @Test("comparison is exact near the bounds, where cross-multiplying would overflow")
    func comparison() throws {
        let a = try q(Int64.max - 1, Int64.max)      // just below 1
        let b = try q(Int64.max - 2, Int64.max - 1)  // further below 1
        let (minusThird, minusQuarter) = (try q(-1, 3), try q(-1, 4))
        #expect(b < a && !(a < b) && a < 1 && minusThird < minusQuarter)
        let (third, half, sevenHalves) = (try q(1, 3), try q(1, 2), try q(7, 2))
        #expect(try third < half && sevenHalves > 3 && q(10, 4) == q(5, 2))
        let values = try [q(3, 4), q(-5), q(0), q(4, 5), q(-1, 3), q(Int64.max), q(-Int64.max), q(1, Int64.max)]
        let expected = try [q(-Int64.max), q(-5), q(-1, 3), q(0), q(1, Int64.max), q(3, 4), q(4, 5), q(Int64.max)]
        #expect(values.sorted() == expected)
    }

    @Test("decimal rendering: exact when terminating, else six truncated digits, \"…\" and the fraction")
    func decimals() throws {
        #expect(Rational(391).decimalDescription() == "391")
        #expect(try q(3, 4).decimalDescription() == "0.75")
        #expect(try q(-5, 2).decimalDescription() == "-2.5")
        #expect(try q(1, 1024).decimalDescription() == "0.0009765625")
        #expect(try q(1, 3).decimalDescription() == "0.333333… (1/3)")
        #expect(try q(-2, 3).decimalDescription() == "-0.666666… (-2/3)")
        #expect(try q(22, 7).decimalDescription(fractionDigits: 3) == "3.142… (22/7)")
        #expect(try q(1, Int64.max).decimalDescription(fractionDigits: 3).hasPrefix("0.000… (1/"))
    }
}
