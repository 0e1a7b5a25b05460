import Affect
import Foundation
import Testing

@Suite("VADER lexicon files")
struct VaderLexiconTests {
    @Test("the tiny lexicon loads with its real valences; a later duplicate replaces the earlier one")
    func tinyLexicon() throws {
        let lexicon = try VaderLexicon.load(path: AffectFixtures.path("tiny_lexicon.txt"))
        #expect(lexicon.valences.count == 23)          // 24 lines, "lol" twice
        #expect(lexicon.valence(of: "good") == 1.9)
        #expect(lexicon.valence(of: ":)") == 2.0)
        #expect(lexicon.valence(of: "lol") == 1.8)     // 2.9 first, 1.8 later
        #expect(lexicon.valence(of: "Good") == nil)    // keys are matched as written; callers lower-case
    }

    @Test("keys match code point for code point, not by canonical equivalence")
    func exactKeys() {
        let lexicon = VaderLexicon(valences: [";)": 0.9])
        #expect(lexicon.contains(";)"))
        #expect(!lexicon.contains("\u{37E})"))        // GREEK QUESTION MARK, canonically ";"
        #expect("\u{37E})" == ";)")                    // …which Swift's == would accept
    }

    @Test("a line without a tab is an error naming the file, the line and what was expected")
    func missingTab() throws {
        let error = #expect(throws: AffectError.self) {
            try VaderLexicon.parse("good\t1.9\t0.9\t[1]\n\nbad -2.5\n", source: "lexicon.txt")
        }
        #expect(error == .malformedLine(path: "lexicon.txt", line: 3, expected: "a token, a tab and its mean valence", found: "bad -2.5"))
        #expect(error?.description == "lexicon.txt:3: expected a token, a tab and its mean valence, found \"bad -2.5\"")
    }

    @Test("a valence that is not a number is an error naming the file and line")
    func badNumber() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("affect-malformed-\(getpid()).txt").path
        try "good\t1.9\r\nbad\tminus two\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: AffectError.self) { try VaderLexicon.load(path: path) }
        guard case let .malformedLine(errorPath, line, expected, _)? = error else {
            Issue.record("expected malformedLine, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path && line == 2 && expected.contains("number"))
    }

    @Test("a missing file says how to fetch it")
    func missingFile() {
        let error = #expect(throws: AffectError.self) { try VaderLexicon.load(path: "/nonexistent/vader_lexicon.txt") }
        #expect(error?.description.contains("scripts/fetch-vader.py") == true)
    }

    @Test("the emoji lexicon keeps single code points and counts the sequences the package never matches")
    func emojiLexicon() throws {
        let emoji = try VaderEmojiLexicon.load(path: AffectFixtures.path("tiny_emoji_lexicon.txt"))
        #expect(emoji.descriptions["💘"] == "heart with arrow")   // the file's CRLF is stripped
        #expect(emoji.descriptions["☺"] == "smiling face")
        #expect(emoji.descriptions.count == 4 && emoji.multiCodePointEntries == 1)
        let error = #expect(throws: AffectError.self) { try VaderEmojiLexicon.parse("😁\tgrin\n😂\n", source: "emoji.txt") }
        #expect(error == .malformedLine(path: "emoji.txt", line: 2, expected: "an emoji, a tab and its description", found: "😂"))
    }

    @Test("a rated-set line without three fields is an error naming the line")
    func ratedSetLine() throws {
        let snippets = try VaderRatedSet.parse("1\t2.5\tgood\tday\r\n2\t-1\tbad\r\n", source: "t.txt")
        #expect(snippets == [.init(id: "1", meanRating: 2.5, text: "good\tday"), .init(id: "2", meanRating: -1, text: "bad")])
        let error = #expect(throws: AffectError.self) { try VaderRatedSet.parse("1\t2.5\tgood\r\n2\tbad\r\n", source: "t.txt") }
        #expect(error == .malformedLine(path: "t.txt", line: 2, expected: "an id, a tab, the mean rating, a tab and the text", found: "2\tbad"))
    }

    @Test("the fetched lexicons load whole", .enabled(if: AffectFixtures.lexiconsFetched, AffectFixtures.notFetched))
    func fetchedLexicons() throws {
        let vader = try VaderSentiment.load(directory: AffectFixtures.dataDirectory)
        #expect(vader.lexicon.valences.count == 7506)  // 7,520 lines, 14 tokens listed twice
        #expect(vader.emoji.descriptions.count + vader.emoji.multiCodePointEntries == 3570)
    }
}
