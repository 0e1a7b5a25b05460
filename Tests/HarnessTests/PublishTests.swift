import Foundation
import GRDB
import Metrics
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every table's rows as text, ordered, for whole-database comparisons (prediction and
/// reliability excluded: those are what publishing changes).
private func dump(_ store: ResultStore) throws -> [String: [String]] { try dump(store.writer) }

private func dump(_ reader: any DatabaseReader, except excluded: Set<String> = ["prediction", "reliability"]) throws -> [String: [String]] {
    try reader.read { db in
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).filter { !excluded.contains($0) }
        var result: [String: [String]] = [:]
        for table in tables {
            result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
        }
        return result
    }
}

/// A working database with two suites: `fmnist-moe` (two variants × two seeds with predictions,
/// series and events, plus a failed attempt) and `other` (one run with predictions).
private func workingDatabase(at path: String) throws -> StoreFixture {
    let fixture = try StoreFixture(store: ResultStore(path: path))
    for variant in ["dense", "moe"] {
        for seed in [1, 2] {
            // Deterministic, varied confidences: sample i of seed s puts weight on class (i + s) % 3.
            let predictions = (0..<60).map { i -> Prediction in
                let top = Float(0.34 + Double((i * 7 + seed * 13 + variant.count) % 60) / 100)
                let rest = (1 - top) / 2
                var probabilities = [rest, rest, rest]
                probabilities[(i + seed) % 3] = top
                return Prediction(label: i % 3, probabilities: probabilities)
            }
            try fixture.store.record(RunRecordInput(
                header: fixture.header(variant: variant, seed: seed),
                params: ["hidden": "[16]"],
                metrics: [MetricValue(name: "test_accuracy", value: 0.5 + Double(seed) / 10, unit: "ratio")],
                series: [SeriesPoint(name: "train_loss", step: 1, value: 1.5), SeriesPoint(name: "train_loss", step: 2, value: 0.9)],
                events: [RunEvent(kind: "note", step: 1, payload: #"{"seed":\#(seed)}"#)],
                predictions: predictions))
        }
    }
    _ = try fixture.store.recordFailure(fixture.header(variant: "moe", seed: 3), error: "diverged")
    let otherSuite = try fixture.store.register(suite: SuiteRegistration(
        name: "other", configHash: "def456", configVersion: 1, canonicalConfig: #"{"seeds":[1]}"#))
    let invocation = try fixture.store.beginInvocation(suiteId: otherSuite, environmentId: fixture.environmentId)
    var header = fixture.header(variant: "dense", seed: 1)
    header.suiteId = otherSuite
    header.invocationId = invocation
    try fixture.store.record(RunRecordInput(header: header, predictions: [Prediction(label: 0, probabilities: [0.9, 0.1])]))
    return fixture
}

@Suite("biomoe publish: a committed results file without predictions")
struct PublishTests {
    @Test("publish drops predictions and keeps every other row of the suite")
    func dropsPredictionsKeepsTheRest() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let working = try workingDatabase(at: dir.appendingPathComponent("runs/fmnist-moe.sqlite").path)
        let out = dir.appendingPathComponent("results/fmnist-moe.sqlite").path
        let result = try working.store.publish(suite: "fmnist-moe", to: out)
        #expect(result.runs == 5 && result.runsWithReliability == 4 && result.droppedPredictions == 240)
        #expect(result.configurations == 1)

        let published = try ResultStore(path: out)
        #expect(try published.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM prediction") } == 0)
        #expect(try published.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reliability") } == 4 * ReliabilityRow.binCount)
        #expect(try published.integrityCheck() == "ok")
        #expect(try published.journalMode() == "delete" && published.writer.configuration.readonly)
        // Every other row is there, unchanged: the working file minus the other suite (cascades).
        let expectedPath = dir.appendingPathComponent("expected.sqlite").path
        try working.store.writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [expectedPath]) }
        let expected = try DatabaseQueue(path: expectedPath, configuration: ResultStore.configuration())
        try expected.write { try $0.execute(sql: "DELETE FROM suite WHERE name = 'other'") }
        #expect(try dump(expected)["run"]?.count == 5)
        #expect(try dump(published) == dump(expected))
        #expect(try published.allSuites().map(\.suite.name) == ["fmnist-moe"])
        // The stored totals are those of the predictions.
        for run in try working.store.runs(suiteId: working.suiteId, status: .complete) {
            let id = try #require(run.id)
            #expect(try published.reliabilityTotals(runId: id) == ResultStore.reliabilityTotals(of: working.store.predictions(runId: id)))
        }
    }

    @Test("publishing again replaces the published file atomically and leaves no temporary file")
    func republishReplaces() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let working = try workingDatabase(at: dir.appendingPathComponent("runs/fmnist-moe.sqlite").path)
        let out = dir.appendingPathComponent("results/fmnist-moe.sqlite").path
        _ = try working.store.publish(suite: "fmnist-moe", to: out)
        try working.store.record(RunRecordInput(header: working.header(variant: "dense", seed: 3),
                                                predictions: [Prediction(label: 1, probabilities: [0.2, 0.7, 0.1])]))
        let second = try working.store.publish(suite: "fmnist-moe", to: out)
        #expect(second.runs == 6 && second.runsWithReliability == 5)
        #expect(try ResultStore(path: out).runs(suiteId: working.suiteId).count == 6)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results").path)
        #expect(left.filter { $0.contains("publishing") }.isEmpty)
    }

    @Test("publishing an unknown suite is a clear error naming the suites the database holds, and writes nothing")
    func unknownSuite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let working = try workingDatabase(at: dir.appendingPathComponent("runs/w.sqlite").path)
        let out = dir.appendingPathComponent("results/nope.sqlite").path
        #expect {
            try working.store.publish(suite: "nope", to: out)
        } throws: { error in
            "\(error)".contains("No suite 'nope'") && "\(error)".contains("it holds: fmnist-moe, other")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("reliability bins pooled from per-run totals match the bins of the runs' predictions taken together")
    func pooledTotalsMatchPooledPredictions() throws {
        let a: [Float] = [0.9, 0.1, 0.6, 0.4, 0.2, 0.8]
        let b: [Float] = [0.55, 0.45, 0.3, 0.7]
        let pooled = ClassificationMetrics.reliabilityTotals(probabilities: a, labels: [0, 1, 1], classes: 2, bins: 15).totals
            .enumerated().map { $1.adding(ClassificationMetrics.reliabilityTotals(probabilities: b, labels: [0, 1], classes: 2, bins: 15).totals[$0]) }
        let together = ClassificationMetrics.reliabilityBins(probabilities: a + b, labels: [0, 1, 1, 0, 1], classes: 2, bins: 15)
        let fromTotals = ClassificationMetrics.reliabilityBins(totals: pooled)
        #expect(fromTotals.map(\.count) == together.map(\.count))
        for (x, y) in zip(fromTotals, together) where x.count > 0 {
            #expect(abs(x.meanConfidence - y.meanConfidence) < 1e-12 && x.accuracy == y.accuracy)
        }
    }

    @Test("a report from the published file equals the report from the working file byte for byte")
    func reportsAreIdentical() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The report names its database, so both are rendered from the same path: first the
        // working file, then the published file moved there.
        let path = dir.appendingPathComponent("results/fmnist-moe.sqlite").path
        let fromWorking = dir.appendingPathComponent("working-report").path
        let generator = ReportGenerator(databasePath: path)
        let staged = dir.appendingPathComponent("published.sqlite").path
        do {
            let working = try workingDatabase(at: path)
            try generator.generate(suite: "fmnist-moe", configHash: nil, outputDirectory: fromWorking)
            _ = try working.store.publish(suite: "fmnist-moe", to: staged)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.moveItem(atPath: staged, toPath: path)
        let fromPublished = dir.appendingPathComponent("published-report").path
        try generator.generate(suite: "fmnist-moe", configHash: nil, outputDirectory: fromPublished)

        let files = try FileManager.default.contentsOfDirectory(atPath: fromWorking).filter { $0.hasSuffix(".md") || $0.hasSuffix(".gp") }.sorted()
        #expect(files.contains("README.md") && files.contains("reliability.gp"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fromPublished).filter { $0.hasSuffix(".md") || $0.hasSuffix(".gp") }.sorted() == files)
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: fromWorking + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: fromPublished + "/" + file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test("rendering a report from a published file does not change the file's bytes")
    func reportingLeavesTheFileAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let working = try workingDatabase(at: dir.appendingPathComponent("runs/fmnist-moe.sqlite").path)
        let out = dir.appendingPathComponent("results/fmnist-moe.sqlite").path
        _ = try working.store.publish(suite: "fmnist-moe", to: out)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + "-wal"))
        try ReportGenerator(databasePath: out).generate(suite: "fmnist-moe", configHash: nil,
                                                        outputDirectory: dir.appendingPathComponent("report").path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    }
}
