import Foundation
import Metrics

/// The reliability suite's part of a report (experiments/reliability.yaml): what each check did
/// and what it found, with the figures that must be zero marked as such.
enum ReliabilityReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.variantSettings.values.contains { $0["model"] as? String == "reliability" }
    }

    /// The reliability kind's catalog entries, in catalog order.
    static let reliabilityMetrics = MetricCatalog.all.filter { info in ["crash_", "fuzz_", "corrupt_", "concurrent_", "signal_", "diverged_", "resource_"].contains { info.name.hasPrefix($0) } }

    static func markdown(_ input: ReportInput) -> String {
        var md = "## Reliability checks\n\n"
        md += "Each check ran as a run of this suite, its findings recorded like any metric. **Must be 0** marks a figure "
        md += "whose any other value is a defect of biomoe.\n\n"
        md += "| variant | check | figure | value | must be |\n|---|---|---|---:|---|\n"
        for variant in input.variants {
            guard let settings = input.variantSettings[variant], settings["model"] as? String == "reliability" else { continue }
            let check = settings["check"] as? String ?? "?"
            for run in input.runs(of: variant) {
                for info in reliabilityMetrics where run.metrics[info.name] != nil {
                    let value = run.metrics[info.name] ?? .nan
                    let required: String
                    switch info.name {
                    case "crash_rows_lost", "crash_half_recorded_runs", "crash_metrics_differing", "crash_integrity_problems",
                         "fuzz_defects", "corrupt_files_changed", "corrupt_crashes",
                         "concurrent_runs_missing", "concurrent_runs_failed", "concurrent_bad_exits", "concurrent_integrity_problems",
                         "signal_wrong_exits", "signal_runs_lost", "signal_runs_failed", "signal_integrity_problems",
                         "diverged_wrong_exits", "diverged_unrecorded", "diverged_suite_stopped", "diverged_report_unlisted",
                         "resource_unclear_errors", "resource_runs_failed", "resource_runs_lost", "resource_integrity_problems":
                        required = value == 0 ? "0 ✓" : "**0 ✗**"
                    case "corrupt_clear_errors":
                        let cases = run.metrics["corrupt_cases"] ?? .nan
                        required = value == cases ? "all ✓" : "**all ✗**"
                    default:
                        required = ""
                    }
                    md += "| \(variant) | \(check) | \(info.label) | \(info.format.number(value))\(info.format.unit == "count" ? "" : " " + info.format.unit) | \(required) |\n"
                }
            }
        }
        return md + "\n"
    }
}
