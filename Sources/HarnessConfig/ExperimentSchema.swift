import Tensor
import MoE
import Spiking

/// The keys a suite config may contain, with their defaults and ranges (config `schema: 1`).
///
/// Why one table: the validator, the canonical form (defaults filled) and the README's key
/// reference are all generated from it, so they cannot disagree.
public enum ExperimentSchema {
    public static let currentSchema = 1

    public static let topLevel: [FieldSpec] = [
        FieldSpec("schema", .int(1...1), default: nil, help: "config format version; this biomoe reads 1"),
        FieldSpec("name", .name, default: nil, help: "suite name; names results/NAME.sqlite and reports/NAME/"),
        FieldSpec("version", .int(1...1_000_000), default: nil,
                  help: "bump when the experiment's meaning changes; baselines of another version are not comparable"),
        FieldSpec("description", .string, default: .string(""), help: "one paragraph for the report (not hashed)"),
        FieldSpec("seeds", .intList(element: 0...Int(UInt32.max), count: 1...100), default: nil,
                  help: "run seeds; every variant runs once per seed"),
        FieldSpec("suite_seed", .int(0...Int(UInt32.max)), default: .int(0),
                  help: "mixed into every random stream with the run seed"),
        FieldSpec("blas_core", .choice([SuiteSpec.anyBLASCore] + BLASCore.allCases.map(\.rawValue)), default: .string(SuiteSpec.anyBLASCore),
                  help: "OpenBLAS kernel the runs use (OPENBLAS_CORETYPE); `any` keeps the one OpenBLAS picks (upgraded when it falls back below the CPU). Pin it, with one thread, for bit-identical results across machines. Not hashed: the environment records the core used"),
        FieldSpec("run_order", .oneOf(RunOrder.self), default: .choice(RunOrder.byVariant),
                  help: "by-variant runs each variant's seeds back to back; by-seed runs every variant once per seed, one pass of the suite after another, so a benchmark's seeds are repeated measurements minutes apart whose spread the report shows. Not hashed: the order changes no run's result"),
        FieldSpec("save_checkpoints", .bool, default: .bool(false),
                  help: "store each run's final parameters as safetensors (PyTorch names) in <database>.checkpoints/ beside the results file; export one with `biomoe checkpoint RUN -o FILE`. Models mlp, moe and sequence. Not hashed: saving the model changes no result"),
    ]

    /// Sections holding nested keys: validated with their own tables below (`gate`: GatePolicy.swift).
    public static let sections = ["task", "base", "variants", "gate"]

    public static let task: [FieldSpec] = [
        FieldSpec("dataset", .oneOf(DatasetKind.self), default: .choice(DatasetKind.fashionMNIST),
                  help: "image-classification data set (IDX files); `sequence` for model sequence, whose task is set per variant (seq_task); `none` for model perf; `git` for model micro-experts, whose history is set per variant (repository, revision)"),
        FieldSpec("path", .string, default: .string(""),
                  help: "directory of the IDX files; empty means the Debian package's (/usr/share/datasets/…)"),
        FieldSpec("validation_size", .int(0...30_000), default: .int(5000),
                  help: "images held out from the end of the training file for validation"),
        FieldSpec("train_limit", .int(0...60_000), default: .int(0),
                  help: "use only the first N training images (0 = all); for smoke suites"),
        FieldSpec("test_limit", .int(0...10_000), default: .int(0), help: "use only the first N test images (0 = all)"),
        FieldSpec("domains", .int(1...64), default: .int(4),
                  help: "K, pixel-permutation domains of permuted-mnist (domain 0 unpermuted; image i in domain i mod K)",
                  hashedOnlyWhenChanged: true),
        FieldSpec("domain_seed", .int(0...Int(UInt32.max)), default: .int(0),
                  help: "seed of permuted-mnist's permutations (the same for every run seed, so all runs see the same domains)",
                  hashedOnlyWhenChanged: true),
        FieldSpec("epochs", .int(1...1000), default: .int(10), help: "passes over the training split"),
        FieldSpec("batch_size", .int(1...60_000), default: .int(128), help: "mini-batch size"),
        FieldSpec("latency_samples", .int(0...100_000), default: .int(1000),
                  help: "batch-1 forward passes timed for the latency histogram"),
    ]

