import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// What every mixer of the backbones section was given, and the cells that say how much of its
/// budget a run used: a comparison is only fair when the table shows the mixers differ in the
/// mixer alone (issue 12).
extension BackbonesReportSection {
    /// One row per distinct training and block setup among the chosen configurations.
    static func fairnessTable(_ all: [Choice]) -> String {
        guard !all.isEmpty else { return "" }
        var md = "### What each mixer had\n\n"
        md += "Every layer is norm → mixer → residual, then (with MLP) norm → MLP (4·d, SiLU) → residual; the short convolution, "
        md += "when present, is depthwise and causal, applied to the normed input right before the mixer. "
        md += "Rows group the chosen configurations by block and training setup.\n\n"
        md += "| mixer | layers | MLP | positions | short conv | heads / d_conv | optimizer (weight decay) | schedule | clip | early stop | batch × max steps | configurations |\n"
        md += "|---|---:|---|---|---:|---|---|---|---:|---|---|---:|\n"
        var rows: [String] = []
        var counts: [String: Int] = [:]
        for choice in all {
            let c = choice.chosen
            let mixer = c.string("mixer")
            // Departures from the defaults every earlier run had, only when present.
            let departures = [c.string("init_scheme") == "zoology" ? "Zoology init" : nil,
                              c.string("induction_targets") == "answer" ? "loss on the answer alone" : nil].compactMap { $0 }
            let mixerCell = departures.isEmpty ? mixer : mixer + " (" + departures.joined(separator: "; ") + ")"
            let shape = mixer == "mamba" ? "d_conv \(c.int("d_conv")), d_state \(c.int("d_state"))" : "\(c.int("heads")) heads"
            let positions = c.string("positions").isEmpty ? "none" : c.string("positions")
            let schedule = c.string("lr_schedule").isEmpty || c.string("lr_schedule") == "constant"
                ? "constant" + (c.int("warmup_steps") > 0 ? ", \(c.int("warmup_steps")) warm-up" : "")
                : "\(c.int("warmup_steps")) warm-up, cosine to \(formatted(c.double("min_lr_ratio") ?? 0.1))×"
            let clip = (c.double("grad_clip") ?? 0) > 0 ? formatted(c.double("grad_clip") ?? 0) : "none"
            var stop: [String] = []
            if let at = c.double("stop_accuracy"), at > 0 { stop.append("at \(formatted(at * 100)) % val") }
            if c.int("patience") > 0 { stop.append("patience \(c.int("patience"))") }
            let row = "| \(mixerCell) | \(c.int("layers")) | \((c.values["mlp"] as? Bool) == true ? "yes" : "no") | \(positions) | "
                + "\(c.int("short_conv") > 0 ? String(c.int("short_conv")) : "none") | \(shape) | "
                + "\(c.string("optimizer")) (\(formatted(c.double("weight_decay") ?? 0))) | \(schedule) | \(clip) | "
                + "\(stop.isEmpty ? "none" : stop.joined(separator: ", ")) | \(c.int("train_batch")) × \(c.int("steps")) |"
            if counts[row] == nil { rows.append(row) }
            counts[row, default: 0] += 1
        }
        for row in rows { md += row + " \(counts[row] ?? 0) |\n" }
        return md + "\n"
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : String(value)
    }

    /// Mean training sequences seen, and the budget (steps × batch) when runs stopped before it.
    static func budget(_ input: ReportInput, _ c: Setting) -> String {
        let seen = mean(input, c.variant, "train_sequences")
        let limit = c.budgetSequences
        guard !seen.isEmpty else { return "\(limit)" }
        let average = Statistics.mean(seen)
        return average < Double(limit) ? String(format: "%.0f of %d", average, limit) : "\(limit)"
    }

    /// Mean training sequences at the first validation point ≥ 90 %, over the seeds that got there.
    static func to90(_ input: ReportInput, _ c: Setting) -> String {
        let values = mean(input, c.variant, "sequences_to_90")
        guard !values.isEmpty else { return "—" }
        let reached = values.filter { !$0.isNaN }
        if reached.isEmpty { return "never" }
        let text = String(format: "%.0f", Statistics.mean(reached))
        return reached.count < values.count ? "\(text) (\(reached.count) of \(values.count) seeds)" : text
    }

