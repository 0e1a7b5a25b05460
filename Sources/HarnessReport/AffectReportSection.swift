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
        md += "\n" + classificationTable(input)
        return md + "\n"
    }

    /// Precision, recall and F1 of the three polarity classes beside Table 4's, when the runs
    /// recorded them (runs before the weighted metrics existed get no table).
    private static func classificationTable(_ input: ReportInput) -> String {
        let rows = input.variants.compactMap { variant -> String? in
            guard let run = input.runs(of: variant).first, let f1 = run.metrics["sentiment_weighted_f1"],
                  let precision = run.metrics["sentiment_weighted_precision"], let recall = run.metrics["sentiment_weighted_recall"]
            else { return nil }
            let spelling = input.variantSettings[variant]?["rated_set"] as? String ?? ""
            let paper = AffectRatedSet(rawValue: spelling)?.ratedSet.publishedThreeClass
            let macro = run.metrics["sentiment_macro_f1"].map { String(format: "%.3f", $0) } ?? "—"
            var row = "| \(variant) | " + String(format: "%.3f | %.3f | %.3f", precision, recall, f1) + " | "
            row += paper.map { String(format: "%.2f | %.2f | %.2f | %+.3f", $0.precision, $0.recall, $0.f1, f1 - $0.f1) } ?? "— | — | — | —"
            return row + " | \(macro) |\n"
        }
        guard !rows.isEmpty else { return "" }
        var md = "### Three-class precision, recall and F1\n\n"
        md += "Positive / neutral / negative with the ±0.05 band on both sides, averaged over the classes weighted by their "
        md += "share of the human labels. The paper does not name its average; the weighted one reproduces its Table 4 "
        md += "within 0.031 on all twelve figures with the package's scores, the macro average misses by up to 0.26 "
        md += "(Sources/Affect/ThreeClassAgreement.swift), so the weighted figures stand beside the paper's.\n\n"
        md += "| variant | precision | recall | F1 | precision (paper) | recall (paper) | F1 (paper) | F1 ours − paper | F1 (macro) |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        return md + rows.joined()
    }
}
