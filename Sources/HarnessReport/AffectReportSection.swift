import Affect
import Foundation
import HarnessConfig
import Metrics

/// The affect part of a report (experiments/affect.yaml): VADER's valence against the human
/// ratings of each set, beside the VADER paper's Table 4.
enum AffectReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["valence_pearson"] != nil }
    }

    static func markdown(_ input: ReportInput) -> String {
        var md = "## Affect: valence against human ratings\n\n"
        md += "VADER (Hutto & Gilbert 2014) as implemented in the Affect target, whose scores equal those of the reference "
        md += "package vaderSentiment 3.3.2 on every golden sentence (Tests/AffectTests). Each set's snippets were rated by "
        md += "20 people on [−4, 4]; r is Pearson's correlation of the compound score with their mean. The paper's Table 4 "
        md += "was computed with the 2014 lexicon and rules; the package has changed since, so the paper's r is a "
        md += "reference point, not a target. 3-class agreement applies VADER's neutral band (±0.05) to both the compound "
        md += "score and the mean rating. One deterministic run per set (no seed enters).\n\n"
        md += "| variant | rated set | snippets | r (ours) | r (paper, Table 4) | ours − paper | 3-class agreement | snippets/s |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|\n"
        for variant in input.variants {
            let runs = input.runs(of: variant)
            guard let run = runs.first, let r = run.metrics["valence_pearson"] else { continue }
            let spelling = input.variantSettings[variant]?["rated_set"] as? String ?? ""
            let published = AffectRatedSet(rawValue: spelling)?.ratedSet.publishedCorrelation
            let snippets = run.metrics["sentiment_snippets"].map { String(format: "%.0f", $0) } ?? "—"
            let agreement = run.metrics["sentiment_class_agreement"].map { String(format: "%.2f %%", $0 * 100) } ?? "—"
            let throughput = run.metrics["affect_throughput"].map { String(format: "%.0f", $0) } ?? "—"
            md += "| \(variant) | \(spelling) | \(snippets) | " + String(format: "%.4f", r) + " | "
            md += (published.map { String(format: "%.3f", $0) } ?? "—") + " | "
            md += (published.map { String(format: "%+.4f", r - $0) } ?? "—") + " | \(agreement) | \(throughput) |\n"
        }
        return md + "\n"
    }
}
