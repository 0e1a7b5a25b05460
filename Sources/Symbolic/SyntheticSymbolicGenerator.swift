/// One synthetic request for the symbolic expert, with its answer.
public struct SyntheticSymbolicExample: Equatable, Sendable {
    /// The request as the pipeline receives it, framing included: "what is 2 × (3 + 4)?".
    public var text: String
    /// The expression alone, as printed with the fewest parentheses the grammar needs (plus a few
    /// redundant ones, and random operator aliases and spacing).
    public var expression: String
    /// The tree the expression was printed from (columns 0).
    public var tree: SymbolicExpression
    /// The value, computed while the tree was built, not by `SymbolicExpression.evaluate()`.
    public var expected: SymbolicValue
    public var framing: SyntheticFraming
}

/// How a synthetic request wraps its expression.
public enum SyntheticFraming: String, CaseIterable, Sendable {
    case bare, whatIs, whatsContracted, compute, calculate, evaluate, isQuestion, isItTrueThat

    /// Framings that read naturally around a number, and around a truth value.
    public static let forNumbers: [SyntheticFraming] = [.bare, .whatIs, .whatsContracted, .compute, .calculate, .evaluate]
    public static let forBooleans: [SyntheticFraming] = [.bare, .isQuestion, .isItTrueThat, .evaluate, .whatIs]

    public func wrap(_ expression: String) -> String {
        switch self {
        case .bare: return expression
        case .whatIs: return "what is \(expression)?"
        case .whatsContracted: return "What's \(expression)?"
        case .compute: return "compute \(expression)"
        case .calculate: return "Calculate \(expression)."
        case .evaluate: return "evaluate \(expression)"
        case .isQuestion: return "Is \(expression)?"
        case .isItTrueThat: return "is it true that \(expression)?"
        }
    }
}

/// A seeded generator of synthetic requests drawn from `SymbolicParser`'s grammar: random
/// typed trees up to `maximumDepth`, printed as text, with their exact values.
///
/// The value is computed bottom-up while the tree is built, directly with `Rational` and `Bool`
/// operations, and the text is printed by this generator's own precedence table, so a test that
/// parses the text and evaluates it checks the lexer, the parser's precedence and
/// associativity, and the evaluator against an independent path. Operations whose exact result
/// would fail (division by zero, overflow, `%` of fractions) are not generated: another operator
/// is tried, and if all fail the left operand is used alone. Exponents are small integer
/// literals (−3…3), so powers stay exact and small.
///
/// The same seed gives the same examples: the generator draws only from the `rng` it is given.
public struct SyntheticSymbolicGenerator: Sendable {
    /// Operator nesting depth of the deepest branch; literals are depth 0.
    public var maximumDepth: Int
    /// Chance that a sub-expression which needs no parentheses gets them anyway.
    public var redundantParenthesesProbability: Double

    public init(maximumDepth: Int = 4, redundantParenthesesProbability: Double = 0.1) {
        self.maximumDepth = maximumDepth
        self.redundantParenthesesProbability = redundantParenthesesProbability
    }

    public func examples(count: Int, using rng: inout some RandomNumberGenerator) -> [SyntheticSymbolicExample] {
        (0..<count).map { _ in example(using: &rng) }
    }

    /// A number question three times in five, a truth question otherwise.
    public func example(using rng: inout some RandomNumberGenerator) -> SyntheticSymbolicExample {
        let depth = Int.random(in: 1...max(1, maximumDepth), using: &rng)
        let wantsNumber = Double.random(in: 0..<1, using: &rng) < 0.6
        let node = wantsNumber ? number(depth: depth, using: &rng) : boolean(depth: depth, using: &rng)
        let framings = wantsNumber ? SyntheticFraming.forNumbers : SyntheticFraming.forBooleans
        let framing = framings[Int.random(in: 0..<framings.count, using: &rng)]
        return SyntheticSymbolicExample(text: framing.wrap(node.text), expression: node.text, tree: node.tree,
                                        expected: node.value, framing: framing)
    }

    // MARK: Nodes

    /// A generated sub-expression: its tree, its value, its text and the grammar level of its
    /// top (higher binds tighter), which decides where parentheses are needed.
    private struct Node {
        var tree: SymbolicExpression
        var value: SymbolicValue
        var text: String
        var level: Int
    }

    /// Grammar levels, loosest first, as in `SymbolicParser`'s EBNF.
    private enum Level {
        static let disjunction = 1, conjunction = 2, negation = 3, comparison = 4
        static let additive = 5, multiplicative = 6, unary = 7, power = 8, primary = 9
    }

