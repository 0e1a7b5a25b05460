/// What each recorded metric means: its unit, which direction is better, and a label for tables.
///
/// Why a catalog: reports, baselines and gates need to know that lower ECE is better and that
/// latency is in seconds; keeping it beside the metric names means no stage guesses.
public enum MetricDirection: String, Sendable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
    case informational = "none"
}

public struct MetricInfo: Sendable {
    public let name: String
    public let label: String
    public let unit: String
    public let direction: MetricDirection
    /// Timing and memory depend on the machine: gate them only as ratios measured in one process.
    public let machineDependent: Bool
}

public enum MetricCatalog {
    public static let all: [MetricInfo] = [
        MetricInfo(name: "test_accuracy", label: "test accuracy", unit: "fraction", direction: .higherIsBetter, machineDependent: false),
        MetricInfo(name: "val_accuracy", label: "validation accuracy", unit: "fraction", direction: .higherIsBetter, machineDependent: false),
        MetricInfo(name: "test_ece", label: "ECE (15 bins)", unit: "fraction", direction: .lowerIsBetter, machineDependent: false),
        MetricInfo(name: "test_mce", label: "MCE (15 bins)", unit: "fraction", direction: .lowerIsBetter, machineDependent: false),
        MetricInfo(name: "test_brier", label: "Brier score", unit: "score", direction: .lowerIsBetter, machineDependent: false),
        MetricInfo(name: "test_nll", label: "test NLL", unit: "nats", direction: .lowerIsBetter, machineDependent: false),
        MetricInfo(name: "final_train_loss", label: "final train loss", unit: "nats", direction: .lowerIsBetter, machineDependent: false),
        MetricInfo(name: "parameters", label: "parameters", unit: "count", direction: .informational, machineDependent: false),
        MetricInfo(name: "macs_per_sample", label: "MACs / sample", unit: "MAC", direction: .informational, machineDependent: false),
        MetricInfo(name: "train_seconds", label: "training time", unit: "s", direction: .lowerIsBetter, machineDependent: true),
        MetricInfo(name: "train_throughput", label: "training throughput", unit: "samples/s", direction: .higherIsBetter, machineDependent: true),
        MetricInfo(name: "latency_p50", label: "latency p50 (batch 1)", unit: "s", direction: .lowerIsBetter, machineDependent: true),
        MetricInfo(name: "latency_p95", label: "latency p95 (batch 1)", unit: "s", direction: .lowerIsBetter, machineDependent: true),
        MetricInfo(name: "latency_p99", label: "latency p99 (batch 1)", unit: "s", direction: .lowerIsBetter, machineDependent: true),
        MetricInfo(name: "latency_max", label: "latency max (batch 1)", unit: "s", direction: .lowerIsBetter, machineDependent: true),
        MetricInfo(name: "peak_rss", label: "peak resident memory", unit: "bytes", direction: .lowerIsBetter, machineDependent: true),
    ]

    public static func info(_ name: String) -> MetricInfo? { all.first { $0.name == name } }
}
