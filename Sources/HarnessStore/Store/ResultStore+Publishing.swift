import Foundation
import GRDB
import HarnessConfig
import Metrics

/// What ``ResultStore/publish(suite:to:)`` wrote.
public struct PublishedSuite: Hashable, Sendable {
    /// The published file.
    public let path: String
    /// Configurations of the suite copied (every `suite` row with its name).
    public let configurations: Int
    /// Runs copied, complete and failed.
    public let runs: Int
    /// Runs whose predictions were reduced to `reliability` totals.
    public let runsWithReliability: Int
    /// Prediction rows left out.
    public let droppedPredictions: Int
    /// Size of the published file in bytes.
    public let byteCount: Int
}

extension ResultStore {
    /// Writes one suite's results, without per-sample predictions, to a standalone file meant
    /// for git: `biomoe publish`.
    ///
    /// The file holds every configuration stored under `name` (all `suite` rows of that name,
    /// so runs reused from an earlier configuration keep their source) with their invocations,
    /// runs (failed attempts too), params, metrics, series and events, the environments those
    /// refer to, and for each run with predictions its ``ReliabilityRow`` totals instead of the
    /// predictions. Other suites, unreferenced environments and mined git histories are left out.
    ///
    /// Steps: `VACUUM INTO` a temporary file next to `path` (a consistent snapshot even while a
    /// `run` writes), delete the other suites, store the reliability totals, drop predictions,
    /// `VACUUM`, and rename the temporary file over `path`. The rename is atomic, so `path` is
    /// always either the previous published file or the new one; overwriting it is the normal
    /// way to update it. The file is left in rollback-journal mode, which ``ResultStore`` opens
    /// read-only, so reading it (a report, `list`) never changes its bytes; `run` cannot write to it.
    ///
    /// - Throws: ``ResultStoreError/unknownSuite(name:path:available:)`` when this database has
    ///   no suite `name`; ``ResultStoreError/cannotPublish(path:reason:)`` when writing failed.
    public func publish(suite name: String, to path: String) throws -> PublishedSuite {
        guard !(try suites(named: name)).isEmpty else {
            let available = Set(try allSuites().map(\.suite.name)).sorted()
            throw ResultStoreError.unknownSuite(name: name, path: self.path, available: available)
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ResultStoreError.cannotCreateDirectory(path: path, reason: "\(error)")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).publishing-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
            }
            let counts = try Self.reduceToPublished(path: temporary, suite: name)
            // A stale -wal beside the old file would be replayed into the new one.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(temporary, path) == 0 else {
                throw ResultStoreError.cannotPublish(path: path, reason: String(cString: strerror(errno)))
            }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return PublishedSuite(path: path, configurations: counts.configurations, runs: counts.runs,
                                  runsWithReliability: counts.runsWithReliability,
                                  droppedPredictions: counts.droppedPredictions, byteCount: size)
        } catch let error as ResultStoreError {
            throw error
        } catch {
            throw ResultStoreError.cannotPublish(path: path, reason: "\(error)")
        }
    }

    /// Turns the full copy at `path` into the published file of `suite`, in place.
    private static func reduceToPublished(path: String, suite name: String) throws
        -> (configurations: Int, runs: Int, runsWithReliability: Int, droppedPredictions: Int) {
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        let counts = try queue.write { db in
            // Cascades remove the other suites' invocations, runs and everything under them.
            try db.execute(sql: "DELETE FROM suite WHERE name != ?", arguments: [name])
            // Mined git histories are inputs (`biomoe mine`), not a suite's results.
            if try db.tableExists("gitRepository") { try db.execute(sql: "DELETE FROM gitRepository") }
            try db.execute(sql: """
                DELETE FROM environment
                WHERE id NOT IN (SELECT environmentId FROM run)
                  AND id NOT IN (SELECT environmentId FROM invocation)
                """)
            let runIds = try Int64.fetchAll(db, sql: "SELECT DISTINCT runId FROM prediction ORDER BY runId")
            for runId in runIds {
                let predictions = try PredictionRow.filter(PredictionRow.Columns.runId == runId)
                    .order(PredictionRow.Columns.sampleIndex).fetchAll(db)
                guard let totals = ResultStore.reliabilityTotals(of: predictions) else { continue }
                // Predictions are the source: they replace totals an earlier publish left.
                try ReliabilityRow.filter(ReliabilityRow.Columns.runId == runId).deleteAll(db)
                for (bin, total) in totals.enumerated() {
                    try ReliabilityRow(runId: runId, bin: bin, total: total).insert(db)
                }
            }
            let dropped = try PredictionRow.deleteAll(db)
            let problems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            guard problems.isEmpty else {
                throw ResultStoreError.cannotPublish(path: path, reason: "\(problems.count) dangling references after the copy")
            }
            return (configurations: try SuiteRow.fetchCount(db), runs: try RunRow.fetchCount(db),
                    runsWithReliability: runIds.count, droppedPredictions: dropped)
        }
        try queue.writeWithoutTransaction { db in
            // Rollback-journal mode marks the file as published: ResultStore opens it read-only.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "VACUUM")
        }
        try queue.close()
        return counts
    }
}
