import Affect
import Foundation
import Testing

/// Emotion counts, PAD mapping, the detector and the tracker, hand-computed on the committed tiny
/// lexicons (entries copied unchanged from nrc_en.json and vader_lexicon.txt).
@Suite("Affect state, hand-computed with the tiny lexicons")
struct AffectStateTests {
    let nrc: NRCEmotionLexicon

    init() throws {
        nrc = try NRCFixtures.tiny()
    }

    func counts(_ text: String) -> EmotionCounts { EmotionCounts(text, lexicon: nrc) }

    /// x ∈ [−1, 1] ↦ [0, 1].
    static func unit(_ x: Double) -> Double { (x + 1) / 2 }

    @Test("each emotion of each word counts once; ties go to the alphabetically first emotion")
    func countsAndTies() {
        // furious: anger, disgust; happy: anticipation, joy, trust — five emotions, one hit each.
        let c = counts("I am FURIOUS!!! and happy")
        #expect(c.counts == [1, 1, 1, 0, 1, 0, 0, 1] && c.emotionWords == 2 && c.total == 5)
        #expect(c.dominantEmotion == .anger)                  // five-way tie → anger
        #expect(c.confidence == 1.0 / 5)
    }

    @Test("repeated words count each time; confidence is the top emotion's share of the hits")
    func repeatedWords() {
        // hate ×2: anger, disgust, fear, sadness; abandon: fear, sadness → fear 3, sadness 3, anger 2, disgust 2.
        let c = counts("I hate, hate to abandon you")
        #expect(c[.fear] == 3 && c[.sadness] == 3 && c[.anger] == 2 && c[.disgust] == 2 && c.total == 10)
        #expect(c.dominantEmotion == .fear && c.confidence == 0.3 && c.emotionWords == 3)
    }

    @Test("negation flips nothing; sentiment-only and unknown words count nothing")
    func negationAndNone() {
        #expect(counts("not happy") == counts("happy"))
        let none = counts("ABBA is a band.")
        #expect(none == .none && none.dominantEmotion == nil && none.confidence == 0)
    }

    @Test("PAD: arousal and dominance are the hit-weighted means of (A + 1)/2 and (D + 1)/2")
    func padMapping() {
        // furious: anger (A 0.59, D 0.25), disgust (A 0.35, D 0.11):
        // arousal = (0.795 + 0.675) / 2 = 0.735; dominance = (0.625 + 0.555) / 2 = 0.59.
        let furious = EmotionPAD.arousalDominance(counts("furious"))
        #expect(abs(furious.arousal - 0.735) < 1e-12 && abs(furious.dominance - 0.59) < 1e-12)
        // anger 2, disgust 2, fear 3 (A 0.60, D −0.43), sadness 3 (A −0.27, D −0.33):
        // arousal = (2·0.795 + 2·0.675 + 3·0.8 + 3·0.365) / 10 = 6.435 / 10
        // dominance = (2·0.625 + 2·0.555 + 3·0.285 + 3·0.335) / 10 = 4.22 / 10
        let hate = EmotionPAD.arousalDominance(counts("hate hate abandon"))
        #expect(abs(hate.arousal - 0.6435) < 1e-12 && abs(hate.dominance - 0.422) < 1e-12)
        let neutral = EmotionPAD.arousalDominance(counts("a band"))
        #expect(neutral.arousal == 0 && neutral.dominance == 0.5)
    }

