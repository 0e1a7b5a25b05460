import HarnessConfig
import HarnessStore
import Metrics
import NN

/// Everything one run produced, held in memory until it is written in one transaction, so an
/// interrupted run leaves nothing behind that could be mistaken for a result.
public struct RunOutcome: Sendable {
    public var metrics: [MetricValue] = []
    public var series: [SeriesPoint] = []
    public var events: [RunEvent] = []
    public var predictions: [Prediction] = []
    /// The final parameters under their PyTorch names, with metadata naming the model and its
    /// sizes. Written beside the results file only when the suite sets `save_checkpoints`
    /// (SuiteRunner adds the run's identity to the metadata); nil for models without parameters.
    public var checkpoint: SafetensorsFile?

    public init() {}

    /// Records a scalar in the unit ``MetricCatalog`` gives it, so a metric's unit, label and
    /// format are stated once and no metric reaches the database undocumented.
    public mutating func metric(_ name: String, _ value: Double) {
        guard let info = MetricCatalog.info(name) else {
            preconditionFailure("metric '\(name)' is not in MetricCatalog: add it to MetricCatalog+Entries.swift "
                                + "(unit, label, direction, format, definition) before recording it")
        }
        metrics.append(MetricValue(name: name, value: value, unit: info.unit))
    }

    public mutating func point(_ name: String, step: Int, _ value: Double) {
        series.append(SeriesPoint(name: name, step: step, value: value))
    }
}

/// Where a running experiment reports how far it has got (0…1 of this run).
public typealias ProgressHandler = (_ fraction: Double, _ detail: String) -> Void

/// A runnable experiment for one `RunSpec`. Registered by name in `Registry`.
public protocol Experiment {
    func run(progress: ProgressHandler) throws -> RunOutcome
}
