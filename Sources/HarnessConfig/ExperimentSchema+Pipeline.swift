import Pipeline

/// The `base` keys of `model: pipeline` (experiments/pipeline.yaml): the full request pipeline
/// of issue 16 — its router, how answers are combined, affect's role, the long-term memory, and
/// the budgets that train its experts inside the run. The language expert's backbone reads the
/// sequence keys (mixer, d_model, layers, steps, seq_len, train_batch, char_corpus, …) and the
/// spiking router the MoE keys (time_steps, population).
extension ExperimentSchema {
    static let pipelineKeys: [FieldSpec] = {
        let m = ["pipeline"]
        return [
            FieldSpec("query_router", .oneOf(QueryRouterKind.self), default: .choice(QueryRouterKind.softmax),
                      help: "the learned gate over the domain experts: MoE's softmax gate or its spiking (LIF) gate, trained on the training requests", models: m),
            FieldSpec("self_assessment", .bool, default: .bool(true),
                      help: "blend the gate (0.6) with each expert's canHandle (0.4), seed 002's rule; false: the gate alone", models: m),
            FieldSpec("answer_aggregation", .oneOf(AnswerAggregation.self), default: .choice(AnswerAggregation.weighted),
                      help: "how the chosen experts' answers become one reply: weighted (score × confidence), voting, sequential (first confident answer) or ensemble (all, led by the weighted one)", models: m),
            FieldSpec("affect_mode", .oneOf(AffectMode.self), default: .choice(AffectMode.log),
                      help: "log: affect is detected and traced only; modulate: seed 000 §5.2's valence and arousal rule reweights the gate", models: m),
            FieldSpec("long_term_memory", .bool, default: .bool(false),
                      help: "hold the training requests (with their domains) in the long-term index and let the hits' domains bias routing by memory_weight", models: m),
            FieldSpec("memory_weight", .double(0...1), default: .double(0.5),
                      help: "β of w ← (1 − β)·w + β·m, m the similarity-weighted domains of the memory hits", models: m),
            FieldSpec("memory_approximate_threshold", .int(1...100_000_000), default: .int(10_000),
                      help: "entries above which the long-term index answers from its IVF index instead of exact search", models: m),
            FieldSpec("requests_train", .int(1...100_000), default: .int(400), help: "training requests per domain (router training, memory contents)", models: m),
            FieldSpec("requests_validation", .int(1...100_000), default: .int(100), help: "validation requests per domain", models: m),
            FieldSpec("requests_test", .int(1...100_000), default: .int(250), help: "test requests per domain", models: m),
            FieldSpec("request_seed", .int(0...Int(UInt32.max)), default: .int(0),
                      help: "seed of the request set (the same for every run seed, so every run answers the same requests)", models: m),
            FieldSpec("gate_epochs", .int(1...1000), default: .int(20), help: "passes of the router over the training requests", models: m),
            FieldSpec("gate_learning_rate", .double(0...10, lowerExclusive: true), default: .double(0.01), help: "the router's Adam step size", models: m),
            FieldSpec("vision_epochs", .int(1...1000), default: .int(3), help: "epochs of the vision expert's MLP 784-256-10 on Fashion-MNIST's training split", models: m),
            FieldSpec("affect_smoothing", .double(0...1, lowerExclusive: true), default: .double(0.5),
                      help: "α of a session's affect tracker, s ← α·x + (1 − α)·s per request (biomoe ask --session; the suite answers each request in a fresh session)",
                      models: m, hashedOnlyWhenChanged: true),
            FieldSpec("routing_scaling", .intList(element: 4...4096, count: 0...16), default: .list([]),
                      help: "expert counts (multiples of 4) at which to time one routing decision over the first 100 test requests (seed 002's linear-scaling target); [] skips it",
                      models: m, hashedOnlyWhenChanged: true),
            FieldSpec("nrc_lexicon", .string, default: .string("/usr/share/datasets/nrc/nrc_en.json"),
                      help: "the NRC emotion lexicon as the nrclex package ships it (scripts/fetch-nrc.py fills the default)", models: m),
            FieldSpec("max_load", .int(1...1_000_000), default: .int(10),
                      help: "requests among the last 20 above which an expert counts as overloaded (seed 002's 0.5 penalty)", models: m),
        ]
    }()
}

/// The `base` keys of `model: memory-index` (experiments/memory.yaml).
extension ExperimentSchema {
    static let memoryIndexKeys: [FieldSpec] = {
        let m = ["memory-index"]
        return [
            FieldSpec("index_vectors_per_set", .int(1...60_000), default: .int(50_000),
                      help: "vectors stored: this many of Fashion-MNIST's and as many of MNIST's first training images", models: m),
            FieldSpec("index_queries_per_set", .int(1...10_000), default: .int(500),
                      help: "queries: this many of each set's first test images", models: m),
            FieldSpec("ivf_lists", .int(1...65_536), default: .int(256), help: "nlist, the IVF's k-means lists", models: m),
            FieldSpec("ivf_probe", .int(1...65_536), default: .int(4), help: "nprobe of the recorded operating point: lists scanned per query", models: m),
            FieldSpec("ivf_probe_sweep", .intList(element: 1...65_536, count: 0...32), default: .list([1, 2, 4, 8, 16, 32, 64].map { .int($0) }),
                      help: "further probe counts measured for the recall and speed-up curves", models: m),
            FieldSpec("recall_k", .int(1...1000), default: .int(10), help: "k of recall@k", models: m),
            FieldSpec("fashion_mnist_dir", .string, default: .string("/usr/share/datasets/fashion-mnist"),
                      help: "Fashion-MNIST's IDX files (Debian's dataset-fashion-mnist)", models: m),
            FieldSpec("mnist_dir", .string, default: .string("/usr/share/datasets/mnist"),
                      help: "MNIST's IDX files (scripts/fetch-mnist.py)", models: m),
        ]
    }()
}

