import Dispatch
import Foundation
import HarnessConfig
import HarnessStore
import Metrics
import Tensor

/// The harness bench: how fast biomoe records and reports, on a scratch database in a temporary
/// directory that is removed afterwards.
///
/// 1. 100 runs (10 variants × 10 seeds of a classification suite) are written through
///    `ResultStore.record`, one transaction each as `biomoe run` writes them, with the metrics
///    and per-epoch curves a real run records; their values are seeded draws, not training
///    results, and the scratch database is never published.
/// 2. `biomoe report` renders that suite (Markdown and gnuplot charts) as a child process: the
///    wall time a user waits for a 100-run report.
///
/// Why a child process: the report is the executable's command, above this target; timing the
/// real command also counts what a user pays (start-up, opening the database, gnuplot).
enum PerfHarnessBench {
    static let variants = 10, seeds = 10, epochs = 50

    static func run(spec: RunSpec, into outcome: inout RunOutcome) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-harness-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("bench.sqlite").path
        let suite = try SuiteSpec.parse(yaml: suiteYAML, path: directory.appendingPathComponent("harness-bench.yaml").path)

        let store = try ResultStore(path: database)
        let environmentId = try store.register(environment: EnvironmentProbe.current(repositoryPath: "."))
        let suiteId = try store.register(suite: SuiteRegistration(
            name: suite.name, configHash: suite.configHash, configVersion: suite.version,
            canonicalConfig: suite.canonical.canonicalJSON, sourcePath: suite.sourcePath, gatePolicy: suite.gate.json))
        let invocationId = try store.beginInvocation(suiteId: suiteId, environmentId: environmentId)
        var rng = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed)).generator("perf-harness")
        var rows = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for runSpec in suite.expand() {
            let input = syntheticRun(runSpec, header: RunHeader(
                suiteId: suiteId, invocationId: invocationId, environmentId: environmentId, variant: runSpec.variant,
                seed: runSpec.seed, configHash: runSpec.runConfigHash, resolvedConfig: runSpec.resolved.canonicalJSON,
                startedAt: Date(), finishedAt: Date()), rng: &rng)
            rows += 1 + input.params.count + input.metrics.count + input.series.count
            _ = try store.record(input)
        }
        let writeSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try store.finishInvocation(id: invocationId, status: .finished)

        let reportStart = DispatchTime.now().uptimeNanoseconds
        try runReport(suite: suite.name, database: database, out: directory.appendingPathComponent("report").path)
        let reportSeconds = Double(DispatchTime.now().uptimeNanoseconds - reportStart) / 1e9
        outcome.metric("harness_rows_per_s", Double(rows) / writeSeconds)
        outcome.metric("harness_runs_per_s", Double(variants * seeds) / writeSeconds)
        outcome.metric("harness_report_seconds", reportSeconds)
    }

    /// A classification suite of `variants` MLP widths × `seeds` seeds; never trained.
    static var suiteYAML: String {
        let widths = (0..<variants).map { "  w\(8 << $0): {hidden: [\(8 << $0)]}" }.joined(separator: "\n")
        return """
        schema: 1
        name: harness-bench
        version: 1
        description: scratch suite of the perf suite's harness bench (synthetic values, never trained or published)
        seeds: [\((0..<seeds).map(String.init).joined(separator: ", "))]
        task: {dataset: fashion-mnist, epochs: \(epochs)}
        base: {model: mlp}
        variants:
        \(widths)
        """
    }

    /// The metrics and curves a classification run records, as seeded draws around plausible values.
    static func syntheticRun<G: RandomNumberGenerator>(_ run: RunSpec, header: RunHeader, rng: inout G) -> RunRecordInput {
        func draw(_ center: Double, _ spread: Double) -> Double { center + spread * (Double(rng.unitUniformFloat()) - 0.5) }
        var outcome = RunOutcome()
        for (name, center, spread) in [("test_accuracy", 0.85, 0.05), ("val_accuracy", 0.85, 0.05), ("test_nll", 0.4, 0.1),
                                       ("test_ece", 0.03, 0.02), ("test_mce", 0.1, 0.05), ("test_brier", 0.2, 0.05),
                                       ("final_train_loss", 0.3, 0.1), ("train_seconds", 20, 5), ("parameters", 2e5, 1e5),
                                       ("train_throughput", 4e4, 1e4), ("latency_p50", 4e-5, 1e-5), ("latency_p95", 6e-5, 1e-5),
                                       ("latency_p99", 8e-5, 2e-5), ("latency_max", 2e-4, 5e-5), ("peak_rss", 3e8, 5e7)] {
            outcome.metric(name, draw(center, spread))
        }
        for epoch in 1...epochs {
            let progress = Double(epoch) / Double(epochs)
            outcome.point("train_loss", step: epoch, 1.5 - progress + draw(0, 0.05))
            outcome.point("val_accuracy", step: epoch, 0.6 + 0.25 * progress + draw(0, 0.02))
            outcome.point("val_loss", step: epoch, 1.2 - 0.8 * progress + draw(0, 0.05))
        }
        return RunRecordInput(header: header, params: Dictionary(uniqueKeysWithValues: run.parameterRows.map { ($0.key, $0.value) }),
                              metrics: outcome.metrics, series: outcome.series, events: [], predictions: [])
    }

    static func runReport(suite: String, database: String, out: String) throws {
        let result = try BiomoeChild.run(["report", suite, "--db", database, "--out", out])
        guard result.status == 0, !result.signalled else {
            let tail = result.standardError.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw PerfHarnessError.reportFailed(status: result.status, stderr: tail)
        }
    }
}

enum PerfHarnessError: Error, CustomStringConvertible {
    case reportFailed(status: Int32, stderr: String)

    var description: String {
        switch self {
        case let .reportFailed(status, stderr):
            return "`biomoe report` on the harness bench's scratch database failed (exit \(status)): \(stderr)"
        }
    }
}
