import Foundation
import Testing
import Metrics
@testable import HarnessConfig
@testable import HarnessRun
@testable import HarnessStore

private let fashionMNISTInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")

private let mergeEnvironment = EnvironmentFingerprint(
    codeCommit: "test", codeDirty: false, toolchain: "test", blasLibrary: "test", blasThreads: 1, cpuModel: "test", os: "test")

/// Three variants × two seeds: six runs, so shards 1/3, 2/3 and 3/3 each get two.
private let shardSuite = """
schema: 1
name: shards
version: 1
seeds: [0, 1]
task: {validation_size: 100, train_limit: 300, test_limit: 200, epochs: 1, batch_size: 50, latency_samples: 3}
base: {hidden: [8], learning_rate: 0.01}
variants:
  softmax-regression: {hidden: []}
  mlp-8: {}
  mlp-16: {hidden: [16]}
"""

/// `biomoe merge`: shards run into separate files (one per node) and merged give the results of
/// one unsharded run. Serialized: the runs set the process-wide BLAS thread count for latency.
@Suite("Merging shards run on different machines", .enabled(if: fashionMNISTInstalled), .serialized)
struct ShardMergeTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `yaml` (the whole suite, or one shard) into the file at `path`.
    func run(_ yaml: String = shardSuite, shard: String? = nil, into path: String) throws {
        let spec = try SuiteSpec.parse(yaml: yaml, path: "shards.yaml")
        let registry = Registry()
        try registry.prepare(spec)
        _ = try SuiteRunner(spec: spec, store: try ResultStore(path: path), registry: registry,
                            progress: ProgressReporter(output: .nullDevice, forcePlain: true), environment: mergeEnvironment,
                            shard: try shard.map { try RunShard(parsing: $0) } ?? .whole).run()
    }

    /// (variant, seed) → metric → value bits, for metrics that do not depend on the machine.
    func deterministicMetrics(_ path: String) throws -> [String: [String: UInt64]] {
        let store = try ResultStore(path: path)
        var out: [String: [String: UInt64]] = [:]
        for suite in try store.suites(named: "shards") {
            let runs = try store.runs(suiteId: suite.id ?? -1, status: .complete)
            let keys = Dictionary(uniqueKeysWithValues: runs.map { ($0.id ?? -1, "\($0.variant) \($0.seed)") })
            for metric in try store.metrics(runIds: runs.compactMap(\.id)) where MetricCatalog.info(metric.name)?.machineDependent == false {
                out[keys[metric.runId] ?? "?", default: [:]][metric.name] = metric.value.bitPattern
            }
        }
        return out
    }

    @Test("three shards run into three files and merged equal one unsharded run, bit for bit on non-timing metrics")
    func shardsMergeToTheWhole() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole.sqlite").path
        try run(into: whole)
        let shards = try (1...3).map { k -> String in
            let path = dir.appendingPathComponent("shard-\(k).sqlite").path
            try run(shard: "\(k)/3", into: path)
            return path
        }
        let merged = dir.appendingPathComponent("merged.sqlite").path
        let summary = try ResultStore.merge(shards, into: merged)
        #expect(summary.runs == 6 && summary.inputs == 3 && summary.configurations == 1)
        let expected = try deterministicMetrics(whole)
        #expect(expected.count == 6 && expected.values.allSatisfy { $0["test_accuracy"] != nil })
        #expect(try deterministicMetrics(merged) == expected)
        // The merged file is a working database: the suite is complete, so a run adds nothing.
        let store = try ResultStore(path: merged)
        let suite = try #require(try store.suites(named: "shards").first)
        #expect(try store.completedSeeds(suiteId: suite.id ?? -1).count == 6)
    }

    @Test("a run present in two inputs, or an input from another config, is refused and nothing is written")
    func refusals() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        try run(shard: "1/3", into: a)
        try FileManager.default.copyItem(atPath: a, toPath: b)
        let merged = dir.appendingPathComponent("merged.sqlite").path
        #expect {
            try ResultStore.merge([a, b], into: merged)
        } throws: { "\($0)".contains("every result must have one source") }
        #expect(!FileManager.default.fileExists(atPath: merged))

        let other = dir.appendingPathComponent("other.sqlite").path
        try run(shardSuite.replacingOccurrences(of: "learning_rate: 0.01", with: "learning_rate: 0.02"), shard: "2/3", into: other)
        #expect {
            try ResultStore.merge([a, other], into: merged)
        } throws: { "\($0)".contains("shards must come from one config") }
        #expect {
            try ResultStore.merge([a, a], into: merged)
        } throws: { "\($0)".contains("is given twice") }
        #expect {
            try ResultStore.merge([a], into: a)
        } throws: { "\($0)".contains("is both an input and --into") }
        #expect(!FileManager.default.fileExists(atPath: merged))
    }

    /// results/smoke.sqlite was published before environments recorded vector extensions
    /// (schema v7): it is merged as it is, its environments as not having recorded them.
    @Test("a published file from before schema v7 merges, unchanged, its environments without vector extensions")
    func mergesPublishedFileFromBeforeV7() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let published = root.appendingPathComponent("results/smoke.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: published))
        let merged = dir.appendingPathComponent("merged.sqlite").path
        let result = try ResultStore.merge([published], into: merged)
        #expect(result.runs > 0)
        let store = try ResultStore(path: merged)
        let environment = try #require(try store.environment(id: 1))
        #expect(environment.cpuVectorExtensions == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: published)) == before, "merging changed the published file")
    }
}
