import Foundation
import GRDB

/// `biomoe ask`'s conversations: each session's persisted state (the pipeline's short-term
/// memory and affect tracker, as the JSON the pipeline encodes) and the affect log — one row per
/// answered request with its input, affect state, routing weights, chosen experts, spike counts
/// and reply (seed 000 §5.3's AffectLogger), kept in SQLite beside the trained pipeline. The
/// store holds JSON text; it does not know the pipeline's types.
public final class SessionStore {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating when absent) the session database at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw ResultStoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Append-only, never edited once landed (the rule of StoreSchema).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sessions and affect log") { db in
            try db.create(table: "session") { t in
                t.primaryKey("name", .text)
                t.column("state", .text).notNull()
                t.column("turns", .integer).notNull()
                t.column("updated", .double).notNull()
            }
            try db.create(table: "interaction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session", .text)
                t.column("turn", .integer).notNull()
                t.column("time", .double).notNull()
                t.column("input", .text).notNull()
                t.column("trace", .text).notNull()
            }
        }
        return migrator
    }

    /// The stored state of `name`, or nil for a new session.
    public func state(of name: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT state FROM session WHERE name = ?", arguments: [name]) }
    }

    /// Saves a session's state and logs the request that produced it, in one transaction, so a
    /// crash never leaves a state without its log row or the other way round.
    public func record(session name: String?, state: String?, turn: Int, input: String, trace: String) throws {
        let now = Date().timeIntervalSince1970
        try queue.write { db in
            if let name, let state {
                try db.execute(sql: """
                    INSERT INTO session (name, state, turns, updated) VALUES (?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET state = excluded.state, turns = excluded.turns, updated = excluded.updated
                    """, arguments: [name, state, turn, now])
            }
            try db.execute(sql: "INSERT INTO interaction (session, turn, time, input, trace) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, turn, now, input, trace])
        }
    }

    /// Logged interactions, oldest first: (session, turn, input, trace JSON).
    public func interactions() throws -> [(session: String?, turn: Int, input: String, trace: String)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT session, turn, input, trace FROM interaction ORDER BY id").map {
                (session: $0["session"], turn: $0["turn"], input: $0["input"], trace: $0["trace"])
            }
        }
    }
}
