import HarnessBaseline

/// The report's "Compared with baseline" section.
///
/// Present when a baseline file exists for the suite (`baselines/<suite>.json`): every gated row
/// (ungated ones are counted), or the one line saying why there is no comparison.
enum BaselineReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool { input.baseline != nil }

    static func markdown(_ input: ReportInput) -> String {
        guard let baseline = input.baseline else { return "" }
        return markdown(baseline)
    }

    static func markdown(_ baseline: ReportBaseline) -> String {
        var md = "## Compared with baseline\n\n"
        guard let comparison = baseline.comparison else {
            return md + "The baseline `\(baseline.path)` could not be compared: \(baseline.problem ?? "unknown problem").\n\n"
        }
        md += ComparisonTable.heading(comparison, markdown: true)
        md += ComparisonTable.markdown(comparison.rows.filter { $0.mark != .notGated })
        md += "\n" + ComparisonTable.counts(comparison.verdict) + "; "
        md += baseline.policySource.map { "tolerances from `\($0)`" } ?? "default tolerances"
        md += ". Ungated rows (timing, counts): `biomoe compare \(comparison.suite) --all`.\n\n"
        return md
    }
}
