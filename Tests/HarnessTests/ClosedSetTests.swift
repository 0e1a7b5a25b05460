import Continual
import Growth
import Datasets
import Learning
import MicroExperts
import MoE
import Pipeline
import NN
import Sequence
import Spiking
import Testing
@testable import HarnessConfig

/// One closed set of config values: where its key lives, a model it belongs to, the spelling
/// configs use (written out, so a renamed case breaks this test before it breaks a config) and
/// the enum the runner parses it with.
struct ClosedSet: CustomTestStringConvertible, Sendable {
    let section: String
    let key: String
    let model: String
    let spelling: [String]
    let allCases: [String]

    init<E: RawRepresentable & CaseIterable>(_ section: String, _ key: String, model: String = "mlp",
                                             _ spelling: [String], _ type: E.Type) where E.RawValue == String {
        self.section = section
        self.key = key
        self.model = model
        self.spelling = spelling
        allCases = type.allCases.map(\.rawValue)
    }

    var keyPath: String { "\(section).\(key)" }
    var testDescription: String { keyPath }

    static let all: [ClosedSet] = [
        ClosedSet("task", "dataset", ["fashion-mnist", "mnist", "permuted-mnist", "sequence", "none", "git"], DatasetKind.self),
        ClosedSet("base", "model", ["mlp", "moe", "sequence", "online-router", "perf", "micro-experts", "reliability", "affect", "diehl-cook", "continual", "growth", "pipeline", "memory-index"], ModelKind.self),
        ClosedSet("base", "query_router", model: "pipeline", ["softmax", "spiking", "oracle", "uniform", "random"], QueryRouterKind.self),
        ClosedSet("base", "answer_aggregation", model: "pipeline", ["weighted", "voting", "sequential", "ensemble"], AnswerAggregation.self),
        ClosedSet("base", "affect_mode", model: "pipeline", ["log", "modulate"], AffectMode.self),
        ClosedSet("base", "rated_set", model: "affect", ["tweets", "movie-reviews", "amazon-reviews", "nyt-editorials"], AffectRatedSet.self),
        ClosedSet("base", "optimizer", ["adam", "adamw", "sgd"], OptimizerKind.self),
        ClosedSet("base", "select_epoch", ["last", "best-validation"], EpochSelection.self),
        ClosedSet("base", "router", model: "moe", ["softmax", "noisy-top-k", "spiking", "hash", "random", "dense", "oracle", "self-assessed"], MoEConfig.RouterKind.self),
        ClosedSet("base", "expert_kind", model: "moe", ["mlp", "conv1d"], MoEConfig.ExpertKind.self),
        ClosedSet("base", "load_balancing", model: "moe", ["none", "switch", "switch-all-slots", "variance", "importance-load"],
                  LoadBalancingKind.self),
        ClosedSet("base", "reset", model: "moe", ["subtract", "zero", "none"], ResetMechanism.self),
        ClosedSet("base", "surrogate", model: "moe", ["arctan", "fast-sigmoid"], SurrogateKind.self),
        ClosedSet("base", "spike_encoding", model: "moe", ["direct", "rate"], SpikeEncoding.self),
        ClosedSet("base", "mixer", model: "sequence", ["mamba", "linear-attention", "softmax-attention"], MixerKind.Name.self),
        ClosedSet("base", "seq_task", model: "sequence", ["mqar", "selective-copying", "induction-heads", "char-lm"], SequenceTaskKind.self),
        ClosedSet("base", "positions", model: "sequence", ["none", "learned", "rope"], PositionEncoding.self),
        ClosedSet("base", "lr_schedule", model: "sequence", ["constant", "cosine"], LearningRateScheduleKind.self),
        ClosedSet("base", "init_scheme", model: "sequence", ["pytorch", "zoology"], InitScheme.self),
        ClosedSet("base", "induction_targets", model: "sequence", ["every-position", "answer"], InductionHeads.Targets.self),
        ClosedSet("base", "policy", model: "online-router",
                  ["oracle", "random", "epsilon-greedy", "ucb1", "exp3", "linucb", "backprop", "three-factor", "stdp", "sw-ucb", "d-ucb", "exp3s", "sw-linucb", "mstdp", "mstdpet"], RoutingPolicyKind.self),
        ClosedSet("base", "stream_split", model: "online-router", ["test", "validation"], StreamSplit.self),
        ClosedSet("base", "shift", model: "online-router", ["rotate", "permute-features", "none"], DomainShift.self),
        ClosedSet("base", "nm_ablation", model: "online-router", ["none", "dopamine", "norepinephrine", "acetylcholine", "serotonin"], NeuromodulatorAblation.self),
        ClosedSet("base", "router_features", model: "online-router", ["pixels", "pooled", "projected"], RouterFeatureKind.self),
        ClosedSet("base", "bench", model: "perf", ["sgemm", "mamba-block", "linear-attention-block", "moe-train", "gemm-layer", "harness", "git-mine"], PerfBench.self),
        ClosedSet("base", "gemm_layer", model: "perf", ["mamba-in-proj", "mamba-out-proj", "attention-proj", "mlp-hidden"], GEMMLayer.self),
        ClosedSet("base", "check", model: "reliability", ["crash", "fuzz", "corrupt-inputs", "concurrent", "signals", "diverged", "resources"], ReliabilityCheck.self),
        ClosedSet("base", "peer", model: "perf", ["biomoe", "pytorch", "biomoe-before"], Peer.self),
        ClosedSet("base", "kernels", model: "perf", ["fast", "reference"], KernelVariant.self),
        ClosedSet("base", "expert", model: "micro-experts",
                  ["file", "test", "doc", "refactor", "error", "voted", "most-recent", "most-frequent", "random", "co-change-rules"],
                  MicroExpertsModel.self),
        ClosedSet("base", "ranking_task", model: "micro-experts", ["files-from-message", "cascade-from-one-file"], RankingTask.self),
        ClosedSet("base", "routing", model: "micro-experts", ["keyword-rules", "learned-classifier", "gate-and-self-assessment", "all-experts"],
                  RoutingMode.self),
        ClosedSet("base", "aggregation", model: "micro-experts", ["weighted", "voting", "sequential"], AggregationStrategy.self),
        ClosedSet("base", "calibration", model: "micro-experts", ["none", "temperature", "isotonic"], CalibrationMethod.self),
        ClosedSet("base", "cl_scenario", model: "continual", ["task", "domain", "class"], ContinualScenario.self),
        ClosedSet("base", "cl_method", model: "continual", ["fine-tune", "ewc", "si", "lwf", "replay", "joint", "routed-growth", "routed-growth-freeze", "routed-growth-emc"], ContinualMethod.self),
        ClosedSet("base", "growth_teacher", model: "growth", ["most-used", "most-accurate", "committee"], TeacherChoice.self),
        ClosedSet("base", "lr_decay", model: "growth", ["none", "cosine"], LearningRateDecay.self),
        ClosedSet("base", "growth_zone", model: "growth", ["none", "hippocampus", "amygdala", "hypothalamus", "thalamus", "language"], ZoneSetting.self),
    ]

