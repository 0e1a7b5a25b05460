import Foundation
import Testing
@testable import HarnessConfig
@testable import HarnessRun
import HarnessStore
import Metrics

private let fashionMNISTInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")
private let jargonInstalled = FileManager.default.fileExists(atPath: "/usr/share/doc/jargon-text/jargon.txt.gz")
/// Real MNIST and VADER's files are fetched best effort by the set-up command (not Debian packages).
private let mnistInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/mnist/t10k-labels-idx1-ubyte")
private let vaderInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/vader/tweets_GroundTruth.txt")
/// The pipeline needs VADER's files, the NRC lexicon (scripts/fetch-nrc.py), Fashion-MNIST and the Jargon File.
private let pipelineInputsInstalled = vaderInstalled && fashionMNISTInstalled && jargonInstalled
    && FileManager.default.fileExists(atPath: "/usr/share/datasets/nrc/nrc_en.json")
/// Metrics only the routed benchmark (real MNIST) or the affect suite (VADER's files) records.
private let mnistOnlyMetrics: Set<String> = ["routing_purity", "domain_routing_accuracy", "output_spikes_per_image",
    "representation_fraction", "silent_neuron_fraction", "classes_labelled", "training_images", "labelling_images", "test_images",
    "average_accuracy", "forgetting", "backward_transfer", "active_experts", "experts_born", "experts_pruned", "active_parameters", "task_routing_accuracy", "past_expert_rows", "gate_signal_bias",
    "index_vectors", "index_recall", "index_speedup", "index_scanned_fraction", "index_exact_query_seconds", "index_ivf_query_seconds",
    "index_exact_build_seconds", "index_ivf_train_seconds", "index_ivf_add_seconds"]
private let vaderOnlyMetrics: Set<String> = ["valence_pearson", "sentiment_class_agreement", "sentiment_snippets", "affect_throughput",
    "sentiment_weighted_precision", "sentiment_weighted_recall", "sentiment_weighted_f1", "sentiment_macro_f1"]
/// CPU torch for the PyTorch peers (scripts/test.sh installs it; without it their metrics are not checked).
private let torchInstalled: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import torch"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()
/// Metrics only the PyTorch peers of the block benches record, one per implementation form.
private let peerOnlyMetrics: Set<String> = Set(MetricCatalog.peerForms.flatMap { ["peer_tokens_per_s_forward_\($0.form)", "peer_tokens_per_s_train_\($0.form)"] })
/// Metrics only the request pipeline records (its inputs: see `pipelineInputsInstalled`).
private let pipelineOnlyMetrics: Set<String> = Set(MetricCatalog.pipeline.map(\.name))

/// Image classification at the smallest size that still takes every branch that records a
/// metric: a dense MLP, a softmax-routed MoE and a spiking-routed one, with validation and
/// latency samples.
private let imageSuite = """
schema: 1
name: tiny-image-metrics
version: 1
seeds: [0]
task: {validation_size: 50, train_limit: 100, test_limit: 50, epochs: 1, batch_size: 50, latency_samples: 2}
base: {model: moe, experts: 2, top_k: 1, model_width: 8, expert_hidden: 8}
variants:
  mlp: {model: mlp, hidden: [8]}
  softmax: {router: softmax}
  spiking: {router: spiking, time_steps: 2, population: 2, select_epoch: best-validation}
  spiking-rate: {router: spiking, time_steps: 2, population: 2, spike_encoding: rate}
  self-assessed: {router: self-assessed}
"""

/// The Diehl & Cook network, N = 10 on a handful of real MNIST images.
private let diehlCookSuite = """
schema: 1
name: tiny-dc
version: 1
seeds: [0]
task: {dataset: mnist, validation_size: 0, train_limit: 20, test_limit: 10}
base: {model: diehl-cook, dc_neurons: 10, dc_label_images: 10}
variants: {dc: {}}
"""

/// Split MNIST, a few steps per task, with the two methods that record extra state (EWC's Fisher,
/// LwF's teacher).
let continualSuite = """
schema: 1
name: tiny-continual
version: 1
seeds: [0]
task: {dataset: mnist, validation_size: 0, train_limit: 500, test_limit: 200, batch_size: 16}
base: {model: continual, hidden: [16], cl_iterations: 3}
variants:
  ewc: {cl_scenario: class, cl_method: ewc, cl_ewc_lambda: 100}
  lwf: {cl_scenario: task, cl_method: lwf}
  emc: {cl_scenario: class, cl_method: routed-growth-emc, hidden: [8, 8]}
"""

