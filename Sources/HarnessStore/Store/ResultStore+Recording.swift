import Foundation
import GRDB
import HarnessConfig

extension ResultStore {
    /// Which runs of a suite are done: the keys with a complete run. Failed attempts are not
    /// included, so the next `run` retries them.
    public func completedSeeds(suiteId: Int64) throws -> Set<RunKey> {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT variant, seed FROM run WHERE suiteId = ? AND status = 'complete'
                """, arguments: [suiteId])
            return Set(rows.map { RunKey(variant: $0["variant"], seed: $0["seed"]) })
        }
    }

    /// Marks every complete run of the suite `suiteName` (under any of its configs) that was
    /// recorded from a dirty tree as failed, with the reason as its error, and returns how many.
    ///
    /// Why: a result counts only when its code and config are committed. `biomoe run
    /// --rerun-dirty` calls this first, so those runs run again from the committed code. Nothing is
    /// deleted: the old rows stay, but they no longer count as complete, so neither
    /// ``completedSeeds(suiteId:)`` nor ``reuseCompleteRun(_:suiteId:invocationId:)`` finds them.
    @discardableResult
    public func supersedeDirtyRuns(suiteName: String) throws -> Int {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE run SET status = 'failed', error = ?
                WHERE status = 'complete'
                  AND environmentId IN (SELECT id FROM environment WHERE codeDirty = 1)
                  AND suiteId IN (SELECT id FROM suite WHERE name = ?)
                """, arguments: [Self.supersededAsDirty, suiteName])
            return db.changesCount
        }
    }

    /// The error a run superseded by ``supersedeDirtyRuns(suiteName:)`` carries.
    public static let supersededAsDirty = "superseded: recorded from a dirty tree (uncommitted changes to code or configs); run again by `biomoe run --rerun-dirty`"

    /// Copies an earlier complete run into `suiteId` when one exists with the same suite name,
    /// variant, seed and settings hash (`run.configHash`, the SHA-256 of everything that
    /// determines the run's numbers), and returns the copy's id; nil when there is none.
    ///
    /// Why: a suite's config hash changes when any variant changes, and the suite's runs are
    /// keyed by it; without this, adding one variant would rerun every other. The copy keeps the
    /// original's environment (so a report lists the commit that produced it), its times, and
    /// `reusedFromRunId`; every metric, series point, event, parameter and prediction is copied in
    /// one transaction.
    public func reuseCompleteRun(_ spec: RunSpec, suiteId: Int64, invocationId: Int64) throws -> Int64? {
        try writer.write { db in
            guard let source = try Int64.fetchOne(db, sql: """
                SELECT run.id FROM run JOIN suite ON suite.id = run.suiteId
                WHERE suite.name = ? AND run.variant = ? AND run.seed = ? AND run.configHash = ?
                  AND run.status = 'complete' AND run.suiteId != ?
                ORDER BY run.id LIMIT 1
                """, arguments: [spec.suiteName, spec.variant, spec.seed, spec.runConfigHash, suiteId]) else { return nil }
            try db.execute(sql: """
                INSERT INTO run (suiteId, invocationId, environmentId, variant, seed, configHash, status,
                                 startedAt, finishedAt, error, resolvedConfig, reusedFromRunId)
                SELECT ?, ?, environmentId, variant, seed, configHash, status, startedAt, finishedAt, error,
                       resolvedConfig, id
                FROM run WHERE id = ?
                """, arguments: [suiteId, invocationId, source])
            let copy = db.lastInsertedRowID
            for (table, columns) in [("param", "key, value"), ("metric", "name, value, unit"), ("series", "name, step, value"),
                                     ("event", "kind, step, payload"), ("prediction", "sampleIndex, label, probabilities")] {
                try db.execute(sql: "INSERT INTO \(table) (runId, \(columns)) SELECT ?, \(columns) FROM \(table) WHERE runId = ?",
                               arguments: [copy, source])
            }
            return copy
        }
    }

    /// Writes a finished run and everything it measured in one transaction, and returns its id.
    ///
    /// All or nothing: if any row is refused (a duplicate series point, an invalid JSON payload,
    /// a key that is already complete), the transaction rolls back and no row of this run
    /// exists — a half-written run can never be counted as complete.
    ///
    /// Rows go through cached prepared statements, so 10 000 predictions cost one statement
    /// compilation and 10 000 bind-and-steps.
    @discardableResult
    public func record(_ run: RunRecordInput) throws -> Int64 {
        try Self.checkPredictionWidths(run.predictions)
        return try writer.write { db in
            try Self.refuseIfComplete(db, run.header)
            var row = RunRow(run.header, status: .complete, error: nil)
            try row.insert(db)
            let runId = db.lastInsertedRowID

            let param = try db.cachedStatement(
                sql: "INSERT INTO param (runId, key, value) VALUES (?, ?, ?)")
            for (key, value) in run.params.sorted(by: { $0.key < $1.key }) {
                try param.execute(arguments: [runId, key, value])
            }

            // NaN is bound as NULL explicitly; SQLite would do the same silently.
            let metric = try db.cachedStatement(
                sql: "INSERT INTO metric (runId, name, value, unit) VALUES (?, ?, ?, ?)")
            for value in run.metrics {
                try metric.execute(
                    arguments: [runId, value.name, value.value.isNaN ? nil : value.value, value.unit])
            }

            let series = try db.cachedStatement(
                sql: "INSERT INTO series (runId, name, step, value) VALUES (?, ?, ?, ?)")
            for point in run.series {
                try series.execute(
                    arguments: [runId, point.name, point.step, point.value.isNaN ? nil : point.value])
            }

            let event = try db.cachedStatement(
                sql: "INSERT INTO event (runId, kind, step, payload) VALUES (?, ?, ?, ?)")
            for item in run.events {
                try event.execute(arguments: [runId, item.kind, item.step, item.payload])
            }

            let prediction = try db.cachedStatement(sql: """
                INSERT INTO prediction (runId, sampleIndex, label, probabilities) VALUES (?, ?, ?, ?)
                """)
            for (sampleIndex, item) in run.predictions.enumerated() {
                try prediction.execute(arguments: [
                    runId, sampleIndex, item.label, ProbabilityBlob.encode(item.probabilities),
                ])
            }
            return runId
        }
    }

    /// Writes a failed attempt: the run row with status `failed` and `error`, nothing else.
    ///
    /// It is not counted by ``completedSeeds(suiteId:)``, so a later `run` retries the key; the
    /// failed row stays as a record of what went wrong.
    @discardableResult
    public func recordFailure(_ header: RunHeader, error: String) throws -> Int64 {
        try writer.write { db in
            var row = RunRow(header, status: .failed, error: error)
            try row.insert(db)
            return db.lastInsertedRowID
        }
    }

    private static func refuseIfComplete(_ db: Database, _ header: RunHeader) throws {
        let exists = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM run
                           WHERE suiteId = ? AND variant = ? AND seed = ? AND status = 'complete')
            """, arguments: [header.suiteId, header.variant, header.seed]) ?? false
        if exists {
            throw ResultStoreError.runAlreadyComplete(
                suiteId: header.suiteId, variant: header.variant, seed: header.seed)
        }
    }

    private static func checkPredictionWidths(_ predictions: [Prediction]) throws {
        guard let width = predictions.first?.probabilities.count else { return }
        for (index, item) in predictions.enumerated() where item.probabilities.count != width {
            throw ResultStoreError.inconsistentPredictionWidth(
                sampleIndex: index, expected: width, found: item.probabilities.count)
        }
    }
}

extension RunRow {
    init(_ header: RunHeader, status: RunStatus, error: String?) {
        self.init(
            id: nil, suiteId: header.suiteId, invocationId: header.invocationId,
            environmentId: header.environmentId, variant: header.variant, seed: header.seed,
            configHash: header.configHash, status: status, startedAt: header.startedAt,
            finishedAt: header.finishedAt, error: error, resolvedConfig: header.resolvedConfig,
            reusedFromRunId: nil)
    }
}
