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
}

/// `peer`: whose implementation a perf run times.
public enum PerfPeer: String, CaseIterable, Sendable {
    case biomoe
    /// baselines/pytorch/'s script for the bench, run as a subprocess by this run (CPU torch).
    case pytorch
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
                  help: "what to time: sgemm (the practical peak), one Mamba block, one linear-attention block, or the routing suite's softmax-e8 MoE (training and batch-1 latency on Fashion-MNIST)", models: ["perf"]),
        FieldSpec("peer", .oneOf(PerfPeer.self), default: .choice(PerfPeer.biomoe),
                  help: "biomoe, or the PyTorch script in baselines/pytorch/ run by this run (needs `pip install torch==2.13.0+cpu`)", models: ["perf"]),
        FieldSpec("kernels", .oneOf(KernelVariant.self), default: .choice(KernelVariant.fast),
                  help: "biomoe's fast kernels or the reference scalar kernels they are tested against", models: ["perf"]),
        FieldSpec("threads", .int(1...256), default: .int(1),
                  help: "BLAS and kernel threads for the timed work (torch.set_num_threads for the PyTorch peer)", models: ["perf"]),
        FieldSpec("sgemm_sizes", .intList(element: 16...8192, count: 1...16), default: .list([.int(64), .int(128), .int(256), .int(512), .int(1024)]),
                  help: "n of the n×n×n sgemm timings (bench sgemm)", models: ["perf"]),
    ]
}