/// The growth model growing 1 → 2 with pruning and neurogenesis on (each records its events).
let growthSuite = """
schema: 1
name: tiny-growth
version: 1
seeds: [0]
task: {dataset: mnist, validation_size: 50, train_limit: 300, test_limit: 100, epochs: 2, batch_size: 32}
base: {model: growth, model_width: 8, expert_hidden: 8, growth_experts: [1, 2], growth_epochs: [1, 2], growth_max_experts: 3, growth_spawn_entropy: 0.01, growth_spawn_patience: 2, growth_prune_utilization: 0.01}
variants: {grow: {}, signals: {gate_phasor: 0.5, gate_kwta: 4, thalamic_scale: 1, predictive_weight: 0.5, gate_groups: 3, merit_weight: 1, gate_bias: [0.1, 0, 0]}}
"""

/// The routed benchmark: permuted MNIST with the domain oracle (routing purity and accuracy).
private let domainSuite = """
schema: 1
name: tiny-domain-metrics
version: 1
seeds: [0]
task: {dataset: permuted-mnist, domains: 2, validation_size: 50, train_limit: 100, test_limit: 50, epochs: 1, batch_size: 50, latency_samples: 2}
base: {model: moe, experts: 2, top_k: 1, expert_hidden: 4, input_projection: false, residual: false}
variants:
  oracle: {router: oracle}
"""

/// Affect: VADER on the smallest rated set.
private let affectSuite = """
schema: 1
name: tiny-affect-metrics
version: 1
seeds: [0]
task: {dataset: none}
base: {model: affect, rated_set: amazon-reviews}
variants:
  amazon: {}
"""

/// The request pipeline at its smallest: a few requests per domain, a few language-model steps;
/// the spiking router (spike counts) and the long-term memory (hit agreement) each once.
private let pipelineSuite = """
schema: 1
name: tiny-pipeline-metrics
version: 1
seeds: [0]
task: {dataset: fashion-mnist, validation_size: 100, train_limit: 300}
base: {model: pipeline, steps: 2, seq_len: 16, train_batch: 2, d_model: 8, layers: 1, requests_train: 8, requests_validation: 2, requests_test: 4, gate_epochs: 2}
variants:
  spiking-memory: {query_router: spiking, time_steps: 2, long_term_memory: true, routing_scaling: [4, 8]}
"""

/// The memory index benchmark on a few hundred real images.
private let memoryIndexSuite = """
schema: 1
name: tiny-memory-index-metrics
version: 1
seeds: [0]
task: {dataset: none}
base: {model: memory-index, index_vectors_per_set: 200, index_queries_per_set: 5, ivf_lists: 8, ivf_probe: 2, ivf_probe_sweep: [1, 4]}
variants:
  ivf: {}
"""

/// Online routing: a plastic spiking policy (spike rate and weight drift) over a short stream.
private let routingLearningSuite = """
schema: 1
name: tiny-routing-learning-metrics
version: 1
seeds: [0]
task: {validation_size: 50, train_limit: 300, test_limit: 200, epochs: 1, batch_size: 100, latency_samples: 0}
base: {model: online-router, expert_layers: [8], stream_length: 200, window: 50}
variants:
  stdp: {policy: stdp, stdp_neurons: 6, stdp_steps: 2}
"""

/// Sequence backbones: one task with length generalisation and byte-level LM (bits per char).
private let sequenceSuite = """
schema: 1
name: tiny-sequence-metrics
version: 1
seeds: [0]
task: {dataset: sequence}
base: {model: sequence, d_model: 8, layers: 1, heads: 1, d_state: 2, train_batch: 2, steps: 2, eval_every: 2,
       eval_sequences: 2, throughput_repeats: 1, seq_len: 16, vocab_size: 16}
variants:
  induction: {mixer: mamba, seq_task: induction-heads, test_lengths: [32], test_sequences: 2}
  char: {mixer: softmax-attention, seq_task: char-lm}
  fair: {mixer: softmax-attention, seq_task: induction-heads, positions: learned, short_conv: 3, mlp: true, lr_schedule: cosine,
         warmup_steps: 1, grad_clip: 1, stop_accuracy: 0.99, patience: 2, positive_control: 0.9, test_lengths: [32], test_sequences: 2}
"""

