import Foundation
import HarnessConfig
import HarnessStore

/// Times one sequence block of biomoe as it was before issue 11, in the same suite run as
/// today's: baselines/biomoe-before/run.sh builds that commit from this repository's history
/// (once) with a timing driver that mirrors `PerfExperiment.blockThroughput`, and runs it.
///
/// Why a build of the old commit rather than a figure: issue 11 asks for Mamba "≥ 10× today's
/// biomoe" and counts only ratios measured back to back; its own figure for "today" came from
/// another machine, where OpenBLAS also fell back to a generic kernel.
///
/// The old binary runs on the kernel OpenBLAS picks by itself, as biomoe did before the issue
/// (`OPENBLAS_CORETYPE` is removed from its environment; the JSON names the kernel and the commit,
/// kept as the run's `peer-build` event), with `threads` BLAS threads (its sequence kernels had none).
/// Before timing, the driver runs one forward and backward; their sums must match today's
/// reference kernels on the same initialisation and input, or the run fails: a peer that
/// computes another block is no baseline.
enum BiomoeBeforePeer {
    /// Where run.sh lives; `BIOMOE_BEFORE_PEER_DIR` overrides it (the suite runs from the repository root).
    static var directory: String { ProcessInfo.processInfo.environment["BIOMOE_BEFORE_PEER_DIR"] ?? "baselines/biomoe-before" }

    static func run(bench: PerfBench, spec: RunSpec, progress: ProgressHandler, directory: String = directory,
                    into outcome: inout RunOutcome) throws {
        let threads = try spec.int("threads")
        var arguments = ["--block", bench.rawValue, "--batch", String(try spec.int("train_batch")),
                         "--seq-len", String(try spec.int("seq_len")), "--d-model", String(try spec.int("d_model")),
                         "--repeats", String(max(1, try spec.int("throughput_repeats"))),
                         "--seed", String(spec.seed), "--suite-seed", String(spec.suiteSeed)]
        switch bench {
        case .mambaBlock:
            arguments += ["--d-state", String(try spec.int("d_state")), "--d-conv", String(try spec.int("d_conv")),
                          "--expand", String(try spec.int("expand"))]
        case .linearAttentionBlock:
            arguments += ["--heads", String(try spec.int("heads"))] + (try spec.bool("normalize") ? [] : ["--unnormalized"])
        case .sgemm, .moeTrain, .gemmLayer, .harness, .gitMine:
            throw PerfError.noPeer(bench.rawValue)
        }
        let script = directory + "/run.sh"
        guard FileManager.default.fileExists(atPath: script) else {
            throw PerfError.peerFailed(script: script, reason: "no such file; run from the repository root or set BIOMOE_BEFORE_PEER_DIR")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        progress(0, "biomoe before issue 11: building it if needed (the first time, about a minute), then timing")
        let object = try PeerProcess.runJSON(executable: "/bin/bash", arguments: [script] + arguments, environment: environment,
                                             name: script, hint: "its build needs git history and a Swift toolchain")
        try record(object, expected: try referenceCheck(bench: bench, spec: spec), path: script, into: &outcome)
    }

    /// The driver's JSON as the run's metrics, after its check sums are compared with `expected`
    /// (each within 1e-4 of the absolute sum of its tensor).
    static func record(_ object: [String: Any], expected: CheckSums, path: String, into outcome: inout RunOutcome) throws {
        guard let metrics = object["metrics"] as? [String: Double], let forward = metrics["tokens_per_s_forward"],
              let train = metrics["tokens_per_s_train"] else {
            throw PerfError.peerFailed(script: path, reason: "its JSON lacks metrics.tokens_per_s_forward or tokens_per_s_train")
        }
        guard let check = object["check"] as? [String: Double], let got = CheckSums(check) else {
            throw PerfError.peerFailed(script: path, reason: "its JSON lacks check.out_sum, out_abs_sum, dinp_sum or dinp_abs_sum")
        }
        if let mismatch = got.mismatch(against: expected) {
            throw PerfError.peerFailed(script: path, reason: "it computes another block than today's reference kernels: \(mismatch)")
        }
        outcome.metric("tokens_per_s_forward", forward)
        outcome.metric("tokens_per_s_train", train)
        if let parameters = object["parameters"] as? Double { outcome.metric("parameters", parameters) }
        let build = ["blas_core": object["blas_core"] as? String ?? "?", "commit": object["commit"] as? String ?? "?"]
        let payload = try JSONSerialization.data(withJSONObject: build, options: [.sortedKeys])
        outcome.events.append(RunEvent(kind: "peer-build", step: 0, payload: String(decoding: payload, as: UTF8.self)))
    }

    /// Sums of one forward's output and one backward's input gradient.
    struct CheckSums: Equatable {
        var outSum, outAbsSum, dinpSum, dinpAbsSum: Double

        init(outSum: Double, outAbsSum: Double, dinpSum: Double, dinpAbsSum: Double) {
            (self.outSum, self.outAbsSum, self.dinpSum, self.dinpAbsSum) = (outSum, outAbsSum, dinpSum, dinpAbsSum)
        }

        init?(_ json: [String: Double]) {
            guard let a = json["out_sum"], let b = json["out_abs_sum"], let c = json["dinp_sum"], let d = json["dinp_abs_sum"] else { return nil }
            self.init(outSum: a, outAbsSum: b, dinpSum: c, dinpAbsSum: d)
        }

        /// What differs by more than 1e-4 of the tensor's absolute sum, named; nil when nothing does.
        func mismatch(against expected: CheckSums) -> String? {
            let pairs: [(String, Double, Double, Double)] = [
                ("sum of the output", outSum, expected.outSum, expected.outAbsSum),
                ("absolute sum of the output", outAbsSum, expected.outAbsSum, expected.outAbsSum),
                ("sum of the input gradient", dinpSum, expected.dinpSum, expected.dinpAbsSum),
                ("absolute sum of the input gradient", dinpAbsSum, expected.dinpAbsSum, expected.dinpAbsSum),
            ]
            for (what, got, want, scale) in pairs where !(abs(got - want) <= 1e-4 * max(scale, 1e-30)) {
                return "\(what) is \(got), today's \(want)"
            }
            return nil
        }
    }

    /// The check sums of today's block with the reference kernels, on the initialisation and
    /// input the driver uses (the "perf-init" stream of the run's seeds).
    static func referenceCheck(bench: PerfBench, spec: RunSpec) throws -> CheckSums {
        let block = try PerfBlock(bench, spec: spec, reference: true)
        block.train()
        let (out, dinp) = (block.out, block.dinp)
        return CheckSums(outSum: out.reduce(0.0) { $0 + Double($1) }, outAbsSum: out.reduce(0.0) { $0 + Double(abs($1)) },
                         dinpSum: dinp.reduce(0.0) { $0 + Double($1) }, dinpAbsSum: dinp.reduce(0.0) { $0 + Double(abs($1)) })
    }
}
