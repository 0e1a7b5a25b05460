import Foundation
import GRDB

/// What ``ResultStore/merge(_:into:)`` wrote.
public struct MergedShards: Hashable, Sendable {
    public let path: String
    /// Input files merged, in the order given.
    public let inputs: Int
    /// Suite configurations in the merged file.
    public let configurations: Int
    /// Runs copied from the inputs, complete and failed.
    public let runs: Int
    /// Checkpoint files (`save_checkpoints`) copied beside the target.
    public var checkpoints = 0
}

extension ResultStore {
    /// Merges results files written on different machines — `biomoe run --shard K/N` into one
    /// file per node — into `target`: `biomoe merge`.
    ///
    /// Everything of every input is copied: environments (shared ones once, by fingerprint),
    /// suite configurations (by name and config hash), invocations, runs with their params,
    /// metrics, series, events, predictions and reliability totals. Ids are renumbered; values
    /// are copied as stored, so a merged run's metrics have the bits its shard recorded.
    ///
    /// Refused, before anything is written: an input whose newest configuration of a suite has
    /// another config hash than another input's newest configuration of that suite (shards of
    /// different configs: rerun the stale one), and a complete run of a (suite config, variant,
    /// seed) that another input or `target` already has (every result must have one source).
    ///
    /// Atomic: the merge happens in a temporary copy of `target` (a fresh file when `target`
    /// does not exist), which is renamed over it only when every input went in and SQLite's
    /// integrity and foreign-key checks pass; on any error `target` is unchanged.
    public static func merge(_ inputs: [String], into target: String) throws -> MergedShards {
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        guard !inputs.isEmpty else { throw ResultStoreError.cannotMerge(path: target, reason: "no input files given") }
        var seen = Set<String>()
        for input in inputs {
            let url = URL(fileURLWithPath: input).standardizedFileURL
            guard url != targetURL else {
                throw ResultStoreError.cannotMerge(path: target, reason: "'\(input)' is both an input and --into; merge into a new file")
            }
            guard seen.insert(url.path).inserted else {
                throw ResultStoreError.cannotMerge(path: target, reason: "'\(input)' is given twice")
            }
            guard FileManager.default.fileExists(atPath: input) else {
                throw ResultStoreError.cannotMerge(path: target, reason: "'\(input)': no such file")
            }
        }
        // Opening each input through ResultStore refuses newer schemas and non-SQLite files
        // with their usual errors, and brings older working files up to date.
        let sources = try inputs.map { try ResultStore(path: $0) }
        try checkConfigsAgree(sources)

        let directory = targetURL.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(targetURL.lastPathComponent).merging-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        if FileManager.default.fileExists(atPath: target) {
            let existing = try ResultStore(path: target)
            try existing.writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
        } else {
            _ = try ResultStore(writer: try DatabaseQueue(path: temporary, configuration: configuration()), path: temporary)
        }
        var copied = 0
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: temporary, configuration: configuration())
        } catch {
            throw ResultStoreError.cannotMerge(path: target, reason: "\(error)")
        }
        for (index, source) in sources.enumerated() {
            copied += try mergeOne(source.path, label: inputs[index], into: queue, target: target)
        }
        let configurations = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM suite") ?? 0 }
        try queue.writeWithoutTransaction { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            guard integrity == ["ok"], foreignKeys.isEmpty else {
                throw ResultStoreError.cannotMerge(path: target, reason: "integrity check failed: \(integrity.prefix(3)), \(foreignKeys.count) foreign-key violation(s)")
            }
            // A working database, which `run` can add to (published files are rollback-journal).
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        try queue.close()
        // Checkpoints before the rename: a conflict then leaves the target's runs as they were.
        let checkpoints = try mergeCheckpoints(inputs, into: target)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        guard rename(temporary, target) == 0 else {
            throw ResultStoreError.cannotMerge(path: target, reason: String(cString: strerror(errno)))
        }
        return MergedShards(path: target, inputs: inputs.count, configurations: configurations, runs: copied,
                            checkpoints: checkpoints)
    }

    /// Copies each input's stored checkpoints (`save_checkpoints`) into the target's directory,
    /// under the same relative names the runs recorded; returns the files copied. A name both
    /// sides hold must have the same bytes (the same run, merged twice); otherwise nothing is
    /// copied and the merge is refused.
    static func mergeCheckpoints(_ inputs: [String], into target: String) throws -> Int {
        let destination = CheckpointDirectory(databasePath: target)
        var plan: [(from: URL, to: URL)] = []
        for input in inputs {
            let source = CheckpointDirectory(databasePath: input)
            guard let walker = FileManager.default.enumerator(at: source.url, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(file.standardizedFileURL.path.dropFirst(source.url.standardizedFileURL.path.count + 1))
                let to = destination.file(relative)
                if let existing = FileManager.default.contents(atPath: to.path) {
                    guard existing == FileManager.default.contents(atPath: file.path) else {
                        throw ResultStoreError.cannotMerge(path: target, reason:
                            "checkpoint '\(relative)' differs between '\(input)' and '\(destination.url.path)'")
                    }
                    continue
                }
                if let earlier = plan.first(where: { $0.to == to }) {
                    guard FileManager.default.contents(atPath: earlier.from.path) == FileManager.default.contents(atPath: file.path) else {
                        throw ResultStoreError.cannotMerge(path: target, reason: "checkpoint '\(relative)' differs between two inputs")
                    }
                    continue
                }
                plan.append((file, to))
            }
        }
        do {
            for (from, to) in plan {
                try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: from, to: to)
            }
        } catch {
            throw ResultStoreError.cannotMerge(path: target, reason: "copying checkpoints into '\(destination.url.path)': \(error)")
        }
        return plan.count
    }

    /// Refuses inputs whose newest configurations of one suite name differ.
    static func checkConfigsAgree(_ sources: [ResultStore]) throws {
        var newest: [String: (hash: String, path: String)] = [:]
        for source in sources {
            let rows = try source.writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT name, configHash FROM suite s
                    WHERE id = (SELECT id FROM suite WHERE name = s.name ORDER BY createdAt DESC, id DESC LIMIT 1)
                    ORDER BY name
                    """)
            }
            for row in rows {
                let name: String = row["name"], hash: String = row["configHash"]
                if let other = newest[name], other.hash != hash {
                    throw ResultStoreError.cannotMerge(path: source.path, reason:
                        "suite '\(name)' was run from config \(hash.prefix(12)) here but from \(other.hash.prefix(12)) in '\(other.path)'; "
                        + "shards must come from one config: rerun the stale shard, or merge the two configs' files separately")
                }
                newest[name] = (hash, source.path)
            }
        }
    }

    /// Copies everything of the file at `source` into the open merge target, in one
    /// transaction; returns the runs copied.
    private static func mergeOne(_ source: String, label: String, into queue: DatabaseQueue, target: String) throws -> Int {
        do {
            try queue.writeWithoutTransaction { try $0.execute(sql: "ATTACH DATABASE ? AS src", arguments: [source]) }
            defer { try? queue.writeWithoutTransaction { try $0.execute(sql: "DETACH DATABASE src") } }
            return try queue.write { db in
                let duplicates = try Row.fetchAll(db, sql: """
                    SELECT s.name, r.variant, r.seed FROM src.run r JOIN src.suite s ON s.id = r.suiteId
                    JOIN main.suite ms ON ms.name = s.name AND ms.configHash = s.configHash
                    JOIN main.run mr ON mr.suiteId = ms.id AND mr.variant = r.variant AND mr.seed = r.seed
                    WHERE r.status = 'complete' AND mr.status = 'complete' ORDER BY s.name, r.variant, r.seed LIMIT 4
                    """)
                if let first = duplicates.first {
                    let listed = duplicates.map { "\($0["name"] as String) \($0["variant"] as String) seed \($0["seed"] as Int)" }
                    throw ResultStoreError.cannotMerge(path: target, reason:
                        "'\(label)' has complete runs already merged from another input or present in the target "
                        + "(\(listed.joined(separator: "; "))\(duplicates.count > 3 ? "; …" : "")); every result must have one source — "
                        + "were shards run with overlapping --shard values, or was '\(label)' given twice? (first: \(first["variant"] as String))")
                }
                let collisions = try Row.fetchAll(db, sql: """
                    SELECT s.name FROM src.suite s JOIN main.suite ms ON ms.name = s.name AND ms.configHash = s.configHash
                    WHERE ms.canonicalConfig != s.canonicalConfig LIMIT 1
                    """)
                if let collision = collisions.first {
                    throw ResultStoreError.cannotMerge(path: target, reason: "suite '\(collision["name"] as String)' has one config hash for two different configs in '\(label)' and the target")
                }
                let runOffset = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM main.run") ?? 0
                let invocationOffset = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM main.invocation") ?? 0
                // A published input from before schema v7 is read as it is, without the column.
                let recordsExtensions = try Bool.fetchOne(db, sql: """
                    SELECT COUNT(*) > 0 FROM pragma_table_info('environment', 'src') WHERE name = 'cpuVectorExtensions'
                    """) ?? false
                for statement in [
                    """
                    INSERT OR IGNORE INTO main.environment (fingerprint, codeCommit, codeDirty, toolchain, blasLibrary, blasThreads, cpuModel, os, cpuVectorExtensions, recordedAt)
                    SELECT fingerprint, codeCommit, codeDirty, toolchain, blasLibrary, blasThreads, cpuModel, os, \(recordsExtensions ? "cpuVectorExtensions" : "NULL"), recordedAt FROM src.environment
                    """,
                    """
                    INSERT OR IGNORE INTO main.suite (name, configHash, configVersion, canonicalConfig, sourcePath, createdAt, gatePolicy)
                    SELECT name, configHash, configVersion, canonicalConfig, sourcePath, createdAt, gatePolicy FROM src.suite
                    """,
                    """
                    CREATE TEMP TABLE merge_suite AS SELECT s.id AS old, ms.id AS new FROM src.suite s
                    JOIN main.suite ms ON ms.name = s.name AND ms.configHash = s.configHash
                    """,
                    """
                    CREATE TEMP TABLE merge_environment AS SELECT e.id AS old, me.id AS new FROM src.environment e
                    JOIN main.environment me ON me.fingerprint = e.fingerprint
                    """,
                ] { try db.execute(sql: statement) }
                defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.merge_suite; DROP TABLE IF EXISTS temp.merge_environment") }
                try db.execute(sql: """
                    INSERT INTO main.invocation (id, suiteId, environmentId, startedAt, finishedAt, status)
                    SELECT i.id + ?, ms.new, me.new, i.startedAt, i.finishedAt, i.status FROM src.invocation i
                    JOIN temp.merge_suite ms ON ms.old = i.suiteId JOIN temp.merge_environment me ON me.old = i.environmentId
                    """, arguments: [invocationOffset])
                try db.execute(sql: """
                    INSERT INTO main.run (id, suiteId, invocationId, environmentId, variant, seed, configHash, status, startedAt, finishedAt, error, resolvedConfig, reusedFromRunId)
                    SELECT r.id + ?1, ms.new, r.invocationId + ?2, me.new, r.variant, r.seed, r.configHash, r.status, r.startedAt, r.finishedAt,
                           r.error, r.resolvedConfig, CASE WHEN r.reusedFromRunId IS NULL THEN NULL ELSE r.reusedFromRunId + ?1 END
                    FROM src.run r JOIN temp.merge_suite ms ON ms.old = r.suiteId JOIN temp.merge_environment me ON me.old = r.environmentId
                    ORDER BY r.id
                    """, arguments: [runOffset, invocationOffset])
                for statement in [
                    "INSERT INTO main.param (runId, key, value) SELECT runId + ?, key, value FROM src.param",
                    "INSERT INTO main.metric (runId, name, value, unit) SELECT runId + ?, name, value, unit FROM src.metric",
                    "INSERT INTO main.series (runId, name, step, value) SELECT runId + ?, name, step, value FROM src.series",
                    "INSERT INTO main.event (runId, kind, step, payload) SELECT runId + ?, kind, step, payload FROM src.event ORDER BY id",
                    "INSERT INTO main.prediction (runId, sampleIndex, label, probabilities) SELECT runId + ?, sampleIndex, label, probabilities FROM src.prediction",
                    "INSERT INTO main.reliability (runId, bin, count, confidenceSum, correct) SELECT runId + ?, bin, count, confidenceSum, correct FROM src.reliability",
                ] { try db.execute(sql: statement, arguments: [runOffset]) }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM src.run") ?? 0
            }
        } catch let error as ResultStoreError {
            throw error
        } catch {
            throw ResultStoreError.cannotMerge(path: target, reason: "copying '\(label)' failed: \(error)")
        }
    }
}