/// Kernel micro-benchmarks: sgemm at one small size, both blocks at a tiny shape, the MoE
/// bench (60 batches of 2 Fashion-MNIST images), one GEMM layer, the harness bench (100
/// synthetic runs and `biomoe report` on them, with the biomoe built beside the tests), and the
/// git-mine bench at its full size (10 000 synthetic commits: a few seconds).
private let perfSuite = """
schema: 1
name: tiny-perf-metrics
version: 1
seeds: [0]
task: {dataset: none}
base: {model: perf, d_model: 8, heads: 2, d_state: 2, train_batch: 2, seq_len: 8, throughput_repeats: 1, sgemm_sizes: [16]}
variants:
  sgemm: {bench: sgemm}
  mamba: {bench: mamba-block, kernels: reference}
  linear: {bench: linear-attention-block}
  moe: {bench: moe-train}
  gemm: {bench: gemm-layer, gemm_layer: mlp-hidden}
  harness: {bench: harness}
  mine: {bench: git-mine}
"""

/// Both blocks' PyTorch peers at the tiny shape: every implementation form they time.
private let perfPeerSuite = """
schema: 1
name: tiny-perf-peer-metrics
version: 1
seeds: [0]
task: {dataset: none}
base: {model: perf, peer: pytorch, d_model: 8, heads: 2, d_state: 2, train_batch: 2, seq_len: 8, throughput_repeats: 1}
variants:
  mamba: {bench: mamba-block}
  linear: {bench: linear-attention-block}
"""

/// Micro-experts on a synthetic history the test writes (150 commits, SyntheticGitHistory): an
/// expert, a baseline and the voted ensemble on the cascade task (disagreement is recorded only
/// by the ensemble).
private func microExpertsSuite(repository: String, revision: String) -> String {
    """
    schema: 1
    name: tiny-micro-experts-metrics
    version: 1
    seeds: [0]
    task: {dataset: git}
    base: {model: micro-experts, repository: "\(repository)", revision: \(revision)}
    variants:
      file: {expert: file}
      rules: {expert: co-change-rules, ranking_task: cascade-from-one-file}
      voted: {expert: voted, ranking_task: cascade-from-one-file, calibration: isotonic}
    """
}

/// The synthetic history of the micro-experts suite, written once.
private let syntheticHistory: Result<(path: String, head: String), any Error> = Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-metric-coverage-\(UUID().uuidString)")
    let history = try SyntheticGitHistory(directory: directory, commits: 150, seed: 3)
    return (directory.path, try history.head())
}

/// Recording already refuses a metric the catalog lacks (`RunOutcome.metric` stops the run);
/// these tests run every experiment kind so that such a metric is found here, not in a
/// three-hour suite, and so that the catalog holds no entry nothing records.
@Suite("Metric catalog covers what experiments record", .serialized)
struct MetricCoverageTests {
    static func recorded(_ yaml: String) throws -> [MetricValue] {
        let spec = try SuiteSpec.parse(yaml: yaml, path: "tiny.yaml")
        let registry = Registry()
        try registry.prepare(spec)
        return try spec.expand().flatMap { try registry.experiment(for: $0).run(progress: { _, _ in }).metrics }
    }

    static func expectCatalogued(_ metrics: [MetricValue]) {
        #expect(!metrics.isEmpty)
        for metric in metrics {
            let info = MetricCatalog.info(metric.name)
            #expect(info != nil, "\(metric.name) is recorded but not in MetricCatalog")
            #expect(info?.unit == metric.unit, "\(metric.name) stored in \(metric.unit), catalog says \(info?.unit ?? "—")")
        }
    }

    @Test("every metric an image-classification run records (MLP, softmax and spiking MoE) is in the catalog with its unit",
          .enabled(if: fashionMNISTInstalled))
    func imageClassification() throws {
        Self.expectCatalogued(try Self.recorded(imageSuite))
    }

    @Test("every metric a routed-benchmark run records is in the catalog with its unit", .enabled(if: mnistInstalled))
    func domainRouting() throws {
        Self.expectCatalogued(try Self.recorded(domainSuite))
    }

    @Test("every metric a Diehl & Cook run records is in the catalog with its unit", .enabled(if: mnistInstalled))
    func diehlCook() throws {
        Self.expectCatalogued(try Self.recorded(diehlCookSuite))
    }