    /// A config whose `keyPath` holds `value` and is otherwise valid for `model`.
    func yaml(value: String) -> String {
        let dataset = model == "sequence" ? "sequence" : model == "perf" ? "none" : model == "micro-experts" ? "git" : "fashion-mnist"
        var lines = ["schema: 1", "name: closed", "version: 1", "seeds: [0]", "task:"]
        lines.append(section == "task" ? "  \(key): \(value)" : "  dataset: \(dataset)")
        lines.append("base:")
        if !(section == "base" && key == "model") { lines.append("  model: \(model)") }
        if section == "base" { lines.append("  \(key): \(value)") }
        // Every peer times the Mamba block (PerfPeerSettings: not every bench has every peer).
        if section == "base" && key == "peer" { lines.append("  bench: mamba-block") }
        lines += ["variants:", "  only: {}"]
        return lines.joined(separator: "\n")
    }
}

@Suite("Closed sets: enums, schema and errors agree")
struct ClosedSetTests {
    @Test("an unknown value of a closed-set key is an error naming the file, line, key path and every accepted value",
          arguments: ClosedSet.all)
    func unknownValueIsAnError(set: ClosedSet) throws {
        let yaml = set.yaml(value: "bogus")
        let line = try #require(yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix(": bogus") }) + 1
        let expected = ConfigError(file: "closed.yaml", line: line, keyPath: set.keyPath,
                                   message: "'bogus' is not allowed; expected one of " + set.spelling.joined(separator: ", "))
        #expect(throws: expected) { try SuiteSpec.parse(yaml: yaml, path: "closed.yaml") }
        #expect(expected.description.hasPrefix("closed.yaml:\(line): \(set.keyPath): 'bogus' is not allowed"))
    }

