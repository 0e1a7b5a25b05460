import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// The report's first section when a suite names positive controls (`positive_control: 0.9` on a
/// variant): did the models that must learn the task learn it? A comparison on a task that no
/// method can learn at the suite's budget says nothing about the methods, so a failed control
/// is stated before anything else, in bold.
///
/// Variants that differ only in `learning_rate` form one control; the rate with the best mean
/// validation accuracy is the one judged (never the test split). The control passes when every
/// seed's test accuracy reaches its threshold.
enum PositiveControlsReportSection: ReportSection {
    struct Control {
        let chosen: BackbonesReportSection.Setting
        /// Every rate tried, with its mean validation accuracy.
        let candidates: [(setting: BackbonesReportSection.Setting, validation: Double)]
        let threshold: Double
        let testAccuracies: [Double]
        var passed: Bool { PositiveControlsReportSection.passes(testAccuracies, threshold: threshold) }
    }

    /// A control's verdict: every seed's test accuracy reaches the threshold (no seeds: not passed).
    static func passes(_ accuracies: [Double], threshold: Double) -> Bool {
        !accuracies.isEmpty && accuracies.allSatisfy { $0 >= threshold }
    }

    static func threshold(_ setting: BackbonesReportSection.Setting) -> Double {
        (setting.values["positive_control"] as? Double) ?? (setting.values["positive_control"] as? NSNumber)?.doubleValue ?? 0
    }

    static func controls(_ input: ReportInput) -> [Control] {
        let candidates = BackbonesReportSection.settings(input, includeControls: true).filter { threshold($0) > 0 }
        return BackbonesReportSection.choose(input, among: candidates).map { choice in
            Control(chosen: choice.chosen, candidates: choice.candidates, threshold: threshold(choice.chosen),
                    testAccuracies: BackbonesReportSection.mean(input, choice.chosen.variant, "test_accuracy"))
        }
    }

    static func applies(_ input: ReportInput) -> Bool { !controls(input).isEmpty }

    static func markdown(_ input: ReportInput) -> String {
        let all = controls(input)
        let failed = all.filter { !$0.passed }
        var md = "## Positive controls\n\n"
        if failed.isEmpty {
            md += "All \(all.count) positive control(s) passed: each reached its threshold in every seed, so the tasks "
            md += "below can be learned at this budget and a method that fails them failed, not the setup.\n\n"
        } else {
            md += "**\(failed.count) of \(all.count) positive control(s) FAILED (\(failed.map { "`\($0.chosen.variant)`" }.joined(separator: ", "))).**"
            for control in failed {
                md += " " + whyFailed(control, among: all, in: input)
            }
            md += "\n\n"
        }
        md += "| control | task | mixer | what it must show | lr (chosen on validation) | threshold | test accuracy per seed | sequences to 90 % (mean) | verdict |\n"
        md += "|---|---|---|---|---:|---:|---|---:|---|\n"
        for control in all {
            let c = control.chosen
            let perSeed = control.testAccuracies.map { String(format: "%.1f %%", $0 * 100) }.joined(separator: ", ")
            let to90 = BackbonesReportSection.mean(input, c.variant, "sequences_to_90")
            let reached = to90.filter { !$0.isNaN }
            let to90Cell = reached.isEmpty ? "never" : String(format: "%.0f", Statistics.mean(reached))
                + (reached.count < to90.count ? " (\(reached.count) of \(to90.count) seeds)" : "")
            // With more than one rate, every rate's mean validation accuracy beside the choice.
            let rates = control.candidates.count < 2 ? "\(c.learningRate)"
                : "\(c.learningRate) (validation: " + control.candidates.map { String($0.setting.learningRate) + " " + String(format: "%.1f %%", $0.validation * 100) }
                    .joined(separator: ", ") + ")"
            md += "| `\(c.variant)` | \(BackbonesReportSection.describe(c)) | \(label(c, among: all)) | \(purpose(c)) | \(rates) | "
            md += String(format: "%.0f %%", control.threshold * 100)
            md += " | \(perSeed.isEmpty ? "no runs" : perSeed) | \(to90Cell) | \(control.passed ? "passed" : "**FAILED**") |\n"
        }
        md += "\n" + passedAgainstFailed(all) + peers(input, of: all)
        return md
    }