    /// Task keys that belong to one data set: setting one with another data set is a config error.
    public static let datasetTaskKeys: [(key: String, dataset: DatasetKind)] = [
        ("domains", .permutedMNIST), ("domain_seed", .permutedMNIST),
    ]

    public static let base: [FieldSpec] = [
        FieldSpec("model", .oneOf(ModelKind.self), default: .choice(ModelKind.mlp),
                  help: "mlp (hidden [] is softmax regression), moe (embedding → MoE layer → classifier), sequence (LM backbone on a sequence task), online-router (frozen group experts, a router learning online from a stream), perf (micro-benchmarks), micro-experts (experts trained on a git history ranking the files a commit touches), reliability (the harness's own crash, fuzz and corrupt-input checks), affect (VADER sentiment scored against human ratings), diehl-cook (Diehl & Cook's unsupervised STDP network on MNIST), continual (an MLP learning a split protocol task after task: fine-tune, EWC, SI, LwF, replay, joint) growth (projection → gated experts that grow by a schedule, cloned and distilled from a teacher → classifier), pipeline (the full request pipeline: affect, memory, routing over language, vision, symbolic and affect experts, aggregation) or memory-index (the long-term memory's IVF index against exact search on real images)"),
        FieldSpec("hidden", .intList(element: 1...65_536, count: 0...8), default: .list([.int(256)]),
                  help: "hidden layer widths (ReLU between layers)", models: ["mlp", "continual"]),
        FieldSpec("router", .oneOf(MoEConfig.RouterKind.self), default: .choice(MoEConfig.RouterKind.softmax),
                  help: "gate of the MoE layer; dense runs every expert with equal weight; oracle routes by the input's true domain (permuted-mnist only)", models: ["moe"]),
        FieldSpec("experts", .int(1...256), default: .int(8), help: "E, number of experts", models: ["moe"]),
        FieldSpec("top_k", .int(1...2), default: .int(2), help: "k experts per input, weights renormalised over them (pipeline: experts asked per request)", models: ["moe", "growth", "pipeline"]),
        FieldSpec("model_width", .int(1...4096), default: .int(256), help: "D, embedding width the MoE layer reads and writes", models: ["moe", "growth"]),
        FieldSpec("expert_hidden", .int(1...8192), default: .int(128), help: "H, hidden width of an MLP expert", models: ["moe", "growth"]),
        FieldSpec("expert_kind", .oneOf(MoEConfig.ExpertKind.self), default: .choice(MoEConfig.ExpertKind.mlp), help: "expert architecture", models: ["moe"]),
        FieldSpec("temperature", .double(0...100, lowerExclusive: true), default: .double(1),
                  help: "τ of the softmax and spiking gates (logits / τ)", models: ["moe", "growth"]),
        FieldSpec("capacity_factor", .double(0...64), default: .double(0),
                  help: "c in capacity ⌈c·B·k/E⌉ per expert and batch; 0 = unlimited", models: ["moe"]),
        FieldSpec("routed_learning", .bool, default: .bool(true),
                  help: "only the chosen experts receive gradient", models: ["moe"]),
        FieldSpec("load_balancing", .oneOf(LoadBalancingKind.self), default: .choice(LoadBalancingKind.switch),
                  help: "auxiliary loss: Switch α·E·Σf·P with f the top-1 share (switch, the paper's form) or the share of all k slots (switch-all-slots), variance of mean routing weight, or the noisy gate's importance + load", models: ["moe"]),
        FieldSpec("balance_coefficient", .double(0...10), default: .double(0.01),
                  help: "α of the auxiliary loss (both weights for importance-load)", models: ["moe", "growth"]),
        FieldSpec("time_steps", .int(1...256), default: .int(8), help: "T, LIF steps per routing decision (spiking)", models: ["moe", "pipeline"]),
        FieldSpec("beta", .double(0...1), default: .double(0.9), help: "β, membrane decay (spiking)", models: ["moe"]),
        FieldSpec("threshold", .double(0...100, lowerExclusive: true), default: .double(1), help: "θ, firing threshold (spiking)", models: ["moe"]),
        FieldSpec("reset", .oneOf(ResetMechanism.self), default: .choice(ResetMechanism.subtract),
                  help: "membrane reset after a spike (snnTorch reset_mechanism)", models: ["moe"]),
        FieldSpec("surrogate", .oneOf(SurrogateKind.self), default: .choice(SurrogateKind.arctan),
                  help: "surrogate gradient: arctan (α = 2, snnTorch's default) or fast sigmoid (slope 25)", models: ["moe"]),
        FieldSpec("population", .int(1...256), default: .int(4), help: "P, LIF neurons per expert (spiking)", models: ["moe", "pipeline"]),
        FieldSpec("spike_encoding", .oneOf(SpikeEncoding.self), default: .choice(SpikeEncoding.direct),
                  help: "spiking gate input: direct (constant current, dense MACs) or rate (Bernoulli spikes of the input clamped to [0, 1], spike-driven synaptic operations)",
                  models: ["moe"], hashedOnlyWhenChanged: true),
        FieldSpec("input_projection", .bool, default: .bool(true),
                  help: "project the input to model_width (ReLU) before the MoE layer; false feeds the raw pixels to router and experts (model_width is then ignored), so only the experts learn features", models: ["moe"],
                  hashedOnlyWhenChanged: true),
        FieldSpec("residual", .bool, default: .bool(true),
                  help: "add the MoE layer's input to its output before the read-out (r = h + MoE(h)); false reads out the experts alone, so no shared path bypasses them", models: ["moe"],
                  hashedOnlyWhenChanged: true),
        FieldSpec("renormalize_weights", .bool, default: .bool(true),
                  help: "renormalise the k combine weights to sum to 1; false combines with the router's raw probabilities (the Switch Transformer's k = 1 form, which gives the router task gradient)", models: ["moe"],
                  hashedOnlyWhenChanged: true),
    ] + sequenceModelKeys + routingLearning + perfKeys + microExpertsKeys + reliabilityKeys + affectKeys + diehlCookKeys + continualKeys + growthKeys + pipelineKeys + memoryIndexKeys + [
        FieldSpec("select_epoch", .oneOf(EpochSelection.self), default: .choice(EpochSelection.last),
                  help: "evaluate with the parameters after the last epoch, or after the epoch with the best validation accuracy (needs task.validation_size > 0)",
                  models: ["mlp", "moe"], hashedOnlyWhenChanged: true),
        FieldSpec("optimizer", .oneOf(OptimizerKind.self), default: .choice(OptimizerKind.adam),
                  help: "adam (L2 in the gradient), adamw (decoupled decay) or sgd (with momentum)"),
        FieldSpec("learning_rate", .double(0...10, lowerExclusive: true), default: .double(0.001), help: "step size"),
        FieldSpec("weight_decay", .double(0...1), default: .double(0), help: "L2 / decoupled weight decay"),
        FieldSpec("momentum", .double(0...0.999), default: .double(0.9), help: "sgd momentum"),
        FieldSpec("beta1", .double(0...0.999), default: .double(0.9), help: "adam β1"),
        FieldSpec("beta2", .double(0...0.99999), default: .double(0.999), help: "adam β2"),
        FieldSpec("epsilon", .double(0...1, lowerExclusive: true), default: .double(1e-8), help: "adam ε"),
    ]
}
