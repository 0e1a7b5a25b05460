import Foundation
import Testing
import Metrics
@testable import HarnessConfig
@testable import HarnessRun
@testable import HarnessStore

/// The reliability suite's checks at small scale (CI's version of experiments/reliability.yaml):
/// ten kills (the CI scale), 60 fuzzed configs, every corrupt input; the resource faults where tmpfs can be
/// mounted (root). They run the biomoe built beside the tests.
let smallReliabilitySuite = """
schema: 1
name: reliability-small
version: 1
seeds: [0]
task: {dataset: none}
base: {model: reliability}
variants:
  crash: {check: crash, kills: 10}
  fuzz: {check: fuzz, fuzz_cases: 60}
  corrupt: {check: corrupt-inputs}
  concurrent: {check: concurrent, rounds: 1}
  signals: {check: signals, rounds: 3}
  diverged: {check: diverged}
""" + (canMountTmpfs ? "\n  resources: {check: resources}" : "")

/// Whether this process may mount a tmpfs (root, with mount available): the resources check needs it.
let canMountTmpfs: Bool = {
    guard getuid() == 0, let point = try? ResourceFaultCheck.mountPoint(options: "size=64k") else { return false }
    ResourceFaultCheck.unmount(point)
    return true
}()

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

    @Test("killed ten times with SIGKILL and resumed, a suite's file is sound, complete and bit-identical to an uninterrupted run")
    func crash() throws {
        #expect(try Self.value("crash", "crash_kills") == 10)
        #expect(try Self.value("crash", "crash_runs") == 12)
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

    @Test("a full disk (under the results file, under the checkpoints) and a read-only file system: exit 1 in one line naming the file, no run failed or lost",
          .enabled(if: canMountTmpfs, "mounting a tmpfs needs root"))
    func resources() throws {
        #expect(try Self.value("resources", "resource_faults") == 3)
        for name in ["resource_unclear_errors", "resource_runs_failed", "resource_runs_lost", "resource_integrity_problems"] {
            #expect(try Self.value("resources", name) == 0, "\(name)")
        }
    }

    @Test("two processes on one database: every run recorded once, none failed, both exit 0, the file sound")
    func concurrent() throws {
        #expect(try Self.value("concurrent", "concurrent_rounds") == 1)
        for name in ["concurrent_runs_missing", "concurrent_runs_failed", "concurrent_bad_exits", "concurrent_integrity_problems"] {
            #expect(try Self.value("concurrent", name) == 0, "\(name)")
        }
    }

    @Test("SIGINT, SIGTERM and a double SIGINT: exit 128 + signal, and the resumed suite is complete, with no failed run")
    func signals() throws {
        #expect(try Self.value("signals", "signal_rounds") == 3)
        #expect(try Self.value("signals", "signal_runs_before_stop") >= 2)
        for name in ["signal_wrong_exits", "signal_runs_lost", "signal_runs_failed", "signal_integrity_problems"] {
            #expect(try Self.value("signals", name) == 0, "\(name)")
        }
    }

    @Test("a NaN loss: exit 3, the run failed with its reason, the other variant complete, the report lists it")
    func diverged() throws {
        for name in ["diverged_wrong_exits", "diverged_unrecorded", "diverged_suite_stopped", "diverged_report_unlisted"] {
            #expect(try Self.value("diverged", name) == 0, "\(name)")
        }
    }
}
