import Symbolic
import Tensor
import Testing

@Suite("Synthetic expressions: seeded, bounded, and a round trip through the parser")
struct SyntheticSymbolicGeneratorTests {
    /// Operator nesting depth; literals are 0.
    func depth(_ e: SymbolicExpression) -> Int {
        switch e {
        case .number, .boolean: return 0
        case let .unary(_, operand, _): return 1 + depth(operand)
        case let .binary(_, lhs, rhs, _): return 1 + max(depth(lhs), depth(rhs))
        }
    }

    @Test("2 000 seeded examples: extract, parse and evaluate give the generator's own value and tree")
    func roundTrip() throws {
        var rng = Philox4x32_10(key: (20_240_917, 0))
        let generator = SyntheticSymbolicGenerator(maximumDepth: 4)
        let examples = generator.examples(count: 2000, using: &rng)
        var framings = Set<SyntheticFraming>(), numbers = 0, booleans = 0, fractions = 0
        for example in examples {
            let expression = try #require(SymbolicQuery.extract(from: example.text), "\(example.text.debugDescription)")
            #expect(expression == example.expression, "\(example.text.debugDescription)")
            let tree = try SymbolicParser.parse(expression)
            #expect(tree.description == example.tree.description, "\(example.expression.debugDescription)")
            #expect(try tree.evaluate() == example.expected, "\(example.expression.debugDescription)")
            #expect(depth(example.tree) <= 4, "\(example.expression.debugDescription)")
            framings.insert(example.framing)
            switch example.expected {
            case let .number(r): numbers += 1; if !r.isInteger { fractions += 1 }
            case .boolean: booleans += 1
            }
        }
        #expect(framings == Set(SyntheticFraming.allCases))
        #expect(numbers > 1000 && booleans > 600 && fractions > 100, "\(numbers) numbers, \(booleans) booleans, \(fractions) fractions")
    }

    @Test("the same seed gives the same examples; another seed gives others")
    func seeded() {
        let generator = SyntheticSymbolicGenerator()
        var a = Philox4x32_10(key: (7, 0)), b = Philox4x32_10(key: (7, 0)), c = Philox4x32_10(key: (8, 0))
        let first = generator.examples(count: 50, using: &a)
        #expect(first == generator.examples(count: 50, using: &b))
        #expect(first != generator.examples(count: 50, using: &c))
    }

    @Test("every example is answered by the expert with the expected value and full confidence")
    func expertAnswersSynthetic() throws {
        var rng = Philox4x32_10(key: (99, 0))
        let expert = SymbolicExpert()
        for example in SyntheticSymbolicGenerator(maximumDepth: 3).examples(count: 200, using: &rng) {
            #expect(expert.canHandle(example.text) == 1.0, "\(example.text.debugDescription)")
            #expect(try expert.answer(example.text).get().value == example.expected, "\(example.text.debugDescription)")
        }
    }
}
