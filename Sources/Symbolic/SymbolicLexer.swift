/// Splits an expression into tokens, each with its column.
///
/// Works on Unicode scalars so that the aliases `×` `÷` `−` `≤` `≥` `≠` are single characters.
/// Given a `Substring` (as `SymbolicQuery.extract(from:)` returns), columns are counted from the
/// start of the whole string it was cut from, so errors point into the question as typed.
///
/// Numbers are ASCII digits with at most one decimal point, read exactly: "0.1" is 1/10, never
/// a binary float. Words (runs of letters) are case-insensitive keywords.
public enum SymbolicLexer {
    public static func tokens(in text: String) throws(SymbolicError) -> [SymbolicToken] {
        try tokens(in: text[...])
    }

    public static func tokens(in text: Substring) throws(SymbolicError) -> [SymbolicToken] {
        let scalars = text.unicodeScalars
        let base = text.base.utf8
        func column(_ i: Substring.UnicodeScalarView.Index) -> Int {
            base.distance(from: base.startIndex, to: i) + 1
        }
        var result: [SymbolicToken] = []
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let start = i
            let next = scalars.index(after: i)
            let following: Unicode.Scalar? = next < scalars.endIndex ? scalars[next] : nil
            func emit(_ kind: SymbolicToken.Kind, through end: Substring.UnicodeScalarView.Index) {
                result.append(SymbolicToken(kind: kind, column: column(start), text: String(scalars[start..<end])))
                i = end
            }
            if c.properties.isWhitespace {
                i = next
            } else if isDigit(c) || (c == "." && following.map(isDigit) == true) {
                var end = i
                while end < scalars.endIndex, isDigit(scalars[end]) { end = scalars.index(after: end) }
                if end < scalars.endIndex, scalars[end] == "." {
                    let afterPoint = scalars.index(after: end)
                    if afterPoint < scalars.endIndex, isDigit(scalars[afterPoint]) {
                        end = afterPoint
                        while end < scalars.endIndex, isDigit(scalars[end]) { end = scalars.index(after: end) }
                    }
                }
                let literal = String(scalars[start..<end])
                guard let value = exactValue(ofDecimal: literal) else {
                    throw .numberTooLarge(literal, column: column(start))
                }
                emit(.number(value), through: end)
            } else if c.properties.isAlphabetic {
                var end = i
                while end < scalars.endIndex, scalars[end].properties.isAlphabetic { end = scalars.index(after: end) }
                let word = String(scalars[start..<end])
                guard let kind = keyword(word.lowercased()) else {
                    throw .unknownWord(word, column: column(start))
                }
                emit(kind, through: end)
            } else if let (kind, twoScalars) = symbol(c, following) {
                emit(kind, through: twoScalars ? scalars.index(after: next) : next)
            } else {
                throw .unexpectedCharacter(String(c), column: column(start))
            }
        }
        result.append(SymbolicToken(kind: .end, column: column(scalars.endIndex), text: ""))
        return result
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private static func keyword(_ lowercased: String) -> SymbolicToken.Kind? {
        switch lowercased {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "not": return .not
        case "and": return .and
        case "or": return .or
        default: return nil
        }
    }

    /// The operator starting with `c`, and whether it also consumes `next` (`**`, `<=`, `&&`, …).
    private static func symbol(_ c: Unicode.Scalar, _ next: Unicode.Scalar?) -> (SymbolicToken.Kind, Bool)? {
        switch (c, next) {
        case ("*", "*"): return (.caret, true)
        case ("<", "="): return (.lessEqual, true)
        case (">", "="): return (.greaterEqual, true)
        case ("=", "="): return (.equal, true)
        case ("!", "="): return (.notEqual, true)
        case ("&", "&"): return (.and, true)
        case ("|", "|"): return (.or, true)
        default: break
        }
        switch c {
        case "+": return (.plus, false)
        case "-", "\u{2212}": return (.minus, false)          // U+2212 MINUS SIGN
        case "*", "\u{00D7}", "\u{22C5}": return (.star, false) // ×, ⋅
        case "/", "\u{00F7}": return (.slash, false)         // ÷
        case "%": return (.percent, false)
        case "^": return (.caret, false)
        case "<": return (.less, false)
        case ">": return (.greater, false)
        case "=": return (.equal, false)
        case "!": return (.not, false)
        case "\u{2264}": return (.lessEqual, false)           // ≤
        case "\u{2265}": return (.greaterEqual, false)        // ≥
        case "\u{2260}": return (.notEqual, false)            // ≠
        case "(": return (.leftParenthesis, false)
        case ")": return (.rightParenthesis, false)
        default: return nil
        }
    }

    /// "12.50" → 25/2 exactly; nil when the value or its power-of-ten denominator leaves the
    /// 64-bit range. Trailing zeros after the point are dropped first, so "0.1000000000000000000000"
    /// still reads as 1/10.
    static func exactValue(ofDecimal literal: String) -> Rational? {
        let parts = literal.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        var fractionDigits = parts.count > 1 ? parts[1] : ""
        while fractionDigits.last == "0" { fractionDigits.removeLast() }
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        for (digit, isFraction) in integerDigits.map({ ($0, false) }) + fractionDigits.map({ ($0, true) }) {
            guard let d = digit.wholeNumberValue else { return nil }
            let (shifted, o1) = numerator.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            numerator = sum
            if isFraction {
                let (scaled, o3) = denominator.multipliedReportingOverflow(by: 10)
                guard !o3 else { return nil }
                denominator = scaled
            }
        }
        return try? Rational(numerator: numerator, denominator: denominator)
    }
}