    /// Reference rows for the char-LM table: the add-k n-gram count models that char-lm runs score
    /// on their own test windows (every run of a length records the same figure).
    static func nGramRows(_ input: ReportInput, _ characters: [Choice]) -> String {
        var md = ""
        let bits = MetricFormat(scale: 1, decimals: 3, unit: "bits/char")
        let names = ["unigram", "bigram", "trigram"]
        for length in Set(characters.map { $0.chosen.int("seq_len") }).sorted() {
            let runs = characters.filter { $0.chosen.int("seq_len") == length }.flatMap { input.runs(of: $0.chosen.variant) }
            for order in 1...3 {
                let values = runs.compactMap { $0.metrics["test_bits_per_char_ngram\(order)"] }
                guard !values.isEmpty else { continue }
                md += "| reference: \(names[order - 1]) count model (add-k, k on validation) | — | — | \(length) | training text | — | \(bits.meanWithInterval(values)) | — |\n"
            }
        }
        return md
    }
}

extension BackbonesReportSection {
    /// Every pair of mixers within one task cell (same task, length, kv pairs, width), tested on
    /// the test figure over seeds with Welch's t, and for induction heads that both learned at each
    /// longer test length both were scored at: the sentence a README may write about the pair ("A above B"
    /// only when Holm's adjusted p < 0.05; otherwise "no difference detected"). The family Holm
    /// adjusts over is one cell at one test length: every pair compared there.
    static func pairwiseComparisons(_ input: ReportInput, _ all: [Choice]) -> String {
        var cells: [Cell: [Choice]] = [:]
        // PyTorch peers check biomoe's implementation (beside their controls), they are not mixers to rank.
        for choice in all where !choice.chosen.isPeer { cells[cell(of: choice.chosen), default: []].append(choice) }
        // One comparison: its family (the cell at one test length), the row up to its difference,
        // both sides' values and how the difference reads.
        var comparisons: [(family: String, row: String, first: [Double], second: [Double], lm: Bool, names: (String, String))] = []
        for cell in cells.keys.sorted() {
            let here = cells[cell] ?? []
            guard here.count > 1 else { continue }
            let lm = cell.task == "char-lm"
            let metric = lm ? "test_bits_per_char" : "test_accuracy"
            for i in 0..<here.count {
                for j in (i + 1)..<here.count {
                    let a = here[i].chosen, b = here[j].chosen
                    // Induction heads: also every longer test length both were scored at, when both learned
                    // the task at the training length (≥ 90 % mean): extrapolation of a model that did not is noise.
                    let learned = [a, b].allSatisfy { setting in
                        let values = mean(input, setting.variant, metric)
                        return !values.isEmpty && Statistics.mean(values) >= 0.9
                    }
                    let shared = learned ? Set(inductionLengths(input, [here[i]])).intersection(inductionLengths(input, [here[j]])).sorted() : []
                    let first = label(a, among: all), second = label(b, among: all)
                    for (metricName, at) in [(metric, "")] + shared.map({ ("accuracy_len_\($0)", ", tested at \($0)") }) {
                        comparisons.append((family: describe(a) + at, row: "| \(describe(a))\(at) | \(first) | \(second) | ",
                                            first: mean(input, a.variant, metricName), second: mean(input, b.variant, metricName),
                                            lm: lm, names: (first, second)))
                    }
                }
            }
        }
        let families = Dictionary(grouping: comparisons.indices, by: { comparisons[$0].family })
        var outcomes: [Int: ComparisonFamily.Outcome] = [:]
        for members in families.values {
            let family = ComparisonFamily.compare(members.map { (key: $0, reference: comparisons[$0].second, other: comparisons[$0].first) })
            outcomes.merge(family) { kept, _ in kept }
        }
        guard !outcomes.isEmpty else { return "" }
        var md = "### Mixer against mixer (Welch's t over seeds, test split)\n\n"
        md += "Difference = first − second (accuracy in points; bits/char for char-lm, where lower is better). "
        md += "Holm's method adjusts the p-values within each cell (at each test length) for the number of pairs compared there, "
        md += "and a difference is called only at an adjusted p < 0.05 (\(outcomes.count) comparison(s) in "
        md += "\(Set(outcomes.keys.map { comparisons[$0].family }).count) cell(s); "
        md += "uncorrected, about one in twenty pairs without a real difference would be called).\n\n"
        md += "| cell | first | second | difference | p | Holm p | verdict |\n|---|---|---|---:|---:|---:|---|\n"
        let rows = comparisons.indices.compactMap { i -> String? in
            guard let o = outcomes[i] else { return nil }
            let c = comparisons[i]
            let difference = o.difference * (c.lm ? 1 : 100)
            let better = c.lm ? difference < 0 : difference > 0
            return c.row + String(format: "%+.2f", difference) + (c.lm ? " bits/char" : " points") + " | "
                + "\(String(format: "%.3g", o.p)) | \(String(format: "%.3g", o.adjustedP)) | "
                + (o.isCalled ? "\(better ? c.names.0 : c.names.1) better" : "no difference detected") + " |"
        }
        return md + rows.joined(separator: "\n") + "\n\n"
    }
}
