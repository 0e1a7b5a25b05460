import Foundation
import Testing
import Metrics
@testable import HarnessConfig
@testable import HarnessRun
@testable import HarnessStore

/// The reliability suite's checks at small scale (CI's version of experiments/reliability.yaml):
/// three kills, 60 fuzzed configs, every corrupt input. They run the biomoe built beside the tests.
let smallReliabilitySuite = """
schema: 1
name: reliability-small
version: 1
seeds: [0]
task: {dataset: none}
base: {model: reliability}
variants:
  crash: {check: crash, kills: 3}
  fuzz: {check: fuzz, fuzz_cases: 60}
  corrupt: {check: corrupt-inputs}
"""

/// Variant → its recorded metrics; computed once, shared with the catalog coverage test.
let smallReliabilityOutcome: Result<[String: [MetricValue]], any Error> = Result {
    let spec = try SuiteSpec.parse(yaml: smallReliabilitySuite, path: "reliability-small.yaml")
    let registry = Registry()
    try registry.prepare(spec)
    var out: [String: [MetricValue]] = [:]
    for run in spec.expand() { out[run.variant] = try registry.experiment(for: run).run(progress: { _, _ in }).metrics }
    return out
}

@Suite("Reliability checks at small scale", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")))
struct ReliabilityCheckTests {
    static func value(_ variant: String, _ name: String) throws -> Double {
        let metrics = try smallReliabilityOutcome.get()[variant] ?? []
        return try #require(metrics.first { $0.name == name }?.value, "\(variant) recorded no \(name)")
    }

    @Test("killed three times with SIGKILL and resumed, a suite's file is sound, complete and bit-identical to an uninterrupted run")
    func crash() throws {
        #expect(try Self.value("crash", "crash_kills") == 3)
        #expect(try Self.value("crash", "crash_runs") == 3)
        for name in ["crash_rows_lost", "crash_half_recorded_runs", "crash_metrics_differing", "crash_integrity_problems"] {
            #expect(try Self.value("crash", name) == 0, "\(name)")
        }
    }

    @Test("fuzzed configs are refused with one-line located errors, never a crash or a hang")
    func fuzz() throws {
        #expect(try Self.value("fuzz", "fuzz_cases") == 60)
        #expect(try Self.value("fuzz", "fuzz_defects") == 0)
        #expect(try Self.value("fuzz", "fuzz_refused") > 30)
    }

    @Test("every corrupt input ends with exit 1 and one line naming the file, and changes no file")
    func corruptInputs() throws {
        let cases = try Self.value("corrupt", "corrupt_cases")
        #expect(cases >= 8)
        #expect(try Self.value("corrupt", "corrupt_clear_errors") == cases)
        #expect(try Self.value("corrupt", "corrupt_files_changed") == 0)
        #expect(try Self.value("corrupt", "corrupt_crashes") == 0)
    }
}