    @Test("PAD coordinates are Russell & Mehrabian's (1977) for the terms named, all within [−1, 1]")
    func padTable() {
        #expect(EmotionPAD.coordinates(of: .anger) == PADPoint(pleasure: -0.51, arousal: 0.59, dominance: 0.25))
        #expect(EmotionPAD.coordinates(of: .sadness) == PADPoint(pleasure: -0.63, arousal: -0.27, dominance: -0.33))
        #expect(EmotionPAD.term(of: .trust) == "respectful" && EmotionPAD.term(of: .anticipation) == "interested")
        for e in PlutchikEmotion.allCases {
            let p = EmotionPAD.coordinates(of: e)
            #expect([p.pleasure, p.arousal, p.dominance].allSatisfy { (-1...1).contains($0) })
        }
        // Pleasure agrees in sign with the lexicon's sentiment for the unambiguous emotions.
        #expect([PlutchikEmotion.anger, .disgust, .fear, .sadness].allSatisfy { EmotionPAD.coordinates(of: $0).pleasure < 0 })
        #expect([PlutchikEmotion.joy, .trust, .anticipation].allSatisfy { EmotionPAD.coordinates(of: $0).pleasure > 0 })
    }

    @Test("the detector combines VADER's compound, NRC's emotion and the PAD mapping")
    func detector() throws {
        let detector = AffectDetector(vader: try AffectFixtures.tinyAnalyzer(), nrc: nrc)
        // "happy": VADER 2.7 → 2.7 / √(2.7² + 15); NRC anticipation, joy, trust (tie → anticipation, 1/3).
        let state = detector.detect("happy", at: 3)
        #expect(abs(state.valence - 2.7 / (2.7 * 2.7 + 15).squareRoot()) < 1e-12)
        #expect(state.emotion == .anticipation && state.confidence == 1.0 / 3 && state.time == 3)
        // arousal = (0.755 + 0.755 + 0.565) / 3, dominance = (0.585 + 0.73 + 0.46) / 3
        #expect(abs(state.arousal - 2.075 / 3) < 1e-12 && abs(state.dominance - 1.775 / 3) < 1e-12)
        let calm = detector.detect("the band", at: 4)
        #expect(calm == AffectState(valence: 0, arousal: 0, dominance: 0.5, emotion: nil, confidence: 0, time: 4))
    }

    @Test("AffectState round-trips through JSON, a missing emotion included")
    func stateCodable() throws {
        let states = [AffectState(valence: -0.25, arousal: 0.735, dominance: 0.59, emotion: .anger, confidence: 0.5, time: 12.5),
                      AffectState(valence: 0, arousal: 0, dominance: 0.5, emotion: nil, confidence: 0, time: 13)]
        let decoded = try JSONDecoder().decode([AffectState].self, from: JSONEncoder().encode(states))
        #expect(decoded == states)
    }

    @Test("exponential tracker, α = 0.5, three turns: s ← 0.5·x + 0.5·s, emotion from smoothed weights")
    func trackerThreeSteps() {
        var tracker = AffectTracker(mode: .exponential(alpha: 0.5))
        let x1 = AffectState(valence: 0.8, arousal: 0.6, dominance: 0.4, emotion: .joy, confidence: 1, time: 0)
        let x2 = AffectState(valence: -0.4, arousal: 0.2, dominance: 0.8, emotion: .anger, confidence: 0.5, time: 1)
        let x3 = AffectState(valence: 0, arousal: 0, dominance: 0.5, emotion: nil, confidence: 0, time: 2)
        // Turn 1 initialises: s = x1, w = joy 1.
        #expect(tracker.update(x1) == x1)
        #expect(tracker.emotionWeights[PlutchikEmotion.joy.index] == 1)
        // Turn 2: valence 0.5·(−0.4) + 0.5·0.8 = 0.2, arousal 0.4, dominance 0.6, confidence 0.75;
        // w: joy 0.5, anger 0.5·0.5 = 0.25 → joy.
        let s2 = tracker.update(x2)
        expectClose(s2, AffectState(valence: 0.2, arousal: 0.4, dominance: 0.6, emotion: .joy, confidence: 0.75, time: 1))
        #expect(tracker.emotionWeights[PlutchikEmotion.anger.index] == 0.25)
        // Turn 3 (no emotion): valence 0.1, arousal 0.2, dominance 0.55, confidence 0.375; w: joy 0.25, anger 0.125 → joy.
        let s3 = tracker.update(x3)
        expectClose(s3, AffectState(valence: 0.1, arousal: 0.2, dominance: 0.55, emotion: .joy, confidence: 0.375, time: 2))
        #expect(tracker.emotionWeights == [0.125, 0, 0, 0, 0.25, 0, 0, 0])
    }