    private func number(depth: Int, using rng: inout some RandomNumberGenerator) -> Node {
        if depth == 0 { return literal(using: &rng) }
        if Double.random(in: 0..<1, using: &rng) < 0.15 {
            let operand = number(depth: depth - 1, using: &rng)
            guard case let .number(r) = operand.value else { return operand }
            let negate = Bool.random(using: &rng)
            return Node(tree: .unary(negate ? .negate : .plus, operand.tree, column: 0),
                        value: .number(negate ? r.negated : r),
                        text: pick(negate ? ["-", "−"] : ["+"], &rng) + wrapped(operand, atLeast: Level.unary, &rng),
                        level: Level.unary)
        }
        let lhs = number(depth: depth - 1, using: &rng)
        guard case let .number(a) = lhs.value else { return lhs }
        if Double.random(in: 0..<1, using: &rng) < 0.12 { return power(lhs, a, depth: depth, using: &rng) }
        let rhs = number(depth: Int.random(in: 0...(depth - 1), using: &rng), using: &rng)
        guard case let .number(b) = rhs.value else { return lhs }
        for choice in Self.arithmetic.shuffled(using: &rng) {
            guard let value = try? choice.apply(a, b) else { continue }
            return Node(tree: .binary(choice.op, lhs.tree, rhs.tree, column: 0), value: .number(value),
                        text: wrapped(lhs, atLeast: choice.level, &rng) + pick(choice.spellings, &rng)
                            + wrapped(rhs, atLeast: choice.level + 1, &rng),
                        level: choice.level)
        }
        return lhs
    }

    /// base ^ e with a literal exponent in −3…3 (negative only for a non-zero base, and only
    /// when `depth` leaves room for the unary minus node). The base is a primary, so anything
    /// looser is parenthesised: (-2)^2, (1 + 2)^3.
    private func power(_ base: Node, _ a: Rational, depth: Int, using rng: inout some RandomNumberGenerator) -> Node {
        let magnitude = Int32.random(in: 0...3, using: &rng)
        let negative = depth >= 2 && !a.isZero && magnitude > 0 && Bool.random(using: &rng)
        let exponent = Rational(negative ? -magnitude : magnitude)
        guard let value = try? a.raised(to: exponent.numerator) else { return base }
        let literalTree = SymbolicExpression.number(Rational(magnitude), column: 0)
        let exponentTree = negative ? SymbolicExpression.unary(.negate, literalTree, column: 0) : literalTree
        return Node(tree: .binary(.power, base.tree, exponentTree, column: 0), value: .number(value),
                    text: wrapped(base, atLeast: Level.primary, &rng) + pick(["^", " ^ ", "**"], &rng)
                        + (negative ? "-" : "") + String(magnitude),
                    level: Level.power)
    }

    private func boolean(depth: Int, using rng: inout some RandomNumberGenerator) -> Node {
        if depth == 0 {
            let b = Bool.random(using: &rng)
            return Node(tree: .boolean(b, column: 0), value: .boolean(b), text: b ? "true" : "false", level: Level.primary)
        }
        let choice = Int.random(in: 0..<10, using: &rng)
        if choice < 4 {                                   // comparison of two numbers
            let lhs = number(depth: depth - 1, using: &rng), rhs = number(depth: depth - 1, using: &rng)
            guard case let .number(a) = lhs.value, case let .number(b) = rhs.value else { return lhs }
            let ops: [(BinaryOperator, [String], Bool)] = [
                (.less, [" < "], a < b), (.lessOrEqual, [" <= ", " ≤ "], a <= b),
                (.greater, [" > "], a > b), (.greaterOrEqual, [" >= ", "≥"], a >= b),
                (.equal, [" == ", " = "], a == b), (.notEqual, [" != ", " ≠ "], a != b),
            ]
            let (op, spelling, value) = ops[Int.random(in: 0..<ops.count, using: &rng)]
            return Node(tree: .binary(op, lhs.tree, rhs.tree, column: 0), value: .boolean(value),
                        text: wrapped(lhs, atLeast: Level.additive, &rng) + pick(spelling, &rng) + wrapped(rhs, atLeast: Level.additive, &rng),
                        level: Level.comparison)
        }
        if choice < 5 {                                   // equality of two truth values
            let lhs = boolean(depth: depth - 1, using: &rng), rhs = boolean(depth: depth - 1, using: &rng)
            guard case let .boolean(a) = lhs.value, case let .boolean(b) = rhs.value else { return lhs }
            let equal = Bool.random(using: &rng)
            return Node(tree: .binary(equal ? .equal : .notEqual, lhs.tree, rhs.tree, column: 0),
                        value: .boolean(equal ? a == b : a != b),
                        text: wrapped(lhs, atLeast: Level.additive, &rng) + (equal ? " == " : " != ") + wrapped(rhs, atLeast: Level.additive, &rng),
                        level: Level.comparison)
        }
        if choice < 7 {                                   // negation
            let operand = boolean(depth: depth - 1, using: &rng)
            guard case let .boolean(a) = operand.value else { return operand }
            return Node(tree: .unary(.not, operand.tree, column: 0), value: .boolean(!a),
                        text: pick(["not ", "!"], &rng) + wrapped(operand, atLeast: Level.negation, &rng),
                        level: Level.negation)
        }
        let lhs = boolean(depth: depth - 1, using: &rng)
        let rhs = boolean(depth: Int.random(in: 0...(depth - 1), using: &rng), using: &rng)
        guard case let .boolean(a) = lhs.value, case let .boolean(b) = rhs.value else { return lhs }
        let isAnd = Bool.random(using: &rng)
        let level = isAnd ? Level.conjunction : Level.disjunction
        return Node(tree: .binary(isAnd ? .and : .or, lhs.tree, rhs.tree, column: 0),
                    value: .boolean(isAnd ? a && b : a || b),
                    text: wrapped(lhs, atLeast: level, &rng) + pick(isAnd ? [" and ", " && "] : [" or ", " || "], &rng)
                        + wrapped(rhs, atLeast: level + 1, &rng),
                    level: level)
    }

