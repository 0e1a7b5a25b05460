import Foundation

/// How a metric is printed in a report table: scaled into a readable unit with a fixed number of
/// decimals, so the same database always prints the same characters.
public struct MetricFormat: Sendable {
    public let scale: Double
    public let decimals: Int
    public let unit: String

    public init(scale: Double, decimals: Int, unit: String) {
        self.scale = scale
        self.decimals = decimals
        self.unit = unit
    }

    public static func forMetric(_ name: String, unit: String) -> MetricFormat {
        switch unit {
        case "fraction": return MetricFormat(scale: 100, decimals: 2, unit: "%")
        case "s": return MetricFormat(scale: 1e6, decimals: 1, unit: "µs")
        case "bytes": return MetricFormat(scale: 1.0 / 1_048_576, decimals: 1, unit: "MiB")
        case "samples/s": return MetricFormat(scale: 1, decimals: 0, unit: "samples/s")
        case "count", "MAC": return MetricFormat(scale: 1, decimals: 0, unit: unit)
        default: return MetricFormat(scale: 1, decimals: 4, unit: unit)
        }
    }

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
