import Foundation
import GRDB
import HarnessConfig
import Metrics

/// A suite with how far along it is, for `biomoe list`.
public struct SuiteSummary: Hashable, Sendable {
    public var suite: SuiteRow
    /// Keys with a complete run.
    public var completeRuns: Int
    /// Failed attempts, including those of keys that later completed.
    public var failedAttempts: Int
    /// Keys whose every attempt failed so far (the next `run` retries them).
    public var failedKeys: Int
    /// `biomoe run` calls on this suite.
    public var invocations: Int
}

/// The read side, for reports, baselines and export. Every list has a total order (ids, names,
/// steps), so equal files give equal results.
extension ResultStore {
    /// Every suite with its run counts, ordered by name, then id (oldest configuration first).
    public func allSuites() throws -> [SuiteSummary] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT suite.*,
                  (SELECT COUNT(*) FROM run
                     WHERE run.suiteId = suite.id AND run.status = 'complete') AS completeRuns,
                  (SELECT COUNT(*) FROM run
                     WHERE run.suiteId = suite.id AND run.status = 'failed') AS failedAttempts,
                  (SELECT COUNT(*) FROM (
                     SELECT DISTINCT failed.variant, failed.seed FROM run AS failed
                     WHERE failed.suiteId = suite.id AND failed.status = 'failed'
                       AND NOT EXISTS (
                         SELECT 1 FROM run AS done
                         WHERE done.suiteId = failed.suiteId AND done.variant = failed.variant
                           AND done.seed = failed.seed AND done.status = 'complete'))
                  ) AS failedKeys,
                  (SELECT COUNT(*) FROM invocation
                     WHERE invocation.suiteId = suite.id) AS invocations
                FROM suite
                ORDER BY suite.name, suite.id
                """)
            return try rows.map { row in
                SuiteSummary(
                    suite: try SuiteRow(row: row),
                    completeRuns: row["completeRuns"],
                    failedAttempts: row["failedAttempts"],
                    failedKeys: row["failedKeys"],
                    invocations: row["invocations"])
            }
        }
    }

    /// Every configuration stored under `name`, oldest first.
    public func suites(named name: String) throws -> [SuiteRow] {
        try writer.read { db in
            try SuiteRow.filter(SuiteRow.Columns.name == name)
                .order(SuiteRow.Columns.id).fetchAll(db)
        }
    }

    /// The most recently registered configuration of `name`, or `nil` if none.
    public func latestSuite(named name: String) throws -> SuiteRow? {
        try writer.read { db in
            try SuiteRow.filter(SuiteRow.Columns.name == name)
                .order(SuiteRow.Columns.id.desc).fetchOne(db)
        }
    }

    /// The suite with this id, or `nil`.
    public func suite(id: Int64) throws -> SuiteRow? {
        try writer.read { db in try SuiteRow.fetchOne(db, key: id) }
    }

    /// The run with this id, or `nil`.
    public func run(id: Int64) throws -> RunRow? {
        try writer.read { db in try RunRow.fetchOne(db, key: id) }
    }

    /// A suite's runs ordered by variant, seed, then id; all statuses unless `status` is given.
    public func runs(suiteId: Int64, status: RunStatus? = nil) throws -> [RunRow] {
        try writer.read { db in
            var request = RunRow.filter(RunRow.Columns.suiteId == suiteId)
            if let status {
                request = request.filter(RunRow.Columns.status == status)
            }
            return try request
                .order(RunRow.Columns.variant, RunRow.Columns.seed, RunRow.Columns.id)
                .fetchAll(db)
        }
    }

    /// The parameters of these runs, ordered by run id, then key.
    public func params(runIds: [Int64]) throws -> [ParamRow] {
        try writer.read { db in
            try ParamRow.filter(runIds.contains(ParamRow.Columns.runId))
                .order(ParamRow.Columns.runId, ParamRow.Columns.key).fetchAll(db)
        }
    }

    /// The metrics of these runs, ordered by run id, then name. NaN values come back as NaN.
    public func metrics(runIds: [Int64]) throws -> [MetricRow] {
        try writer.read { db in
            try MetricRow.filter(runIds.contains(MetricRow.Columns.runId))
                .order(MetricRow.Columns.runId, MetricRow.Columns.name).fetchAll(db)
        }
    }

    /// Every series of one run, ordered by name, then step.
    public func series(runId: Int64) throws -> [SeriesRow] {
        try writer.read { db in
            try SeriesRow.filter(SeriesRow.Columns.runId == runId)
                .order(SeriesRow.Columns.name, SeriesRow.Columns.step).fetchAll(db)
        }
    }

    /// One named series across runs (e.g. every seed's accuracy curve), ordered by run id, step.
    public func series(named name: String, runIds: [Int64]) throws -> [SeriesRow] {
        try writer.read { db in
            try SeriesRow.filter(runIds.contains(SeriesRow.Columns.runId))
                .filter(SeriesRow.Columns.name == name)
                .order(SeriesRow.Columns.runId, SeriesRow.Columns.step).fetchAll(db)
        }
    }

    /// A run's events in the order they were recorded; only those of `kind` if given.
    public func events(runId: Int64, kind: String? = nil) throws -> [EventRow] {
        try writer.read { db in
            var request = EventRow.filter(EventRow.Columns.runId == runId)
            if let kind {
                request = request.filter(EventRow.Columns.kind == kind)
            }
            return try request.order(EventRow.Columns.id).fetchAll(db)
        }
    }

    /// A run's predictions ordered by sample index.
    public func predictions(runId: Int64) throws -> [PredictionRow] {
        try writer.read { db in
            try PredictionRow.filter(PredictionRow.Columns.runId == runId)
                .order(PredictionRow.Columns.sampleIndex).fetchAll(db)
        }
    }

    /// A run's reliability bin totals (``ReliabilityRow/binCount`` bins): the stored `reliability`
    /// rows when the file has them (a published file), else computed from the run's predictions
    /// with the same function `publish` uses; nil when the run has neither (no predictions).
    public func reliabilityTotals(runId: Int64) throws -> [ReliabilityTotal]? {
        let stored = try writer.read { db in
            try ReliabilityRow.filter(ReliabilityRow.Columns.runId == runId)
                .order(ReliabilityRow.Columns.bin).fetchAll(db)
        }
        if !stored.isEmpty {
            guard stored.map(\.bin) == Array(0..<ReliabilityRow.binCount) else {
                throw ResultStoreError.corruptReliability(runId: runId, bins: stored.count)
            }
            return stored.map(\.total)
        }
        return try Self.reliabilityTotals(of: predictions(runId: runId))
    }

    /// The reliability totals of one run's predictions, nil when there are none.
    static func reliabilityTotals(of predictions: [PredictionRow]) -> [ReliabilityTotal]? {
        guard let classes = predictions.first?.probabilities.count else { return nil }
        var probabilities: [Float] = []
        probabilities.reserveCapacity(predictions.count * classes)
        var labels: [Int32] = []
        labels.reserveCapacity(predictions.count)
        for prediction in predictions {
            probabilities += prediction.probabilities
            labels.append(Int32(prediction.label))
        }
        return ClassificationMetrics.reliabilityTotals(
            probabilities: probabilities, labels: labels, classes: classes, bins: ReliabilityRow.binCount).totals
    }

    /// The environment with this id, or `nil`.
    public func environment(id: Int64) throws -> EnvironmentRow? {
        try writer.read { db in try EnvironmentRow.fetchOne(db, key: id) }
    }

    /// The invocations of a suite, oldest first.
    public func invocations(suiteId: Int64) throws -> [InvocationRow] {
        try writer.read { db in
            try InvocationRow.filter(InvocationRow.Columns.suiteId == suiteId)
                .order(InvocationRow.Columns.id).fetchAll(db)
        }
    }

    /// SQLite's `integrity_check` and `foreign_key_check`: empty for a sound file, else one
    /// line per problem (the reliability suite checks every file it killed writers of).
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return integrity == ["ok"] ? foreignKeys : integrity + foreignKeys
        }
    }
}
