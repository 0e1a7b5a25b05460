import Foundation
import GRDB
import HarnessConfig
import Metrics

/// Whether a run's results may be used.
public enum RunStatus: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    /// All metrics, series, events and predictions were written in the same transaction.
    case complete
    /// The run threw; only the run row and its error message exist, and `run` retries it.
    case failed
}

/// The identity of one run in a suite: the key `run` uses to skip work already done.
public struct RunKey: Hashable, Sendable, Comparable {
    public var variant: String
    public var seed: Int

    public init(variant: String, seed: Int) {
        self.variant = variant
        self.seed = seed
    }

    public static func < (lhs: RunKey, rhs: RunKey) -> Bool {
        (lhs.variant, lhs.seed) < (rhs.variant, rhs.seed)
    }
}

/// A row of `run`: one (variant, seed) attempt of a suite.
///
/// At most one row per (suite, variant, seed) is `.complete` (a partial unique index); failed
/// attempts accumulate beside it, each with its ``error``.
public struct RunRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    public var id: Int64?
    public var suiteId: Int64
    public var invocationId: Int64
    public var environmentId: Int64
    public var variant: String
    public var seed: Int
    public var configHash: String
    public var status: RunStatus
    public var startedAt: Date
    public var finishedAt: Date
    /// Set exactly when ``status`` is `.failed` (a schema CHECK).
    public var error: String?
    /// The variant's parameters after defaults and overrides, as JSON.
    public var resolvedConfig: String
    /// Set when this row is a copy of an earlier complete run with the same suite name, variant,
    /// seed and settings hash (see ``ResultStore/reuseCompleteRun(_:suiteId:invocationId:)``);
    /// its environment and times are the original's.
    public var reusedFromRunId: Int64? = nil

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let suiteId = Column(CodingKeys.suiteId)
        public static let variant = Column(CodingKeys.variant)
        public static let seed = Column(CodingKeys.seed)
        public static let status = Column(CodingKeys.status)
    }

    public var key: RunKey { RunKey(variant: variant, seed: seed) }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `param`: one flattened configuration parameter of a run, for filtering and tables.
public struct ParamRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "param"

    public var runId: Int64
    public var key: String
    public var value: String

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let key = Column(CodingKeys.key)
    }
}

/// A row of `metric`: one final scalar of a run, with its unit (`"ratio"`, `"ms"`, `"count"`…).
///
/// SQLite cannot store NaN (it silently stores NULL), so the column is nullable and NULL
/// *means* NaN: a NaN ``value`` is written as NULL and read back as `.nan`. A diverged run's
/// NaN loss is a result, and must survive the round trip rather than disappear.
public struct MetricRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "metric"

    public var runId: Int64
    public var name: String
    public var value: Double
    public var unit: String

    enum CodingKeys: String, CodingKey { case runId, name, value, unit }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let name = Column(CodingKeys.name)
    }

    public init(runId: Int64, name: String, value: Double, unit: String) {
        self.runId = runId
        self.name = name
        self.value = value
        self.unit = unit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runId = try container.decode(Int64.self, forKey: .runId)
        name = try container.decode(String.self, forKey: .name)
        value = try container.decodeIfPresent(Double.self, forKey: .value) ?? .nan
        unit = try container.decode(String.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runId, forKey: .runId)
        try container.encode(name, forKey: .name)
        try container.encode(value.isNaN ? nil : value, forKey: .value)
        try container.encode(unit, forKey: .unit)
    }

    /// Equal when all fields are equal, NaN equal to NaN (it is a stored value, not a comparison).
    public static func == (lhs: MetricRow, rhs: MetricRow) -> Bool {
        lhs.runId == rhs.runId && lhs.name == rhs.name && lhs.unit == rhs.unit
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(runId)
        hasher.combine(name)
        hasher.combine(unit)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
    }
}

