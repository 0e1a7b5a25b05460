extension SymbolicExpression {
    /// The expression's type, or the first type error in a left-to-right, depth-first walk.
    ///
    /// Types are fixed by syntax, so this checks the whole tree, including branches that
    /// short-circuit evaluation would skip: `false and (1 + true)` is a type error, not `false`.
    public func checkedType() throws(SymbolicError) -> SymbolicType {
        switch self {
        case .number:
            return .number
        case .boolean:
            return .boolean
        case let .unary(op, operand, column):
            let t = try operand.checkedType()
            guard t == op.operandType else { throw .operandTypeMismatch(op, operand: t, column: column) }
            return op.resultType
        case let .binary(op, lhs, rhs, column):
            let (l, r) = (try lhs.checkedType(), try rhs.checkedType())
            let accepted: Bool
            if op.isEquality {
                accepted = l == r
            } else if op.isLogical {
                accepted = l == .boolean && r == .boolean
            } else {
                accepted = l == .number && r == .number
            }
            guard accepted else { throw .typeMismatch(op, left: l, right: r, column: column) }
            return op.resultType
        }
    }

    /// The exact value: types are checked first (`checkedType()`), then the tree is evaluated
    /// left to right.
    ///
    /// `and` and `or` short-circuit: the right operand is evaluated only when the left one does
    /// not decide the result, so `false and 1/0 > 0` is `false` and `true or 1/0 > 0` is `true`.
    /// Only arithmetic errors (division by zero, overflow, `%` of fractions, fractional
    /// exponents) can be skipped that way; type errors cannot (see `checkedType()`).
    /// Arithmetic errors carry the column of the operator whose result failed.
    public func evaluate() throws(SymbolicError) -> SymbolicValue {
        _ = try checkedType()
        return try value()
    }

    private func value() throws(SymbolicError) -> SymbolicValue {
        switch self {
        case let .number(r, _):
            return .number(r)
        case let .boolean(b, _):
            return .boolean(b)
        case let .unary(op, operand, column):
            let v = try operand.value()
            switch (op, v) {
            case let (.negate, .number(r)): return .number(r.negated)
            case let (.plus, .number(r)): return .number(r)
            case let (.not, .boolean(b)): return .boolean(!b)
            default: throw .operandTypeMismatch(op, operand: v.type, column: column)
            }
        case let .binary(op, lhs, rhs, column):
            let l = try lhs.value()
            if op.isLogical, case let .boolean(decided) = l, decided == (op == .or) {
                return .boolean(decided)                 // short circuit
            }
            let r = try rhs.value()
            switch (l, r) {
            case let (.number(a), .number(b)):
                return try Self.numeric(op, a, b, column: column)
            case let (.boolean(a), .boolean(b)):
                switch op {
                case .equal: return .boolean(a == b)
                case .notEqual: return .boolean(a != b)
                case .and, .or: return .boolean(b)       // the left operand did not decide
                case .add, .subtract, .multiply, .divide, .modulo, .power,
                     .less, .lessOrEqual, .greater, .greaterOrEqual:
                    throw .typeMismatch(op, left: .boolean, right: .boolean, column: column)
                }
            case (.number, .boolean), (.boolean, .number):
                throw .typeMismatch(op, left: l.type, right: r.type, column: column)
            }
        }
    }

    /// `op` applied to two numbers; `Rational`'s errors gain the operator's column.
    private static func numeric(_ op: BinaryOperator, _ a: Rational, _ b: Rational,
                                column: Int) throws(SymbolicError) -> SymbolicValue {
        func exact(_ result: @autoclosure () throws(RationalError) -> Rational) throws(SymbolicError) -> SymbolicValue {
            do {
                return .number(try result())
            } catch {
                throw .arithmetic(error, op, a, b, column: column)
            }
        }
        switch op {
        case .add: return try exact(a.adding(b))
        case .subtract: return try exact(a.subtracting(b))
        case .multiply: return try exact(a.multiplied(by: b))
        case .divide: return try exact(a.divided(by: b))
        case .modulo: return try exact(a.modulo(b))
        case .power:
            guard b.isInteger else { throw .nonIntegerExponent(b, column: column) }
            return try exact(a.raised(to: b.numerator))
        case .less: return .boolean(a < b)
        case .lessOrEqual: return .boolean(a <= b)
        case .greater: return .boolean(a > b)
        case .greaterOrEqual: return .boolean(a >= b)
        case .equal: return .boolean(a == b)
        case .notEqual: return .boolean(a != b)
        case .and, .or: throw .typeMismatch(op, left: .number, right: .number, column: column)
        }
    }
}
