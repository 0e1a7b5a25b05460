import Datasets
import HarnessConfig
import HarnessStore

/// Builds the experiment for a run from its config, by explicit name (asv-style: nothing is
/// discovered by reflection). Data sets are loaded once per registry and shared.
public final class Registry {
    private var imageSplits: [String: ImageClassificationSplits] = [:]
    private var corpora: [String: CharacterCorpus] = [:]
    private let groupExperts = GroupExpertCache()
    private let gitHistories = GitHistoryCache()

    public init() {}

    /// Loads every input the suite needs before anything is written, so a missing data file
    /// fails the command while the database is still untouched. Git histories are mined here,
    /// once per (repository, revision), whatever the number of runs that use them.
    public func prepare(_ suite: SuiteSpec) throws {
        let dataset = suite.task["dataset"]?.stringValue ?? ""
        switch DatasetKind(rawValue: dataset) {
        case .fashionMNIST, .mnist, .permutedMNIST: _ = try splits(for: suite.task)
        case .sequence, .noData, .git, nil: break
        }
        for variant in suite.variants where variant.resolved["seq_task"]?.stringValue == "char-lm"
            || variant.resolved["model"]?.stringValue == ModelKind.pipeline.rawValue {
            _ = try corpus(at: variant.resolved["char_corpus"]?.stringValue ?? CharacterCorpus.jargonFilePath)
        }
        for variant in suite.variants where variant.resolved["model"]?.stringValue == ModelKind.microExperts.rawValue {
            guard dataset == DatasetKind.git.rawValue else {
                throw ConfigError(file: suite.sourcePath, line: nil, keyPath: "task.dataset",
                                  message: "'\(dataset)' cannot feed model micro-experts (variant \(variant.name)); expected git")
            }
            let source = "\(suite.sourcePath): variants.\(variant.name)"
            _ = try gitHistories.history(repository: variant.resolved["repository"]?.stringValue ?? "",
                                         revision: variant.resolved["revision"]?.stringValue ?? "", source: source)
        }
    }

    public func experiment(for spec: RunSpec) throws -> Experiment {
        switch try spec.choice("model", as: ModelKind.self) {
        case .mlp, .moe:
            return ImageClassificationExperiment(spec: spec, data: try splits(for: spec.task))
        case .sequence:
            let task = try spec.choice("seq_task", as: SequenceTaskKind.self)
            let corpus = task == .charLM ? try corpus(at: try spec.string("char_corpus")) : nil
            return SequenceExperiment(spec: spec, corpus: corpus)
        case .onlineRouter:
            return RoutingLearningExperiment(spec: spec, data: try splits(for: spec.task), experts: groupExperts)
        case .perf:
            return PerfExperiment(spec: spec)
        case .microExperts:
            return MicroExpertsExperiment(spec: spec, history: try gitHistories.history(for: spec))
        case .reliability:
            return ReliabilityExperiment(spec: spec)
        case .affect:
            return AffectExperiment(spec: spec)
        case .diehlCook:
            return DiehlCookExperiment(spec: spec, data: try splits(for: spec.task))
        case .continual:
            return ContinualExperiment(spec: spec, data: try splits(for: spec.task))
        case .growth:
            return GrowthExperiment(spec: spec, data: try splits(for: spec.task))
        case .memoryIndex:
            return MemoryIndexExperiment(spec: spec)
        case .pipeline:
            return PipelineExperiment(spec: spec, data: try splits(for: spec.task), corpus: try corpus(at: try spec.string("char_corpus")))
        }
    }

    /// The char-lm corpus; 5 % before the 10 % held-out tail is the validation split.
    private func corpus(at path: String) throws -> CharacterCorpus {
        if let cached = corpora[path] { return cached }
        let loaded = try CharacterCorpus.load(path: path, heldOutFraction: 0.1, validationFraction: 0.05)
        corpora[path] = loaded
        return loaded
    }

    private func splits(for task: [String: ConfigValue]) throws -> ImageClassificationSplits {
        let key = ConfigValue.map(task).canonicalJSON
        if let cached = imageSplits[key] { return cached }
        let loaded = try ImageClassificationSplits.load(task: task)
        imageSplits[key] = loaded
        return loaded
    }
}
