import GRDB
import HarnessConfig

/// The SQLite schema of a results file, as GRDB migrations.
///
/// Migrations are named, appended and never edited once landed: results files outlive builds,
/// and a file migrated by "v1" must mean the same thing forever. A file carrying a migration
/// this list does not know was written by a newer build and is refused (``ResultStore``).
/// Invariants live in the schema — NOT NULL, foreign keys that cascade from a run to its rows,
/// CHECKs on statuses and JSON, one complete run per (suite, variant, seed) — so no code path
/// can store a result the reports would misread.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try createVersion1(db) }
        // v2: a run copied from an earlier suite config with identical settings names its source.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "run") { t in
                t.add(column: "reusedFromRunId", .integer).references("run", onDelete: .setNull)
            }
        }
        // v3: the suite's `gate:` tolerances (not hashed) stored with its config, so reports
        // and gates read them from the database alone.
        migrator.registerMigration("v3") { db in
            try db.alter(table: "suite") { t in
                t.add(column: "gatePolicy", .text).check(sql: "gatePolicy IS NULL OR json_valid(gatePolicy)")
            }
            // …and per-run reliability bin totals, written by `biomoe publish` before it drops
            // the predictions they come from, so a published file renders the same diagrams.
            try db.create(table: "reliability") { t in
                t.primaryKey {
                    t.belongsTo("run", onDelete: .cascade)
                    t.column("bin", .integer).check(sql: "bin >= 0")
                }
                t.column("count", .integer).notNull().check(sql: "count >= 0")
                t.column("confidenceSum", .double).notNull()
                t.column("correct", .integer).notNull().check(sql: "correct >= 0 AND correct <= count")
            }
        }
        // v4: histories mined from git (`biomoe mine`): one row per (location, revision) with the
        // head it was mined up to, its commits in first-parent order, and each commit's files.
        // Only new tables that no suite's results refer to, so it is reader-optional (below).
        migrator.registerMigration("v4") { db in try createGitHistory(db) }
        // v5: claims on runs being executed, with a lease, so that two `biomoe run` processes on
        // one file split a suite instead of both training the same run (ResultStore+Claims).
        // Transient rows nothing reads back from a result: reader-optional.
        migrator.registerMigration("v5") { db in
            try db.create(table: "runClaim") { t in
                t.primaryKey {
                    t.belongsTo("suite", onDelete: .cascade)
                    t.column("variant", .text)
                    t.column("seed", .integer)
                }
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("token", .text).notNull()
                // Unix seconds.
                t.column("claimedAt", .double).notNull()
                t.column("expiresAt", .double).notNull()
            }
        }
        // v6: claims keyed by (suite name, variant, seed, run config hash) instead of the suite
        // config's row, so processes running two configs of one suite (variants added while
        // one runs) do not both train a run whose settings both configs share. Claims are
        // transient: the old table is dropped, not copied.
        migrator.registerMigration("v6") { db in
            try db.drop(table: "runClaim")
            try db.create(table: "runClaim") { t in
                t.column("suiteName", .text).notNull()
                t.column("variant", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("runConfigHash", .text).notNull()
                t.primaryKey(["suiteName", "variant", "seed", "runConfigHash"])
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("token", .text).notNull()
                // Unix seconds.
                t.column("claimedAt", .double).notNull()
                t.column("expiresAt", .double).notNull()
            }
        }
        // v7: the CPU's vector extensions with the environment (EnvironmentFingerprint's
        // cpuVectorExtensions). Readers take a missing column as "not recorded", so a published
        // file without it reads as it is: reader-optional.
        migrator.registerMigration("v7") { db in
            try db.alter(table: "environment") { t in t.add(column: "cpuVectorExtensions", .text) }
        }
        return migrator
    }

    /// Migrations that only add tables a suite's results never read, or a column readers take
    /// as absent when it is missing (v7). A published file (opened read-only, so never migrated)
    /// that lacks only these still reads as it is: results published before mined histories
    /// existed keep rendering their reports byte for byte.
    static let readerOptionalMigrations: Set<String> = ["v4", "v5", "v6", "v7"]

    private static func createGitHistory(_ db: Database) throws {
        try db.create(table: "gitRepository") { t in
            t.autoIncrementedPrimaryKey("id")
            // The repository directory or bundle file as it was named, and the revision mined.
            t.column("location", .text).notNull()
            t.column("revision", .text).notNull()
            // The commit the history was mined up to: the next mine starts after it.
            t.column("head", .text).notNull()
            // The first mine's lower date bound (Unix seconds); NULL = the whole history.
            t.column("since", .integer)
            t.column("firstMinedAt", .datetime).notNull()
            t.column("lastMinedAt", .datetime).notNull()
            t.uniqueKey(["location", "revision"])
        }
        try db.create(table: "gitCommit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("gitRepository", onDelete: .cascade).notNull()
            // 0, 1, 2, … in first-parent order (oldest first), without gaps.
            t.column("position", .integer).notNull().check(sql: "position >= 0")
            t.column("hash", .text).notNull().check(sql: "length(hash) IN (40, 64)")
            // Space-separated, first parent first; empty for a root commit.
            t.column("parents", .text).notNull()
            t.column("authorTime", .integer).notNull()
            t.column("committerTime", .integer).notNull()
            t.column("message", .text).notNull()
            t.uniqueKey(["gitRepositoryId", "position"])
            t.uniqueKey(["gitRepositoryId", "hash"])
        }
        try db.create(table: "gitFileChange") { t in
            t.primaryKey {
                t.belongsTo("gitCommit", onDelete: .cascade)
                // The file's place in git's list for the commit.
                t.column("ordinal", .integer).check(sql: "ordinal >= 0")
            }
            t.column("path", .text).notNull()
            // ChangeStatus's spellings, written out: a migration never changes once landed.
            t.column("status", .text).notNull()
                .check(sql: "status IN ('added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed')")
            t.column("oldPath", .text)
            t.column("similarity", .integer).check(sql: "similarity IS NULL OR (similarity >= 0 AND similarity <= 100)")
            // NULL for a binary file, whose lines git does not count.
            t.column("linesAdded", .integer).check(sql: "linesAdded IS NULL OR linesAdded >= 0")
            t.column("linesRemoved", .integer).check(sql: "linesRemoved IS NULL OR linesRemoved >= 0")
            t.check(sql: "(status IN ('renamed', 'copied')) = (oldPath IS NOT NULL)")
        }
    }

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "environment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("fingerprint", .text).notNull().unique()
            t.column("codeCommit", .text).notNull()
            t.column("codeDirty", .boolean)
            t.column("toolchain", .text).notNull()
            t.column("blasLibrary", .text).notNull()
            t.column("blasThreads", .integer).notNull()
            t.column("cpuModel", .text).notNull()
            t.column("os", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }

        try db.create(table: "suite") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("configHash", .text).notNull()
            t.column("configVersion", .integer).notNull()
            t.column("canonicalConfig", .text).notNull().check(sql: "json_valid(canonicalConfig)")
            t.column("sourcePath", .text)
            t.column("createdAt", .datetime).notNull()
            t.uniqueKey(["name", "configHash"])
        }

        try db.create(table: "invocation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("suite", onDelete: .cascade).notNull()
            t.belongsTo("environment", onDelete: .restrict).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("status", .text).notNull()
                .check(sql: "status IN ('running', 'finished', 'interrupted', 'failed')")
            t.check(sql: "(status = 'running') = (finishedAt IS NULL)")
        }

        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("suite", onDelete: .cascade).notNull()
            t.belongsTo("invocation", onDelete: .cascade).notNull()
            t.belongsTo("environment", onDelete: .restrict).notNull()
            t.column("variant", .text).notNull()
            t.column("seed", .integer).notNull()
            t.column("configHash", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('complete', 'failed')")
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime).notNull()
            t.column("error", .text)
            t.column("resolvedConfig", .text).notNull().check(sql: "json_valid(resolvedConfig)")
            t.check(sql: "(status = 'failed') = (error IS NOT NULL)")
        }
        // A key is done once: `run` skips complete keys, and failed attempts may pile up.
        try db.create(
            index: "run_complete_key", on: "run", columns: ["suiteId", "variant", "seed"],
            options: .unique, condition: Column("status") == "complete")

        try db.create(table: "param") { t in
            t.primaryKey {
                t.belongsTo("run", onDelete: .cascade)
                t.column("key", .text)
            }
            t.column("value", .text).notNull()
        }

        // `value` is nullable because SQLite stores NaN as NULL; NULL means NaN.
        try db.create(table: "metric") { t in
            t.primaryKey {
                t.belongsTo("run", onDelete: .cascade)
                t.column("name", .text)
            }
            t.column("value", .double)
            t.column("unit", .text).notNull()
        }

        try db.create(table: "series") { t in
            t.primaryKey {
                t.belongsTo("run", onDelete: .cascade)
                t.column("name", .text)
                t.column("step", .integer)
            }
            t.column("value", .double)
        }

        try db.create(table: "event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("run", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("step", .integer).notNull()
            t.column("payload", .text).notNull().check(sql: "json_valid(payload)")
        }

        try db.create(table: "prediction") { t in
            t.primaryKey {
                t.belongsTo("run", onDelete: .cascade)
                t.column("sampleIndex", .integer).check(sql: "sampleIndex >= 0")
            }
            t.column("label", .integer).notNull()
            t.column("probabilities", .blob).notNull().check(sql: "length(probabilities) % 4 = 0")
        }
    }
}