    /// A non-negative literal: mostly small integers, sometimes larger ones or decimals with one
    /// or two places (exact: 0.25 is 1/4).
    private func literal(using rng: inout some RandomNumberGenerator) -> Node {
        let kind = Int.random(in: 0..<10, using: &rng)
        let text: String
        let value: Rational
        if kind < 6 {
            let n = Int32.random(in: 0...12, using: &rng)
            (text, value) = (String(n), Rational(n))
        } else if kind < 8 {
            let n = Int32.random(in: 13...999, using: &rng)
            (text, value) = (String(n), Rational(n))
        } else {
            let places = Int.random(in: 1...2, using: &rng)
            let scale: Int32 = places == 1 ? 10 : 100
            let n = Int32.random(in: 1...(scale * 20), using: &rng)
            let digits = String(n)
            let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
            text = String(padded.dropLast(places)) + "." + String(padded.suffix(places))
            value = (try? Rational(numerator: Int64(n), denominator: Int64(scale))) ?? .zero
        }
        return Node(tree: .number(value, column: 0), value: .number(value), text: text, level: Level.primary)
    }

    // MARK: Printing and arithmetic

    /// The node's text, in parentheses when its level is looser than `level` requires, or at
    /// random when it is not.
    private func wrapped(_ node: Node, atLeast level: Int, _ rng: inout some RandomNumberGenerator) -> String {
        let redundant = Double.random(in: 0..<1, using: &rng) < redundantParenthesesProbability
        return node.level < level || redundant ? "(" + node.text + ")" : node.text
    }

    private func pick(_ spellings: [String], _ rng: inout some RandomNumberGenerator) -> String {
        spellings[Int.random(in: 0..<spellings.count, using: &rng)]
    }

    /// The left-associative arithmetic operators: grammar level, spellings the text may use,
    /// and the exact operation that gives the expected value.
    private struct ArithmeticChoice: Sendable {
        let op: BinaryOperator
        let level: Int
        let spellings: [String]
        let apply: @Sendable (Rational, Rational) throws -> Rational
    }

    private static let arithmetic: [ArithmeticChoice] = [
        ArithmeticChoice(op: .add, level: Level.additive, spellings: [" + ", "+"], apply: { try $0.adding($1) }),
        ArithmeticChoice(op: .subtract, level: Level.additive, spellings: [" - ", "-", " − "], apply: { try $0.subtracting($1) }),
        ArithmeticChoice(op: .multiply, level: Level.multiplicative, spellings: [" * ", "*", " × "], apply: { try $0.multiplied(by: $1) }),
        ArithmeticChoice(op: .divide, level: Level.multiplicative, spellings: [" / ", "/", " ÷ "], apply: { try $0.divided(by: $1) }),
        ArithmeticChoice(op: .modulo, level: Level.multiplicative, spellings: [" % ", "%"], apply: { try $0.modulo($1) }),
    ]
}
