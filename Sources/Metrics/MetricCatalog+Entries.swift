/// The catalog's entries, one group per experiment kind. Formats keep what reports printed when
/// the format was guessed from the unit (fractions as % with 2 decimals, seconds as µs with 1,
/// bytes as MiB with 1, counts, MACs and samples/s whole, anything else 4 decimals), so stored
/// results print byte for byte as before.
///
/// Directions decide default gating (``GatePolicy``): a metric with a better direction that does
/// not depend on the machine is gated. Costs fixed by the architecture (parameters, MACs, state
/// size) and descriptive routing statistics are informational.
extension MetricCatalog {
    /// Image classification (`mlp`, `moe`): the first sixteen entries, in the order the catalog
    /// had before it held every metric (comparisons list metrics in catalog order).
    static let classification: [MetricInfo] = [
        MetricInfo("test_accuracy", "test accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Fraction of test samples whose arg-max prediction is the label (for sequence tasks: of the scored tokens)."),
        MetricInfo("val_accuracy", "validation accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "As test_accuracy, on the validation split (images held out of the training set; sequences drawn apart from training and test)."),
        MetricInfo("test_ece", "ECE (15 bins)", unit: "fraction", .lowerIsBetter, format: .percent,
                   "Expected calibration error: sample-weighted mean over 15 equal-width confidence bins of |accuracy − mean confidence| (Guo et al. 2017)."),
        MetricInfo("test_mce", "MCE (15 bins)", unit: "fraction", .lowerIsBetter, format: .percent,
                   "Maximum calibration error: the largest |accuracy − mean confidence| over the 15 non-empty bins (Naeini et al. 2015)."),
        MetricInfo("test_brier", "Brier score", unit: "score", .lowerIsBetter, format: .decimal("score"),
                   "Multi-class Brier score: mean over test samples of Σ_k (p_k − [k = y])², between 0 and 2 (Brier 1950)."),
        MetricInfo("test_nll", "test NLL", unit: "nats", .lowerIsBetter, format: .decimal("nats"),
                   "Mean negative log-likelihood −ln p_y of the label under the predicted distribution on the test split."),
        MetricInfo("final_train_loss", "final train loss", unit: "nats", .lowerIsBetter, format: .decimal("nats"),
                   "Mean training cross-entropy (balance loss excluded) over the last epoch's batches (sequence models: the last evaluation interval's steps)."),
        MetricInfo("parameters", "parameters", unit: "count", .informational, format: .whole("count"),
                   "Number of trainable parameters (weights and biases) of the model."),
        MetricInfo("macs_per_sample", "MACs / sample", unit: "MAC", .informational, format: .whole("MAC"),
                   "Multiply-accumulates of one sample's forward pass through the layers executed (for MoE: k of E experts, router excluded)."),
        MetricInfo("train_seconds", "training time", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Wall-clock time of training (all epochs or steps), evaluation excluded."),
        MetricInfo("train_throughput", "training throughput", unit: "samples/s", .higherIsBetter, machineDependent: true,
                   format: .whole("samples/s"), "Training samples processed per second: training-set size × epochs / train_seconds."),
        MetricInfo("latency_p50", "latency p50 (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Median wall-clock time of one forward pass at batch size 1, over latency_samples test images (HdrHistogram)."),
        MetricInfo("latency_p95", "latency p95 (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "95th percentile of the batch-1 forward latency (as latency_p50)."),
        MetricInfo("latency_p99", "latency p99 (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "99th percentile of the batch-1 forward latency (as latency_p50)."),
        MetricInfo("latency_max", "latency max (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Slowest batch-1 forward pass (as latency_p50)."),
        MetricInfo("peak_rss", "peak resident memory", unit: "bytes", .lowerIsBetter, machineDependent: true, format: .mebibytes,
                   "Peak resident set size of the process during the run (Linux VmHWM, reset at the run's start)."),
    ]

    /// Mixture-of-experts image classification (`moe`): routing on the final test pass.
    static let routing: [MetricInfo] = [
        MetricInfo("utilization_e{i}", "utilization of expert {i}", unit: "fraction", .informational, format: .percent,
                   "Fraction of all k routing slots on the test split that went to expert i (a uniform router gives 1/E)."),
        MetricInfo("min_utilization_ratio", "min utilization × E", unit: "ratio", .higherIsBetter, format: .decimal("ratio"),
                   "Smallest expert utilization times E: 1 when perfectly balanced, 0 when an expert is never used."),
        MetricInfo("load_cv", "load CV", unit: "ratio", .lowerIsBetter, format: .decimal("ratio"),
                   "Coefficient of variation of expert utilizations: population std / mean (the balance measure of Shazeer et al. 2017)."),
        MetricInfo("load_max_over_mean", "max / mean load", unit: "ratio", .lowerIsBetter, format: .decimal("ratio"),
                   "Largest expert utilization over the mean: the capacity factor needed to drop no token (Fedus et al. 2022)."),
        MetricInfo("gate_entropy", "gate entropy", unit: "nats", .informational, format: .decimal("nats"),
                   "Mean over test inputs of the entropy −Σ_i p_i ln p_i of the router's full distribution over experts."),
        MetricInfo("routed_accuracy_e{i}", "accuracy routed to expert {i}", unit: "fraction", .informational, format: .percent,
                   "Test accuracy over the inputs whose top-1 expert is i (NaN when expert i got none)."),
        MetricInfo("router_macs", "router MACs", unit: "MAC", .informational, format: .whole("MAC"),
                   "Dense multiply-accumulates of one routing decision (D·E for gates, D·E·P input synapses for the spiking gate, 0 for hash/random)."),
        MetricInfo("router_effective_macs", "router effective MACs", unit: "MAC", .informational, format: .whole("MAC"),
                   "Router MACs whose input is non-zero, mean per test sample: NeuroBench's effective MACs (Yik et al. 2025)."),
        MetricInfo("macs_per_inference", "MACs / inference", unit: "MAC", .informational, format: .whole("MAC"),
                   "macs_per_sample plus router_macs: the dense multiply-accumulates of one classification."),
        MetricInfo("spikes_per_inference", "spikes / inference", unit: "spikes", .informational, format: .decimal("spikes"),
                   "Spikes of all E·P gate neurons over T time steps, mean per routing decision (spiking router only)."),
        MetricInfo("spike_rate", "spike rate", unit: "fraction", .informational, format: .percent,
                   "Spikes per neuron per time step of the spiking router (moe: the gate's E·P neurons; online-router: the STDP layer)."),
        MetricInfo("router_neuron_updates", "router neuron updates", unit: "count", .informational, format: .whole("count"),
                   "LIF membrane updates per routing decision, T·E·P (spiking router only): its cost beyond synaptic MACs."),
        MetricInfo("val_min_utilization_ratio", "validation min utilization × E", unit: "ratio", .higherIsBetter,
                   format: .decimal("ratio"), "min_utilization_ratio on the validation split, where balance settings are chosen."),
        MetricInfo("val_load_cv", "validation load CV", unit: "ratio", .lowerIsBetter, format: .decimal("ratio"),
                   "load_cv on the validation split, where balance settings are chosen."),
        MetricInfo("routing_latency_p50", "routing latency p50 (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true,
                   format: .microseconds, "Median wall-clock time of the router alone deciding one input at batch size 1."),
        MetricInfo("routing_latency_p99", "routing latency p99 (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true,
                   format: .microseconds, "99th percentile of the batch-1 router latency (as routing_latency_p50)."),
        MetricInfo("routing_latency_max", "routing latency max (batch 1)", unit: "s", .lowerIsBetter, machineDependent: true,
                   format: .microseconds, "Slowest batch-1 routing decision (as routing_latency_p50)."),
    ]

    /// Online routing over a stream with a distribution shift (`online-router`).
    static let routingLearning: [MetricInfo] = [
        MetricInfo("routing_accuracy", "routing accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Fraction of stream samples routed to the expert of their class group."),
        MetricInfo("final_routing_accuracy", "final routing accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Routing accuracy over the last tenth of the stream."),
        MetricInfo("routing_accuracy_before_shift", "routing accuracy before shift", unit: "fraction", .higherIsBetter,
                   format: .percent, "Routing accuracy over the stream samples before the shift."),
        MetricInfo("routing_accuracy_after_shift", "routing accuracy after shift", unit: "fraction", .higherIsBetter,
                   format: .percent, "Routing accuracy over the stream samples from the shift on."),
        MetricInfo("task_accuracy", "task accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Fraction of stream samples the chosen expert classified correctly (the policy's reward)."),
        MetricInfo("final_task_accuracy", "final task accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Task accuracy over the last tenth of the stream."),
        MetricInfo("oracle_task_accuracy", "oracle task accuracy", unit: "fraction", .informational, format: .percent,
                   "Task accuracy had every sample gone to its group's expert: the ceiling set by the experts."),
        MetricInfo("samples_to_90_before_shift", "samples to 90 % before shift", unit: "samples", .lowerIsBetter,
                   format: .decimal("samples"),
                   "Samples from the stream's start until the trailing window's routing accuracy first reaches 0.9 (NaN if never)."),
        MetricInfo("samples_to_90_after_shift", "samples to 90 % after shift", unit: "samples", .lowerIsBetter,
                   format: .decimal("samples"),
                   "Samples from the shift until the trailing window's routing accuracy first reaches 0.9 again (NaN if never)."),
        MetricInfo("cumulative_regret", "cumulative regret", unit: "reward", .lowerIsBetter, format: .decimal("reward"),
                   "Σ over the stream of oracle reward − obtained reward (bandit regret; Lattimore & Szepesvári 2020)."),
        MetricInfo("shift_step", "shift step", unit: "samples", .informational, format: .decimal("samples"),
                   "Stream position at which the class-group distribution shifts."),
        MetricInfo("groups", "class groups", unit: "count", .informational, format: .whole("count"),
                   "Number of class groups, one expert each: the router's choices."),
        MetricInfo("weight_drift", "weight drift", unit: "L2", .informational, format: .decimal("L2"),
                   "Euclidean distance between the plastic router weights at the stream's end and start (plastic policies only)."),
        MetricInfo("expert_accuracy_g{i}", "expert {i} accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Test accuracy of group i's frozen expert on the test images of its own classes."),
        MetricInfo("expert_train_seconds", "expert training time", unit: "s", .lowerIsBetter, machineDependent: true,
                   format: .microseconds, "Wall-clock time of training the group experts before the stream."),
        MetricInfo("stream_seconds", "stream time", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Wall-clock time of routing, rewarding and updating over the whole stream."),
        MetricInfo("router_features", "router features", unit: "count", .informational, format: .whole("count"),
                   "Dimension of the feature vector the router sees per sample."),
    ]

    /// Sequence backbones (`sequence`).
    static let sequence: [MetricInfo] = [
        MetricInfo("val_bits_per_char", "validation bits / char", unit: "bits/char", .lowerIsBetter, format: .decimal("bits/char"),
                   "Mean cross-entropy per predicted byte in bits on validation text (char-lm only)."),
        MetricInfo("test_bits_per_char", "test bits / char", unit: "bits/char", .lowerIsBetter, format: .decimal("bits/char"),
                   "Mean cross-entropy per predicted byte in bits on test text (char-lm only)."),
        MetricInfo("accuracy_len_{N}", "accuracy at length {N}", unit: "fraction", .higherIsBetter, format: .percent,
                   "Induction-heads accuracy on test sequences of length N, longer than trained on: length generalisation (Olsson et al. 2022)."),
        MetricInfo("recurrent_state_bytes", "recurrent state", unit: "bytes", .informational, format: .mebibytes,
                   "Bytes of state carried between steps in step mode at the task's length, all layers (a KV cache for softmax attention); computed, not measured."),
        MetricInfo("tokens_per_s_forward", "tokens / s (forward)", unit: "tokens/s", .higherIsBetter, machineDependent: true,
                   format: .decimal("tokens/s"), "Tokens per second of the parallel forward pass on one training-sized batch, after an untimed warm-up."),
        MetricInfo("tokens_per_s_train", "tokens / s (train)", unit: "tokens/s", .higherIsBetter, machineDependent: true,
                   format: .decimal("tokens/s"), "Tokens per second of forward plus backward (gradients, no optimizer step) on one training-sized batch."),
    ]

    /// Kernel micro-benchmarks (`perf`); the block benches record tokens_per_s_* and parameters above.
    static let perf: [MetricInfo] = [
        MetricInfo("sgemm_gflops_n{N}", "sgemm GFLOPS at n = {N}", unit: "GFLOPS", .higherIsBetter, machineDependent: true,
                   format: .decimal("GFLOPS"), "2n³ / the median time of an n×n×n OpenBLAS sgemm call, after a warm-up, at the run's thread count."),
        MetricInfo("sgemm_peak_gflops", "sgemm peak GFLOPS", unit: "GFLOPS", .higherIsBetter, machineDependent: true,
                   format: .decimal("GFLOPS"), "The highest sgemm GFLOPS over the run's sizes: the practical peak the GEMM layers are held to."),
    ]
}
