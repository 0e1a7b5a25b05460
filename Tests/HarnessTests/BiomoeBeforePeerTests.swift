import Foundation
@testable import HarnessConfig
@testable import HarnessRun
import Testing

/// A perf suite of one variant: `extra` over the tiny block shape these tests time.
private func perfSuite(_ extra: String) -> String {
    """
    schema: 1
    name: before
    version: 1
    seeds: [0]
    task: {dataset: none}
    base: {model: perf, d_model: 32, d_state: 4, expand: 2, heads: 2, train_batch: 2, seq_len: 16, throughput_repeats: 1}
    variants: {v: {\(extra)}}
    """
}

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Whether the package is a git checkout whose history holds the commit run.sh builds.
private let historyHoldsBefore: Bool = {
    guard let script = try? String(contentsOf: root.appendingPathComponent("baselines/biomoe-before/run.sh"), encoding: .utf8),
          let line = script.split(separator: "\n").first(where: { $0.hasPrefix("commit=") }) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root.path, "cat-file", "-e", String(line.dropFirst("commit=".count)) + "^{commit}"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("biomoe before issue 11 as a perf peer: built from history, checked against today's block, timed in the same run")
struct BiomoeBeforePeerTests {
    static let today = BiomoeBeforePeer.CheckSums(outSum: 3.0, outAbsSum: 7588.0, dinpSum: 5.4, dinpAbsSum: 8807.0)

    static func driverJSON(outSum: Double = 3.0, dinpAbsSum: Double = 8807.0) -> [String: Any] {
        ["blas_core": "Cooperlake", "commit": "0f9f8caa", "parameters": 116_480.0,
         "metrics": ["tokens_per_s_forward": 44_000.0, "tokens_per_s_train": 13_500.0],
         "check": ["out_sum": outSum, "out_abs_sum": 7588.0, "dinp_sum": 5.4, "dinp_abs_sum": dinpAbsSum]]
    }

    @Test("the driver's figures become the run's metrics, and its kernel and commit a peer-build event")
    func records() throws {
        var outcome = RunOutcome()
        try BiomoeBeforePeer.record(Self.driverJSON(outSum: 3.5), expected: Self.today, path: "run.sh", into: &outcome)
        let metrics = Dictionary(uniqueKeysWithValues: outcome.metrics.map { ($0.name, $0.value) })
        #expect(metrics == ["tokens_per_s_forward": 44_000, "tokens_per_s_train": 13_500, "parameters": 116_480])
        #expect(outcome.events.map(\.kind) == ["peer-build"])
        #expect(outcome.events.first?.payload == #"{"blas_core":"Cooperlake","commit":"0f9f8caa"}"#)
    }

    @Test("a block whose output or input gradient differs from today's by more than 1e-4 of its absolute sum is refused, naming the sum")
    func refusesAnotherBlock() throws {
        for (json, what) in [(Self.driverJSON(outSum: 3.0 + 0.8), "sum of the output is 3.8"),
                             (Self.driverJSON(dinpAbsSum: 8807.0 * 1.001), "absolute sum of the input gradient")] {
            var outcome = RunOutcome()
            do {
                try BiomoeBeforePeer.record(json, expected: Self.today, path: "run.sh", into: &outcome)
                Issue.record("accepted \(json)")
            } catch {
                #expect("\(error)".contains("computes another block than today's reference kernels: \(what)"), "\(error)")
            }
            #expect(outcome.metrics.isEmpty, "nothing recorded from a refused peer")
        }
        var outcome = RunOutcome()
        #expect(throws: PerfError.self) { try BiomoeBeforePeer.record(["metrics": [:] as [String: Double]], expected: Self.today, path: "run.sh", into: &outcome) }
    }

    @Test("a peer asked of a bench it does not have, or of a sequence run, is refused when the config is read, naming the key")
    func refusedInConfigs() throws {
        for (extra, expected) in [("bench: moe-train, peer: biomoe-before", "mamba-block, linear-attention-block with peer biomoe-before"),
                                  ("bench: sgemm, peer: pytorch", "mamba-block, linear-attention-block, moe-train with peer pytorch")] {
            do {
                _ = try SuiteSpec.parse(yaml: perfSuite(extra), path: "before.yaml")
                Issue.record("\(extra) was accepted")
            } catch let error as ConfigError {
                #expect("\(error)".contains("variants.v.bench") && "\(error)".contains(expected), "\(error)")
            }
        }
        _ = try SuiteSpec.parse(yaml: perfSuite("bench: mamba-block, peer: biomoe-before"), path: "before.yaml")
        let sequence = """
            schema: 1
            name: before
            version: 1
            seeds: [0]
            task: {dataset: sequence}
            base: {model: sequence, seq_task: mqar, mixer: softmax-attention}
            variants: {v: {peer: biomoe-before}}
            """
        #expect { _ = try SuiteSpec.parse(yaml: sequence, path: "before.yaml") } throws: { error in
            "\(error)".contains("variants.v.peer") && "\(error)".contains("biomoe-before times perf's blocks only")
        }
    }

    @Test("run.sh builds biomoe before issue 11 from history and times both blocks, whose sums match today's reference kernels",
          .enabled(if: historyHoldsBefore, "needs the package's git history"), .timeLimit(.minutes(10)))
    func endToEnd() async throws {
        for bench in ["mamba-block", "linear-attention-block"] {
            let suite = try SuiteSpec.parse(yaml: perfSuite("bench: \(bench), peer: biomoe-before"), path: "before.yaml")
            let spec = RunSpec(suite: suite, variant: suite.variants[0], seed: 0)
            var outcome = RunOutcome()
            try BiomoeBeforePeer.run(bench: try spec.choice("bench", as: PerfBench.self), spec: spec, progress: { _, _ in },
                                     directory: root.appendingPathComponent("baselines/biomoe-before").path, into: &outcome)
            let names = Set(outcome.metrics.map(\.name))
            #expect(names == ["tokens_per_s_forward", "tokens_per_s_train", "parameters"], "\(bench)")
            #expect(outcome.metrics.allSatisfy { $0.value > 0 && $0.value.isFinite })
            #expect(outcome.events.first?.payload.contains("0f9f8caa77972b54b9e2fea321c37758ed933f24") == true)
        }
    }
}