    @Test("every accepted value of a closed-set key loads", arguments: ClosedSet.all)
    func everyAcceptedValueLoads(set: ClosedSet) throws {
        // Sequence tasks need a dataset of `sequence`; the image models need an image data set.
        for value in set.spelling where !(set.key == "dataset" && value == "sequence") && !(set.key == "model" && value == "sequence") {
            #expect(throws: Never.self, "\(set.keyPath): \(value)") { _ = try SuiteSpec.parse(yaml: set.yaml(value: value), path: "closed.yaml") }
        }
    }

    @Test("each enum's cases, in order, are exactly the schema's accepted values and the config spelling")
    func enumsMatchTheSchema() throws {
        let tables = ["task": ExperimentSchema.task, "base": ExperimentSchema.base]
        for set in ClosedSet.all {
            let field = try #require(tables[set.section]?.first { $0.key == set.key }, "\(set.keyPath) is not in the schema")
            guard case .choice(let options) = field.kind else {
                Issue.record("\(set.keyPath) is not a choice key")
                continue
            }
            #expect(options == set.allCases, "\(set.keyPath)")
            #expect(options == set.spelling, "\(set.keyPath)")
        }
    }

    @Test("every choice key of the schema has its closed set listed here")
    func everyChoiceKeyIsCovered() {
        let covered = Set(ClosedSet.all.map(\.keyPath))
        let sections = [("task", ExperimentSchema.task), ("base", ExperimentSchema.base)]
        for (section, table) in sections {
            for field in table {
                if case .choice = field.kind { #expect(covered.contains("\(section).\(field.key)"), "\(section).\(field.key)") }
            }
        }
    }
}

@Suite("Run spec accessors")
struct RunSpecAccessorTests {
    static func run() throws -> RunSpec {
        let yaml = """
        schema: 1
        name: demo
        version: 1
        seeds: [7]
        base:
          model: moe
        variants:
          only: {}
        """
        return try #require(try SuiteSpec.parse(yaml: yaml, path: "demo.yaml").expand().first)
    }

    @Test("a present key reads with its type, and a choice parses into its enum")
    func presentKeysRead() throws {
        let spec = try Self.run()
        #expect(try spec.int("top_k") == 2)
        #expect(try spec.double("temperature") == 1)
        #expect(try spec.bool("routed_learning"))
        #expect(try spec.string("router") == "softmax")
        #expect(try spec.choice("router", as: MoEConfig.RouterKind.self) == .softmax)
        #expect(try spec.choice("load_balancing", as: LoadBalancingKind.self) == .switch)
    }

    @Test("an unknown or missing key throws naming the run and the key")
    func unknownKeyThrows() throws {
        let spec = try Self.run()
        #expect(throws: RunSpecError.missingKey(run: "demo/only seed 7", key: "hiden")) { try spec.int("hiden") }
        // `mixer` belongs to model sequence, so a MoE run does not hold it.
        #expect(throws: RunSpecError.missingKey(run: "demo/only seed 7", key: "mixer")) { try spec.string("mixer") }
        #expect(throws: RunSpecError.missingKey(run: "demo/only seed 7", key: "policy")) {
            try spec.choice("policy", as: RoutingPolicyKind.self)
        }
    }

    @Test("a key read as the wrong type or the wrong closed set throws instead of reading 0 or a default case")
    func wrongTypeThrows() throws {
        let spec = try Self.run()
        #expect(throws: RunSpecError.wrongType(run: "demo/only seed 7", key: "router", expected: "an integer", found: "softmax")) {
            try spec.int("router")
        }
        #expect(throws: RunSpecError.wrongType(run: "demo/only seed 7", key: "top_k", expected: "true or false", found: "2")) {
            try spec.bool("top_k")
        }
        #expect {
            try spec.choice("router", as: OptimizerKind.self)
        } throws: { error in
            "\(error)" == "demo/only seed 7: router 'softmax' is not one of adam, adamw, sgd"
        }
    }
}
