import Affect
import Foundation
import Testing

/// Each rule on one short text, with the arithmetic written out, on the committed tiny lexicon
/// (real valences copied from vader_lexicon.txt): these run everywhere, with or without a fetch.
@Suite("VADER rules, hand-computed with the tiny lexicon")
struct VaderHandComputedTests {
    let vader: VaderSentiment

    init() throws {
        vader = try AffectFixtures.tinyAnalyzer()
    }

    /// compound = s / √(s² + 15)
    static func normalized(_ s: Double) -> Double { s / (s * s + 15).squareRoot() }

    func expectCompound(_ text: String, valenceSum s: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = vader.polarityScores(text).compound
        let expected = Self.normalized(s)
        #expect(abs(actual - expected) < 1e-12, "\(text.debugDescription): compound \(actual), hand-computed \(expected) from s = \(s)",
                sourceLocation: sourceLocation)
    }

    @Test("one lexicon word: \"good\" 1.9 → 1.9 / √(1.9² + 15) = 0.4404, all positive")
    func singleWord() {
        expectCompound("good", valenceSum: 1.9)
        let scores = vader.polarityScores("The good")
        // "the" neutral (weight 1), "good" positive (weight 1.9 + 1 = 2.9): pos = 2.9 / 3.9
        #expect(abs(scores.positive - 2.9 / 3.9) < 1e-15 && abs(scores.neutral - 1 / 3.9) < 1e-15 && scores.negative == 0)
        #expect(scores.roundedLikeReference.compound == 0.4404)
    }

    @Test("negation one, two and three words before: × −0.74; \"n't\" inside any word negates")
    func negation() {
        expectCompound("not good", valenceSum: 1.9 * -0.74)             // −1.406 → −0.3412
        expectCompound("isn't a good", valenceSum: 1.9 * -0.74)
        expectCompound("wouldn't be a good", valenceSum: 1.9 * -0.74)
        expectCompound("xyzn't good", valenceSum: 1.9 * -0.74)
        expectCompound("not this is a good", valenceSum: 1.9)          // four words before: too far
        #expect(vader.polarityScores("not good").roundedLikeReference.compound == -0.3412)
    }

    @Test("boosters add 0.293 away from zero, scaled 0.95 and 0.9 at distance two and three; dampeners subtract")
    func boosters() {
        expectCompound("very good", valenceSum: 1.9 + 0.293)            // 2.193 → 0.4927
        expectCompound("very bad", valenceSum: -2.5 - 0.293)
        expectCompound("very the good", valenceSum: 1.9 + 0.293 * 0.95)
        expectCompound("very the a good", valenceSum: 1.9 + 0.293 * 0.9)
        expectCompound("slightly good", valenceSum: 1.9 - 0.293)
        expectCompound("very very good", valenceSum: 1.9 + 0.293 + 0.293 * 0.95)
    }

    @Test("ALL CAPS among mixed case adds 0.733; when every word is in capitals it adds nothing")
    func capitals() {
        expectCompound("GOOD movie", valenceSum: 1.9 + 0.733)           // 2.633 → 0.5622
        expectCompound("BAD movie", valenceSum: -2.5 - 0.733)
        expectCompound("GOOD MOVIE", valenceSum: 1.9)
        expectCompound("VERY good", valenceSum: 1.9 + 0.293 + 0.733)    // the booster in capitals
        expectCompound(":D good", valenceSum: 1.9)                     // ":D" counts as upper case, like Python
    }

    @Test("\"but\": valences before it × 0.5, after it × 1.5; proportions follow")
    func contrastiveBut() {
        // [1.9, 0, −2.5] → [0.95, 0, −3.75], s = −2.8 → −0.5859
        expectCompound("good but bad", valenceSum: 0.95 - 3.75)
        let scores = vader.polarityScores("good but bad")
        // masses: positive 0.95 + 1 = 1.95, negative |−3.75 − 1| = 4.75, neutral 1; total 7.7
        #expect(abs(scores.positive - 1.95 / 7.7) < 1e-15 && abs(scores.negative - 4.75 / 7.7) < 1e-15 && abs(scores.neutral - 1 / 7.7) < 1e-15)
    }

    @Test("\"but\" rewrites the first equal value, as the package does: [3, 0, 1.5] becomes [0.75, 0, 1.5]")
    func butFindsValuesByEquality() {
        let vader = VaderSentiment(lexicon: VaderLexicon(valences: ["great": 3.0, "okay": 1.5]))
        // k = 0: 3 → 1.5 at index 0; k = 2: the value 1.5 is first found at index 0 (< but) → 0.75
        #expect(abs(vader.polarityScores("great but okay").compound - Self.normalized(0.75 + 1.5)) < 1e-12)
    }

    @Test("exclamation marks add 0.292 each up to four; two or three question marks 0.18 each, more 0.96")
    func punctuation() {
        expectCompound("good!!!", valenceSum: 1.9 + 3 * 0.292)          // 2.776 → 0.5826
        expectCompound("good!!!!!!", valenceSum: 1.9 + 4 * 0.292)
        expectCompound("bad!!", valenceSum: -2.5 - 2 * 0.292)
        expectCompound("good?", valenceSum: 1.9)
        expectCompound("good??", valenceSum: 1.9 + 2 * 0.18)
        expectCompound("good?????", valenceSum: 1.9 + 0.96)
        expectCompound("!!!", valenceSum: 0)                           // no sentiment: nothing to amplify
    }

    @Test("\"kind of\" before a word: \"kind\" scores 0 and the bigram dampens by 0.293 from three words back")
    func kindOf() {
        // "kind" is in the lexicon (2.4) but not as "kind of"; "good" at i = 3 sees "kind of" as w₋₂ w₋₁
        expectCompound("only kind of good", valenceSum: 1.9 - 0.293)     // 1.607 → 0.3832
        expectCompound("a kind man", valenceSum: 2.4)
    }

    @Test("\"least\" negates unless after \"at\" or \"very\"; \"never so\" emphasises by 1.25")
    func leastAndNeverSo() {
        expectCompound("least good", valenceSum: 1.9 * -0.74)
        expectCompound("the least good", valenceSum: 1.9 * -0.74)
        expectCompound("at least good", valenceSum: 1.9)
        expectCompound("never so good", valenceSum: (1.9 + 0.293) * 1.25)  // 2.74125 → 0.5777
        expectCompound("never good", valenceSum: 1.9 * -0.74)
    }

    @Test("\"no\" before a lexicon word scores 0 itself and negates the word")
    func no() {
        expectCompound("no good", valenceSum: 1.9 * -0.74)
        expectCompound("no", valenceSum: -1.2)
        expectCompound("no or bad", valenceSum: -1.2 + -2.5 * -0.74)    // "no" then "bad" two later
    }

    @Test("special phrases replace the valence: \"the shit\" 3, \"bad ass\" 1.5")
    func specialPhrases() {
        expectCompound("a b the shit", valenceSum: 3)
        expectCompound("a b bad ass", valenceSum: -2.5 + 1.5)            // "ass" (i = 3) becomes 1.5; "bad" (i = 2) is too early for the check
    }

    @Test("emoji become their descriptions; entries of two code points never match")
    func emoji() {
        // "💘" → "heart with arrow": heart 3.2
        expectCompound("💘", valenceSum: 3.2)
        // "🔛" → "ON! arrow": no lexicon word, so its "!" has nothing to amplify
        expectCompound("good 🔛", valenceSum: 1.9 + 0.292)
        // "☺️" is U+263A U+FE0F: only U+263A is looked up ("smiling face"), neither word is in the tiny lexicon
        expectCompound("☺️ good", valenceSum: 1.9)
    }

    @Test("empty, whitespace-only and punctuation-only texts")
    func degenerate() {
        #expect(vader.polarityScores("") == .zero)
        #expect(vader.polarityScores(" \t\u{3000} ") == .zero)
        #expect(vader.polarityScores("...") == SentimentScores(negative: 0, neutral: 1, positive: 0, compound: 0))
    }

    @Test("rounding like Python's round: ties to even on the exact binary value")
    func rounding() {
        let scores = SentimentScores(negative: 0.0625, neutral: 0.1235, positive: 0.2665, compound: 0.44055)
        // 0.0625 is exact, a tie: to even, 0.062. The others are ties in decimal only: 0.1235 is
        // stored as 0.12349999…: 0.123; 0.2665 as 0.26650000…1: 0.267; 0.44055 as 0.44054999…: 0.4405
        #expect(scores.roundedLikeReference == SentimentScores(negative: 0.062, neutral: 0.123, positive: 0.267, compound: 0.4405))
    }
}
