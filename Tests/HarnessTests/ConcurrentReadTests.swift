import Foundation
import GRDB
import Testing
@testable import HarnessStore

/// A report (another connection, another process) reading while `run` writes.
@Suite("Reading while a run is written")
struct ConcurrentReadTests {
    @Test("a reader on another connection sees the last committed state, never a run half-written, and is not blocked")
    func readerSeesCommittedSnapshot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("results.sqlite").path
        let fixture = try StoreFixture(store: try ResultStore(path: path))
        try fixture.store.record(RunRecordInput(header: fixture.header(variant: "a", seed: 0),
                                                metrics: [MetricValue(name: "test_accuracy", value: 0.5, unit: "fraction")]))
        let reader = try ResultStore(path: path)

        // Inside the writer's open transaction: the run row and one metric are written, the rest not yet.
        var seenDuring: (runs: Int, metrics: Int) = (-1, -1)
        try fixture.store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO run (suiteId, invocationId, environmentId, variant, seed, configHash, status, startedAt, finishedAt, resolvedConfig)
                VALUES (?, ?, ?, 'b', 0, 'abc123', 'complete', '2026-01-01 00:00:00', '2026-01-01 00:01:00', '{}')
                """, arguments: [fixture.suiteId, fixture.invocationId, fixture.environmentId])
            try db.execute(sql: "INSERT INTO metric (runId, name, value, unit) VALUES (?, 'test_accuracy', 0.75, 'fraction')",
                           arguments: [db.lastInsertedRowID])
            seenDuring = (try reader.completedSeeds(suiteId: fixture.suiteId).count,
                          try reader.metrics(runIds: try reader.runs(suiteId: fixture.suiteId).compactMap(\.id)).count)
        }
        #expect(seenDuring.runs == 1 && seenDuring.metrics == 1)
        #expect(try reader.completedSeeds(suiteId: fixture.suiteId).count == 2)
    }
}