    @Test("α = 1 follows the latest turn; an emotion overtakes once its smoothed weight is larger")
    func trackerAlphaAndSwitch() {
        var follow = AffectTracker(mode: .exponential(alpha: 1))
        follow.update(AffectState(valence: 0.9, arousal: 0.9, dominance: 0.9, emotion: .joy, confidence: 1, time: 0))
        let x = AffectState(valence: -0.3, arousal: 0.1, dominance: 0.2, emotion: .fear, confidence: 0.4, time: 1)
        #expect(follow.update(x) == x)
        var slow = AffectTracker(mode: .exponential(alpha: 0.5))
        slow.update(AffectState(valence: 0, arousal: 0, dominance: 0.5, emotion: .joy, confidence: 1, time: 0))
        let fear = AffectState(valence: 0, arousal: 0, dominance: 0.5, emotion: .fear, confidence: 1, time: 1)
        #expect(slow.update(fear).emotion == .fear)   // fear 0.5 = joy 0.5: tie → fear (earlier case)
        #expect(slow.update(fear).emotion == .fear)   // fear 0.75, joy 0.25
    }

    @Test("a tracker saved mid-conversation resumes exactly; a bad α in the file is an error")
    func trackerCodable() throws {
        var tracker = AffectTracker(mode: .exponential(alpha: 0.3))
        tracker.update(AffectState(valence: 0.5, arousal: 0.7, dominance: 0.4, emotion: .surprise, confidence: 0.5, time: 0))
        tracker.update(AffectState(valence: -0.2, arousal: 0.3, dominance: 0.6, emotion: .sadness, confidence: 1, time: 1))
        var resumed = try JSONDecoder().decode(AffectTracker.self, from: JSONEncoder().encode(tracker))
        #expect(resumed == tracker)
        let next = AffectState(valence: 0.1, arousal: 0.2, dominance: 0.3, emotion: .trust, confidence: 0.25, time: 2)
        #expect(resumed.update(next) == tracker.update(next))
        let bad = #"{"mode":{"exponential":{"alpha":1.5}},"emotionWeights":[0,0,0,0,0,0,0,0]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AffectTracker.self, from: Data(bad.utf8)) }
    }

    func expectClose(_ a: AffectState, _ b: AffectState, sourceLocation: SourceLocation = #_sourceLocation) {
        let pairs = [(a.valence, b.valence), (a.arousal, b.arousal), (a.dominance, b.dominance), (a.confidence, b.confidence)]
        #expect(pairs.allSatisfy { abs($0.0 - $0.1) < 1e-12 }, "\(a) ≠ \(b)", sourceLocation: sourceLocation)
        #expect(a.emotion == b.emotion && a.time == b.time, "\(a) ≠ \(b)", sourceLocation: sourceLocation)
    }
}

@Suite("Affect from the fetched lexicons", .enabled(if: AffectFixtures.lexiconsFetched && NRCFixtures.fetched, "VADER's or the NRC lexicon is not fetched: run python3 scripts/fetch-vader.py and python3 scripts/fetch-nrc.py"))
struct AffectFetchedTests {
    @Test("a few sentences get the affect their words say")
    func realSentences() throws {
        let detector = try AffectDetector.load(vaderDirectory: AffectFixtures.dataDirectory, nrcPath: NRCFixtures.path)
        let furious = detector.detect("I am furious about this!", at: 0)
        #expect(furious.emotion == .anger && furious.valence < -0.05)
        let afraid = detector.detect("I'm afraid of the dark", at: 1)     // afraid: fear; dark: sadness
        #expect(afraid.emotion == .fear && afraid.confidence == 0.5 && afraid.dominance < 0.5)
        let calm = detector.detect("The meeting is at noon", at: 2)
        #expect(calm.emotion == nil && calm.arousal == 0 && calm.dominance == 0.5)
    }
}