    @Test("every metric a continual-learning run records is in the catalog with its unit", .enabled(if: mnistInstalled))
    func continual() throws {
        Self.expectCatalogued(try Self.recorded(continualSuite))
    }

    @Test("every metric a growth run records is in the catalog with its unit", .enabled(if: mnistInstalled))
    func growth() throws {
        Self.expectCatalogued(try Self.recorded(growthSuite))
    }

    @Test("every metric an affect run records is in the catalog with its unit", .enabled(if: vaderInstalled))
    func affect() throws {
        Self.expectCatalogued(try Self.recorded(affectSuite))
    }

    @Test("every metric a pipeline run records is in the catalog with its unit", .enabled(if: pipelineInputsInstalled))
    func pipeline() throws {
        Self.expectCatalogued(try Self.recorded(pipelineSuite))
    }

    @Test("every metric a memory-index run records is in the catalog with its unit", .enabled(if: mnistInstalled))
    func memoryIndex() throws {
        Self.expectCatalogued(try Self.recorded(memoryIndexSuite))
    }

    @Test("every metric an online-router run records is in the catalog with its unit", .enabled(if: fashionMNISTInstalled))
    func routingLearning() throws {
        Self.expectCatalogued(try Self.recorded(routingLearningSuite))
    }

    @Test("every metric a sequence run records is in the catalog with its unit", .enabled(if: jargonInstalled))
    func sequence() throws {
        Self.expectCatalogued(try Self.recorded(sequenceSuite))
    }

    @Test("every metric a perf run records is in the catalog with its unit", .enabled(if: fashionMNISTInstalled))
    func perf() async throws {
        Self.expectCatalogued(try await onOwnThread { try Self.recorded(perfSuite) })
    }

    @Test("every metric the PyTorch block peers record is in the catalog with its unit, one per form they time",
          .enabled(if: torchInstalled, "needs CPU torch: bash baselines/pytorch/install.sh"))
    func perfPeers() async throws {
        let recorded = try await onOwnThread { try Self.recorded(perfPeerSuite) }
        Self.expectCatalogued(recorded)
        #expect(Set(recorded.map(\.name)).isSuperset(of: peerOnlyMetrics))
    }

    @Test("every metric a micro-experts run records is in the catalog with its unit")
    func microExperts() async throws {
        let history = try syntheticHistory.get()
        Self.expectCatalogued(try await onOwnThread { try Self.recorded(microExpertsSuite(repository: history.path, revision: history.head)) })
    }

    @Test("every catalog entry is recorded by some experiment kind, so the catalog lists no dead metric",
          .enabled(if: fashionMNISTInstalled && jargonInstalled))
    func noDeadEntries() async throws {
        let history = try syntheticHistory.get()
        // The reliability checks wait on child processes: off the cooperative pool, like mining.
        let reliability = try await onOwnThread { try smallReliabilityOutcome.get().values.flatMap { $0 } }
        Self.expectCatalogued(reliability)
        let names = try await onOwnThread {
            try (Self.recorded(imageSuite) + Self.recorded(routingLearningSuite) + Self.recorded(sequenceSuite)
                 + Self.recorded(perfSuite) + Self.recorded(microExpertsSuite(repository: history.path, revision: history.head))).map(\.name)
        } + reliability.map(\.name)
            + (mnistInstalled ? try (Self.recorded(domainSuite) + Self.recorded(diehlCookSuite) + Self.recorded(continualSuite) + Self.recorded(growthSuite)
                                + Self.recorded(memoryIndexSuite)).map(\.name) : [])
            + (vaderInstalled ? try Self.recorded(affectSuite).map(\.name) : [])
            + (pipelineInputsInstalled ? try Self.recorded(pipelineSuite).map(\.name) : [])
            + (torchInstalled ? try Self.recorded(perfPeerSuite).map(\.name) : [])
        for info in MetricCatalog.all where (canMountTmpfs || !info.name.hasPrefix("resource_"))
            && (mnistInstalled || !mnistOnlyMetrics.contains(info.name)) && (vaderInstalled || !vaderOnlyMetrics.contains(info.name))
            && (pipelineInputsInstalled || !pipelineOnlyMetrics.contains(info.name)) && (torchInstalled || !peerOnlyMetrics.contains(info.name)) {
            #expect(names.contains { info.matches($0) }, "\(info.name) is in MetricCatalog but no tiny run recorded it")
        }
    }
}