    /// What the runs say about a failed control: the same control passed with another budget
    /// (and how many sequences that one needed), another control passed on the task at this
    /// budget, or none learned the task.
    static func whyFailed(_ control: Control, among all: [Control], in input: ReportInput) -> String {
        let c = control.chosen
        let cell = BackbonesReportSection.describe(c)
        let passed = all.filter { $0.passed && BackbonesReportSection.describe($0.chosen) == cell }
        func list(_ controls: [Control]) -> String {
            let names = controls.map { "`\($0.chosen.variant)`" }
            return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
        // The same control, passed with another budget: the smallest such budget, the closest to this one.
        let twins = passed.filter { $0.chosen.configurationKeyBesidesBudget == c.configurationKeyBesidesBudget && $0.chosen.budget != c.budget }
        if let twin = twins.min(by: { $0.chosen.budgetSequences < $1.chosen.budgetSequences }) {
            let t = twin.chosen
            var md = "`\(c.variant)` failed at \(c.budget) (lr \(c.learningRate)) where the same control passed at \(t.budget) "
            md += "(lr \(t.learningRate); `\(t.variant)`, \(cell))."
            let trained = BackbonesReportSection.mean(input, t.variant, "train_sequences")
            let budget = c.budgetSequences
            if !trained.isEmpty {
                let more = trained.filter { $0 > Double(budget) }.count
                md += " `\(t.variant)`'s seeds stopped after " + trained.map { String(format: "%.0f", $0) }.joined(separator: ", ")
                md += " training sequences, against \(budget) for `\(c.variant)`: "
                md += more == 0 ? "none needed more" : (more == trained.count ? "every seed needed more" : "\(more) of \(trained.count) needed more")
                md += "."
            }
            let schedule = c.string("lr_schedule")
            if !schedule.isEmpty, schedule != "constant" {
                md += " The learning rate's \(schedule) decay spans the budget, so with the same peak rate the larger budget also keeps the rate higher at every step after warm-up"
                md += c.learningRate == t.learningRate ? "." : "; here the peak rates differ too."
            } else if c.learningRate != t.learningRate {
                md += " The rates differ too."
            }
            return md
        }
        let here = passed.filter { $0.chosen.budget == c.budget }
        if !here.isEmpty {
            return "`\(c.variant)` failed where \(list(here)) passed on the same task (\(cell)) at the same budget: the task is learnable "
                + "at this budget, and what the failed control lacks (compare the rows' mixers) is what it needs here."
        }
        if !passed.isEmpty {
            return "`\(c.variant)` failed where \(list(passed)) passed on the same task (\(cell)) with another budget."
        }
        return "**No control learned \(cell): at this budget or in this setup no method is shown to learn it, so comparisons "
            + "on it below cannot tell the methods apart.**"
    }

    /// Each control trained again by an independent implementation (a `peer: pytorch` variant with
    /// otherwise the same settings): a control that fails in both fails because of its model or
    /// recipe, not because of biomoe's kernels.
    static func peers(_ input: ReportInput, of all: [Control]) -> String {
        let excluded: Set<String> = ["peer", "positive_control"]
        let peers = BackbonesReportSection.settings(input, includeControls: true).filter { $0.isPeer }
        // A peer may mirror any rate a control tried, and is compared with the control at that rate.
        let mirrored = all.flatMap { control in control.candidates.map { (setting: $0.setting, threshold: control.threshold) } }
        var rows: [String] = []
        for (candidate, threshold) in mirrored {
            for peer in peers where peer.key(without: excluded) == candidate.key(without: excluded) {
                let accuracies = BackbonesReportSection.mean(input, peer.variant, "test_accuracy")
                guard !accuracies.isEmpty else { continue }
                let perSeed = accuracies.map { String(format: "%.1f %%", $0 * 100) }.joined(separator: ", ")
                let peerPassed = passes(accuracies, threshold: threshold)
                let ownPassed = passes(BackbonesReportSection.mean(input, candidate.variant, "test_accuracy"), threshold: threshold)
                let verdict = peerPassed == ownPassed ? (peerPassed ? "both pass" : "both fail")
                    : (peerPassed ? "only the PyTorch peer passes" : "only biomoe passes")
                rows.append("| `\(candidate.variant)` | \(candidate.learningRate) | `\(peer.variant)` | \(perSeed) | \(verdict) |")
            }
        }
        guard !rows.isEmpty else { return "" }
        return "The same controls trained by an independent implementation (baselines/pytorch/, `peer: pytorch`: the same model, "
            + "recipe and data distribution, its own random streams; a control that fails in both fails because of its model or recipe, "
            + "not biomoe's kernels; each peer is judged by its control's threshold, against that control at the same rate):\n\n"
            + "| control | lr | PyTorch peer | test accuracy per seed | verdict |\n|---|---:|---|---|---|\n"
            + rows.joined(separator: "\n") + "\n\n"
    }

    /// Each failed control against each control that passed on its task, Welch's t over seeds on
    /// the test accuracy, Holm-adjusted over the table: the test behind "what the failed control
    /// lacks is what it needs here".
    static func passedAgainstFailed(_ all: [Control]) -> String {
        var pairs: [(key: Int, reference: [Double], other: [Double])] = []
        var cells: [String] = []
        for failed in all where !failed.passed {
            let cell = BackbonesReportSection.describe(failed.chosen)
            for passed in all where passed.passed && BackbonesReportSection.describe(passed.chosen) == cell {
                pairs.append((key: pairs.count, reference: failed.testAccuracies, other: passed.testAccuracies))
                cells.append("| \(cell) | `\(passed.chosen.variant)` | `\(failed.chosen.variant)` | ")
            }
        }
        let outcomes = ComparisonFamily.compare(pairs)
        let rows = cells.indices.compactMap { i in
            outcomes[i].map { o in
                cells[i] + "\(String(format: "%+.2f", o.difference * 100)) points | \(String(format: "%.3g", o.p)) | "
                    + "\(String(format: "%.3g", o.adjustedP)) | \(o.isCalled ? "the passed control higher" : "no difference detected") |"
            }
        }
        guard !rows.isEmpty else { return "" }
        return "Passed against failed controls on one task (Welch's t over seeds, test accuracy; Holm's method adjusts the p-values "
            + "for the number of pairs in the table, and a difference is called only at an adjusted p < 0.05):\n\n"
            + "| task | passed | failed | difference | p | Holm p | verdict |\n|---|---|---|---:|---:|---:|---|\n" + rows.joined(separator: "\n") + "\n\n"
    }

    /// The mixer label, plus the MLP block, the number of heads and the budget where another
    /// control of the same mixer on the same task differs in them, so two such rows are told apart.
    static func label(_ c: BackbonesReportSection.Setting, among all: [Control]) -> String {
        let twins = all.map(\.chosen).filter {
            $0.variant != c.variant && $0.mixerLabel == c.mixerLabel && BackbonesReportSection.describe($0) == BackbonesReportSection.describe(c)
        }
        let parts = c.distinctions(from: twins, in: [.mlp, .heads, .budget])
        return parts.isEmpty ? c.mixerLabel : c.mixerLabel + " (" + parts.joined(separator: ", ") + ")"
    }

    /// What the control demonstrates, from its settings.
    static func purpose(_ c: BackbonesReportSection.Setting) -> String {
        let mixer = c.string("mixer")
        if c.task == "mqar", mixer != "mamba" {
            return "attention with position information learns recall"
        }
        if mixer == "mamba" {
            let window = c.int("d_conv") > 0 ? c.int("d_conv") : 4
            return "Mamba recalls beyond its \(window)-tap convolution"
        }
        return "the task is learnable at this budget"
    }
}
