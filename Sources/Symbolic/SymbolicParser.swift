/// A recursive-descent parser, one function per precedence level, for this grammar (ISO EBNF;
/// loosest binding first):
///
///     expression     = disjunction ;
///     disjunction    = conjunction , { or , conjunction } ;
///     conjunction    = negation , { and , negation } ;
///     negation       = not , negation | comparison ;
///     comparison     = additive , [ compare , additive ] ;
///     additive       = multiplicative , { ( "+" | "-" ) , multiplicative } ;
///     multiplicative = unary , { ( "*" | "/" | "%" ) , unary } ;
///     unary          = ( "-" | "+" ) , unary | power ;
///     power          = primary , [ "^" , unary ] ;
///     primary        = number | "true" | "false" | "(" , expression , ")" ;
///
///     or             = "or" | "||" ;
///     and            = "and" | "&&" ;
///     not            = "not" | "!" ;
///     compare        = "<" | "<=" | ">" | ">=" | "==" | "=" | "!=" ;
///     number         = digit , { digit } , [ "." , digit , { digit } ]
///                    | "." , digit , { digit } ;
///     digit          = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" ;
///
/// Aliases the lexer maps onto these terminals: `**` for `^`; `×` and `⋅` for `*`; `÷` for `/`;
/// `−` (U+2212) for `-`; `≤` `≥` `≠` for `<=` `>=` `!=`. Keywords are case-insensitive; spaces
/// and other whitespace separate tokens and are otherwise ignored.
///
/// What the grammar decides, and why:
/// - `^` is right-associative (2^3^2 = 2^9 = 512) and binds tighter than unary minus, as in
///   mathematics and Python: -2^2 = -(2^2) = -4. Its right operand is a `unary`, so 2^-1 = 1/2
///   needs no parentheses; its left operand is a `primary`, so (-2)^2 = 4 needs them.
/// - `+ - * / %` are left-associative: 8-3-2 = 3, 8/4/2 = 1.
/// - Comparisons do not chain: `1 < 2 < 3` is an error that says so (read left to right it
///   would compare a boolean with 3; read as in Python it would hide an `and`).
/// - `=` means equality, as in the question "is 2+2 = 4". There is no assignment.
/// - `not` and `!` bind looser than comparisons and tighter than `and`, as Python's `not`:
///   `not 2 > 3` is `not (2 > 3)`. (C's `!` binds tighter; we chose one rule for both
///   spellings.)
/// - `and` binds tighter than `or`; both short-circuit (see `SymbolicExpression.evaluate()`).
///
/// Parsing, checking, evaluating and printing all recurse over the tree, so both the nesting
/// of the source (parentheses, prefix operators, exponents) and the depth of the tree (a long
/// chain `1+1+…+1` is as deep as it is long) are limited to `maximumDepth`: a question that
/// exceeds it gets an error, never a stack overflow.
public enum SymbolicParser {
    /// The deepest nesting and the deepest tree accepted; far beyond anything typed by hand.
    public static let maximumDepth = 200

    /// Parses a whole expression; anything after it is an error.
    public static func parse(_ text: String) throws(SymbolicError) -> SymbolicExpression {
        try parse(text[...])
    }

    /// Parses `text`, reporting columns in `text.base` (the question it was cut from).
    public static func parse(_ text: Substring) throws(SymbolicError) -> SymbolicExpression {
        var state = State(tokens: try SymbolicLexer.tokens(in: text))
        if state.current.kind == .end { throw .emptyExpression }
        let expression = try state.disjunction()
        let extra = state.current
        switch extra.kind {
        case .end: return expression.tree
        case .rightParenthesis: throw .unmatchedClosingParenthesis(column: extra.column)
        default: throw .trailingInput(found: extra.quoted, column: extra.column)
        }
    }

    /// A parsed sub-tree and its depth (a literal is 1), so that depth is checked as the tree
    /// is built rather than by another recursive walk.
    private struct Parsed {
        var tree: SymbolicExpression
        var depth: Int
    }

    /// The token list and the position in it; each grammar rule is a method.
    private struct State {
        let tokens: [SymbolicToken]
        var position = 0
        /// Columns of the `(` currently open, innermost last, for "still open" messages.
        var openParentheses: [Int] = []
        /// Rules currently entered through a nesting construct: `(`, a prefix operator, `^`.
        var nesting = 0

        init(tokens: [SymbolicToken]) {
            self.tokens = tokens
        }

        /// The lexer always ends the list with `.end`, and `advance` never moves past it.
        var current: SymbolicToken { tokens[min(position, tokens.count - 1)] }

        mutating func advance() -> SymbolicToken {
            let token = current
            if position < tokens.count - 1 { position += 1 }
            return token
        }

        /// Called before recursing into a nested construct that starts at `token`.
        mutating func descend(at token: SymbolicToken) throws(SymbolicError) {
            nesting += 1
            if nesting > SymbolicParser.maximumDepth {
                throw .tooDeeplyNested(column: token.column, limit: SymbolicParser.maximumDepth)
            }
        }

