/// `bench`: what a perf run measures.
public enum PerfBench: String, CaseIterable, Sendable {
    /// OpenBLAS sgemm on square matrices: the machine's practical peak, measured in the same run.
    case sgemm
    /// One Mamba block (mamba_simple's slow path) on [train_batch, seq_len, d_model].
    case mambaBlock = "mamba-block"
    /// One causal linear-attention block (q/k/v/o projections + the kernel) on the same shape.
    case linearAttentionBlock = "linear-attention-block"
    /// The routing suite's softmax-e8 MoE: training samples/s on real Fashion-MNIST and batch-1 latency.
    case moeTrain = "moe-train"
    /// One GEMM layer (`linearForward` + `linearBackward`) against the same sgemm calls made
    /// directly, and against the sgemm peak measured in the same run.
    case gemmLayer = "gemm-layer"
    /// The harness itself: rows/s into SQLite, and the wall time of `biomoe report` on 100 runs.
    case harness
    /// `biomoe mine` on a synthetic 10 000-commit repository, from scratch and again after 100 more commits.
    case gitMine = "git-mine"
}

/// `gemm_layer`: which of the models' GEMM layers the gemm-layer bench times; shapes follow the
/// run's d_model, expand, train_batch and seq_len.
public enum GEMMLayer: String, CaseIterable, Sendable {
    /// Mamba's in_proj: [train_batch·seq_len, d_model] → 2·expand·d_model, no bias.
    case mambaInProj = "mamba-in-proj"
    /// Mamba's out_proj: [train_batch·seq_len, expand·d_model] → d_model, no bias.
    case mambaOutProj = "mamba-out-proj"
    /// An attention q/k/v/o projection: [train_batch·seq_len, d_model] → d_model, no bias.
    case attentionProj = "attention-proj"
    /// The Fashion-MNIST MLP's hidden layer: [train_batch, 784] → 256, with bias.
    case mlpHidden = "mlp-hidden"
}

/// `peer`: whose implementation a perf run times, or a sequence run trains.
public enum Peer: String, CaseIterable, Sendable {
    case biomoe
    /// baselines/pytorch/'s script for the bench, run as a subprocess by this run (CPU torch).
    case pytorch
    /// biomoe as it was before issue 11 (the commit baselines/biomoe-before/run.sh names), built
    /// from this repository's history and run as a subprocess by this run: perf's sequence
    /// blocks only, so "N× biomoe before" is measured on the same machine, back to back.
    case biomoeBefore = "biomoe-before"
}

/// `kernels`: biomoe's fast kernels or the reference scalar ones they are tested against.
public enum KernelVariant: String, CaseIterable, Sendable {
    case fast
    case reference
}

/// The `base` keys of `model: perf` (experiments/perf.yaml). Shapes reuse the sequence keys
/// (d_model, d_state, expand, heads, seq_len, train_batch, throughput_repeats), which name `perf`
/// among their models.
extension ExperimentSchema {
    static let perfKeys: [FieldSpec] = [
        FieldSpec("bench", .oneOf(PerfBench.self), default: .choice(PerfBench.sgemm),
                  help: "what to time: sgemm (the practical peak), one Mamba block, one linear-attention block, the routing suite's softmax-e8 MoE (training and batch-1 latency on Fashion-MNIST), one GEMM layer against raw sgemm, the harness (SQLite rows/s, report time), or mining git history (a synthetic 10 000-commit repository, then 100 more commits)", models: ["perf"]),
        FieldSpec("peer", .oneOf(Peer.self), default: .choice(Peer.biomoe),
                  help: "biomoe, or the PyTorch script in baselines/pytorch/ run by this run (needs `pip install torch==2.13.0+cpu`): perf times its bench; sequence trains the same model there (mqar_transformer.py: softmax attention on MQAR) and records its figures, an independent check of biomoe's; or (perf's mamba-block and linear-attention-block only) biomoe-before: biomoe as it was before issue 11, built from this repository's history by baselines/biomoe-before/run.sh (the first time, about a minute) and timed by this run",
                  models: ["perf", "sequence"], hashedOnlyWhenChangedInModels: ["sequence"]),
        FieldSpec("kernels", .oneOf(KernelVariant.self), default: .choice(KernelVariant.fast),
                  help: "biomoe's fast kernels or the reference scalar kernels they are tested against", models: ["perf"]),
        FieldSpec("threads", .int(1...256), default: .int(1),
                  help: "BLAS and kernel threads for the timed work (torch.set_num_threads for the PyTorch peer)", models: ["perf"]),
        FieldSpec("gemm_layer", .oneOf(GEMMLayer.self), default: .choice(GEMMLayer.mambaInProj),
                  help: "the GEMM layer the gemm-layer bench times (shapes from d_model, expand, train_batch, seq_len)", models: ["perf"]),
        FieldSpec("sgemm_sizes", .intList(element: 16...8192, count: 1...16), default: .list([.int(64), .int(128), .int(256), .int(512), .int(1024)]),
                  help: "n of the n×n×n sgemm timings (bench sgemm)", models: ["perf"]),
    ]
}
