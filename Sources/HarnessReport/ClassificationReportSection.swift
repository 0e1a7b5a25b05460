import Foundation
import Metrics

/// The image-classification part of a report, present when runs recorded calibration
/// (`test_ece`): the summary table over seeds and, after the charts, every seed's figures.
enum ClassificationReportSection: ReportSection {
    /// Metrics of the main table, in column order; titles come from the metric catalog.
    static let summaryColumns = ["test_accuracy", "test_ece", "test_mce", "test_brier", "test_nll", "train_throughput",
                                 "latency_p99", "parameters"]

    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["test_ece"] != nil }
    }

    static func markdown(_ input: ReportInput) -> String {
        var md = "## Results\n\n"
        md += "Test split; each cell is the mean over seeds ± the half-width of its 95 % confidence interval "
        md += "(Student's t, n − 1 degrees of freedom). ECE and MCE use 15 equal-width confidence bins (Guo et al. 2017). "
        md += "Latency is one image per forward pass with one BLAS thread on this machine; timing depends on the machine and its load (see Environment).\n\n"
        md += VariantTable.render(input, variants: input.variants, titles: summaryColumns.map(MetricColumn.title)) { c, runs in
            let metric = summaryColumns[c]
            let values = runs.compactMap { $0.metrics[metric] }
            let unit = runs.first?.units[metric] ?? ""
            return values.isEmpty ? "—" : MetricFormat.forMetric(metric, unit: unit).meanWithInterval(values)
        }
        return md + "\n"
    }

    static func appendix(_ input: ReportInput) -> String {
        var md = "## Per-seed results\n\n"
        md += "| variant | seed | run | accuracy (%) | ECE (%) | NLL (nats) | val accuracy (%) | finished |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---|\n"
        for variant in input.variants {
            for run in input.runs(of: variant) {
                let pct = { (name: String) in run.metrics[name].map { String(format: "%.2f", $0 * 100) } ?? "—" }
                let nll = run.metrics["test_nll"].map { String(format: "%.4f", $0) } ?? "—"
                md += "| \(variant) | \(run.seed) | \(run.id) | \(pct("test_accuracy")) | \(pct("test_ece")) | \(nll) | \(pct("val_accuracy")) | \(run.finishedAt) |\n"
            }
        }
        return md + "\n"
    }
}
