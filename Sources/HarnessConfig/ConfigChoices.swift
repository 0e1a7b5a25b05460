/// The closed sets that only the harness knows (lower targets own theirs: `MoEConfig.RouterKind`,
/// `LoadBalancingKind`, `ResetMechanism`, `SurrogateKind`, `MixerKind.Name`, `SequenceTaskKind`,
/// `RoutingPolicyKind`). Raw values are the config spelling, so the schema's accepted values,
/// the parser (`init(rawValue:)`) and every exhaustive switch read the same list.

/// `task.dataset`: the IDX image set, or `sequence` for `model: sequence` (task set per variant).
public enum DatasetKind: String, CaseIterable, Sendable {
    case fashionMNIST = "fashion-mnist"
    case mnist
    /// MNIST under `task.domains` fixed pixel permutations (domain 0 the identity), image i in
    /// domain i mod K: the routed benchmark, where each domain needs its own features.
    case permutedMNIST = "permuted-mnist"
    case sequence
    /// No data set: the perf suite's micro-benchmarks and the reliability checks make their inputs.
    case noData = "none"
    /// A git history, mined per variant from `repository` at `revision` (model micro-experts).
    case git
}

/// `run_order`: the order a suite's (variant, seed) runs execute in. Results do not depend on
/// it; timings do, because shared machines go through slower and faster phases.
public enum RunOrder: String, CaseIterable, Sendable {
    /// Each variant's seeds back to back, variants in file order.
    case byVariant = "by-variant"
    /// Every variant once for the first seed, then again for the next: each seed is one pass of
    /// the suite, so figures of one seed were measured minutes apart, not the suite's length, and
    /// the passes show how far a ratio moves between them (the perf suite).
    case bySeed = "by-seed"
}

/// `model`: which experiment kind runs the variant.
public enum ModelKind: String, CaseIterable, Sendable {
    case mlp
    case moe
    case sequence
    case onlineRouter = "online-router"
    /// Micro-benchmarks of the kernels (experiments/perf.yaml).
    case perf
    /// Small experts trained on a repository's git history, ranking the files a commit touches
    /// (experiments/micro-experts.yaml).
    case microExperts = "micro-experts"
    /// The harness's own reliability checks (experiments/reliability.yaml).
    case reliability
    /// Affect detection (VADER) scored against human ratings (experiments/affect.yaml).
    case affect
    /// Diehl & Cook's (2015) unsupervised STDP network classifying MNIST
    /// (experiments/diehl-cook.yaml).
    case diehlCook = "diehl-cook"
    /// An MLP learning a split protocol task after task (Split MNIST, van de Ven & Tolias 2019;
    /// experiments/continual.yaml).
    case continual
    /// Seed 001's growth model: experts switched on by a schedule, each cloned and distilled from
    /// a teacher, with freeze masks, neurogenesis and pruning (experiments/growth.yaml).
    case growth
    /// The full request pipeline: affect, memory, routing over domain experts, aggregation,
    /// per-stage latency (experiments/pipeline.yaml).
    case pipeline
    /// The long-term memory's approximate (IVF) index against exact cosine search on real
    /// images: recall@k and speed-up (experiments/memory.yaml).
    case memoryIndex = "memory-index"
}

/// `select_epoch`: which epoch's parameters an image classifier is evaluated with.
public enum EpochSelection: String, CaseIterable, Sendable {
    /// The parameters after the last epoch.
    case last
    /// The parameters after the epoch with the highest validation accuracy (the first of ties):
    /// model selection on validation, never on test.
    case bestValidation = "best-validation"
}

/// `optimizer`.
public enum OptimizerKind: String, CaseIterable, Sendable {
    /// L2 decay added to the gradient.
    case adam
    /// Decoupled weight decay (Loshchilov & Hutter).
    case adamw
    /// With momentum.
    case sgd
}

/// `stream_split`: the images the online router sees.
public enum StreamSplit: String, CaseIterable, Sendable {
    case test
    case validation
}

/// `shift`: the domain shift at the stream's midpoint.
public enum DomainShift: String, CaseIterable, Sendable {
    /// Rotate the experts' index order by one: what is rewarded changes, the inputs do not.
    case rotate
    /// Permute the router's context features by a fixed seeded permutation: what the router
    /// sees changes, which expert is right for an image does not.
    case permuteFeatures = "permute-features"
    case none
}

/// `router_features`: what the online router sees of an image.
public enum RouterFeatureKind: String, CaseIterable, Sendable {
    case pixels
    case pooled
    case projected
}

/// `lr_decay`: how the learning rate moves over training (growth model).
public enum LearningRateDecay: String, CaseIterable, Sendable {
    case none
    /// η_t = η · ½ (1 + cos(π t / T)) over the T steps of the run.
    case cosine
}
