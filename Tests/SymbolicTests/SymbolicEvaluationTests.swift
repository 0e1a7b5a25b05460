import Symbolic
import Testing

/// Parse-and-evaluate helpers shared by the evaluation suites.
func evaluated(_ text: String) throws(SymbolicError) -> SymbolicValue {
    try SymbolicParser.parse(text).evaluate()
}

func number(_ n: Int64, _ d: Int64 = 1) throws -> SymbolicValue {
    .number(try Rational(numerator: n, denominator: d))
}

@Suite("Parsing and evaluation, hand-computed")
struct SymbolicEvaluationTests {
    @Test("precedence: * before +, ^ before *, parentheses first")
    func precedence() throws {
        #expect(try evaluated("2 + 3 * 4") == number(14))
        #expect(try evaluated("(2 + 3) * 4") == number(20))
        #expect(try evaluated("2 * 3 ^ 2") == number(18))
        #expect(try evaluated("17*23") == number(391))
        #expect(try evaluated("1 + 2 < 4") == .boolean(true))                   // (1 + 2) < 4
        #expect(try evaluated("-7 % 3") == number(2))                         // (-7) % 3, floored
        #expect(try evaluated("2 * 7 % 4") == number(2))                      // (2 * 7) % 4, not 2 * 3
    }

    @Test("associativity: 2^3^2 = 512, 8-3-2 = 3, 8/4/2 = 1, 2**3**2 = 512")
    func associativity() throws {
        #expect(try evaluated("2^3^2") == number(512))                        // 2^(3^2)
        #expect(try evaluated("(2^3)^2") == number(64))
        #expect(try evaluated("2**3**2") == number(512))
        #expect(try evaluated("8-3-2") == number(3))                          // (8-3)-2
        #expect(try evaluated("8/4/2") == number(1))                          // (8/4)/2
        #expect(try evaluated("7 % 4 % 2") == number(1))                      // (7%4)%2 = 3%2
    }

    @Test("unary minus binds looser than ^: -2^2 = -4, (-2)^2 = 4, 2^-1 = 1/2")
    func unaryMinusWithPower() throws {
        #expect(try evaluated("-2^2") == number(-4))
        #expect(try evaluated("-2 ** 2") == number(-4))
        #expect(try evaluated("(-2)^2") == number(4))
        #expect(try evaluated("2^-1") == number(1, 2))
        #expect(try evaluated("2^-2^2") == number(1, 16))                     // 2^(-(2^2))
        #expect(try evaluated("--3") == number(3))
        #expect(try evaluated("+-3") == number(-3))
        #expect(try evaluated("3 - -2") == number(5))
    }

    @Test("exact rationals: 0.1 + 0.2 == 0.3 is true, 1/3 + 1/6 = 1/2")
    func exactRationals() throws {
        #expect(try evaluated("0.1 + 0.2 == 0.3") == .boolean(true))
        #expect(try evaluated("1/3 + 1/6") == number(1, 2))
        #expect(try evaluated("(1/3 + 1/6) * 2") == number(1))
        #expect(try evaluated(".5 + .25") == number(3, 4))
        #expect(try evaluated("1.50") == number(3, 2))
        #expect(try evaluated("0.1000000000000000000000000") == number(1, 10)) // trailing zeros dropped
        #expect(try evaluated("2/3 * 3 = 2") == .boolean(true))
    }

    @Test("comparisons of numbers; == and != also compare booleans; = is equality")
    func comparisons() throws {
        #expect(try evaluated("3/4 < 0.8") == .boolean(true))
        #expect(try evaluated("3 <= 3") == .boolean(true))
        #expect(try evaluated("3 > 3") == .boolean(false))
        #expect(try evaluated("3 >= 3.0") == .boolean(true))
        #expect(try evaluated("1 != 1") == .boolean(false))
        #expect(try evaluated("2+2 = 4") == .boolean(true))
        #expect(try evaluated("true == false") == .boolean(false))
        #expect(try evaluated("(1 < 2) == (3 < 4)") == .boolean(true))
    }

    @Test("boolean logic: not > and > or in binding, keywords and symbols alike, any case")
    func booleanLogic() throws {
        #expect(try evaluated("not (2 > 3) and 1 == 1") == .boolean(true))
        #expect(try evaluated("not 2 > 3") == .boolean(true))                 // not (2 > 3)
        #expect(try evaluated("not true and false") == .boolean(false))       // (not true) and false
        #expect(try evaluated("true or false and false") == .boolean(true))   // true or (false and false)
        #expect(try evaluated("!false && true || false") == .boolean(true))
        #expect(try evaluated("not not true") == .boolean(true))
        #expect(try evaluated("NOT FALSE AND True") == .boolean(true))
    }

    @Test("and/or short-circuit: a skipped branch raises no arithmetic error, but is still type-checked")
    func shortCircuit() throws {
        #expect(try evaluated("false and 1/0 > 0") == .boolean(false))
        #expect(try evaluated("true or 1/0 > 0") == .boolean(true))
        #expect(throws: SymbolicError.divisionByZero(column: 11)) { try evaluated("true and 1/0 > 0") }
        #expect(throws: SymbolicError.typeMismatch(.add, left: .number, right: .boolean, column: 14)) {
            try evaluated("false and (1 + true > 0)")
        }
    }

    @Test("Unicode aliases × ÷ − ≤ ≥ ≠ ⋅ mean * / - <= >= != *")
    func unicodeAliases() throws {
        #expect(try evaluated("6 × 7") == number(42))
        #expect(try evaluated("1 ÷ 4") == number(1, 4))
        #expect(try evaluated("5 − 2") == number(3))
        #expect(try evaluated("−2^2") == number(-4))
        #expect(try evaluated("3 ≤ 3 and 4 ≥ 5 or 2 ≠ 3") == .boolean(true))
        #expect(try evaluated("2⋅3") == number(6))
    }

    @Test("the canonical form parenthesises every operation: \"(2 ^ (3 ^ 2))\", \"(-(2 ^ 2))\"")
    func canonicalForm() throws {
        #expect(try SymbolicParser.parse("17*23").description == "(17 * 23)")
        #expect(try SymbolicParser.parse("2^3^2").description == "(2 ^ (3 ^ 2))")
        #expect(try SymbolicParser.parse("-2^2").description == "(-(2 ^ 2))")
        #expect(try SymbolicParser.parse("8-3-2").description == "((8 - 3) - 2)")
        #expect(try SymbolicParser.parse("not 1 < 2 or false").description == "((not (1 < 2)) or false)")
        #expect(try SymbolicParser.parse("0.10 × 3 = .3").description == "((0.1 * 3) == 0.3)")
        #expect(try SymbolicParser.parse("((391))").description == "391")
        let third = SymbolicExpression.number(try Rational(numerator: -1, denominator: 3), column: 0)
        #expect(third.description == "(-(1 / 3))")
        #expect(try SymbolicParser.parse(third.description).evaluate() == number(-1, 3))
    }

    @Test("nodes carry the column of their token, counted in UTF-8 bytes from 1")
    func columns() throws {
        guard case let .binary(op, lhs, _, column) = try SymbolicParser.parse("1 × 2 + 3") else {
            Issue.record("expected a binary node")
            return
        }
        #expect(op == .add && column == 8)                                    // "×" is two bytes
        #expect(lhs.column == 3)
    }
}
