/// Words of commit messages, error texts and paths, as the experts count them.
///
/// Lower-cased runs of letters and digits; a camel-case word is also split into its parts
/// (`HelpGenerator` → `helpgenerator`, `help`, `generator`) so a message naming a type matches
/// the file that declares it. Dropped: single characters, pure numbers (issue and PR numbers,
/// versions) and a short list of English function words that say nothing about files.
public enum Tokenizer {
    public static let stopWords: Set<String> = [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
        "is", "are", "be", "it", "its", "this", "that", "these", "we", "when", "if", "so", "not", "no",
        "into", "but", "was", "were", "has", "have", "can", "all", "some", "also", "now", "use", "via",
    ]

    /// Tokens in order of appearance, repeats kept.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word: [Character] = []
        func flush() {
            guard !word.isEmpty else { return }
            let whole = String(word).lowercased()
            append(whole)
            // camelCase parts: split before an upper-case letter that follows a lower-case one
            var parts: [String] = []
            var current = ""
            var previous: Character?
            for c in word {
                if let p = previous, c.isUppercase, p.isLowercase || p.isNumber {
                    parts.append(current)
                    current = ""
                }
                current.append(c)
                previous = c
            }
            parts.append(current)
            if parts.count > 1 { for part in parts { append(part.lowercased()) } }
            word.removeAll(keepingCapacity: true)
        }
        func append(_ token: String) {
            guard token.count > 1, !stopWords.contains(token), !token.allSatisfy(\.isNumber) else { return }
            result.append(token)
        }
        for c in text {
            if c.isLetter || c.isNumber { word.append(c) } else { flush() }
        }
        flush()
        return result
    }

    /// Tokens of a path's components and its file name without extension.
    public static func pathTokens(_ path: String) -> [String] {
        var text = Substring(path)
        let nameStart = text.lastIndex(of: "/").map { text.index(after: $0) } ?? text.startIndex
        if let dot = text[nameStart...].lastIndex(of: "."), dot > nameStart { text = text[..<dot] }
        return tokens(String(text))
    }
}
