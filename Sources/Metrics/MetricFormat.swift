import Foundation

/// How a metric is printed in a report table: scaled into a readable unit with a fixed number of
/// decimals, so the same database always prints the same characters.
public struct MetricFormat: Sendable, Hashable {
    public let scale: Double
    public let decimals: Int
    public let unit: String

    public init(scale: Double, decimals: Int, unit: String) {
        self.scale = scale
        self.decimals = decimals
        self.unit = unit
    }

    /// The catalog's format for a recorded metric (``MetricInfo/format``). A name the catalog
    /// does not know (a database written by another build) prints in its stored unit with
    /// 4 decimals.
    public static func forMetric(_ name: String, unit: String) -> MetricFormat {
        MetricCatalog.info(name)?.format ?? .decimal(unit)
    }

    /// Fractions as percentages: 0.8912 → "89.12".
    public static let percent = MetricFormat(scale: 100, decimals: 2, unit: "%")
    /// Seconds as microseconds with one decimal.
    public static let microseconds = MetricFormat(scale: 1e6, decimals: 1, unit: "µs")
    /// Bytes as MiB with one decimal.
    public static let mebibytes = MetricFormat(scale: 1.0 / 1_048_576, decimals: 1, unit: "MiB")

    /// Whole numbers in their own unit (counts, MACs, rates in the thousands).
    public static func whole(_ unit: String) -> MetricFormat { MetricFormat(scale: 1, decimals: 0, unit: unit) }

    /// Four decimals in the metric's own unit (losses, ratios, scores).
    public static func decimal(_ unit: String) -> MetricFormat { MetricFormat(scale: 1, decimals: 4, unit: unit) }

    public func number(_ value: Double) -> String {
        value.isNaN ? "NaN" : String(format: "%.\(decimals)f", value * scale)
    }

    /// "89.12 ± 0.35" (95 % CI half-width, Student t over seeds); "89.12" when n = 1.
    public func meanWithInterval(_ values: [Double]) -> String {
        let summary = SeedSummary(values)
        guard let half = summary.halfWidth, half > 0 else { return number(summary.mean) }
        return "\(number(summary.mean)) ± \(number(half))"
    }
}

/// Mean and 95 % confidence half-width over seeds.
public struct SeedSummary: Sendable {
    public let n: Int
    public let mean: Double
    /// nil when n < 2 (no interval from a single value).
    public let halfWidth: Double?

    public init(_ values: [Double]) {
        n = values.count
        mean = Statistics.mean(values)
        let interval = Statistics.confidenceInterval95(values)
        halfWidth = interval.halfWidth.isNaN ? nil : interval.halfWidth
    }
}