        func unary(_ op: UnaryOperator, _ operand: Parsed, _ token: SymbolicToken) throws(SymbolicError) -> Parsed {
            try node(.unary(op, operand.tree, column: token.column), depth: operand.depth + 1, token)
        }

        func binary(_ op: BinaryOperator, _ lhs: Parsed, _ rhs: Parsed, _ token: SymbolicToken) throws(SymbolicError) -> Parsed {
            try node(.binary(op, lhs.tree, rhs.tree, column: token.column), depth: max(lhs.depth, rhs.depth) + 1, token)
        }

        func node(_ tree: SymbolicExpression, depth: Int, _ token: SymbolicToken) throws(SymbolicError) -> Parsed {
            guard depth <= SymbolicParser.maximumDepth else {
                throw .tooDeeplyNested(column: token.column, limit: SymbolicParser.maximumDepth)
            }
            return Parsed(tree: tree, depth: depth)
        }

        mutating func disjunction() throws(SymbolicError) -> Parsed {
            var lhs = try conjunction()
            while current.kind == .or {
                let op = advance()
                lhs = try binary(.or, lhs, try conjunction(), op)
            }
            return lhs
        }

        mutating func conjunction() throws(SymbolicError) -> Parsed {
            var lhs = try negation()
            while current.kind == .and {
                let op = advance()
                lhs = try binary(.and, lhs, try negation(), op)
            }
            return lhs
        }

        mutating func negation() throws(SymbolicError) -> Parsed {
            guard current.kind == .not else { return try comparison() }
            let op = advance()
            try descend(at: op)
            defer { nesting -= 1 }
            return try unary(.not, try negation(), op)
        }

        mutating func comparison() throws(SymbolicError) -> Parsed {
            let lhs = try additive()
            guard let op = Self.comparisonOperator(current.kind) else { return lhs }
            let token = advance()
            let result = try binary(op, lhs, try additive(), token)
            if Self.comparisonOperator(current.kind) != nil { throw .chainedComparison(column: current.column) }
            return result
        }

        mutating func additive() throws(SymbolicError) -> Parsed {
            var lhs = try multiplicative()
            while true {
                let op: BinaryOperator
                switch current.kind {
                case .plus: op = .add
                case .minus: op = .subtract
                default: return lhs
                }
                let token = advance()
                lhs = try binary(op, lhs, try multiplicative(), token)
            }
        }

        mutating func multiplicative() throws(SymbolicError) -> Parsed {
            var lhs = try prefixed()
            while true {
                let op: BinaryOperator
                switch current.kind {
                case .star: op = .multiply
                case .slash: op = .divide
                case .percent: op = .modulo
                default: return lhs
                }
                let token = advance()
                lhs = try binary(op, lhs, try prefixed(), token)
            }
        }

        /// The grammar's `unary` rule.
        mutating func prefixed() throws(SymbolicError) -> Parsed {
            let op: UnaryOperator
            switch current.kind {
            case .minus: op = .negate
            case .plus: op = .plus
            default: return try power()
            }
            let token = advance()
            try descend(at: token)
            defer { nesting -= 1 }
            return try unary(op, try prefixed(), token)
        }

        mutating func power() throws(SymbolicError) -> Parsed {
            let base = try primary()
            guard current.kind == .caret else { return base }
            let token = advance()
            try descend(at: token)
            defer { nesting -= 1 }
            return try binary(.power, base, try prefixed(), token)
        }

        mutating func primary() throws(SymbolicError) -> Parsed {
            let token = advance()
            switch token.kind {
            case let .number(r):
                return Parsed(tree: .number(r, column: token.column), depth: 1)
            case let .boolean(b):
                return Parsed(tree: .boolean(b, column: token.column), depth: 1)
            case .leftParenthesis:
                try descend(at: token)
                defer { nesting -= 1 }
                openParentheses.append(token.column)
                let inner = try disjunction()
                let close = current
                switch close.kind {
                case .rightParenthesis:
                    _ = advance()
                    openParentheses.removeLast()
                    return inner
                case .end:
                    throw .unclosedParenthesis(openedAt: token.column)
                default:
                    throw .expectedClosingParenthesis(found: close.quoted, column: close.column, openedAt: token.column)
                }
            case .rightParenthesis where openParentheses.isEmpty:
                throw .unmatchedClosingParenthesis(column: token.column)
            default:
                throw .expectedOperand(found: token.quoted, column: token.column)
            }
        }

        static func comparisonOperator(_ kind: SymbolicToken.Kind) -> BinaryOperator? {
            switch kind {
            case .less: return .less
            case .lessEqual: return .lessOrEqual
            case .greater: return .greater
            case .greaterEqual: return .greaterOrEqual
            case .equal: return .equal
            case .notEqual: return .notEqual
            default: return nil
            }
        }
    }
}
