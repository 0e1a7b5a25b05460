import Symbolic
import Testing

/// Every error, its case and its exact message, so a change to a message is a visible decision.
@Suite("Errors: each one's case, column and exact message")
struct SymbolicErrorTests {
    func expectError(_ text: String, _ expected: SymbolicError, _ message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try evaluated(text)
            Issue.record("\(text.debugDescription) evaluated to \(value), expected \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(error.description == message, "\(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test("an unexpected character names itself and its UTF-8 column")
    func unexpectedCharacter() {
        expectError("2 $ 3", .unexpectedCharacter("$", column: 3), "unexpected character '$' at column 3")
        expectError("2 × $", .unexpectedCharacter("$", column: 6), "unexpected character '$' at column 6")
        expectError("2 & 3", .unexpectedCharacter("&", column: 3), "unexpected character '&' at column 3")
    }

    @Test("an unknown word is named, with the words that are understood")
    func unknownWord() {
        expectError("2 + x", .unknownWord("x", column: 5),
                    "unknown word 'x' at column 5: only true, false, not, and, or are understood")
    }

    @Test("unbalanced parentheses: a '(' never closed, a ')' never opened, an operator missing inside")
    func unbalancedParentheses() {
        expectError("(2 + 3", .unclosedParenthesis(openedAt: 1),
                    "unbalanced parenthesis: the '(' at column 1 is never closed")
        expectError("((1)", .unclosedParenthesis(openedAt: 1),
                    "unbalanced parenthesis: the '(' at column 1 is never closed")
        expectError("2 + 3)", .unmatchedClosingParenthesis(column: 6),
                    "unbalanced parenthesis: the ')' at column 6 has no matching '('")
        expectError(")", .unmatchedClosingParenthesis(column: 1),
                    "unbalanced parenthesis: the ')' at column 1 has no matching '('")
        expectError("(2 3)", .expectedClosingParenthesis(found: "'3'", column: 4, openedAt: 1),
                    "expected ')' or an operator at column 4, found '3' (the '(' at column 1 is still open)")
    }

    @Test("trailing tokens after a complete expression")
    func trailingTokens() {
        expectError("2 3", .trailingInput(found: "'3'", column: 3),
                    "unexpected '3' at column 3 after a complete expression: is an operator missing?")
        expectError("1.2.3", .trailingInput(found: "'.3'", column: 4),
                    "unexpected '.3' at column 4 after a complete expression: is an operator missing?")
    }

    @Test("an empty expression, and a missing operand")
    func emptyAndMissingOperand() {
        let empty = "empty expression: there is nothing to evaluate (try e.g. \"what is 17*23?\")"
        expectError("", .emptyExpression, empty)
        expectError("   ", .emptyExpression, empty)
        expectError("2 + * 3", .expectedOperand(found: "'*'", column: 5),
                    "expected a number, true, false or '(' at column 5, found '*'")
        expectError("2 +", .expectedOperand(found: "the end of the expression", column: 4),
                    "expected a number, true, false or '(' at column 4, found the end of the expression")
        expectError("()", .expectedOperand(found: "')'", column: 2),
                    "expected a number, true, false or '(' at column 2, found ')'")
    }

    @Test("comparisons do not chain")
    func chainedComparison() {
        expectError("1 < 2 < 3", .chainedComparison(column: 7),
                    "comparisons do not chain at column 7: write 'a < b and b < c', or parenthesise '(a == b) == c'")
    }

    @Test("division and modulo by zero, and 0 to a negative power")
    func divisionByZero() {
        expectError("1/0", .divisionByZero(column: 2), "division by zero at column 2")
        expectError("1 / (2 - 2)", .divisionByZero(column: 3), "division by zero at column 3")
        expectError("0^-1", .divisionByZero(column: 2), "division by zero at column 2")
        expectError("5 % 0", .moduloByZero(column: 3), "modulo by zero at column 3")
    }

    @Test("modulo of non-integers, and a non-integer exponent")
    func nonIntegers() throws {
        expectError("1.5 % 2", .moduloOfNonIntegers(try Rational(numerator: 3, denominator: 2), 2, column: 5),
                    "cannot take 3/2 modulo 2 at column 5: '%' needs integers")
        expectError("2 ^ 0.5", .nonIntegerExponent(try Rational(numerator: 1, denominator: 2), column: 3),
                    "exponent must be an integer at column 3, found 1/2")
    }

    @Test("overflow at the Int64 bounds: results and literals")
    func overflow() {
        let range = "the exact 64-bit range (numerators and denominators up to 9223372036854775807)"
        expectError("9223372036854775807 + 1", .overflow(column: 21), "result exceeds \(range) at column 21")
        expectError("-9223372036854775807 - 1", .overflow(column: 22), "result exceeds \(range) at column 22")
        expectError("3037000500 * 3037000500", .overflow(column: 12), "result exceeds \(range) at column 12")
        expectError("2 ^ 63", .overflow(column: 3), "result exceeds \(range) at column 3")
        expectError("1 / 9223372036854775807 / 2", .overflow(column: 25), "result exceeds \(range) at column 25")
        expectError("9223372036854775808", .numberTooLarge("9223372036854775808", column: 1),
                    "the number 9223372036854775808 at column 1 exceeds \(range)")
        expectError("0.00000000000000000001", .numberTooLarge("0.00000000000000000001", column: 1),
                    "the number 0.00000000000000000001 at column 1 exceeds \(range)")
        #expect(throws: Never.self) { try evaluated("9223372036854775807 - 1 + 1") }
        #expect(throws: Never.self) { try evaluated("2 ^ 62 - 1 + 2 ^ 62") }           // 2^63 - 1 exactly
    }

    @Test("type errors name both types and the operator's column")
    func typeErrors() {
        expectError("2 + 3 + true", .typeMismatch(.add, left: .number, right: .boolean, column: 7),
                    "cannot add a boolean to a number at column 7")
        expectError("1 - false", .typeMismatch(.subtract, left: .number, right: .boolean, column: 3),
                    "cannot subtract a boolean from a number at column 3")
        expectError("true * 2", .typeMismatch(.multiply, left: .boolean, right: .number, column: 6),
                    "cannot multiply a boolean by a number at column 6")
        expectError("1 / true", .typeMismatch(.divide, left: .number, right: .boolean, column: 3),
                    "cannot divide a number by a boolean at column 3")
        expectError("true % 2", .typeMismatch(.modulo, left: .boolean, right: .number, column: 6),
                    "cannot take a boolean modulo a number at column 6")
        expectError("2 ^ true", .typeMismatch(.power, left: .number, right: .boolean, column: 3),
                    "cannot raise a number to the power of a boolean at column 3")
        expectError("1 < true", .typeMismatch(.less, left: .number, right: .boolean, column: 3),
                    "cannot compare a number with a boolean using '<' at column 3")
        expectError("true >= false", .typeMismatch(.greaterOrEqual, left: .boolean, right: .boolean, column: 6),
                    "cannot compare a boolean with a boolean using '>=' at column 6")
        expectError("1 = true", .typeMismatch(.equal, left: .number, right: .boolean, column: 3),
                    "cannot compare a number with a boolean using '==' at column 3")
        expectError("1 and true", .typeMismatch(.and, left: .number, right: .boolean, column: 3),
                    "cannot combine a number with a boolean using 'and' at column 3: 'and' needs booleans on both sides")
        expectError("true || 0", .typeMismatch(.or, left: .boolean, right: .number, column: 6),
                    "cannot combine a boolean with a number using 'or' at column 6: 'or' needs booleans on both sides")
        expectError("-true", .operandTypeMismatch(.negate, operand: .boolean, column: 1),
                    "cannot negate a boolean at column 1")
        expectError("+false", .operandTypeMismatch(.plus, operand: .boolean, column: 1),
                    "cannot apply '+' to a boolean at column 1")
        expectError("not 3", .operandTypeMismatch(.not, operand: .number, column: 1),
                    "cannot apply 'not' to a number at column 1")
    }
}

@Suite("Limits: hostile input gets an error, not a stack overflow")
struct SymbolicLimitTests {
    @Test("nesting and tree depth beyond SymbolicParser.maximumDepth (200) are errors with a column")
    func depthLimits() throws {
        let parentheses = String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201)
        #expect(throws: SymbolicError.tooDeeplyNested(column: 201, limit: 200)) { try evaluated(parentheses) }
        #expect(throws: Never.self) {
            try evaluated(String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200))
        }
        let negations = String(repeating: "-", count: 10_000) + "1"
        #expect(throws: SymbolicError.tooDeeplyNested(column: 201, limit: 200)) { try evaluated(negations) }
        let nots = String(repeating: "not ", count: 300) + "true"
        #expect(throws: SymbolicError.tooDeeplyNested(column: 801, limit: 200)) { try evaluated(nots) }
        let chain = Array(repeating: "1", count: 100_000).joined(separator: "+")  // left-deep tree
        #expect(throws: SymbolicError.tooDeeplyNested(column: 400, limit: 200)) { try evaluated(chain) }
        #expect(SymbolicError.tooDeeplyNested(column: 4, limit: 200).description
            == "the expression nests deeper than 200 levels at column 4: split it into smaller questions")
        #expect(try evaluated(Array(repeating: "1", count: 200).joined(separator: "+")) == number(200))
    }

    @Test("x^Int64.min is computed without negating Int64.min")
    func minimumExponent() throws {
        #expect(try Rational(1).raised(to: .min) == 1)
        #expect(try Rational(-1).raised(to: .min) == 1)
        #expect(throws: RationalError.overflow) { try Rational(2).raised(to: .min) }
        #expect(throws: RationalError.divisionByZero) { try Rational(0).raised(to: .min) }
    }
}
