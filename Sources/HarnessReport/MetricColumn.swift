import Metrics

/// A report column's title for a recorded metric, from ``MetricCatalog``: its label and the
/// unit it is printed in ("test accuracy (%)", "latency p99 (batch 1) (µs)"). Units the label
/// already names, and dimensionless ones (counts, ratios, scores), are left out. Every section titles metric columns this way, so
/// a metric is called the same in every report, in `compare` and in docs/METRICS.md.
enum MetricColumn {
    static let unitless: Set<String> = ["count", "ratio", "score", "samples", "spikes", "MAC", ""]

    static func title(_ metric: String) -> String {
        guard let info = MetricCatalog.info(metric) else { return metric }
        let label = info.label(for: metric)
        return unitless.contains(info.format.unit) ? label : "\(label) (\(info.format.unit))"
    }
}
