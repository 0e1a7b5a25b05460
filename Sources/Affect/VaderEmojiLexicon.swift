/// VADER's emoji lexicon: an emoji → a short English description ("💘" → "love letter").
///
/// VADER scores emoji by replacing each with its description and scoring the words
/// (`emoji_utf8_lexicon.txt`: emoji, tab, description; MIT licence). The reference package looks
/// the text up one code point at a time (`for chr in text: if chr in self.emojis`), so an entry
/// spelled with more than one code point — "☺️" (U+263A U+FE0F), skin tones, flags, 2,358 of the
/// file's 3,570 lines — can never match; its first code point matches on its own when listed
/// ("☺" is, so "☺️" becomes "smiling face" followed by U+FE0F). Those entries are kept out of
/// `descriptions` rather than looked up in vain, and counted in `multiCodePointEntries`.
public struct VaderEmojiLexicon: Sendable, Equatable {
    /// Single-code-point emoji → description.
    public let descriptions: [Unicode.Scalar: String]
    /// Entries of more than one code point, which the reference package never matches.
    public let multiCodePointEntries: Int

    public init(descriptions: [Unicode.Scalar: String], multiCodePointEntries: Int = 0) {
        self.descriptions = descriptions
        self.multiCodePointEntries = multiCodePointEntries
    }

    /// No emoji: text is scored as written.
    public static let empty = VaderEmojiLexicon(descriptions: [:])

    /// Reads an emoji lexicon file in `emoji_utf8_lexicon.txt`'s format.
    public static func load(path: String) throws -> VaderEmojiLexicon {
        let text = try readUTF8(path: path, remedy: "python3 scripts/fetch-vader.py fetches VADER's emoji lexicon into /usr/share/datasets/vader")
        return try parse(text, source: path)
    }

    /// Parses emoji lexicon text; `source` names it in error messages. Unlike the sentiment
    /// lexicon, the package does not skip empty lines here (it fails on them), so neither does this.
    public static func parse(_ text: String, source: String) throws -> VaderEmojiLexicon {
        var descriptions: [Unicode.Scalar: String] = [:]
        var multiCodePoint = 0
        for (number, line) in lexiconLines(text) {
            let fields = PythonText.strip(line).split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw AffectError.malformedLine(path: source, line: number, expected: "an emoji, a tab and its description", found: PythonText.string(line))
            }
            let emoji = fields[0]
            if emoji.count == 1, let scalar = emoji.first {
                descriptions[scalar] = PythonText.string(fields[1])
            } else {
                multiCodePoint += 1
            }
        }
        return VaderEmojiLexicon(descriptions: descriptions, multiCodePointEntries: multiCodePoint)
    }
}
