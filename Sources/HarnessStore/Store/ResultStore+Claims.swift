import Foundation
import GRDB

/// Who holds a claim: the host, the process and a token unique to this `biomoe run`.
///
/// Why the host and pid: on the same machine a claim whose process is gone is free at once
/// (a killed run resumes without waiting for the lease); on another machine (a shared file
/// system) only the lease's expiry frees it.
public struct RunClaimOwner: Sendable, Equatable {
    public let host: String
    public let pid: Int32
    public let token: String

    public init(host: String, pid: Int32, token: String) {
        self.host = host
        self.pid = pid
        self.token = token
    }

    /// This process, with a fresh token.
    public static func current() -> RunClaimOwner {
        RunClaimOwner(host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier,
                      token: UUID().uuidString)
    }

    /// "host:pid", as logs name the process holding a run.
    public var description: String { "\(host):\(pid)" }
}

/// What ``ResultStore/claimRun(suiteId:variant:seed:runConfigHash:owner:lease:now:)`` found.
public enum RunClaimResult: Sendable, Equatable {
    /// The run is this process's to execute until it records it or the lease lapses.
    case claimed
    /// Another process recorded it complete meanwhile.
    case complete
    /// Another live process holds it (host:pid).
    case heldElsewhere(String)
}

extension ResultStore {
    /// Claims (suite, variant, seed) for `owner` for `lease` seconds, so that two `biomoe run`
    /// processes on one database split a suite's runs instead of both training the same one.
    /// The claim's key is the suite's name with the run's config hash, not the suite config's
    /// row: a process running an edited config of the suite (a variant added) then skips the
    /// runs an older config's process is training with the same settings, and reuses them later.
    ///
    /// A claim held by someone else is taken over when its lease has lapsed, or at once when
    /// its holder is a process of this host that no longer exists (killed with SIGKILL). One
    /// immediate transaction, so two processes cannot both claim the same run.
    public func claimRun(suiteId: Int64, variant: String, seed: Int, runConfigHash: String, owner: RunClaimOwner,
                         lease: TimeInterval, now: Date = Date()) throws -> RunClaimResult {
        try writer.writeWithoutTransaction { db in
            var result = RunClaimResult.claimed
            try db.inTransaction(.immediate) {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM run WHERE suiteId = ? AND variant = ? AND seed = ? AND status = 'complete')",
                                     arguments: [suiteId, variant, seed]) == true {
                    result = .complete
                    return .commit
                }
                let name = try Self.suiteName(db, suiteId)
                if let row = try Row.fetchOne(db, sql: "SELECT host, pid, token, expiresAt FROM runClaim WHERE suiteName = ? AND variant = ? AND seed = ? AND runConfigHash = ?",
                                              arguments: [name, variant, seed, runConfigHash]) {
                    let holder = RunClaimOwner(host: row["host"], pid: row["pid"], token: row["token"])
                    if holder.token != owner.token && Self.isLive(holder, expiresAt: row["expiresAt"], now: now) {
                        result = .heldElsewhere(holder.description)
                        return .commit
                    }
                }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO runClaim (suiteName, variant, seed, runConfigHash, host, pid, token, claimedAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [name, variant, seed, runConfigHash, owner.host, owner.pid, owner.token,
                                     now.timeIntervalSince1970, now.timeIntervalSince1970 + lease])
                return .commit
            }
            return result
        }
    }

    /// Extends every claim `owner` holds to `lease` seconds from `now`: the heartbeat of a
    /// running `biomoe run`, so a long run keeps its claim and a dead one loses it.
    public func renewClaims(owner: RunClaimOwner, lease: TimeInterval, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE runClaim SET expiresAt = ? WHERE token = ?",
                           arguments: [now.timeIntervalSince1970 + lease, owner.token])
        }
    }

    /// Drops `owner`'s claim on a run once the run is recorded (complete or failed).
    public func releaseClaim(suiteId: Int64, variant: String, seed: Int, runConfigHash: String, owner: RunClaimOwner) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM runClaim WHERE suiteName = ? AND variant = ? AND seed = ? AND runConfigHash = ? AND token = ?",
                           arguments: [try Self.suiteName(db, suiteId), variant, seed, runConfigHash, owner.token])
        }
    }

    /// Whether a process other than `owner` holds a live claim on a run of the suite (any of its
    /// configs): then an invocation marked running may be that process's, not an interrupted one.
    public func hasLiveClaims(suiteId: Int64, except owner: RunClaimOwner, now: Date = Date()) throws -> Bool {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT host, pid, token, expiresAt FROM runClaim WHERE suiteName = ? AND token != ?",
                                        arguments: [try Self.suiteName(db, suiteId), owner.token])
            return rows.contains { Self.isLive(RunClaimOwner(host: $0["host"], pid: $0["pid"], token: $0["token"]), expiresAt: $0["expiresAt"], now: now) }
        }
    }

    /// The name of the suite config `suiteId` (claims are keyed by it).
    static func suiteName(_ db: Database, _ suiteId: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM suite WHERE id = ?", arguments: [suiteId]) ?? "#\(suiteId)"
    }

    /// A claim is live until its lease lapses, and on this host only while its process exists.
    static func isLive(_ holder: RunClaimOwner, expiresAt: Double, now: Date) -> Bool {
        guard expiresAt > now.timeIntervalSince1970 else { return false }
        if holder.host == ProcessInfo.processInfo.hostName, kill(holder.pid, 0) != 0, errno == ESRCH { return false }
        return true
    }
}
