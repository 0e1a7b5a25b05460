import Foundation
import GRDB
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Result store recording and reading")
struct StoreRecordingTests {
    @Test("a full run reads back exactly, NaN metrics and series included")
    func fullRunRoundTrip() throws {
        let fixture = try StoreFixture()
        let runId = try fixture.store.record(RunRecordInput(
            header: fixture.header(variant: "moe-top2", seed: 3),
            params: ["router.topK": "2", "lr": "0.001"],
            metrics: [
                MetricValue(name: "loss", value: .nan, unit: "nats"),
                MetricValue(name: "accuracy", value: 0.8125, unit: "ratio"),
            ],
            series: [
                SeriesPoint(name: "loss", step: 1, value: .nan),
                SeriesPoint(name: "loss", step: 0, value: 2.25),
                SeriesPoint(name: "accuracy", step: 0, value: 0.5),
            ],
            events: [
                RunEvent(kind: "route", step: 0, payload: #"{"expert":1}"#),
                RunEvent(kind: "clone", step: 5, payload: #"{"from":1,"to":4}"#),
                RunEvent(kind: "route", step: 1, payload: #"{"expert":3}"#),
            ],
            predictions: [
                Prediction(label: 2, probabilities: [0.125, 0.25, 0.625]),
                Prediction(label: 0, probabilities: [1, 0, 0]),
            ]))

        let runs = try fixture.store.runs(suiteId: fixture.suiteId)
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.id == runId)
        #expect(run.key == RunKey(variant: "moe-top2", seed: 3))
        #expect(run.status == .complete)
        #expect(run.error == nil)
        #expect(run.resolvedConfig == #"{"experts":4,"topK":2}"#)
        #expect(run.startedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(run.finishedAt == Date(timeIntervalSince1970: 1_700_000_060))

        #expect(try fixture.store.params(runIds: [runId]) == [
            ParamRow(runId: runId, key: "lr", value: "0.001"),
            ParamRow(runId: runId, key: "router.topK", value: "2"),
        ])

        let metrics = try fixture.store.metrics(runIds: [runId])
        #expect(metrics.map(\.name) == ["accuracy", "loss"])
        #expect(metrics[0].value == 0.8125)
        #expect(metrics[0].unit == "ratio")
        #expect(metrics[1].value.isNaN, "NaN metric came back as \(metrics[1].value)")
        #expect(metrics[1].unit == "nats")
        // Stored as NULL: that is what SQLite does with NaN, and what the schema documents.
        let storedLoss = try fixture.store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT value FROM metric WHERE name = 'loss'")
        }
        #expect(storedLoss?["value"] == DatabaseValue.null)

        let series = try fixture.store.series(runId: runId)
        #expect(series.map { "\($0.name)@\($0.step)" } == ["accuracy@0", "loss@0", "loss@1"])
        #expect(series[0].value == 0.5)
        #expect(series[1].value == 2.25)
        #expect(series[2].value.isNaN)
        #expect(try fixture.store.series(named: "loss", runIds: [runId]).map(\.step) == [0, 1])

        let events = try fixture.store.events(runId: runId)
        #expect(events.map(\.kind) == ["route", "clone", "route"])
        #expect(events.map(\.step) == [0, 5, 1])
        let routes = try fixture.store.events(runId: runId, kind: "route")
        #expect(routes.map(\.payload) == [#"{"expert":1}"#, #"{"expert":3}"#])

