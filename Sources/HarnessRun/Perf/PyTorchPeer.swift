import Foundation
import HarnessConfig
import Metrics

/// Runs a perf bench's PyTorch peer (baselines/pytorch/) as a subprocess and records its
/// figures as this run's metrics, so biomoe and PyTorch are timed in the same suite run, on the
/// same machine, one after the other.
///
/// Each script checks itself against the committed golden fixtures before timing (it refuses to
/// time a model that computes something else) and prints one JSON object; its `metrics` hold one
/// throughput per implementation form (e.g. the scan as written, or the cumsum and recurrent
/// forms of linear attention). Every form's median is recorded, and the fastest form's as the
/// peer's figure: the peer at its best.
enum PyTorchPeer {
    /// Where the scripts live; `BIOMOE_PYTORCH_DIR` overrides it (the suite runs from the repository root).
    static var directory: String { ProcessInfo.processInfo.environment["BIOMOE_PYTORCH_DIR"] ?? "baselines/pytorch" }

    static func run(bench: PerfBench, spec: RunSpec, into outcome: inout RunOutcome) throws {
        if bench == .moeTrain {
            let object = try runScript("moe_fashion.py", ["--threads", String(try spec.int("threads")), "--quick",
                                                         "--batch-size", String(try spec.int("train_batch")), "--seed", String(spec.seed)])
            let metrics = object["metrics"] as? [String: Double] ?? [:]
            guard let throughput = metrics["train_samples_per_s"], let p50 = metrics["latency_batch1_p50_us"],
                  let p99 = metrics["latency_batch1_p99_us"] else {
                throw PerfError.peerFailed(script: "moe_fashion.py", reason: "its JSON lacks train_samples_per_s or latency_batch1_p50_us/p99_us")
            }
            outcome.metric("train_throughput", throughput)
            outcome.metric("latency_p50", p50 / 1e6)
            outcome.metric("latency_p99", p99 / 1e6)
            if let parameters = object["parameters"] as? Double { outcome.metric("parameters", parameters) }
            return
        }
        var arguments = ["--threads", String(try spec.int("threads")), "--batch", String(try spec.int("train_batch")),
                         "--seq-len", String(try spec.int("seq_len")), "--d-model", String(try spec.int("d_model")),
                         "--repeats", String(max(1, try spec.int("throughput_repeats")))]
        let script: String
        switch bench {
        case .sgemm, .moeTrain, .gemmLayer, .harness, .gitMine:
            throw PerfError.noPeer(bench.rawValue)
        case .mambaBlock:
            script = "mamba_block.py"
            arguments += ["--d-state", String(try spec.int("d_state")), "--d-conv", String(try spec.int("d_conv")),
                          "--expand", String(try spec.int("expand"))]
        case .linearAttentionBlock:
            script = "linear_attention.py"
            arguments += ["--heads", String(try spec.int("heads"))] + (try spec.bool("normalize") ? [] : ["--unnormalized"])
        }
        try recordBlock(try runScript(script, arguments), path: directory + "/" + script, into: &outcome)
    }

    /// A block script's JSON as the run's metrics: each form's median as
    /// `peer_tokens_per_s_{forward,train}_<form>`, and the fastest form's as `tokens_per_s_*`,
    /// the figure the ratios divide by. The form is what follows the metric's name
    /// (`tokens_per_s_train_chunked`); mamba_block.py names its `ref` scan without a suffix.
    /// A form the catalog does not know is refused, naming it, rather than dropped.
    static func recordBlock(_ object: [String: Any], path: String, into outcome: inout RunOutcome) throws {
        guard let metrics = object["metrics"] as? [String: Double] else {
            throw PerfError.peerFailed(script: path, reason: "its JSON has no `metrics` object of numbers")
        }
        let known = Set(MetricCatalog.peerForms.map(\.form))
        for name in ["tokens_per_s_forward", "tokens_per_s_train"] {
            var forms: [(form: String, value: Double)] = []
            for (key, value) in metrics where key.hasPrefix(name) && !key.hasSuffix("_best") {
                let form = key == name ? "ref" : String(key.dropFirst(name.count + 1))
                guard known.contains(form) else {
                    throw PerfError.peerFailed(script: path, reason: "its JSON times a form '\(form)' (\(key)) that MetricCatalog.peerForms "
                                                   + "does not list; add it there to record it")
                }
                forms.append((form, value))
            }
            guard let best = forms.map(\.value).max() else {
                throw PerfError.peerFailed(script: path, reason: "its JSON has no \(name)* metric")
            }
            outcome.metric(name, best)
            for (form, value) in forms.sorted(by: { $0.form < $1.form }) { outcome.metric("peer_\(name)_\(form)", value) }
        }
        if let parameters = object["parameters"] as? Double { outcome.metric("parameters", parameters) }
    }

    /// Runs `script` with `arguments` plus `--json FILE` and returns the JSON object it wrote.
    static func runScript(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let path = directory + "/" + script
        guard FileManager.default.fileExists(atPath: path) else {
            throw PerfError.peerFailed(script: path, reason: "no such file; run from the repository root or set BIOMOE_PYTORCH_DIR")
        }
        // `--json FILE` goes last; argparse takes the options in any order.
        return try PeerProcess.runJSON(executable: "/usr/bin/env", arguments: ["python3", path] + arguments, name: path,
                                       hint: "is torch installed? baselines/pytorch/install.sh")
    }
}

enum PerfError: Error, CustomStringConvertible {
    case noPeer(String)
    case peerFailed(script: String, reason: String)

    var description: String {
        switch self {
        case .noPeer(let bench): return "bench \(bench) has no such peer; use peer: biomoe"
        case let .peerFailed(script, reason): return "peer \(script) failed: \(reason)"
        }
    }
}
