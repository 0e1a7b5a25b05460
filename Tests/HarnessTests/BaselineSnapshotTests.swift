import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Baseline snapshots read from a results database")
struct BaselineSnapshotTests {
    static let registration = SuiteRegistration(
        name: "demo", configHash: "hash-1", configVersion: 3,
        canonicalConfig: #"{"name":"demo","seeds":[0,1],"variants":{"mlp":{},"softmax":{}},"version":3}"#)

    /// A store with `runs` (variant, seed, accuracy) recorded in one invocation.
    static func store(_ runs: [(String, Int, Double)]) throws -> (ResultStore, Int64, Int64) {
        let store = try ResultStore.inMemory()
        let environmentId = try store.register(environment: BaselineFixtures.environment)
        let suiteId = try store.register(suite: registration)
        let invocationId = try store.beginInvocation(suiteId: suiteId, environmentId: environmentId)
        for (variant, seed, accuracy) in runs {
            let header = RunHeader(suiteId: suiteId, invocationId: invocationId, environmentId: environmentId,
                                   variant: variant, seed: seed, configHash: "run-\(variant)", resolvedConfig: "{}",
                                   startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 1))
            try store.record(RunRecordInput(header: header, params: [:], metrics: [
                MetricValue(name: "test_accuracy", value: accuracy, unit: "fraction"),
                MetricValue(name: "custom", value: .nan, unit: "score"),
            ]))
        }
        return (store, suiteId, invocationId)
    }

    @Test("per-seed values, summaries, config identity and environment come from the complete runs")
    func reads() throws {
        let (store, _, invocationId) = try Self.store([("softmax", 0, 0.8), ("softmax", 1, 0.82), ("mlp", 0, 0.85), ("mlp", 1, 0.87)])
        let suite = try SuiteSnapshot.selectSuite(store: store, name: "demo", configHash: nil, databasePath: ":memory:")
        let snapshot = try SuiteSnapshot.read(store: store, suite: suite, requireComplete: true, databasePath: ":memory:")
        #expect(snapshot.variantOrder == ["softmax", "mlp"])
        let file = snapshot.baseline
        #expect(file.suite == "demo" && file.version == 3 && file.configHash == "hash-1")
        #expect(file.environments == [BaselineFixtures.environment])
        let accuracy = try #require(file.variants["mlp"]?["test_accuracy"])
        #expect(accuracy.values == ["0": 0.85, "1": 0.87])
        #expect(abs(accuracy.mean - 0.86) < 1e-15 && accuracy.min == 0.85 && accuracy.max == 0.87)
        #expect(abs(accuracy.std - 0.0141421356237309) < 1e-12)
        #expect(file.variants["mlp"]?["custom"]?.direction == .informational)
        #expect(file.variants["mlp"]?["custom"]?.valuesBySeed[0]?.isNaN == true)

        let history = try SuiteSnapshot.read(store: store, suite: suite, invocationId: invocationId, requireComplete: false,
                                             databasePath: ":memory:")
        #expect(history.baseline.variants.count == 2)
        #expect(throws: BaselineError.invocationNotFound(id: 99, suite: "demo", available: [invocationId])) {
            try SuiteSnapshot.selectInvocation(store: store, name: "demo", id: 99, databasePath: ":memory:")
        }
    }

    @Test("baseline update refuses a suite with missing runs, naming them")
    func incomplete() throws {
        let (store, _, _) = try Self.store([("softmax", 0, 0.8), ("mlp", 0, 0.85), ("mlp", 1, 0.87)])
        let suite = try SuiteSnapshot.selectSuite(store: store, name: "demo", configHash: nil, databasePath: ":memory:")
        #expect(throws: BaselineError.incompleteSuite(suite: "demo", missing: [RunKey(variant: "softmax", seed: 1)])) {
            try SuiteSnapshot.read(store: store, suite: suite, requireComplete: true, databasePath: ":memory:")
        }
        #expect(throws: BaselineError.suiteNotFound(name: "other", database: ":memory:", available: ["demo"])) {
            try SuiteSnapshot.selectSuite(store: store, name: "other", configHash: nil, databasePath: ":memory:")
        }
    }
}