        #expect(try fixture.store.predictions(runId: runId) == [
            PredictionRow(runId: runId, sampleIndex: 0, label: 2, probabilities: [0.125, 0.25, 0.625]),
            PredictionRow(runId: runId, sampleIndex: 1, label: 0, probabilities: [1, 0, 0]),
        ])

        let environment = try #require(try fixture.store.environment(id: run.environmentId))
        #expect(environment.environment == StoreFixture.environment)
        #expect(environment.fingerprint == StoreFixture.environment.fingerprint)
    }

    @Test("a failure mid-record leaves no row of that run (duplicate series point)")
    func recordIsAllOrNothing() throws {
        let fixture = try StoreFixture()
        let broken = RunRecordInput(
            header: fixture.header(variant: "dense", seed: 1),
            params: ["lr": "0.01"],
            metrics: [MetricValue(name: "accuracy", value: 0.75, unit: "ratio")],
            series: [
                SeriesPoint(name: "loss", step: 0, value: 2.0),
                SeriesPoint(name: "loss", step: 0, value: 1.0),  // same (run, name, step)
            ],
            predictions: [Prediction(label: 1, probabilities: [0.5, 0.5])])
        #expect(throws: DatabaseError.self) { try fixture.store.record(broken) }
        for table in ["run", "param", "metric", "series", "event", "prediction"] {
            #expect(try fixture.count(table) == 0, "\(table) has rows of a rolled-back run")
        }
        #expect(try fixture.store.completedSeeds(suiteId: fixture.suiteId).isEmpty)

        // An invalid JSON payload, written after every other table, rolls back the same way.
        var badEvent = broken
        badEvent.series = [SeriesPoint(name: "loss", step: 0, value: 2.0)]
        badEvent.events = [RunEvent(kind: "route", step: 0, payload: "{expert: 1")]
        #expect(throws: DatabaseError.self) { try fixture.store.record(badEvent) }
        #expect(try fixture.count("run") == 0)
        #expect(try fixture.count("series") == 0)
    }

    @Test("predictions with different class counts are refused before anything is written")
    func inconsistentPredictionWidth() throws {
        let fixture = try StoreFixture()
        let input = RunRecordInput(
            header: fixture.header(variant: "dense", seed: 1),
            predictions: [Prediction(label: 0, probabilities: [1, 0]),
                          Prediction(label: 0, probabilities: [1, 0, 0])])
        #expect(throws: ResultStoreError.inconsistentPredictionWidth(
            sampleIndex: 1, expected: 2, found: 3)) { try fixture.store.record(input) }
        #expect(try fixture.count("run") == 0)
    }

    @Test("completedSeeds counts complete runs only; a failed key is retried and then counted")
    func completedSeedsSkipsFailures() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.record(RunRecordInput(header: fixture.header(variant: "dense", seed: 1)))
        try store.recordFailure(fixture.header(variant: "dense", seed: 2), error: "loss diverged")
        try store.record(RunRecordInput(header: fixture.header(variant: "moe", seed: 1)))
        #expect(try store.completedSeeds(suiteId: fixture.suiteId) == [
            RunKey(variant: "dense", seed: 1), RunKey(variant: "moe", seed: 1),
        ])
        let summaryBefore = try #require(try store.allSuites().first)
        #expect(summaryBefore.completeRuns == 2)
        #expect(summaryBefore.failedAttempts == 1)
        #expect(summaryBefore.failedKeys == 1)

        try store.record(RunRecordInput(header: fixture.header(variant: "dense", seed: 2)))
        #expect(try store.completedSeeds(suiteId: fixture.suiteId).count == 3)
        let summaryAfter = try #require(try store.allSuites().first)
        #expect(summaryAfter.completeRuns == 3)
        #expect(summaryAfter.failedAttempts == 1)
        #expect(summaryAfter.failedKeys == 0)
        #expect(summaryAfter.invocations == 1)

        let failed = try store.runs(suiteId: fixture.suiteId, status: .failed)
        #expect(failed.map(\.error) == ["loss diverged"])
        // Ordered by variant, then seed, then id (the failed attempt before its retry).
        #expect(try store.runs(suiteId: fixture.suiteId).map { "\($0.variant)/\($0.seed)/\($0.status)" }
                == ["dense/1/complete", "dense/2/failed", "dense/2/complete", "moe/1/complete"])
    }

    @Test("recording a key that is already complete throws and keeps the first result")
    func secondCompleteRunRefused() throws {
        let fixture = try StoreFixture()
        try fixture.store.record(RunRecordInput(
            header: fixture.header(variant: "dense", seed: 1),
            metrics: [MetricValue(name: "accuracy", value: 0.5, unit: "ratio")]))
        #expect(throws: ResultStoreError.runAlreadyComplete(
            suiteId: fixture.suiteId, variant: "dense", seed: 1)) {
            try fixture.store.record(RunRecordInput(
                header: fixture.header(variant: "dense", seed: 1),
                metrics: [MetricValue(name: "accuracy", value: 0.9, unit: "ratio")]))
        }
        let runIds = try fixture.store.runs(suiteId: fixture.suiteId).compactMap(\.id)
        #expect(try fixture.store.metrics(runIds: runIds).map(\.value) == [0.5])
    }

    @Test("registering the same environment or suite twice returns the same id")
    func registrationIsIdempotent() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        #expect(try store.register(environment: StoreFixture.environment) == fixture.environmentId)
        var otherMachine = StoreFixture.environment
        otherMachine.blasThreads = 8
        #expect(try store.register(environment: otherMachine) != fixture.environmentId)

        #expect(try store.register(suite: StoreFixture.suite) == fixture.suiteId)
        var edited = StoreFixture.suite
        edited.configHash = "def456"
        edited.canonicalConfig = #"{"seeds":[1,2,3],"task":"fashion-mnist"}"#
        let editedId = try store.register(suite: edited)
        #expect(editedId != fixture.suiteId)
        #expect(try store.suites(named: "fmnist-moe").compactMap(\.id) == [fixture.suiteId, editedId])
        #expect(try store.latestSuite(named: "fmnist-moe")?.id == editedId)
        #expect(try store.latestSuite(named: "absent") == nil)

        var collision = StoreFixture.suite
        collision.canonicalConfig = #"{"seeds":[9]}"#
        #expect(throws: ResultStoreError.suiteHashCollision(name: "fmnist-moe", configHash: "abc123")) {
            _ = try store.register(suite: collision)
        }
    }

    @Test("finishing an invocation sets its status and end; an unknown id throws")
    func invocationLifecycle() throws {
        let fixture = try StoreFixture()
        let running = try fixture.store.invocations(suiteId: fixture.suiteId)
        #expect(running.map(\.status) == [.running])
        #expect(running.first?.finishedAt == nil)
        try fixture.store.finishInvocation(id: fixture.invocationId, status: .interrupted)
        let finished = try fixture.store.invocations(suiteId: fixture.suiteId)
        #expect(finished.map(\.status) == [.interrupted])
        #expect(finished.first?.finishedAt != nil)
        #expect(throws: ResultStoreError.unknownInvocation(id: 999)) {
            try fixture.store.finishInvocation(id: 999, status: .finished)
        }
    }

    /// Speed is the perf suite's (rows/s into SQLite, experiments/perf.yaml), not a unit test's.
    @Test("10 000 predictions of 10 classes are recorded in one transaction and read back")
    func bulkPredictions() throws {
        let fixture = try StoreFixture()
        let predictions = (0..<10_000).map { index in
            Prediction(label: index % 10,
                       probabilities: (0..<10).map { Float(($0 + index) % 10) / 45 })
        }
        let runId = try fixture.store.record(RunRecordInput(
            header: fixture.header(variant: "dense", seed: 1), predictions: predictions))
        let stored = try fixture.store.predictions(runId: runId)
        #expect(stored.count == 10_000)
        #expect(stored[9_999].label == 9)
        #expect(stored[9_999].probabilities == predictions[9_999].probabilities)
    }

    @Test("runs recorded from a dirty tree are kept but marked superseded, so the suite runs them again and no config reuses them")
    func supersedeDirtyRuns() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        var dirty = StoreFixture.environment
        dirty.codeDirty = true
        let dirtyId = try store.register(environment: dirty)
        var fromDirtyTree = fixture.header(variant: "moe", seed: 1)
        fromDirtyTree.environmentId = dirtyId
        try store.record(RunRecordInput(header: fromDirtyTree, metrics: [MetricValue(name: "accuracy", value: 0.9, unit: "ratio")]))
        try store.record(RunRecordInput(header: fixture.header(variant: "dense", seed: 1)))
        // Another suite's dirty run stays as it is.
        let other = try store.register(suite: SuiteRegistration(name: "other", configHash: "x", configVersion: 1, canonicalConfig: "{}", sourcePath: nil))
        var otherHeader = fromDirtyTree
        otherHeader.suiteId = other
        try store.record(RunRecordInput(header: otherHeader))

        #expect(try store.supersedeDirtyRuns(suiteName: StoreFixture.suite.name) == 1)
        #expect(try store.completedSeeds(suiteId: fixture.suiteId) == [RunKey(variant: "dense", seed: 1)])
        let kept = try #require(try store.runs(suiteId: fixture.suiteId, status: .failed).first)
        #expect(kept.variant == "moe" && kept.error == ResultStore.supersededAsDirty)
        #expect(try store.metrics(runIds: [kept.id ?? 0]).map(\.value) == [0.9], "its rows stay")
        #expect(try store.completedSeeds(suiteId: other) == [RunKey(variant: "moe", seed: 1)])
        #expect(try store.supersedeDirtyRuns(suiteName: StoreFixture.suite.name) == 0, "a second call finds nothing")
    }
}
