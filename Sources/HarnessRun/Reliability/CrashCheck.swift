import Dispatch
import Foundation
import HarnessConfig
import HarnessStore
import Metrics
#if canImport(Glibc)
import Glibc
#endif

/// The crash check: `biomoe run` on a small real suite (tiny MLPs on Fashion-MNIST) is killed
/// with SIGKILL at random points `kills` times, restarted each time, then run to the end; the
/// file must then pass SQLite's integrity check, hold no half-recorded run, and give the same
/// non-timing metrics, bit for bit, as an uninterrupted run of the same suite.
struct CrashCheck {
    let kills: Int
    let seed: UInt64

    /// Three variants × ⌈kills / 3⌉ seeds, so that most kills land while runs are in progress.
    var suiteYAML: String {
        let seeds = (0..<max(1, (kills + 2) / 3)).map(String.init).joined(separator: ", ")
        return """
        schema: 1
        name: crash-check
        version: 1
        description: scratch suite of the reliability suite's crash check (killed and resumed; never published)
        seeds: [\(seeds)]
        task: {validation_size: 200, train_limit: 1000, test_limit: 300, epochs: 2, batch_size: 50, latency_samples: 5}
        base: {model: mlp, hidden: [16], learning_rate: 0.01}
        variants:
          softmax-regression: {hidden: []}
          mlp-16: {}
          mlp-32: {hidden: [32]}
        """
    }

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("crash-check.yaml").path
        try suiteYAML.write(toFile: config, atomically: true, encoding: .utf8)
        let reference = directory.appendingPathComponent("reference.sqlite").path
        let killed = directory.appendingPathComponent("killed.sqlite").path

        let start = DispatchTime.now().uptimeNanoseconds
        let whole = try BiomoeChild.run(["run", config, "--db", reference, "--plain"])
        guard whole.status == 0, !whole.signalled else {
            throw ReliabilityError.childFailed(what: "the uninterrupted crash-check run", status: whole.status, stderr: whole.standardError)
        }
        let wholeSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        progress(0.1, "uninterrupted run: \(String(format: "%.1f", wholeSeconds)) s")

        // Kill points spread over the time one invocation takes to make progress: a start-up
        // (loading the data) plus a few runs. Seeded, so a rerun kills at the same points.
        var rng = SplitMix64(seed: seed)
        let perRun = wholeSeconds / Double(3 * max(1, (kills + 2) / 3))
        var midRun = 0
        for index in 0..<kills {
            let (process, errors) = try BiomoeChild.start(["run", config, "--db", killed, "--plain"])
            let delay = Double.random(in: 0.05...(0.3 + 4 * perRun), using: &rng)
            usleep(useconds_t(delay * 1e6))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            let result = BiomoeChild.finish(process, errors: errors)
            if result.signalled { midRun += 1 }
            progress(0.1 + 0.8 * Double(index + 1) / Double(kills), "kill \(index + 1)/\(kills)\(result.signalled ? "" : " (had already finished)")")
        }
        let last = try BiomoeChild.run(["run", config, "--db", killed, "--plain"])
        guard last.status == 0, !last.signalled else {
            throw ReliabilityError.childFailed(what: "the run resuming after \(kills) kills", status: last.status, stderr: last.standardError)
        }
        let comparison = try compare(reference: reference, killed: killed)
        outcome.metric("crash_kills", Double(kills))
        outcome.metric("crash_kills_mid_run", Double(midRun))
        outcome.metric("crash_rows_lost", Double(comparison.rowsLost))
        outcome.metric("crash_half_recorded_runs", Double(comparison.halfRecorded))
        outcome.metric("crash_metrics_differing", Double(comparison.differing))
        outcome.metric("crash_integrity_problems", Double(comparison.integrityProblems))
        outcome.metric("crash_runs", Double(comparison.runs))
    }

    struct Comparison {
        var runs = 0, rowsLost = 0, halfRecorded = 0, differing = 0, integrityProblems = 0
    }

    /// Row counts and non-timing metric bits of every complete run, killed file against reference.
    func compare(reference: String, killed: String) throws -> Comparison {
        let before = try ResultStore(path: reference), after = try ResultStore(path: killed)
        var comparison = Comparison()
        comparison.integrityProblems = try after.integrityProblems().count
        let expected = try Self.contents(before), actual = try Self.contents(after)
        comparison.runs = actual.count
        for (key, want) in expected {
            guard let got = actual[key] else {
                comparison.rowsLost += want.rows
                comparison.halfRecorded += 1
                continue
            }
            if got.rows < want.rows {
                comparison.rowsLost += want.rows - got.rows
                comparison.halfRecorded += 1
            }
            comparison.differing += want.metrics.filter { got.metrics[$0.key] != $0.value }.count
        }
        return comparison
    }

    /// (variant, seed) → rows stored for the run (params, metrics, series) and its non-timing metric bits.
    static func contents(_ store: ResultStore) throws -> [String: (rows: Int, metrics: [String: UInt64])] {
        var out: [String: (rows: Int, metrics: [String: UInt64])] = [:]
        for suite in try store.suites(named: "crash-check") {
            for run in try store.runs(suiteId: suite.id ?? -1, status: .complete) {
                let id = run.id ?? -1
                let metrics = try store.metrics(runIds: [id])
                let rows = metrics.count + (try store.params(runIds: [id]).count) + (try store.series(runId: id).count)
                let bits = Dictionary(uniqueKeysWithValues: metrics.filter { MetricCatalog.info($0.name)?.machineDependent == false }
                    .map { ($0.name, $0.value.bitPattern) })
                out["\(run.variant) \(run.seed)"] = (rows, bits)
            }
        }
        return out
    }
}
