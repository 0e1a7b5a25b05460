/// The affect of a conversation so far: each utterance's `AffectState` smoothed into a running
/// state. Codable, so a session can persist it and resume.
///
/// Only exponential smoothing is offered (a learned recurrent tracker would need training data
/// with affect labels per turn, which the installed sets do not have). With smoothing factor
/// α ∈ (0, 1], each observation x updates the state s dimension by dimension:
///
///     s ← α·x + (1 − α)·s          for valence, arousal, dominance and confidence
///     w ← α·c·onehot(e) + (1 − α)·w   for the eight emotion weights w
///     emotion = argmax w (ties to the earlier `PlutchikEmotion` case; nil while w = 0)
///     time    = the observation's time
///
/// where e is the observation's emotion and c its confidence (an observation without an emotion
/// adds nothing to w, so its weights only decay). The first observation initialises s and w
/// (s = x, w = c·onehot(e)) rather than being pulled toward an arbitrary start. α = 1 follows the
/// latest utterance; smaller α remembers longer (weight (1 − α)^k after k more utterances).
/// Observation times only order the updates; the smoothing does not depend on the gaps between them.
public struct AffectTracker: Codable, Equatable, Sendable {
    /// How the state is smoothed.
    public enum Mode: Codable, Equatable, Sendable {
        /// s ← α·x + (1 − α)·s, α ∈ (0, 1].
        case exponential(alpha: Double)

        var isValid: Bool {
            switch self {
            case let .exponential(alpha): return alpha > 0 && alpha <= 1
            }
        }
    }

    public let mode: Mode
    /// The smoothed state; nil before the first observation.
    public private(set) var state: AffectState?
    /// Smoothed emotion weights, one per `PlutchikEmotion` in `allCases` order.
    public private(set) var emotionWeights: [Double]

    public init(mode: Mode) {
        precondition(mode.isValid, "AffectTracker: smoothing factor must be in (0, 1], got \(mode)")
        self.mode = mode
        self.state = nil
        self.emotionWeights = Array(repeating: 0, count: PlutchikEmotion.allCases.count)
    }

    /// Folds in one utterance's affect and returns the smoothed state.
    @discardableResult
    public mutating func update(_ x: AffectState) -> AffectState {
        var observed = Array(repeating: 0.0, count: PlutchikEmotion.allCases.count)
        if let e = x.emotion { observed[e.index] = x.confidence }
        guard let s = state else {
            emotionWeights = observed
            state = x
            return x
        }
        let alpha: Double
        switch mode {
        case let .exponential(a): alpha = a
        }
        func smooth(_ new: Double, _ old: Double) -> Double { alpha * new + (1 - alpha) * old }
        emotionWeights = zip(observed, emotionWeights).map { smooth($0, $1) }
        let next = AffectState(valence: smooth(x.valence, s.valence), arousal: smooth(x.arousal, s.arousal),
                               dominance: smooth(x.dominance, s.dominance), emotion: PlutchikEmotion.argmax(emotionWeights),
                               confidence: smooth(x.confidence, s.confidence), time: x.time)
        state = next
        return next
    }

    private enum CodingKeys: String, CodingKey { case mode, state, emotionWeights }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decode(Mode.self, forKey: .mode)
        state = try container.decodeIfPresent(AffectState.self, forKey: .state)
        emotionWeights = try container.decode([Double].self, forKey: .emotionWeights)
        guard mode.isValid else {
            throw DecodingError.dataCorruptedError(forKey: .mode, in: container, debugDescription: "smoothing factor must be in (0, 1], found \(mode)")
        }
        guard emotionWeights.count == PlutchikEmotion.allCases.count else {
            throw DecodingError.dataCorruptedError(forKey: .emotionWeights, in: container,
                                                   debugDescription: "expected \(PlutchikEmotion.allCases.count) emotion weights, found \(emotionWeights.count)")
        }
    }
}
