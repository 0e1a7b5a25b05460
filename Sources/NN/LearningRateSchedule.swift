#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of a learning-rate schedule after its warm-up; config spelling: "constant", "cosine".
public enum LearningRateScheduleKind: String, CaseIterable, Sendable {
    /// Stay at the peak rate after warm-up.
    case constant
    /// Half a cosine from the peak down to `peak · minRatio` at the last step.
    case cosine
}

/// The learning rate for each optimizer step: a linear warm-up to `peak`, then either constant
/// or a cosine decay to `peak · minRatio` (the schedule of HF transformers'
/// `get_cosine_schedule_with_warmup`, with nanoGPT's floor). For step s = 1, 2, …:
///
///     s ≤ W:  rate = peak · s / W                                   (W = warmupSteps > 0)
///     s > W:  constant: rate = peak
///             cosine:   progress = clamp((s − W) / (S − W), 0, 1)   (S = totalSteps)
///                       rate = peak · (minRatio + (1 − minRatio) · ½(1 + cos(π · progress)))
///
/// Steps are 1-based because a rate is asked for just before the step it drives: HF evaluates
/// its factor at the 0-based step count, so its first warm-up step trains at rate 0 and its
/// last step stops short of the floor; here step 1 trains at peak/W, step W at the peak and
/// step S at the floor, and every later step stays at the floor. Warm-up exists because Adam's
/// second-moment estimate is noisy over the first steps; the floor keeps late steps useful.
/// The rate is computed in Double and rounded once to Float.
///
///     let schedule = LearningRateSchedule(kind: .cosine, peak: 3e-3, warmupSteps: 30, totalSteps: 300, minRatio: 0.1)
///     optimizer.learningRate = schedule.rate(atStep: step)
public struct LearningRateSchedule: Sendable, Equatable {
    public let kind: LearningRateScheduleKind
    /// The rate at the end of warm-up.
    public let peak: Float
    /// Steps of linear warm-up (W); 0 starts at the peak.
    public let warmupSteps: Int
    /// The step (S) at which the cosine reaches its floor; `constant` uses it only for validation.
    public let totalSteps: Int
    /// The cosine's floor as a fraction of the peak; `constant` never decays, so it has no use for it.
    public let minRatio: Float

    public init(kind: LearningRateScheduleKind, peak: Float, warmupSteps: Int, totalSteps: Int, minRatio: Float) {
        precondition(peak > 0 && peak.isFinite, "LearningRateSchedule: peak must be a finite rate > 0, got \(peak)")
        precondition(minRatio >= 0 && minRatio <= 1,
                     "LearningRateSchedule: minRatio is the floor as a fraction of the peak and must be in [0, 1], got \(minRatio)")
        precondition(warmupSteps >= 0, "LearningRateSchedule: warmupSteps must be ≥ 0 (0 for no warm-up), got \(warmupSteps)")
        precondition(totalSteps >= 1, "LearningRateSchedule: totalSteps must be ≥ 1, got \(totalSteps)")
        precondition(warmupSteps <= totalSteps,
                     "LearningRateSchedule: warmupSteps (\(warmupSteps)) must not exceed totalSteps (\(totalSteps)); shorten the warm-up or train longer")
        self.kind = kind
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.minRatio = minRatio
    }

    /// The rate for optimizer step `step` (1-based).
    public func rate(atStep step: Int) -> Float {
        precondition(step >= 1, "LearningRateSchedule.rate: steps are counted from 1, got \(step)")
        let peak = Double(self.peak)
        if step <= warmupSteps {
            return Float(peak * Double(step) / Double(warmupSteps))
        }
        switch kind {
        case .constant:
            return self.peak
        case .cosine:
            // With W = S there is nothing to decay over: every step after the warm-up is at the floor.
            let span = totalSteps - warmupSteps
            let progress = span == 0 ? 1 : min(1, Double(step - warmupSteps) / Double(span))
            let floor = Double(minRatio)
            return Float(peak * (floor + (1 - floor) * 0.5 * (1 + cos(Double.pi * progress))))
        }
    }
}
