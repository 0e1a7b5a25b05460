import Foundation
import GRDB
import HarnessConfig

/// The SQLite file that holds a suite's results: environments, suites, invocations, runs and
/// everything each run measured.
///
/// One writer at a time (SQLite's rule), any number of readers: a file is opened as a GRDB
/// `DatabasePool` in WAL mode, so `biomoe report` can read while `biomoe run` writes. Every
/// method is one transaction. Reads are ordered by ids and names, so the same file always
/// produces the same report bytes.
///
/// ```swift
/// let store = try ResultStore(path: "results/fmnist-moe.sqlite")
/// let environmentId = try store.register(environment: EnvironmentProbe.current(repositoryPath: "."))
/// let suiteId = try store.register(suite: registration)
/// let invocationId = try store.beginInvocation(suiteId: suiteId, environmentId: environmentId)
/// let done = try store.completedSeeds(suiteId: suiteId)
/// ```
public final class ResultStore: Sendable {
    /// The connection(s); internal so tests can check what the schema itself refuses.
    let writer: any DatabaseWriter
    /// The file path, or `":memory:"`, for error messages.
    public let path: String
    /// Whether the file was opened read-only: a published file (`biomoe publish`).
    public var isReadOnly: Bool { writer.configuration.readonly }

    /// Opens (creating it and its directory if needed) and migrates the results file at `path`.
    ///
    /// - Throws: ``ResultStoreError/newerSchema(path:unknownMigrations:)`` if a newer biomoe
    ///   wrote the file (it is left untouched), or another ``ResultStoreError`` naming `path`.
    public convenience init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ResultStoreError.cannotCreateDirectory(path: path, reason: "\(error)")
        }
        // A published file (`biomoe publish`) is in rollback-journal mode and only ever read:
        // opened read-only, so reading it — a report, CI's check — never changes its bytes
        // (a pool would switch it to WAL and touch the schema to create the -wal file).
        if Self.isPublishedFile(path) {
            var configuration = Self.configuration()
            configuration.readonly = true
            let queue: DatabaseQueue
            do {
                queue = try DatabaseQueue(path: path, configuration: configuration)
            } catch {
                throw ResultStoreError.cannotOpen(path: path, reason: "\(error)")
            }
            try self.init(writer: queue, path: path)
            return
        }
        // Opening a pool writes (GRDB touches the schema to create the -wal file), so a file from
        // a newer biomoe is recognised through a read-only connection first and left byte-identical.
        if FileManager.default.fileExists(atPath: path) { try Self.refuseNewerSchema(path: path) }
        let pool: DatabasePool
        do {
            pool = try Self.openPool(path: path)
        } catch {
            throw ResultStoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try self.init(writer: pool, path: path)
    }

    /// A pool on `path`, retried for up to `busySeconds` while SQLite answers "database is
    /// locked". Why: opening switches the file to WAL, and SQLite fails that switch at once,
    /// without waiting in the busy handler, while another connection is opening the same new
    /// file (two `biomoe run` processes starting together; 5 of 15 runs of the concurrent-open
    /// test failed so).
    static func openPool(path: String) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busySeconds)
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration())
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                attempt += 1
                Thread.sleep(forTimeInterval: min(0.1, 0.005 * Double(attempt)))
            }
        }
    }

    /// How long a store waits for another connection's lock (the busy timeout), in seconds.
    static let busySeconds: TimeInterval = 10

    /// Whether `path` is an SQLite file in rollback-journal mode (header bytes 18–19 are 1; WAL
    /// files, which every working database is, have 2): the mode `publish` leaves its files in.
    static func isPublishedFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20,
              header.prefix(16) == Data("SQLite format 3\0".utf8) else { return false }
        return header[header.startIndex + 18] == 1 && header[header.startIndex + 19] == 1
    }

    /// The ``path`` of an in-memory store.
    public static let inMemoryPath = ":memory:"

    /// A fresh database in memory, configured and migrated exactly like a file: for tests.
    public static func inMemory() throws -> ResultStore {
        let path = inMemoryPath
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw ResultStoreError.cannotOpen(path: path, reason: "\(error)")
        }
        return try ResultStore(writer: queue, path: path)
    }

    /// Wraps an open connection after refusing a newer schema and applying missing migrations.
    init(writer: any DatabaseWriter, path: String) throws {
        let migrator = StoreSchema.migrator
        let applied: Set<String>
        do {
            applied = try writer.read { try migrator.appliedIdentifiers($0) }
        } catch {
            throw ResultStoreError.cannotOpen(path: path, reason: "\(error)")
        }
        let unknown = applied.subtracting(migrator.migrations).sorted()
        guard unknown.isEmpty else {
            throw ResultStoreError.newerSchema(path: path, unknownMigrations: unknown)
        }
        // Only when something is missing: an up-to-date (or read-only published) file is not
        // written. A published file missing only reader-optional migrations reads as it is.
        let missing = Set(migrator.migrations).subtracting(applied)
        let readableAsIs = writer.configuration.readonly && missing.isSubset(of: StoreSchema.readerOptionalMigrations)
        if !missing.isEmpty && !readableAsIs {
            do {
                try Self.migrate(writer, with: migrator)
            } catch {
                let hint = writer.configuration.readonly
                    ? " (a published file from an older biomoe is read-only: publish it again from its working database)" : ""
                throw ResultStoreError.cannotOpen(path: path, reason: "migration failed: \(error)\(hint)")
            }
        }
        self.writer = writer
        self.path = path
    }

    /// Applies the missing migrations. Two processes opening one new file at once (`run --shard`)
    /// both see a migration missing; the second's `ALTER TABLE` then fails because the first has
    /// applied it. So a failure is retried after re-reading what is applied, and is an error only
    /// if the file is still not up to date.
    static func migrate(_ writer: any DatabaseWriter, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempt += 1
                let applied = (try? writer.read { try migrator.appliedIdentifiers($0) }) ?? []
                if Set(migrator.migrations).isSubset(of: applied) { return }
                if attempt >= 5 { throw error }
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// Throws ``ResultStoreError/newerSchema(path:unknownMigrations:)`` when a newer biomoe wrote
    /// the file at `path`, reading it through a read-only connection; any other problem is left
    /// to the normal open, which reports it.
    static func refuseNewerSchema(path: String) throws {
        var configuration = Self.configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        defer { try? queue.close() }
        let migrator = StoreSchema.migrator
        guard let applied = try? queue.read({ try migrator.appliedIdentifiers($0) }) else { return }
        let unknown = applied.subtracting(migrator.migrations).sorted()
        if !unknown.isEmpty { throw ResultStoreError.newerSchema(path: path, unknownMigrations: unknown) }
    }

    /// Marks the file at `path` as migrated by a newer build (an unknown migration applied), so
    /// that opening it is refused: for the reliability suite's corrupt-input check and tests.
    public static func markWrittenByNewerBuild(path: String, migration: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration]) }
        try queue.close()
    }

    /// Shared by files and in-memory databases so tests exercise the real settings.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        // Cascades and references are part of the schema's invariants; never run without them.
        configuration.foreignKeysEnabled = true
        // Another process (a report, a second `run`) may hold the write lock briefly.
        configuration.busyMode = .timeout(busySeconds)
        configuration.label = "biomoe.results"
        return configuration
    }

    // MARK: - Registration

    /// The id of the `environment` row with this fingerprint, inserting it the first time.
    public func register(environment: EnvironmentFingerprint) throws -> Int64 {
        try writer.write { db in
            let fingerprint = environment.fingerprint
            if let existing = try EnvironmentRow
                .filter(EnvironmentRow.Columns.fingerprint == fingerprint).fetchOne(db),
               let id = existing.id {
                return id
            }
            var row = EnvironmentRow(environment, recordedAt: Date())
            try row.insert(db)
            return db.lastInsertedRowID
        }
    }

    /// The id of the `suite` row with this name and config hash, inserting it the first time.
    ///
    /// - Throws: ``ResultStoreError/suiteHashCollision(name:configHash:)`` if the stored row has
    ///   the same hash but a different canonical configuration.
    public func register(suite: SuiteRegistration) throws -> Int64 {
        try writer.write { db in
            if let existing = try SuiteRow
                .filter(SuiteRow.Columns.name == suite.name)
                .filter(SuiteRow.Columns.configHash == suite.configHash)
                .fetchOne(db),
               let id = existing.id {
                guard existing.canonicalConfig == suite.canonicalConfig else {
                    throw ResultStoreError.suiteHashCollision(
                        name: suite.name, configHash: suite.configHash)
                }
                // Tolerances are not hashed: the latest run of the config says which apply.
                if existing.gatePolicy != suite.gatePolicy {
                    try SuiteRow.filter(SuiteRow.Columns.id == id).updateAll(db, [SuiteRow.Columns.gatePolicy.set(to: suite.gatePolicy)])
                }
                return id
            }
            var row = SuiteRow(suite, createdAt: Date())
            try row.insert(db)
            return db.lastInsertedRowID
        }
    }

    // MARK: - Invocations

    /// Records the start of one `biomoe run` call; its status is `.running` until finished.
    public func beginInvocation(suiteId: Int64, environmentId: Int64) throws -> Int64 {
        try writer.write { db in
            var row = InvocationRow(suiteId: suiteId, environmentId: environmentId,
                                    startedAt: Date())
            try row.insert(db)
            return db.lastInsertedRowID
        }
    }

    /// Records how an invocation ended, with the current time.
    ///
    /// - Precondition: `status` is not `.running` (a running invocation has no end).
    public func finishInvocation(id: Int64, status: InvocationStatus) throws {
        precondition(status != .running, "finishInvocation needs a final status, not .running")
        let changed = try writer.write { db in
            try InvocationRow.filter(InvocationRow.Columns.id == id).updateAll(db, [
                InvocationRow.Columns.status.set(to: status),
                InvocationRow.Columns.finishedAt.set(to: Date()),
            ])
        }
        guard changed == 1 else { throw ResultStoreError.unknownInvocation(id: id) }
    }

    /// Marks invocations of this suite still `.running` as `.interrupted`: a process that was
    /// killed never finished them. Call before starting a new invocation (one writer per file).
    @discardableResult
    public func markAbandonedInvocations(suiteId: Int64) throws -> Int {
        try writer.write { db in
            try InvocationRow
                .filter(InvocationRow.Columns.suiteId == suiteId && InvocationRow.Columns.status == InvocationStatus.running)
                .updateAll(db, [
                    InvocationRow.Columns.status.set(to: InvocationStatus.interrupted),
                    InvocationRow.Columns.finishedAt.set(to: Date()),
                ])
        }
    }

    // MARK: - Maintenance

    /// SQLite's `PRAGMA integrity_check`: `"ok"`, or its list of problems one per line.
    public func integrityCheck() throws -> String {
        try writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }

    /// The journal mode in use: `"wal"` for files, `"memory"` for in-memory databases.
    public func journalMode() throws -> String {
        try writer.read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
        }
    }
}
