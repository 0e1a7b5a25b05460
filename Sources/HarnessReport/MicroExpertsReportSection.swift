import Foundation
import Metrics

/// The micro-experts part of a report (experiments/micro-experts.yaml): per history and ranking
/// task, every model's MRR and recall@10 with 95 % bootstrap intervals over test commits, P@1 and
/// NDCG@10; the ensemble and the best expert (both selected on validation) against every
/// baseline, paired on the same commits; calibration before and after; intent routing accuracy;
/// and how many test commits were excluded and why.
///
/// A difference is stated only when its paired interval excludes 0; otherwise the sentence says
/// "no difference detected" and gives the interval, so a reader sees how large a difference the
/// test period could have hidden.
enum MicroExpertsReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.variantSettings.values.contains { $0["model"] as? String == "micro-experts" }
    }

    static func markdown(_ input: ReportInput) -> String {
        let comparison = MicroExpertsComparison(input)
        guard !comparison.groups.isEmpty else { return "" }
        let settings = input.variants.lazy.compactMap { input.variantSettings[$0] }.first { $0["model"] as? String == "micro-experts" } ?? [:]
        let train = percent((settings["train_fraction"] as? NSNumber)?.doubleValue ?? .nan)
        let validation = percent((settings["validation_fraction"] as? NSNumber)?.doubleValue ?? .nan)
        var md = "## Micro-experts: which files will a commit touch\n\n"
        md += "Each history is split in first-parent order: the models learn from the first \(train) of the commits and are asked "
        md += "about every later commit, without learning from the test period in between. The last \(validation) of the training part is "
        md += "a validation period: models trained on what precedes it are asked about it, which fits the ensemble's expert "
        md += "weights (smoothed mean reciprocal rank) and calibration maps, and gives the validation MRR every selection below is "
        md += "made on — the test period is never used to choose. Task `files-from-message`: given the commit's message, rank the "
        md += "files it touched; `cascade-from-one-file`: given the message and one touched file (seeded draw), rank the others. "
        md += "Relevant files are the touched files known before the commit (renames followed); a commit whose touched files were "
        md += "all new is excluded and counted (its recall and rank are 0/0, neither 0 nor 1). Intervals: 95 % percentile "
        md += "bootstrap over the scored test commits; differences are paired (both models' scores on the same resampled "
        md += "commits), \((settings["bootstrap_samples"] as? NSNumber)?.intValue ?? 0) resamples (each variant's settings are in the "
        md += "canonical config below).\n\n"
        md += summary(comparison)
        var historiesShown = Set<String>()
        for group in comparison.groups {
            md += section(group, showRouting: historiesShown.insert(group.repository + "@" + group.revision).inserted)
        }
        return md
    }

    /// One line per group: the selected ensemble and expert against the strongest baseline.
    static func summary(_ comparison: MicroExpertsComparison) -> String {
        var md = "### Summary\n\n"
        md += "Ensemble and expert: the voted variant and the single expert with the best validation MRR (chosen without looking "
        md += "at the test period); baseline: the baseline with the best test MRR (the hardest comparator, chosen after the fact "
        md += "so the comparison can only be harder). Δ is model − baseline on test, paired, with its 95 % interval.\n\n"
        md += "| history | task | strongest baseline: MRR | ensemble: MRR | Δ MRR | Δ recall@10 | best expert: MRR | Δ MRR | Δ recall@10 |\n"
        md += "|---|---|---|---|---:|---:|---|---:|---:|\n"
        for group in comparison.groups {
            guard let baseline = group.strongestBaseline else { continue }
            md += "| \(historyName(group)) | \(group.task) | \(baseline.label): \(number(baseline.metric("mrr"))) "
            for kind in [MicroExpertsComparison.Kind.ensemble, .expert] {
                guard let model = group.selected(kind) else {
                    md += "| — | — | — "
                    continue
                }
                let mrr = MicroExpertsComparison.paired(model.reciprocalRanks, baseline.reciprocalRanks, samples: group.bootstrapSamples, metric: "mrr")
                let recall = MicroExpertsComparison.paired(model.recalls, baseline.recalls, samples: group.bootstrapSamples, metric: "recall_at_10")
                md += "| \(model.label): \(number(model.metric("mrr"))) | \(signedInterval(mrr)) | \(signedInterval(recall)) "
            }
            md += "|\n"
        }
        return md + "\n"
    }

    static func section(_ group: MicroExpertsComparison.Group, showRouting: Bool) -> String {
        guard let first = group.models.first else { return "" }
        var md = "### \(historyName(group)): \(group.task)\n\n"
        let count = { (name: String) in format(first.metric(name), 0) }
        md += "\(count("history_commits")) first-parent commits at `\(group.revision)`: \(count("train_commits")) to fit, "
        md += "\(count("validation_commits")) for validation, \(count("test_commits")) to test. Scored test commits: "
        md += "\(count("queries_scored")); excluded because every file they touched was new: \(count("queries_without_relevant")); "
        md += "skipped because the task does not apply (fewer than two known touched files): \(count("commits_skipped")); "
        md += "touched files first seen in the test period, left out of the relevant sets: \(count("unknown_files")).\n\n"
        if showRouting { md += routing(first) }

        md += "| variant | model | MRR [95 % CI] | recall@10 [95 % CI] | P@1 | NDCG@10 | validation MRR |\n"
        md += "|---|---|---|---|---:|---:|---:|\n"
        for model in group.models {
            let mrr = MicroExpertsComparison.interval(model.reciprocalRanks, samples: group.bootstrapSamples, metric: "mrr")
            let recall = MicroExpertsComparison.interval(model.recalls, samples: group.bootstrapSamples, metric: "recall_at_10")
            let name = model.kind == .baseline ? "baseline \(model.label)" : model.label
            md += "| `\(model.variant)` | \(name) | \(interval(mrr)) | \(interval(recall)) | \(number(model.metric("precision_at_1"))) "
            md += "| \(number(model.metric("ndcg_at_10"))) | \(number(model.metric("val_mrr"))) |\n"
        }
        md += "\n" + pairedComparisons(group) + calibration(group) + disagreement(group)
        return md
    }

    /// The selected ensemble and expert against every baseline, with the verdict sentences.
    static func pairedComparisons(_ group: MicroExpertsComparison.Group) -> String {
        let baselines = group.models.filter { $0.kind == .baseline }
        let candidates = [group.selected(.ensemble), group.selected(.expert)].compactMap { $0 }
        guard let strongest = group.strongestBaseline, !candidates.isEmpty else {
            return "No validation period, or no baseline: nothing is selected or compared.\n\n"
        }
        var md = "Selected on validation MRR: ensemble "
        md += group.selected(.ensemble).map { "`\($0.variant)`" } ?? "—"
        md += ", expert " + (group.selected(.expert).map { "`\($0.variant)`" } ?? "—")
        md += "; strongest baseline on test `\(strongest.variant)`. Paired differences on the same test commits (model − baseline):\n\n"
        md += "| model | baseline | Δ MRR [95 % CI] | Δ recall@10 [95 % CI] |\n|---|---|---:|---:|\n"
        for model in candidates {
            for baseline in baselines {
                let (mrr, recall) = differences(model, baseline, group)
                let mark = baseline.variant == strongest.variant ? " (strongest)" : ""
                md += "| \(model.label) | \(baseline.label)\(mark) | \(signedInterval(mrr)) | \(signedInterval(recall)) |\n"
            }
        }
        md += "\n"
        for model in candidates {
            let (mrr, recall) = differences(model, strongest, group)
            let who = model.kind == .ensemble ? "The ensemble, \(model.label)," : "The best expert, \(model.label),"
            md += "- \(who) against the strongest baseline, \(strongest.label): MRR \(verdict(mrr)); recall@10 \(verdict(recall)).\n"
        }
        return md + "\n"
    }

    static func differences(_ model: MicroExpertsComparison.Model, _ baseline: MicroExpertsComparison.Model,
                            _ group: MicroExpertsComparison.Group) -> (mrr: BootstrapInterval, recall: BootstrapInterval) {
        (MicroExpertsComparison.paired(model.reciprocalRanks, baseline.reciprocalRanks, samples: group.bootstrapSamples, metric: "mrr"),
         MicroExpertsComparison.paired(model.recalls, baseline.recalls, samples: group.bootstrapSamples, metric: "recall_at_10"))
    }

    /// "higher by 0.123 [0.045, 0.201]", "lower by …", or "no difference detected (+0.012 [−0.030, 0.050])".
    static func verdict(_ d: BootstrapInterval) -> String {
        if d.lower > 0 { return "higher by \(number(d.estimate)) [\(number(d.lower)), \(number(d.upper))]" }
        if d.upper < 0 { return "lower by \(number(-d.estimate)) [\(number(-d.upper)), \(number(-d.lower))]" }
        return "no difference detected (\(signedInterval(d)))"
    }

    static func routing(_ model: MicroExpertsComparison.Model) -> String {
        let labelled = model.metric("intent_labelled_commits"), prefixes = model.metric("intent_labels_from_prefix")
        var md = "Intent routing on the \(format(labelled, 0)) labelled test commits (\(format(prefixes, 0)) labelled by a "
        md += "conventional-commit prefix, \(format(labelled - prefixes, 0)) by touching only tests or only documentation; the other "
        md += "\(format(model.metric("test_commits") - labelled, 0)) test commits carry no label and are left out): keyword rules "
        md += "\(percent(model.metric("intent_accuracy_keyword_rules"))), learned classifier (naive Bayes on the labelled training "
        md += "commits) \(percent(model.metric("intent_accuracy_learned_classifier"))) correct. The same for both tasks.\n\n"
        return md
    }

    static func calibration(_ group: MicroExpertsComparison.Group) -> String {
        var md = "Calibration of each model's confidences in its top 10 files per scored commit (\"this file is touched\"), "
        md += "ECE over 15 bins on test, before and after the variant's `calibration` map fitted on the validation period "
        md += "(NaN: the model listed no file for any scored commit, so there is nothing to calibrate):\n\n"
        md += "| model | map | ECE before | ECE after |\n|---|---|---:|---:|\n"
        for model in group.models {
            md += "| \(model.label) | \(model.calibration) | \(percent(model.metric("ranking_ece"))) | \(percent(model.metric("ranking_ece_calibrated"))) |\n"
        }
        return md + "\n"
    }

    static func disagreement(_ group: MicroExpertsComparison.Group) -> String {
        let voted = group.models.filter { $0.kind == .ensemble }
        guard !voted.isEmpty else { return "" }
        var md = "Disagreement of the ensemble's experts (normalised entropy of their weighted top-1 votes) and its Pearson "
        md += "correlation with the error 1 − reciprocal rank over the scored test commits (positive: a split vote flags a miss):\n\n"
        md += "| ensemble | mean disagreement | correlation with error |\n|---|---:|---:|\n"
        for model in voted {
            md += "| \(model.label) | \(number(model.metric("mean_disagreement"))) | \(signed(model.metric("disagreement_error_correlation"))) |\n"
        }
        return md + "\n"
    }

    /// "`../data/x.bundle` at `main`"; the directory biomoe runs in is "this repository".
    static func historyName(_ group: MicroExpertsComparison.Group) -> String {
        let revision = group.revision.count == 40 || group.revision.count == 64 ? String(group.revision.prefix(12)) : group.revision
        let repository = group.repository == "." ? "this repository (`.`)" : "`\(group.repository)`"
        return "\(repository) at `\(revision)`"
    }

    static func interval(_ i: BootstrapInterval) -> String {
        "\(number(i.estimate)) [\(number(i.lower)), \(number(i.upper))]"
    }

    static func signedInterval(_ i: BootstrapInterval) -> String {
        "\(signed(i.estimate)) [\(signed(i.lower)), \(signed(i.upper))]"
    }

    static func number(_ value: Double) -> String { format(value, 3) }

    static func signed(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value > 0 ? "+" : value < 0 ? "−" : "") + format(abs(value), 3)
    }

    static func percent(_ value: Double) -> String { value.isNaN ? "NaN" : format(value * 100, 1) + " %" }

    static func format(_ value: Double, _ decimals: Int) -> String {
        value.isNaN ? "NaN" : String(format: "%.\(decimals)f", value)
    }
}
