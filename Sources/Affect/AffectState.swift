/// The affect of one utterance (or, from `AffectTracker`, of a conversation so far).
public struct AffectState: Codable, Equatable, Sendable {
    /// Negative to positive, in [−1, 1]: VADER's compound score.
    public var valence: Double
    /// Calm to excited, in [0, 1] (`EmotionPAD`).
    public var arousal: Double
    /// Submissive to dominant, in [0, 1] (`EmotionPAD`).
    public var dominance: Double
    /// The dominant emotion, nil when the text has no emotion word.
    public var emotion: PlutchikEmotion?
    /// In [0, 1]: the dominant emotion's share of the emotion hits (`EmotionCounts.confidence`);
    /// 0 without an emotion.
    public var confidence: Double
    /// When the utterance was made, in seconds on the caller's clock (e.g. since the session
    /// began); the detector does not read a clock, so the same input gives the same state.
    public var time: Double

    public init(valence: Double, arousal: Double, dominance: Double, emotion: PlutchikEmotion?, confidence: Double, time: Double) {
        self.valence = valence
        self.arousal = arousal
        self.dominance = dominance
        self.emotion = emotion
        self.confidence = confidence
        self.time = time
    }
}

/// Affect of a text from two human-annotated lexicons: valence from VADER (graded ratings, with
/// its negation, booster, capitals, punctuation and "but" rules), emotion from the NRC Emotion
/// Lexicon, arousal and dominance from those emotions through Russell & Mehrabian's PAD
/// coordinates (`EmotionPAD`). Both read the same tokens: VADER's, emoji spelled out by VADER's
/// emoji lexicon.
public struct AffectDetector: Sendable {
    public let vader: VaderSentiment
    public let nrc: NRCEmotionLexicon

    public init(vader: VaderSentiment, nrc: NRCEmotionLexicon) {
        self.vader = vader
        self.nrc = nrc
    }

    /// Reads the lexicons from where scripts/fetch-vader.py and scripts/fetch-nrc.py put them.
    public static func load(vaderDirectory: String = "/usr/share/datasets/vader", nrcPath: String = NRCEmotionLexicon.defaultPath) throws -> AffectDetector {
        AffectDetector(vader: try VaderSentiment.load(directory: vaderDirectory), nrc: try NRCEmotionLexicon.load(path: nrcPath))
    }

    /// The emotion counts of `text`.
    public func emotionCounts(_ text: String) -> EmotionCounts {
        EmotionCounts(text, lexicon: nrc, emoji: vader.emoji)
    }

    /// The affect of `text`, said at `time` (seconds on the caller's clock).
    public func detect(_ text: String, at time: Double) -> AffectState {
        let counts = emotionCounts(text)
        let pad = EmotionPAD.arousalDominance(counts)
        return AffectState(valence: vader.polarityScores(text).compound, arousal: pad.arousal, dominance: pad.dominance,
                           emotion: counts.dominantEmotion, confidence: counts.confidence, time: time)
    }
}
