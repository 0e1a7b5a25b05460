import MicroExperts

/// `expert`: which model a micro-experts run evaluates.
public enum MicroExpertsModel: String, CaseIterable, Sendable {
    /// Commit message → files (naive Bayes over message and path words, recency prior).
    case file
    /// Changed files → the test files that change with them.
    case test
    /// Changed files → the documentation files that change with them.
    case doc
    /// Changed files → the cascade of files large commits changed with them.
    case refactor
    /// Error text → files, learned from fix commits that mention errors.
    case error
    /// The five experts routed by `routing`, their confidences calibrated by `calibration` and
    /// combined by `aggregation` with weights learned on the validation period.
    case voted
    /// Baselines: files by recency of change, by frequency of change, in a seeded random order,
    /// and co-change association rules (Zimmermann et al. 2004).
    case mostRecent = "most-recent"
    case mostFrequent = "most-frequent"
    case random
    case coChangeRules = "co-change-rules"

    /// The models an expert must beat.
    public var isBaseline: Bool {
        switch self {
        case .mostRecent, .mostFrequent, .random, .coChangeRules: return true
        case .file, .test, .doc, .refactor, .error, .voted: return false
        }
    }
}

/// The `base` keys of `model: micro-experts` (experiments/micro-experts.yaml): which history,
/// which model, which task, and the evaluation protocol. All carry `models: ["micro-experts"]`,
/// so no other suite's canonical form or hash changes.
///
/// Why the history (repository, revision) is a base key and not a task key: a suite has one
/// `task` section, variants override only `base`, and one suite compares the models on two
/// histories. `task.dataset` is `git`.
extension ExperimentSchema {
    static let microExpertsKeys: [FieldSpec] = {
        let m = ["micro-experts"]
        return [
            FieldSpec("repository", .string, default: .string(""),
                      help: "required: the repository directory or `git bundle` file whose history is mined, relative to the directory biomoe runs in (the repository root)", models: m),
            FieldSpec("revision", .string, default: .string(""),
                      help: "required: the revision whose first-parent history is evaluated. For a directory, a full commit hash (a branch moves with every commit, and the suite must see the same history on every rerun); for a bundle, which fixes its history, a branch such as main is enough", models: m),
            FieldSpec("expert", .oneOf(MicroExpertsModel.self), default: .choice(MicroExpertsModel.file),
                      help: "the model: one of the five experts, the voted ensemble, or a baseline (most-recent, most-frequent, random, co-change association rules)", models: m),
            FieldSpec("ranking_task", .oneOf(RankingTask.self), default: .choice(RankingTask.filesFromMessage),
                      help: "what a test commit asks: every file it touched given its message, or the other files given its message and one of its files (drawn by seed; one-file commits skipped)", models: m),
            FieldSpec("routing", .oneOf(RoutingMode.self), default: .choice(RoutingMode.keywordRules),
                      help: "expert voted: which experts a query goes to — the intent's row of the routing table by keyword rules or by the naive-Bayes intent classifier, the 0.6 gate + 0.4 self-assessment router (top 2, load penalty), or every expert", models: m),
            FieldSpec("aggregation", .oneOf(AggregationStrategy.self), default: .choice(AggregationStrategy.weighted),
                      help: "expert voted: how the experts' rankings combine — confidence-weighted sum, weighted votes of each expert's top 10, or sequential (the first expert's ranking, then each later one's new items)", models: m),
            FieldSpec("calibration", .oneOf(CalibrationMethod.self), default: .choice(CalibrationMethod.temperature),
                      help: "the map fitted on the validation period to confidences: applied to each expert before voting (voted), and to the model's own confidences for the calibrated ECE", models: m),
            FieldSpec("train_fraction", .double(0.05...0.95), default: .double(0.8),
                      help: "the first fraction of the first-parent history (in commit order) that the models learn from; the rest is the test period", models: m),
            FieldSpec("validation_fraction", .double(0...0.5), default: .double(0.1),
                      help: "the last fraction of the training part held out to fit weights and calibration (by models trained on what precedes it) and to select models; final models train on all of it", models: m),
            FieldSpec("bootstrap_samples", .int(100...100_000), default: .int(2000),
                      help: "resamples of the test commits behind the report's 95 % intervals (per model and paired between models)", models: m),
        ]
    }()
}