/// A row of `series`: the value of a named curve (loss, accuracy, utilization…) at one step.
/// NULL means NaN, as for ``MetricRow``.
public struct SeriesRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "series"

    public var runId: Int64
    public var name: String
    public var step: Int
    public var value: Double

    enum CodingKeys: String, CodingKey { case runId, name, step, value }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let name = Column(CodingKeys.name)
        public static let step = Column(CodingKeys.step)
    }

    public init(runId: Int64, name: String, step: Int, value: Double) {
        self.runId = runId
        self.name = name
        self.step = step
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runId = try container.decode(Int64.self, forKey: .runId)
        name = try container.decode(String.self, forKey: .name)
        step = try container.decode(Int.self, forKey: .step)
        value = try container.decodeIfPresent(Double.self, forKey: .value) ?? .nan
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runId, forKey: .runId)
        try container.encode(name, forKey: .name)
        try container.encode(step, forKey: .step)
        try container.encode(value.isNaN ? nil : value, forKey: .value)
    }

    /// Equal when all fields are equal, NaN equal to NaN.
    public static func == (lhs: SeriesRow, rhs: SeriesRow) -> Bool {
        lhs.runId == rhs.runId && lhs.name == rhs.name && lhs.step == rhs.step
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(runId)
        hasher.combine(name)
        hasher.combine(step)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
    }
}

/// A row of `event`: something that happened at a step (a routing decision, an affect state,
/// an expert being cloned), with a JSON payload whose shape depends on ``kind``.
public struct EventRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"

    public var id: Int64?
    public var runId: Int64
    public var kind: String
    public var step: Int
    /// A JSON document (the schema checks `json_valid`).
    public var payload: String

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runId = Column(CodingKeys.runId)
        public static let kind = Column(CodingKeys.kind)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `prediction`: a run's class probabilities for one evaluation sample, kept so that
/// calibration and ranking metrics can be recomputed without re-running the model.
///
/// ``probabilities`` is stored as a BLOB of K little-endian Float32 (see ``ProbabilityBlob``),
/// 4·K bytes instead of K rows.
public struct PredictionRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "prediction"

    public var runId: Int64
    public var sampleIndex: Int
    public var label: Int
    public var probabilities: [Float]

    enum CodingKeys: String, CodingKey { case runId, sampleIndex, label, probabilities }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let sampleIndex = Column(CodingKeys.sampleIndex)
    }

    public init(runId: Int64, sampleIndex: Int, label: Int, probabilities: [Float]) {
        self.runId = runId
        self.sampleIndex = sampleIndex
        self.label = label
        self.probabilities = probabilities
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runId = try container.decode(Int64.self, forKey: .runId)
        sampleIndex = try container.decode(Int.self, forKey: .sampleIndex)
        label = try container.decode(Int.self, forKey: .label)
        let blob = try container.decode(Data.self, forKey: .probabilities)
        probabilities = try ProbabilityBlob.decode(blob)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runId, forKey: .runId)
        try container.encode(sampleIndex, forKey: .sampleIndex)
        try container.encode(label, forKey: .label)
        try container.encode(ProbabilityBlob.encode(probabilities), forKey: .probabilities)
    }
}

extension RunRow {
    /// Variants in the order their first run was recorded (runs execute in config-file order),
    /// the order every report table and comparison lists them in.
    public static func variantOrder(_ runs: [RunRow]) -> [String] {
        var seen: [String] = []
        for run in runs.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) where !seen.contains(run.variant) {
            seen.append(run.variant)
        }
        return seen
    }
}

/// A row of `reliability`: one bin of a run's reliability totals over its predictions
/// (``ReliabilityRow/binCount`` equal-width bins of top-1 confidence), written by `biomoe publish`
/// so a file without predictions still renders the same reliability diagrams.
public struct ReliabilityRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "reliability"
    /// The bins of every stored diagram, and of the report's diagrams.
    public static let binCount = 15

    public var runId: Int64
    public var bin: Int
    public var count: Int
    public var confidenceSum: Double
    public var correct: Int

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let bin = Column(CodingKeys.bin)
    }

    public init(runId: Int64, bin: Int, total: ReliabilityTotal) {
        self.runId = runId
        self.bin = bin
        self.count = total.count
        self.confidenceSum = total.confidenceSum
        self.correct = total.correct
    }

    public var total: ReliabilityTotal {
        ReliabilityTotal(count: count, confidenceSum: confidenceSum, correct: correct)
    }
}
