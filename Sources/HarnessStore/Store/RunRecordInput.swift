import Foundation
import HarnessConfig

/// Which run a row belongs to and how it was configured: everything a run row needs besides its
/// status and error, shared by ``ResultStore/record(_:)`` and ``ResultStore/recordFailure(_:error:)``.
public struct RunHeader: Hashable, Sendable {
    public var suiteId: Int64
    public var invocationId: Int64
    public var environmentId: Int64
    public var variant: String
    public var seed: Int
    public var configHash: String
    /// The variant's parameters after defaults and overrides, as JSON.
    public var resolvedConfig: String
    public var startedAt: Date
    public var finishedAt: Date

    public init(suiteId: Int64, invocationId: Int64, environmentId: Int64, variant: String,
                seed: Int, configHash: String, resolvedConfig: String, startedAt: Date,
                finishedAt: Date) {
        self.suiteId = suiteId
        self.invocationId = invocationId
        self.environmentId = environmentId
        self.variant = variant
        self.seed = seed
        self.configHash = configHash
        self.resolvedConfig = resolvedConfig
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    public var key: RunKey { RunKey(variant: variant, seed: seed) }
}

/// A final scalar of a run. NaN is allowed and stored (as NULL, read back as NaN).
public struct MetricValue: Hashable, Sendable {
    public var name: String
    public var value: Double
    public var unit: String

    public init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// One point of a named curve. NaN is allowed and stored.
public struct SeriesPoint: Hashable, Sendable {
    public var name: String
    public var step: Int
    public var value: Double

    public init(name: String, step: Int, value: Double) {
        self.name = name
        self.step = step
        self.value = value
    }
}

/// Something that happened at a step; ``payload`` must be a JSON document.
public struct RunEvent: Hashable, Sendable {
    public var kind: String
    public var step: Int
    public var payload: String

    public init(kind: String, step: Int, payload: String) {
        self.kind = kind
        self.step = step
        self.payload = payload
    }
}

/// The class probabilities for one evaluation sample; its sample index is its position in
/// ``RunRecordInput/predictions``.
public struct Prediction: Hashable, Sendable {
    public var label: Int
    public var probabilities: [Float]

    public init(label: Int, probabilities: [Float]) {
        self.label = label
        self.probabilities = probabilities
    }
}

/// Everything a finished run produced, written by ``ResultStore/record(_:)`` in one transaction.
public struct RunRecordInput: Sendable {
    public var header: RunHeader
    /// Flattened configuration parameters (`"router.topK": "2"`); stored sorted by key.
    public var params: [String: String]
    public var metrics: [MetricValue]
    public var series: [SeriesPoint]
    /// Stored in this order; read back ordered by insertion.
    public var events: [RunEvent]
    /// Sample `i` is `predictions[i]`; every entry must have the same number of classes.
    public var predictions: [Prediction]

    public init(header: RunHeader, params: [String: String] = [:], metrics: [MetricValue] = [],
                series: [SeriesPoint] = [], events: [RunEvent] = [],
                predictions: [Prediction] = []) {
        self.header = header
        self.params = params
        self.metrics = metrics
        self.series = series
        self.events = events
        self.predictions = predictions
    }
}
