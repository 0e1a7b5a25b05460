import Foundation

/// Whether detected affect only goes into the trace and the log, or also shifts routing.
public enum AffectMode: String, CaseIterable, Codable, Sendable {
    case log
    case modulate
}

/// Seed 000 §5.2's affect → routing rule, applied to the gate's probabilities w:
///
///     w_language ← w_language · (0.5 + 0.3·v)     (positive valence → the social expert)
///     w_symbolic ← w_symbolic · (0.5 − 0.3·v)     (negative valence → the analytical expert)
///     w ← softmax(w / (0.1 + 0.2·a))              (high arousal → a flatter, more exploring choice)
///
/// v is valence in [−1, 1], a arousal in [0, 1]. Vision and affect weights are only rescaled by
/// the softmax. The seed applies the softmax to the weights as written (not to logits); so does
/// this, which is why even a neutral state (v = 0, a = 0: both factors 0.5, τ = 0.1) changes w.
public enum AffectModulation {
    public static func modulate(_ weights: [Double], valence v: Double, arousal a: Double) -> [Double] {
        var w = weights
        w[ExpertDomain.language.index] *= 0.5 + 0.3 * v
        w[ExpertDomain.symbolic.index] *= 0.5 - 0.3 * v
        let temperature = 0.1 + 0.2 * a
        let scaled = w.map { $0 / temperature }
        let maximum = scaled.max() ?? 0
        let exps = scaled.map { exp($0 - maximum) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
