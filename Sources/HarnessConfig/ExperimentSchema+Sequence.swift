import Datasets
import NN
import Sequence

/// The `base` keys of `model: sequence` (the LM backbones of issue 5), kept in their own file so
/// the image-classification table stays readable. All carry `models: ["sequence"]`, so they never
/// enter the canonical form (or the hash) of an MLP or MoE suite.
///
/// One model name with a `mixer` choice rather than three model names: the backbone, training
/// loop and metrics are the same for every mixer, and reports group variants by mixer.
extension ExperimentSchema {
    static let sequenceModelKeys: [FieldSpec] = [
        FieldSpec("mixer", .oneOf(MixerKind.Name.self), default: .choice(MixerKind.Name.mamba),
                  help: "token mixer of every layer: Mamba block, causal linear attention (Katharopoulos 2020) or causal softmax attention", models: ["sequence", "pipeline"]),
        FieldSpec("seq_task", .oneOf(SequenceTaskKind.self), default: .choice(SequenceTaskKind.mqar),
                  help: "sequence task: MQAR (Zoology), selective copying (Mamba §4.1), induction heads (safari), byte-level LM on the Jargon File", models: ["sequence"]),
        FieldSpec("d_model", .int(1...4096), default: .int(64), help: "C, model width", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("layers", .int(1...64), default: .int(2), help: "number of mixer layers", models: ["sequence", "pipeline"]),
        FieldSpec("d_state", .int(1...256), default: .int(16), help: "N, Mamba state size per channel (mixer mamba)", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("d_conv", .int(1...16), default: .int(4), help: "Mamba causal conv width (mixer mamba)", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("expand", .int(1...8), default: .int(2), help: "Mamba d_inner / d_model (mixer mamba)", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("heads", .int(1...64), default: .int(2), help: "H, attention heads; must divide d_model (attention mixers)", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("normalize", .bool, default: .bool(true),
                  help: "linear attention divides by φ(q)ᵀz + ε (Katharopoulos); false is flash-linear-attention's unnormalised default", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("mlp", .bool, default: .bool(false), help: "add RMSNorm → MLP (4C, SiLU) → residual after each mixer", models: ["sequence"]),
        FieldSpec("steps", .int(1...10_000_000), default: .int(1000), help: "optimizer steps (each on a fresh batch)", models: ["sequence", "pipeline"]),
        FieldSpec("train_batch", .int(1...4096), default: .int(32), help: "sequences per training step", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("eval_every", .int(1...10_000_000), default: .int(100), help: "steps between validation points of the training curves", models: ["sequence"]),
        FieldSpec("eval_sequences", .int(1...100_000), default: .int(256),
                  help: "sequences (char-lm: windows) in each of the validation and test sets", models: ["sequence"]),
        FieldSpec("seq_len", .int(4...1_048_576), default: .int(64),
                  help: "training length T (induction-heads: safari's input_seq_len N, the model reads N + 1 tokens)", models: ["sequence", "perf", "pipeline"]),
        FieldSpec("vocab_size", .int(3...1_000_000), default: .int(8192),
                  help: "vocabulary V (mqar: > seq_len; selective-copying: alphabet incl. blank and marker; ignored by induction-heads (16) and char-lm (256))", models: ["sequence"]),
        FieldSpec("num_kv_pairs", .int(1...100_000), default: .int(4), help: "K key–value pairs per MQAR sequence", models: ["sequence"]),
        FieldSpec("power_a", .double(0...1, lowerExclusive: true), default: .double(0.01),
                  help: "a of MQAR's power-law query gaps p(g) ∝ a·(g+1)^(a−1) (Zoology's 0.01)", models: ["sequence"]),
        FieldSpec("copy_tokens", .int(1...100_000), default: .int(16),
                  help: "M, data tokens to copy (selective-copying; noise length is seq_len − 2M)", models: ["sequence"]),
        FieldSpec("test_lengths", .intList(element: 4...1_048_576, count: 0...32), default: .list([]),
                  help: "induction-heads: extra test lengths N, evaluated with the recurrent step (softmax attention up to softmax_max_test_len)", models: ["sequence"]),
        FieldSpec("test_sequences", .int(1...100_000), default: .int(32),
                  help: "induction-heads: sequences per extra test length", models: ["sequence"]),
        FieldSpec("softmax_max_test_len", .int(4...1_048_576), default: .int(2048),
                  help: "induction-heads: longest test length for softmax attention (its cache and T² scores grow with length)", models: ["sequence"]),
        FieldSpec("char_corpus", .string, default: .string("/usr/share/doc/jargon-text/jargon.txt.gz"),
                  help: "char-lm text file (gzip or plain); default the Jargon File of Debian's jargon-text", models: ["sequence", "pipeline"]),
        FieldSpec("throughput_repeats", .int(0...1000), default: .int(3),
                  help: "timed forward and forward+backward passes at train_batch × seq_len for tokens/s", models: ["sequence", "perf"]),
    ] + sequenceFairnessKeys + sequenceTrainingKeys

    /// Issue 12's fair mixers: what each mixer gets besides itself. Hashed only when set, so the
    /// runs recorded before these keys existed keep their identity.
    static let sequenceFairnessKeys: [FieldSpec] = [
        FieldSpec("positions", .oneOf(PositionEncoding.self), default: .choice(PositionEncoding.none),
                  help: "position information: none, learned absolute embeddings added to the token embeddings, or rope (rotary q/k, softmax attention only)",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("short_conv", .int(0...16), default: .int(0),
                  help: "width of a depthwise causal convolution applied before every mixer (H3/Based's short conv); 0 = none",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("random_non_queries", .bool, default: .bool(true),
                  help: "mqar: fill the query region's non-query slots with random tokens (Zoology's generator default); false = zeros, as Zoology's MQAR configs set it",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("induction_targets", .oneOf(InductionHeads.Targets.self), default: .choice(InductionHeads.Targets.everyPosition),
                  help: "induction-heads: the training labels the loss reads: every-position (safari, the Mamba paper) or answer (the last label alone; a deviation for small budgets)",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("init_scheme", .oneOf(InitScheme.self), default: .choice(InitScheme.pytorch),
                  help: "initial weights: pytorch (each layer's reference init, PyTorch's Linear default for attention and the MLP) or zoology (HazyResearch/zoology's _init_weights: GPT-2's N(0, 0.02²) with residual outputs scaled by 1/√(2L))",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
    ]

    /// Training as the references train (issue 12): schedule, clipping, early stopping. Hashed
    /// only when set, so earlier runs (constant rate, no clipping, fixed steps) keep their identity.
    static let sequenceTrainingKeys: [FieldSpec] = [
        FieldSpec("lr_schedule", .oneOf(LearningRateScheduleKind.self), default: .choice(LearningRateScheduleKind.constant),
                  help: "learning-rate schedule after the warm-up: constant, or cosine decay to min_lr_ratio × learning_rate at `steps`",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("warmup_steps", .int(0...10_000_000), default: .int(0),
                  help: "steps of linear warm-up from learning_rate / warmup_steps to learning_rate; 0 = none",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("min_lr_ratio", .double(0...1), default: .double(0.1),
                  help: "cosine schedule: the final rate as a fraction of learning_rate",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("grad_clip", .double(0...1e6), default: .double(0),
                  help: "clip the global L2 norm of the gradients to this value before each step (PyTorch's clip_grad_norm_); 0 = no clipping",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("stop_accuracy", .double(0...1), default: .double(0),
                  help: "stop training at the first validation point whose accuracy reaches this (synthetic tasks); 0 = never",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("positive_control", .double(0...1), default: .double(0),
                  help: "marks the variant as a positive control: the test accuracy it must reach (every seed) before the suite's comparisons count, checked at the top of the report; 0 = not a control",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
        FieldSpec("patience", .int(0...1_000_000), default: .int(0),
                  help: "stop after this many validation points without a new best validation figure, and keep the best parameters; 0 = train all steps",
                  models: ["sequence"], hashedOnlyWhenChanged: true),
    ]
}
