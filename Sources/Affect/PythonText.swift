/// The few Python `str` operations VADER's rules are written in, on Unicode code points.
///
/// The reference implementation is Python, whose strings are sequences of code points: `len`,
/// `split`, `strip`, `count` and `in` all work on code points, with Python's own definitions of
/// whitespace and of upper case. Swift's `String` works on grapheme clusters and compares by
/// canonical equivalence, so `"!\u{301}"` is one `Character` that is not `"!"`, and `"\r\n"` is a
/// single `Character`. Matching the package to the last digit needs Python's semantics, so
/// everything here works on `unicodeScalars`.
enum PythonText {
    /// `str.isspace()` for one code point: the characters Python treats as whitespace
    /// (bidirectional class WS, B or S, or category Zs). Not U+200B ZERO WIDTH SPACE.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.strip()`: `scalars` without leading and trailing whitespace.
    static func strip(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        trim(scalars[...], where: isWhitespace)
    }

    /// `str.split()` with no separator: the runs of non-whitespace code points.
    static func split(_ scalars: [Unicode.Scalar]) -> [String] {
        scalars.split(whereSeparator: isWhitespace).map(string)
    }

    /// `string.punctuation`: the 32 ASCII punctuation characters ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``.
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// `s.strip(string.punctuation)`.
    static func stripPunctuation(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        trim(scalars[...], where: isASCIIPunctuation)
    }

    /// `str.isupper()`: at least one cased code point and no lower-case or title-case one.
    /// Cased means Unicode's derived `Uppercase`/`Lowercase` properties (so "ⓐ" is lower case),
    /// as in CPython's character database; ":D" is upper case, "123" is not.
    static func isUpper(_ text: String) -> Bool {
        var cased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// `str.lower()`: each code point's full lower-case mapping. Python also gives a capital
    /// sigma its final form at the end of a word; the lower-cased words only serve as keys into
    /// tables of ASCII words and emoticons, where no Greek word can match either way, so the
    /// difference never reaches a score.
    static func lower(_ text: String) -> String {
        text.lowercased()
    }

    /// `needle in haystack` for an ASCII needle: a code-point (here byte) subsequence.
    static func contains(_ haystack: String, ascii needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard n.count <= h.count else { return false }
        return (0...(h.count - n.count)).contains { start in h[start..<(start + n.count)].elementsEqual(n) }
    }

    /// `text.count(character)` for one code point.
    static func count(_ scalar: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Int {
        scalars.reduce(0) { $0 + ($1 == scalar ? 1 : 0) }
    }

    /// A `String` holding exactly these code points.
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func trim(_ scalars: ArraySlice<Unicode.Scalar>, where drop: (Unicode.Scalar) -> Bool) -> ArraySlice<Unicode.Scalar> {
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) }) else {
            return []
        }
        return scalars[first...last]
    }
}
