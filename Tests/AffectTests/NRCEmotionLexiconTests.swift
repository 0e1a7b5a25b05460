import Affect
import Foundation
import Testing

/// Where the tests find the NRC Emotion Lexicon: the committed tiny copy beside this file, and
/// the file scripts/fetch-nrc.py fetches (`BIOMOE_NRC_DIR` overrides its directory).
enum NRCFixtures {
    static let tinyPath = AffectFixtures.path("tiny_nrc_en.json")
    static let dataDirectory = ProcessInfo.processInfo.environment["BIOMOE_NRC_DIR"] ?? "/usr/share/datasets/nrc"
    static let path = dataDirectory + "/nrc_en.json"
    static let fetched = FileManager.default.fileExists(atPath: path)
    static let notFetched: Comment = "the NRC Emotion Lexicon is not at \(path): run python3 scripts/fetch-nrc.py"

    static func tiny() throws -> NRCEmotionLexicon { try NRCEmotionLexicon.load(path: tinyPath) }
}

@Suite("NRC Emotion Lexicon files")
struct NRCEmotionLexiconTests {
    @Test("the tiny lexicon keeps the eight emotions and drops positive and negative")
    func tinyLexicon() throws {
        let lexicon = try NRCFixtures.tiny()
        #expect(lexicon.emotions(of: "furious") == [.anger, .disgust])                   // file: anger, disgust, negative
        #expect(lexicon.emotions(of: "happy") == [.anticipation, .joy, .trust])          // file: … positive …
        #expect(lexicon.emotions(of: "abandon") == [.fear, .sadness])
        #expect(lexicon.emotions(of: "abba") == nil)                                      // file: positive only
        #expect(lexicon.emotions(of: "Happy") == nil)                                     // keys as written; callers lower-case
        #expect(lexicon.emotions.count == 6 && lexicon.sentimentOnlyWords == 1)           // 7 entries in the file
    }

    @Test("a missing file says how to fetch it")
    func missingFile() {
        let error = #expect(throws: AffectError.self) { try NRCEmotionLexicon.load(path: "/nonexistent/nrc_en.json") }
        #expect(error == .fileNotFound(path: "/nonexistent/nrc_en.json",
                                       remedy: "python3 scripts/fetch-nrc.py fetches the NRC Emotion Lexicon into /usr/share/datasets/nrc"))
        #expect(error?.description == "/nonexistent/nrc_en.json: not found — python3 scripts/fetch-nrc.py fetches the NRC Emotion Lexicon into /usr/share/datasets/nrc")
    }

    @Test("text that is not JSON is an error naming the file")
    func notJSON() {
        let error = #expect(throws: AffectError.self) { try NRCEmotionLexicon.parse("{\"joy\": [\"joy\"", source: "nrc.json") }
        guard case let .malformedJSON(path, reason)? = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(path == "nrc.json" && reason.hasPrefix("not valid JSON"))
        #expect(error?.description.hasPrefix("nrc.json: malformed JSON — not valid JSON") == true)
    }

    @Test("JSON of the wrong shape says what was expected and what was found")
    func wrongShape() {
        let list = #expect(throws: AffectError.self) { try NRCEmotionLexicon.parse("[\"joy\"]", source: "nrc.json") }
        #expect(list == .malformedJSON(path: "nrc.json", reason: "expected an object from each word to its list of categories, found a list"))
        let value = #expect(throws: AffectError.self) { try NRCEmotionLexicon.parse("{\"glad\": \"joy\"}", source: "nrc.json") }
        #expect(value == .malformedJSON(path: "nrc.json", reason: "the value of \"glad\" should be a list of category names, found a string"))
        #expect(value?.description == "nrc.json: malformed JSON — the value of \"glad\" should be a list of category names, found a string")
    }

    @Test("a category outside the eight emotions and the two sentiments is an error naming word and category")
    func unknownCategory() {
        let error = #expect(throws: AffectError.self) {
            try NRCEmotionLexicon.parse("{\"glad\": [\"joy\", \"happiness\"]}", source: "nrc.json")
        }
        let known = ["anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust", "negative", "positive"]
        #expect(error == .unknownCategory(path: "nrc.json", word: "glad", category: "happiness", known: known))
        #expect(error?.description == "nrc.json: \"glad\" is listed under unknown category \"happiness\"; expected one of "
            + "anger, anticipation, disgust, fear, joy, sadness, surprise, trust, negative, positive")
    }

    @Test("the fetched lexicon loads whole: 6,468 words, 4,463 with an emotion", .enabled(if: NRCFixtures.fetched, NRCFixtures.notFetched))
    func fetchedLexicon() throws {
        let lexicon = try NRCEmotionLexicon.load(path: NRCFixtures.path)
        #expect(lexicon.emotions.count == 4463 && lexicon.sentimentOnlyWords == 2005)
        #expect(lexicon.emotions(of: "furious")?.contains(.anger) == true)
        #expect(lexicon.emotions(of: "afraid") == [.fear])
        #expect(lexicon.emotions(of: "happy")?.contains(.joy) == true)
        #expect(lexicon.emotions(of: "terrible") == [.anger, .disgust, .fear, .sadness])
        // EmoLex v0.92's per-emotion word counts (Mohammad & Turney): the file is the human-annotated lexicon.
        var perEmotion: [PlutchikEmotion: Int] = [:]
        for emotions in lexicon.emotions.values { for e in emotions { perEmotion[e, default: 0] += 1 } }
        #expect(perEmotion == [.anger: 1247, .anticipation: 839, .disgust: 1058, .fear: 1476,
                               .joy: 689, .sadness: 1191, .surprise: 534, .trust: 1231])
    }
}
