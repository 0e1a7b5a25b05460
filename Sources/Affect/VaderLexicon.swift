/// VADER's sentiment lexicon: a word, emoticon or initialism → its mean valence in [−4, 4].
///
/// The file (`vader_lexicon.txt`, MIT licence, fetched by scripts/fetch-vader.py) has one entry
/// per line: token, tab, mean of ten human ratings, then the standard deviation and the ratings,
/// which scoring does not use. The reference package reads it as
/// `word, measure = line.strip().split('\t')[0:2]` after dropping trailing line feeds, skips
/// empty lines, and lets a later duplicate replace an earlier one (`lol` is listed twice, 2.9 then
/// 1.8; 1.8 is what scores). `load` does the same but turns the package's crash on a bad line
/// into an error naming the file and line.
///
/// Keys are matched code point for code point, as Python compares strings: Swift's `String`
/// equality is canonical equivalence, under which U+037E GREEK QUESTION MARK equals ";", so a
/// token spelled with it would otherwise find the emoticon ";)".
public struct VaderLexicon: Sendable, Equatable {
    /// Token (as written in the file) → mean valence.
    public let valences: [String: Double]

    public init(valences: [String: Double]) {
        self.valences = valences
    }

    /// Reads a lexicon file in `vader_lexicon.txt`'s format.
    public static func load(path: String) throws -> VaderLexicon {
        let text = try readUTF8(path: path, remedy: "python3 scripts/fetch-vader.py fetches VADER's lexicon into /usr/share/datasets/vader")
        return try parse(text, source: path)
    }

    /// Parses lexicon text; `source` names it in error messages.
    public static func parse(_ text: String, source: String) throws -> VaderLexicon {
        var valences: [String: Double] = [:]
        for (number, line) in lexiconLines(text) where !line.isEmpty {
            let fields = PythonText.strip(line).split(separator: "\t", omittingEmptySubsequences: false)
            let found = PythonText.string(line)
            guard fields.count >= 2 else {
                throw AffectError.malformedLine(path: source, line: number, expected: "a token, a tab and its mean valence", found: found)
            }
            let measure = PythonText.string(PythonText.strip(Array(fields[1])))
            guard let valence = Double(measure), valence.isFinite else {
                throw AffectError.malformedLine(path: source, line: number, expected: "a finite decimal number as the second field", found: found)
            }
            valences[PythonText.string(fields[0])] = valence
        }
        return VaderLexicon(valences: valences)
    }

    /// The valence of `token`, matched code point for code point; nil when it is not listed.
    public func valence(of token: String) -> Double? {
        guard let index = valences.index(forKey: token), valences[index].key.utf8.elementsEqual(token.utf8) else {
            return nil
        }
        return valences[index].value
    }

    /// Whether `token` is listed (code point for code point).
    public func contains(_ token: String) -> Bool {
        valence(of: token) != nil
    }
}

/// The lines of a lexicon file with their 1-based numbers, as the package splits them:
/// `text.rstrip('\n').split('\n')` — line feeds only, so a CR stays on its line until `strip`.
func lexiconLines(_ text: String) -> [(number: Int, line: [Unicode.Scalar])] {
    var scalars = Array(text.unicodeScalars)
    while scalars.last == "\n" { scalars.removeLast() }
    return scalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, Array($0.element)) }
}
