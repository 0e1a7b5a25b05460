extension MetricCatalog {
    /// The request pipeline (`pipeline`): routing over the domain experts, answer quality, affect's
    /// pull on routing, the memory, and per-stage latency over the test requests (one at a time).
    public static let pipeline: [MetricInfo] = {
        var entries: [MetricInfo] = [
            MetricInfo("pipeline_routing_accuracy", "routing accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                       "Request pipeline: share of test requests whose first-ranked expert (after gate, memory, affect, self-assessment and load) is the domain the request is labelled with (seed 002's target: > 95 %)."),
            MetricInfo("pipeline_val_routing_accuracy", "validation routing accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                       "As pipeline_routing_accuracy, on the validation requests (for choosing settings)."),
            MetricInfo("pipeline_load_cv", "load CV", unit: "ratio", .lowerIsBetter, format: .decimal("ratio"),
                       "Request pipeline: coefficient of variation (population std / mean) of the test requests' first-ranked experts over the four domains; the request set is balanced, so right routing gives 0 (seed 002's target: < 0.2)."),
            MetricInfo("vision_answer_accuracy", "vision answers right", unit: "fraction", .higherIsBetter, format: .percent,
                       "Request pipeline: share of the image requests whose reply is the vision expert's and names the image's Fashion-MNIST class."),
            MetricInfo("symbolic_exactness", "symbolic answers exact", unit: "fraction", .higherIsBetter, format: .percent,
                       "Request pipeline: share of the expression requests whose reply is the symbolic expert's and equals the expression's exact value."),
            MetricInfo("language_bits_per_char", "language bits/char", unit: "bits/char", .lowerIsBetter, format: .decimal("bits/char"),
                       "Request pipeline: the language expert's mean bits per character over the test requests' Jargon File sentences (held-out part of the corpus), each read from a fresh state."),
            MetricInfo("pipeline_unanswered", "unanswered requests", unit: "count", .lowerIsBetter, format: .whole("count"),
                       "Request pipeline: test requests no chosen expert could answer (each failure's reason is in the trace)."),
            MetricInfo("affect_routing_correlation", "affect–routing r", unit: "ratio", .informational, format: .decimal("ratio"),
                       "Request pipeline: Pearson r over test requests between the detected valence and the routing weight of the language expert minus the symbolic expert's (seed 000 §5.2 pushes it up under affect_mode modulate)."),
            MetricInfo("memory_hit_agreement", "memory top-hit agreement", unit: "fraction", .higherIsBetter, format: .percent,
                       "Request pipeline with long-term memory: share of test requests whose most similar stored request has the same domain label."),
            MetricInfo("pipeline_spikes_per_request", "router spikes / request", unit: "spikes", .informational, format: .decimal("spikes"),
                       "Request pipeline with the spiking router: spikes of its LIF populations per request (0 for the softmax router)."),
            MetricInfo("expert_instances_added", "instances added", unit: "count", .informational, format: .whole("count"),
                       "Request pipeline: expert instances the expert manager added over the validation and test streams (seed 002's rule: load > 0.8·max and rank > 0.8)."),
            MetricInfo("pipeline_requests", "test requests", unit: "count", .informational, format: .whole("count"),
                       "Request pipeline: labelled test requests answered (all four domains)."),
            MetricInfo("pipeline_latency_p50", "end-to-end p50", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                       "Request pipeline: median wall-clock time from a request to its reply, over the test requests, one at a time (HdrHistogram)."),
            MetricInfo("pipeline_latency_p95", "end-to-end p95", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                       "As pipeline_latency_p50, 95th percentile."),
            MetricInfo("pipeline_latency_p99", "end-to-end p99", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                       "As pipeline_latency_p50, 99th percentile (issue 16's target: under 15 ms on 2 cores)."),
            MetricInfo("pipeline_latency_max", "end-to-end max", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                       "As pipeline_latency_p50, the slowest request."),
        ]
        entries.append(MetricInfo("route_seconds_e{i}", "routing with {i} experts", unit: "s", .lowerIsBetter, machineDependent: true,
                                  format: .microseconds, "Request pipeline (routing_scaling): mean wall-clock time of one routing decision — the gate's forward pass, every expert's canHandle, the 0.6/0.4 rank — with i experts (i/4 instances of each domain expert, sharing its model)."))
        for domain in ["language", "vision", "symbolic", "affect"] {
            entries.append(MetricInfo("pipeline_routing_accuracy_\(domain)", "routing accuracy (\(domain))", unit: "fraction", .higherIsBetter,
                                      format: .percent, "As pipeline_routing_accuracy, over the test requests labelled \(domain)."))
        }
        for stage in ["encode", "affect", "retrieve", "route", "experts", "aggregate", "remember"] {
            entries.append(MetricInfo("stage_latency_p99_\(stage)", "\(stage) p99", unit: "s", .lowerIsBetter, machineDependent: true,
                                      format: .microseconds, "Request pipeline: 99th percentile of the \(stage) stage's wall-clock time per test request."))
        }
        return entries
    }()
}

extension MetricCatalog {
    /// The long-term memory's index benchmark (`memory-index`).
    static let memoryIndex: [MetricInfo] = [
        MetricInfo("index_vectors", "vectors stored", unit: "count", .informational, format: .whole("count"),
                   "Memory index: vectors in both indexes (Fashion-MNIST and MNIST training images)."),
        MetricInfo("index_recall", "recall@k", unit: "fraction", .higherIsBetter, format: .percent,
                   "Memory index: mean over queries of |IVF top k ∩ exact top k| / k at the configured probe count (issue 16's target at 100 000 vectors: ≥ 0.95 for k = 10)."),
        MetricInfo("index_speedup", "speed-up over exact", unit: "ratio", .higherIsBetter, machineDependent: true, format: .decimal("ratio"),
                   "Memory index: exact search's mean query time over the IVF's, queries one at a time on one BLAS thread."),
        MetricInfo("index_scanned_fraction", "share scanned", unit: "fraction", .informational, format: .percent,
                   "Memory index: mean share of the stored vectors in the probed lists."),
        MetricInfo("index_exact_query_seconds", "exact query", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Memory index: mean wall-clock time of one exact cosine top-k query (one sgemv over all vectors, then a heap)."),
        MetricInfo("index_ivf_query_seconds", "IVF query", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Memory index: mean wall-clock time of one IVF query at the configured probe count."),
        MetricInfo("index_exact_build_seconds", "exact build", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Memory index: time to add every vector to the exact index."),
        MetricInfo("index_ivf_train_seconds", "IVF training", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Memory index: time of the IVF's spherical k-means."),
        MetricInfo("index_ivf_add_seconds", "IVF add", unit: "s", .lowerIsBetter, machineDependent: true, format: .microseconds,
                   "Memory index: time to assign every vector to its list after training."),
    ]
}

