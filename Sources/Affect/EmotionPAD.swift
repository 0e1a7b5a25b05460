/// A point in Mehrabian and Russell's pleasure–arousal–dominance space, each axis in [−1, 1].
public struct PADPoint: Sendable, Equatable, Codable {
    public var pleasure: Double
    public var arousal: Double
    public var dominance: Double

    public init(pleasure: Double, arousal: Double, dominance: Double) {
        self.pleasure = pleasure
        self.arousal = arousal
        self.dominance = dominance
    }
}

/// Arousal and dominance of a text from the emotions it evokes, through the published PAD
/// coordinates of emotion terms.
///
/// Russell & Mehrabian (1977), "Evidence for a three-factor theory of emotions", Journal of
/// Research in Personality 11(3):273–294, scaled 151 emotion-denoting terms on pleasure, arousal
/// and dominance, each in [−1, 1]. Their table has no entry named after each of Plutchik's
/// emotions; the terms used are:
///
///     emotion        term used (R&M 1977 no.)    P      A      D
///     anger          angry        (82)          −0.51   0.59   0.25
///     anticipation   interested   (8)            0.64   0.51   0.17   nearest listed term
///     disgust        disgust(ed)  (75)          −0.60   0.35   0.11
///     fear           fearful      (101)         −0.64   0.60  −0.43
///     joy            happy        (31)           0.81   0.51   0.46
///     sadness        sad          (151)         −0.63  −0.27  −0.33
///     surprise       surprised    (52)           0.40   0.67  −0.13
///     trust          respectful   (45)           0.38   0.13  −0.08   nearest listed term
///
/// Source of the numbers: a secondary tabulation of the 1977 table with its term numbers,
/// github.com/GamSeong-HwaBaek/GamSeong-HwaBaek, file Emotion-PAD.md (commit 1239f041), which
/// also chose "interested" for anticipation and "respectful" for trust. The values for anger,
/// disgust, fear, sadness and surprise recur unchanged wherever the Ekman emotions' PAD
/// centroids are attributed to Russell & Mehrabian (1977); for joy, "happy" (0.81, 0.51, 0.46) is
/// used, while a "joy" of (0.76, 0.48, 0.35) also circulates under the same attribution. The
/// primary table was not at hand: check these against it before quoting them as Mehrabian's.
///
/// A text's arousal and dominance are the hit-weighted means of its emotions' A and D, mapped
/// from [−1, 1] to [0, 1] by x ↦ (x + 1) / 2:
///
///     arousal   = Σ_e n_e · (A_e + 1) / 2  /  Σ_e n_e
///     dominance = Σ_e n_e · (D_e + 1) / 2  /  Σ_e n_e        (n_e = EmotionCounts[e])
///
/// A text without an emotion word gets `neutral`: arousal 0 (nothing arousing was found) and
/// dominance 0.5 (the midpoint: neither dominant nor submissive).
public enum EmotionPAD {
    /// Russell & Mehrabian's (1977) coordinates of the term standing for each emotion (table above).
    public static func coordinates(of emotion: PlutchikEmotion) -> PADPoint {
        switch emotion {
        case .anger: return PADPoint(pleasure: -0.51, arousal: 0.59, dominance: 0.25)
        case .anticipation: return PADPoint(pleasure: 0.64, arousal: 0.51, dominance: 0.17)
        case .disgust: return PADPoint(pleasure: -0.60, arousal: 0.35, dominance: 0.11)
        case .fear: return PADPoint(pleasure: -0.64, arousal: 0.60, dominance: -0.43)
        case .joy: return PADPoint(pleasure: 0.81, arousal: 0.51, dominance: 0.46)
        case .sadness: return PADPoint(pleasure: -0.63, arousal: -0.27, dominance: -0.33)
        case .surprise: return PADPoint(pleasure: 0.40, arousal: 0.67, dominance: -0.13)
        case .trust: return PADPoint(pleasure: 0.38, arousal: 0.13, dominance: -0.08)
        }
    }

    /// The Russell & Mehrabian (1977) term each emotion's coordinates belong to.
    public static func term(of emotion: PlutchikEmotion) -> String {
        switch emotion {
        case .anger: return "angry"
        case .anticipation: return "interested"
        case .disgust: return "disgust"
        case .fear: return "fearful"
        case .joy: return "happy"
        case .sadness: return "sad"
        case .surprise: return "surprised"
        case .trust: return "respectful"
        }
    }

    /// Arousal and dominance of a text without an emotion word.
    public static let neutral = (arousal: 0.0, dominance: 0.5)

    /// x ∈ [−1, 1] ↦ (x + 1) / 2 ∈ [0, 1].
    public static func unit(_ x: Double) -> Double { (x + 1) / 2 }

    /// Arousal and dominance in [0, 1] of a text with these emotion counts (see the type's
    /// documentation); `neutral` when there is no hit.
    public static func arousalDominance(_ counts: EmotionCounts) -> (arousal: Double, dominance: Double) {
        let total = counts.total
        guard total > 0 else { return neutral }
        var arousal = 0.0, dominance = 0.0
        for emotion in PlutchikEmotion.allCases where counts[emotion] > 0 {
            let n = Double(counts[emotion]), point = coordinates(of: emotion)
            arousal += n * unit(point.arousal)
            dominance += n * unit(point.dominance)
        }
        return (arousal / Double(total), dominance / Double(total))
    }
}
