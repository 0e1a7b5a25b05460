/// Which expert a new one is cloned from and distilled towards; raw values are the config
/// spelling (`growth_teacher:`).
public enum TeacherChoice: String, CaseIterable, Sendable {
    /// The expert with the highest lifetime share of first choices since it was switched on.
    case mostUsed = "most-used"
    /// The expert whose routed training rows were classified best over the last epoch.
    case mostAccurate = "most-accurate"
    /// The mean output of the k most-used experts; the student starts as a copy of the first.
    case committee
}

/// A point of the growth schedule: from `epoch` (1-based) on, `experts` slots are active.
public struct GrowthStage: Equatable, Sendable {
    public var epoch: Int
    public var experts: Int

    public init(epoch: Int, experts: Int) {
        self.epoch = epoch
        self.experts = experts
    }
}

/// Everything one growth run trains and how (the seed's MNIST proof of concept, in numbers a
/// config states). The defaults are the suite's: growth 1 → 3 → 6 at epochs 1, 4 and 7, new
/// experts cloned from the most-used one with N(0, 0.01²) noise and distilled with α = 1 for
/// 100 steps, then α = 0.5 until 400 steps after their birth.
public struct GrowthSettings: Sendable {
    public var modelWidth = 128
    public var expertHidden = 128
    public var topK = 2
    public var temperature: Float = 1
    /// α of the Switch balance loss over the active experts (0: none).
    public var balance: Float = 0.01
    public var stages: [GrowthStage] = [GrowthStage(epoch: 1, experts: 1), GrowthStage(epoch: 4, experts: 3),
                                        GrowthStage(epoch: 7, experts: 6)]
    /// Slots allocated; 0 means the last stage's count (neurogenesis needs spare slots).
    public var maxExperts = 0
    public var teacher: TeacherChoice = .mostUsed
    /// Whether a new expert starts as a copy of its teacher (false: its own initial values).
    public var clone = true
    /// σ of the Gaussian noise added to every cloned value (0: an exact copy).
    public var cloneNoise: Float = 0.01
    /// Steps after its birth during which a new expert is distilled with `bootstrapAlpha`.
    public var bootstrapSteps = 100
    /// Steps after its birth during which it is distilled at all (α = `distillAlpha` after the bootstrap).
    public var distillSteps = 400
    public var bootstrapAlpha: Float = 1
    public var distillAlpha: Float = 0.5
    /// Neurogenesis: spawn an expert when the gate's normalised entropy (H / ln E_active) of the
    /// training batches stays above this for `spawnPatience` steps in a row; 0: off.
    public var spawnEntropy: Double = 0
    public var spawnPatience = 200
    /// Pruning: at the end of an epoch, mask an expert switched on at least one epoch ago whose
    /// lifetime share of first choices is below this; 0: off.
    public var pruneUtilization: Double = 0
    /// `freeze_mask`: experts the optimizer never moves.
    public var frozenExperts: [Int] = []
    /// The seed's gate signals (all off by default).
    public var signals = GateSignalSettings()
    public var epochs = 10
    public var batchSize = 128
    public var learningRate: Float = 0.001
    /// Decay the learning rate along a half cosine to 0 over all steps (Loshchilov & Hutter 2017,
    /// no restarts); false: constant.
    public var cosineDecay = false

    public init() {}

    /// E_max as used.
    public var slots: Int { maxExperts > 0 ? maxExperts : (stages.map(\.experts).max() ?? 1) }

    /// The first inconsistency, as (config key, what is expected), or nil.
    public func problem() -> (key: String, expected: String)? {
        guard let first = stages.first, first.epoch == 1 else {
            return ("growth_epochs", "a list starting with 1 (the first stage is active from the first epoch)")
        }
        for (a, b) in zip(stages, stages.dropFirst()) {
            if b.epoch <= a.epoch { return ("growth_epochs", "strictly increasing epochs") }
            if b.experts <= a.experts { return ("growth_experts", "strictly increasing counts (experts are only added by the schedule)") }
        }
        if let last = stages.last, last.epoch > epochs { return ("growth_epochs", "epochs within 1...\(epochs) (task.epochs)") }
        if maxExperts > 0, maxExperts < (stages.last?.experts ?? 1) { return ("growth_max_experts", "at least the last stage's \(stages.last!.experts) experts, or 0") }
        if let bad = frozenExperts.first(where: { !(0..<slots).contains($0) }) { return ("freeze_mask", "expert indices in 0..<\(slots); got \(bad)") }
        if bootstrapSteps > distillSteps { return ("growth_bootstrap_steps", "at most growth_distill_steps (\(distillSteps))") }
        if teacher == .committee, topK < 2 { return ("growth_teacher", "most-used or most-accurate when top_k is 1 (a committee needs k ≥ 2)") }
        return nil
    }
}
