extension Rational {
    /// True when the decimal expansion ends: the reduced denominator has no prime factor other
    /// than 2 and 5.
    public var hasTerminatingDecimal: Bool {
        var d = denominator
        while d % 2 == 0 { d /= 2 }
        while d % 5 == 0 { d /= 5 }
        return d == 1
    }

    /// A positional rendering for people who expect decimals.
    ///
    /// - A terminating expansion is written in full and is exact: 3/4 → "0.75", -5/2 → "-2.5",
    ///   1/1024 → "0.0009765625", 391 → "391".
    /// - Otherwise the first `fractionDigits` digits, truncated toward zero (not rounded, so every
    ///   digit shown is a true digit of the expansion), then "…" and the exact fraction in
    ///   parentheses, so that the answer is still exact: 1/3 → "0.333333… (1/3)",
    ///   -2/3 → "-0.666666… (-2/3)".
    ///
    /// Digits come from long division with full-width products, so no step can overflow.
    public func decimalDescription(fractionDigits: Int = 6) -> String {
        let sign = numerator < 0 ? "-" : ""
        let magnitude = numerator.magnitude                  // ≤ Int64.max, fits in Int64
        let d = UInt64(denominator)
        let integerPart = magnitude / d
        var remainder = magnitude % d
        if remainder == 0 { return sign + String(integerPart) }
        let terminating = hasTerminatingDecimal
        var digits = ""
        while remainder != 0 && (terminating || digits.count < max(fractionDigits, 1)) {
            // remainder·10 may exceed 64 bits; divide the 128-bit product
            let wide = remainder.multipliedFullWidth(by: 10)
            let (q, r) = d.dividingFullWidth(wide)
            digits.append(Character(String(q)))
            remainder = r
        }
        let positional = sign + String(integerPart) + "." + digits
        return terminating ? positional : positional + "… (\(description))"
    }
}
