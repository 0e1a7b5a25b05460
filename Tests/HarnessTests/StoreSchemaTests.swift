import Foundation
import GRDB
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Result store schema")
struct StoreSchemaTests {
    @Test("the migrations create every table and turns foreign keys on")
    func migrationCreatesTables() throws {
        let store = try ResultStore.inMemory()
        let (tables, applied, foreignKeys) = try store.writer.read { db in
            (try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                ORDER BY name
                """),
             try StoreSchema.migrator.appliedMigrations(db),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(tables == ["environment", "event", "gitCommit", "gitFileChange", "gitRepository", "invocation", "metric", "param",
                           "prediction", "reliability", "run", "runClaim", "series", "suite"])
        #expect(applied == ["v1", "v2", "v3", "v4", "v5", "v6", "v7"])
        #expect(foreignKeys == 1)
    }

    @Test("an environment keeps the CPU's vector extensions; a file published before v7 reads them as not recorded")
    func vectorExtensionsColumn() throws {
        let store = try ResultStore.inMemory()
        var recorded = StoreFixture.environment
        recorded.cpuVectorExtensions = "avx2 avx512f"
        let id = try store.register(environment: recorded)
        #expect(try store.environment(id: id)?.environment == recorded)
        #expect(try store.register(environment: recorded) == id)
        #expect(try store.register(environment: StoreFixture.environment) != id)

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("results/smoke.sqlite").path
        let published = try ResultStore(path: path)
        try #require(published.writer.configuration.readonly, "results/smoke.sqlite was published before v7; this test is about such a file")
        let environment = try #require(try published.environment(id: 1))
        #expect(environment.cpuVectorExtensions == nil)
        #expect(environment.environment.fingerprint == environment.fingerprint, "an old row's fingerprint no longer recomputes")
    }

    @Test("a file database is in WAL mode, passes integrity_check and reopens with its data")
    func fileDatabase() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("biomoe-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A nested path: the store creates missing directories.
        let path = directory.appendingPathComponent("results/suite.sqlite").path

        let suiteId: Int64
        do {
            let fixture = try StoreFixture(store: ResultStore(path: path))
            #expect(try fixture.store.journalMode() == "wal")
            try fixture.store.record(RunRecordInput(
                header: fixture.header(variant: "dense", seed: 1),
                metrics: [MetricValue(name: "accuracy", value: 0.875, unit: "ratio")]))
            #expect(try fixture.store.integrityCheck() == "ok")
            suiteId = fixture.suiteId
        }
        let reopened = try ResultStore(path: path)
        #expect(try reopened.completedSeeds(suiteId: suiteId) == [RunKey(variant: "dense", seed: 1)])
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test("a database migrated by a newer schema is refused, naming the path and the migration")
    func newerSchemaRefused() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("biomoe-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("newer.sqlite").path
        _ = try ResultStore(path: path)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
            }
        }
        #expect(throws: ResultStoreError.newerSchema(path: path, unknownMigrations: ["v99"])) {
            _ = try ResultStore(path: path)
        }
    }

    @Test("a file that is not SQLite is refused with an error naming it")
    func notADatabase() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("biomoe-store-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ResultStore(path: path)
            Issue.record("opening a non-database file succeeded")
        } catch let error as ResultStoreError {
            guard case .cannotOpen(let errorPath, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(error.description.contains(path))
        }
    }

    @Test("the partial unique index refuses a second complete run of a key but allows failures")
    func partialUniqueIndex() throws {
        let fixture = try StoreFixture()
        let insert = """
            INSERT INTO run (suiteId, invocationId, environmentId, variant, seed, configHash,
                             status, startedAt, finishedAt, error, resolvedConfig)
            VALUES (?, ?, ?, 'dense', 7, 'abc123', ?, '2023-11-14 22:13:20.000',
                    '2023-11-14 22:14:20.000', ?, '{}')
            """
        let ids: StatementArguments = [fixture.suiteId, fixture.invocationId, fixture.environmentId]
        try fixture.store.writer.write { db in
            try db.execute(sql: insert, arguments: ids + ["failed", "out of memory"])
            try db.execute(sql: insert, arguments: ids + ["failed", "out of memory again"])
            try db.execute(sql: insert, arguments: ids + ["complete", nil])
        }
        do {
            try fixture.store.writer.write { db in
                try db.execute(sql: insert, arguments: ids + ["complete", nil])
            }
            Issue.record("a second complete run of (dense, 7) was accepted")
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
        #expect(try fixture.count("run") == 3)
    }

    @Test("CHECK constraints refuse an unknown status and a failed run without an error message")
    func checkConstraints() throws {
        let fixture = try StoreFixture()
        let insert = """
            INSERT INTO run (suiteId, invocationId, environmentId, variant, seed, configHash,
                             status, startedAt, finishedAt, error, resolvedConfig)
            VALUES (?, ?, ?, 'dense', 1, 'abc123', ?, '2023-11-14 22:13:20.000',
                    '2023-11-14 22:14:20.000', ?, ?)
            """
        let ids: StatementArguments = [fixture.suiteId, fixture.invocationId, fixture.environmentId]
        let rejected: [StatementArguments] = [
            ["done", nil, "{}"],            // status not in ('complete', 'failed')
            ["failed", nil, "{}"],          // failed without error
            ["complete", "boom", "{}"],     // complete with error
            ["complete", nil, "{not json"], // resolvedConfig not JSON
        ]
        for arguments in rejected {
            #expect(throws: DatabaseError.self, "accepted \(arguments)") {
                try fixture.store.writer.write { db in
                    try db.execute(sql: insert, arguments: ids + arguments)
                }
            }
        }
        #expect(try fixture.count("run") == 0)
    }

    @Test("deleting a run cascades to its params, metrics, series, events and predictions")
    func deleteCascades() throws {
        let fixture = try StoreFixture()
        let runId = try fixture.store.record(RunRecordInput(
            header: fixture.header(variant: "dense", seed: 1),
            params: ["lr": "0.001"],
            metrics: [MetricValue(name: "loss", value: 0.5, unit: "nats")],
            series: [SeriesPoint(name: "loss", step: 0, value: 2.3)],
            events: [RunEvent(kind: "route", step: 0, payload: "{}")],
            predictions: [Prediction(label: 0, probabilities: [1, 0])]))
        #expect(try fixture.count("prediction") == 1)
        try fixture.store.writer.write { db in
            try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [runId])
        }
        for table in ["param", "metric", "series", "event", "prediction"] {
            #expect(try fixture.count(table) == 0, "\(table) kept rows of a deleted run")
        }
    }

    @Test("probability blobs are little-endian Float32 and keep NaN and negative zero bits")
    func probabilityBlob() throws {
        // 1.0f = 0x3F800000, 0.5f = 0x3F000000: bytes in little-endian order.
        #expect(Array(ProbabilityBlob.encode([1.0, 0.5])) == [0x00, 0x00, 0x80, 0x3F,
                                                               0x00, 0x00, 0x00, 0x3F])
        let decoded = try ProbabilityBlob.decode(ProbabilityBlob.encode([-0.0, .nan, 0.25]))
        #expect(decoded.map(\.bitPattern) == [0x8000_0000, Float.nan.bitPattern, 0x3E80_0000])
        #expect(throws: ResultStoreError.corruptPredictionBlob(byteCount: 5)) {
            _ = try ProbabilityBlob.decode(Data([0, 0, 0, 0, 0]))
        }
    }
}
