import Foundation
import Testing
@testable import HarnessBaseline
import Metrics
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

private let fashionMNISTInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")

private let testEnvironment = EnvironmentFingerprint(
    codeCommit: "test", codeDirty: false, toolchain: "test", blasLibrary: "test", blasThreads: 1, cpuModel: "test", os: "test")

/// A suite small enough for a unit test: 400 training images, one epoch.
private let tinySuite = """
schema: 1
name: tiny
version: 1
seeds: [0, 1]
task: {validation_size: 100, train_limit: 400, test_limit: 200, epochs: 2, batch_size: 50, latency_samples: 5}
base: {hidden: [16], learning_rate: 0.01}
variants:
  softmax-regression: {hidden: []}
  mlp: {}
"""

/// Serialized: the runs measure latency with one BLAS thread (a process-wide setting), which must
/// not change under another test's training, or the reproducibility check would see a different
/// summation order.
@Suite("Suite runner, resume and report, end to end on real Fashion-MNIST", .enabled(if: fashionMNISTInstalled), .serialized)
struct SuiteRunnerTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a suite runs every variant × seed once, and a second run skips them all")
    func runsThenSkips() throws {
        let spec = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let store = try ResultStore.inMemory()
        let registry = Registry()
        try registry.prepare(spec)
        let quiet = ProgressReporter(output: .nullDevice, forcePlain: true)
        let first = try SuiteRunner(spec: spec, store: store, registry: registry, progress: quiet, environment: testEnvironment).run()
        #expect(first == SuiteRunSummary(executed: 4, skipped: 0, failed: 0))
        let second = try SuiteRunner(spec: spec, store: store, registry: registry, progress: quiet, environment: testEnvironment).run()
        #expect(second == SuiteRunSummary(executed: 0, skipped: 4, failed: 0))
        let suiteId = try #require(try store.latestSuite(named: "tiny")?.id)
        let runs = try store.runs(suiteId: suiteId, status: .complete)
        #expect(runs.count == 4)
        let metrics = try store.metrics(runIds: runs.compactMap(\.id))
        let accuracies = metrics.filter { $0.name == "test_accuracy" }.map(\.value)
        #expect(accuracies.count == 4)
        #expect(accuracies.allSatisfy { $0 > 0.3 && $0 <= 1 })  // 10 classes: chance is 0.1
        #expect(try store.predictions(runId: runs[0].id ?? 0).count == 200)
    }

    @Test("adding a variant reruns only that variant: the others are copied with every row and their source named")
    func addingAVariantReusesTheOthers() throws {
        let store = try ResultStore.inMemory()
        let quiet = ProgressReporter(output: .nullDevice, forcePlain: true)
        let first = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let registry = Registry()
        try registry.prepare(first)
        _ = try SuiteRunner(spec: first, store: store, registry: registry, progress: quiet, environment: testEnvironment).run()
        let grown = try SuiteSpec.parse(yaml: tinySuite + "\n  wide: {hidden: [32]}\n", path: "tiny.yaml")
        #expect(grown.configHash != first.configHash)
        let summary = try SuiteRunner(spec: grown, store: store, registry: registry, progress: quiet, environment: testEnvironment).run()
        #expect(summary == SuiteRunSummary(executed: 2, skipped: 0, failed: 0, reused: 4))
        let oldRuns = try store.runs(suiteId: try #require(try store.register(suite: SuiteRegistration(
            name: first.name, configHash: first.configHash, configVersion: first.version,
            canonicalConfig: first.canonical.canonicalJSON, sourcePath: nil))), status: .complete)
        let newSuite = try #require(try store.latestSuite(named: "tiny")?.id)
        let newRuns = try store.runs(suiteId: newSuite, status: .complete)
        #expect(newRuns.count == 6)
        for old in oldRuns {
            let copy = try #require(newRuns.first { $0.key == old.key })
            #expect(copy.reusedFromRunId == old.id && copy.environmentId == old.environmentId && copy.configHash == old.configHash)
            let oldMetrics = try store.metrics(runIds: [old.id ?? 0]).map { "\($0.name)=\($0.value)" }.sorted()
            let newMetrics = try store.metrics(runIds: [copy.id ?? 0]).map { "\($0.name)=\($0.value)" }.sorted()
            #expect(!oldMetrics.isEmpty && oldMetrics == newMetrics)
            #expect(try store.predictions(runId: copy.id ?? 0).count == 200)
        }
        #expect(newRuns.filter { $0.reusedFromRunId == nil }.map(\.variant) == ["wide", "wide"])
    }

    @Test("the same config and seed give identical accuracy, calibration and loss curves")
    func reproducible() throws {
        let spec = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let registry = Registry()
        let run = spec.expand()[2]
        let quiet: ProgressHandler = { _, _ in }
        let a = try registry.experiment(for: run).run(progress: quiet)
        let b = try registry.experiment(for: run).run(progress: quiet)
        let deterministic = { (o: RunOutcome) in o.metrics.filter { !(MetricCatalog.info($0.name)?.machineDependent ?? false) } }
        #expect(deterministic(a) == deterministic(b))
        #expect(a.series.filter { $0.name != "latency_batch1" } == b.series.filter { $0.name != "latency_batch1" })
        #expect(a.predictions == b.predictions)
    }

    @Test("a report is rendered from the database alone and is byte-identical when rendered twice")
    func reportIsDeterministic() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let dbPath = dir.appendingPathComponent("tiny.sqlite").path
        let registry = Registry()
        let quiet = ProgressReporter(output: .nullDevice, forcePlain: true)
        _ = try SuiteRunner(spec: spec, store: try ResultStore(path: dbPath), registry: registry, progress: quiet,
                            environment: testEnvironment).run()
        let out = dir.appendingPathComponent("report").path
        let generator = ReportGenerator(databasePath: dbPath)
        let readme = try generator.generate(suite: "tiny", configHash: nil, outputDirectory: out)
        let first = try Data(contentsOf: URL(fileURLWithPath: readme))
        let firstChart = try Data(contentsOf: URL(fileURLWithPath: out + "/accuracy.svg"))
        try generator.generate(suite: "tiny", configHash: spec.configHash, outputDirectory: out)
        #expect(try Data(contentsOf: URL(fileURLWithPath: readme)) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/accuracy.svg")) == firstChart)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("| config hash | `\(spec.configHash)` |"))
        #expect(text.contains("| softmax-regression | 2 |"))
        #expect(text.contains("| mlp | 2 |"))
        for chart in ["accuracy", "loss", "reliability", "latency-cdf"] {
            #expect(FileManager.default.fileExists(atPath: out + "/\(chart).png"))
        }
    }

    @Test("reporting a suite the database does not hold names the suites it does hold")
    func unknownSuite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dbPath = dir.appendingPathComponent("empty.sqlite").path
        _ = try ResultStore(path: dbPath)
        #expect {
            try ReportGenerator(databasePath: dbPath).generate(suite: "nope", configHash: nil, outputDirectory: dir.path)
        } throws: { "\($0)".contains("no suite named 'nope'") }
    }
}
