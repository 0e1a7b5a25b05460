import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// The sequence-backbone part of a report (issue 5), present when runs recorded
/// `recurrent_state_bytes`: learning-rate selection, MQAR accuracy vs d_model per length,
/// induction-heads accuracy vs test length, selective copying, char-LM bits/char, throughput,
/// and the published reference figures beside ours.
///
/// Learning-rate selection: variants that differ only in `learning_rate` form one configuration;
/// the variant with the best mean validation figure over seeds (accuracy; bits/char for char-lm)
/// is chosen, and only its test figures appear in the result tables. Variant settings are read
/// from the stored canonical config, every figure from the stored metrics.
enum BackbonesReportSection: ReportSection {
    struct Setting {
        let variant: String
        let values: [String: Any]
        func string(_ key: String) -> String { values[key].map { "\($0)" } ?? "" }
        func int(_ key: String) -> Int { (values[key] as? Int) ?? (values[key] as? NSNumber)?.intValue ?? 0 }
        var learningRate: Double { (values["learning_rate"] as? Double) ?? (values["learning_rate"] as? NSNumber)?.doubleValue ?? .nan }
        var task: String { string("seq_task") }
        func double(_ key: String) -> Double? { (values[key] as? Double) ?? (values[key] as? NSNumber)?.doubleValue }
        /// The mixer with what it was given besides itself (positions, short convolution, a
        /// changed Mamba convolution, a non-default init or training loss), so two lines of a chart never share a label.
        var mixerLabel: String {
            let mixer = string("mixer")
            var label = mixer
            if mixer == "linear-attention" {
                label = (values["normalize"] as? Bool) ?? true ? "linear-attention (normalised)" : "linear-attention (unnormalised)"
            }
            var extras: [String] = []
            if mixer == "mamba", let conv = values["d_conv"], int("d_conv") != 4 { extras.append("d_conv \(conv)") }
            let positions = string("positions")
            if !positions.isEmpty, positions != "none" { extras.append(positions == "rope" ? "RoPE" : "learned positions") }
            if int("short_conv") > 0 { extras.append("short conv \(int("short_conv"))") }
            if mixer == "mamba", int("layers") != 2 { extras.append("\(int("layers")) layers") }
            if string("init_scheme") == "zoology" { extras.append("Zoology init") }
            if string("induction_targets") == "answer" { extras.append("loss on the answer alone") }
            let described = extras.isEmpty ? label : label + " + " + extras.joined(separator: ", ")
            return isPeer ? "PyTorch: " + described : described
        }
        /// Trained by baselines/pytorch/'s script instead of biomoe (`peer: pytorch`).
        var isPeer: Bool { string("peer") == "pytorch" }
        var isControl: Bool { (double("positive_control") ?? 0) > 0 }
        /// Whether each layer has the norm → MLP → residual block after its mixer.
        var hasMLP: Bool { (values["mlp"] as? Bool) ?? false }

        /// A setting `mixerLabel` leaves out but that can tell two runs of one mixer apart.
        enum Aspect { case mlp, heads, budget }

        /// Batch × step budget, as the tables print it ("64 × 6000 steps").
        var budget: String { "\(int("train_batch")) × \(int("steps")) steps" }
        /// The most training sequences the budget allows (batch × steps).
        var budgetSequences: Int { int("train_batch") * int("steps") }

        /// How this setting differs from `twins` (settings with the same mixer label in one
        /// table or cell) in each of `aspects`, as label parts ("with MLP", "1 head"), in order;
        /// an aspect appears only when some twin differs in it.
        func distinctions(from twins: [Setting], in aspects: [Aspect]) -> [String] {
            aspects.compactMap { aspect in
                switch aspect {
                case .mlp:
                    return twins.contains { $0.hasMLP != hasMLP } ? (hasMLP ? "with MLP" : "no MLP") : nil
                case .heads:
                    let heads = int("heads")
                    return twins.contains { $0.int("heads") != heads } ? (heads == 1 ? "1 head" : "\(heads) heads") : nil
                case .budget:
                    return twins.contains { $0.budget != budget } ? budget : nil
                }
            }
        }
        /// Everything but the learning rate: variants with the same key form one configuration.
        var configurationKey: String { key(without: ["learning_rate"]) }
        /// Everything but the learning rate and the budget: one configuration trained for longer has the same key.
        var configurationKeyBesidesBudget: String { key(without: ["learning_rate", "steps", "train_batch"]) }
        /// Everything but `excluded`, as one comparable string.
        func key(without excluded: Set<String>) -> String {
            values.keys.filter { !excluded.contains($0) }.sorted().map { "\($0)=\(values[$0] ?? "")" }.joined(separator: ";")
        }
    }

    struct Choice {
        let chosen: Setting
        /// Every candidate rate with its mean validation figure, lowest rate first (the order a
        /// sweep is read in, whatever order the config added the rates).
        let candidates: [(setting: Setting, validation: Double)]

        /// "highest tried" or "lowest tried" when validation chose a rate at an end of a sweep of
        /// two or more rates: the best rate may lie beyond it, so the sweep has not bracketed it.
        var edge: String? {
            guard candidates.count > 1, let first = candidates.first, let last = candidates.last else { return nil }
            if chosen.learningRate == last.setting.learningRate { return "highest tried" }
            if chosen.learningRate == first.setting.learningRate { return "lowest tried" }
            return nil
        }
    }

    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["recurrent_state_bytes"] != nil }
    }

    /// The sequence variants; positive controls only when asked (they have their own section).
    static func settings(_ input: ReportInput, includeControls: Bool = false) -> [Setting] {
        let variants = input.variantSettings
        return input.variants.compactMap { name in
            guard let values = variants[name], (values["model"] as? String) == "sequence" else { return nil }
            let setting = Setting(variant: name, values: values)
            return includeControls || !setting.isControl ? setting : nil
        }
    }

    static func mean(_ input: ReportInput, _ variant: String, _ metric: String) -> [Double] {
        input.runs(of: variant).compactMap { $0.metrics[metric] }
    }

    /// One choice per configuration, in the order the configurations first appear.
    static func choices(_ input: ReportInput) -> [Choice] { choose(input, among: settings(input)) }

    /// Groups `candidates` into configurations (all settings but the rate) and picks each one's
    /// rate on the validation split.
    static func choose(_ input: ReportInput, among candidates: [Setting]) -> [Choice] {
        var order: [String] = []
        var groups: [String: [Setting]] = [:]
        for setting in candidates where !input.runs(of: setting.variant).isEmpty {
            let key = setting.configurationKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(setting)
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            let scored = group.map { setting -> (setting: Setting, validation: Double) in
                let metric = setting.task == "char-lm" ? "val_bits_per_char" : "val_accuracy"
                return (setting, SeedSummary(mean(input, setting.variant, metric)).mean)
            }
            let lowerIsBetter = group.first?.task == "char-lm"
            // NaN (a diverged run) never wins; ties keep the first rate in file order.
            let best = scored.filter { !$0.validation.isNaN }.min { a, b in
                lowerIsBetter ? a.validation < b.validation : a.validation > b.validation
            } ?? scored[0]
            return Choice(chosen: best.setting, candidates: scored.sorted { $0.setting.learningRate < $1.setting.learningRate })
        }
    }

    static func cell(_ input: ReportInput, _ variant: String, _ metric: String, format: MetricFormat) -> String {
        let values = mean(input, variant, metric)
        return values.isEmpty ? "—" : format.meanWithInterval(values)
    }

    static let percent = MetricFormat(scale: 100, decimals: 1, unit: "%")

    static func markdown(_ input: ReportInput) -> String {
        let all = choices(input)
        var md = "## Sequence backbones\n\n"
        md += "Mean ± 95 % CI over seeds of the *test* split, for the learning rate chosen on the *validation* split "
        md += "(per mixer and task configuration, best mean validation accuracy; lowest validation bits/char for char-lm; a tie goes to the variant listed first in the config). "
        md += "Training data are drawn fresh every step; validation and test sets are fixed per seed from their own random streams. "
        md += "Sizes and step counts below are CPU-sized (2 cores), far smaller than the papers'; see the reference table for theirs. "
        md += "*Trained sequences*: mean over seeds of the sequences seen before training stopped (at stop_accuracy, after patience, or at the step budget); "
        md += "*to 90 %*: mean training sequences at the first validation point at or above 90 % (seeds that never got there are counted beside it).\n\n"
        md += fairnessTable(all)

        md += "### Learning-rate selection\n\n| configuration | mixer | rate: mean validation figure | chosen |\n|---|---|---|---:|\n"
        for choice in all {
            let c = choice.chosen
            let rates = choice.candidates.map { candidate -> String in
                let value = candidate.setting.task == "char-lm" ? String(format: "%.3f bits/char", candidate.validation)
                                                                 : String(format: "%.1f %%", candidate.validation * 100)
                return String(candidate.setting.learningRate) + ": " + value
            }.joined(separator: ", ")
            md += "| \(describe(c)) | \(label(c, among: all)) | \(rates) | \(c.learningRate)\(choice.edge.map { " (\($0))" } ?? "") |\n"
        }
        let edges = all.filter { $0.edge != nil }.count
        if edges > 0 {
            md += "\n\(edges) of \(all.filter { $0.candidates.count > 1 }.count) swept configuration(s) chose the highest or lowest rate they tried: "
            md += "their best rate may lie beyond the sweep.\n"
        }
        md += "\n"

        let mqar = all.filter { $0.chosen.task == "mqar" }
        if !mqar.isEmpty {
            md += "### MQAR (Zoology multi-query associative recall)\n\n"
            md += "Exact match on the query positions. Charts `mqar-T<len>` (`mqar-T<len>-K<pairs>` where one length has several K): accuracy vs d_model, one line per configuration (mixer, block and budget) across widths, each width at the rate validation chose there.\n\n"
            md += "| seq_len | kv pairs | d_model | mixer | lr | test accuracy (%) | trained sequences | to 90 % |\n|---:|---:|---:|---|---:|---:|---:|---:|\n"
            for choice in mqar {
                let c = choice.chosen
                md += "| \(c.int("seq_len")) | \(c.int("num_kv_pairs")) | \(c.int("d_model")) | \(label(c, among: all)) | \(c.learningRate) | \(cell(input, c.variant, "test_accuracy", format: percent)) | \(budget(input, c)) | \(to90(input, c)) |\n"
            }
            md += "\n"
        }

        let copying = all.filter { $0.chosen.task == "selective-copying" }
        if !copying.isEmpty {
            md += "### Selective copying\n\n| mixer | d_model | layers | seq_len (L + 2M) | M | vocab | lr | test accuracy (%) | trained sequences | to 90 % |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            for choice in copying {
                let c = choice.chosen
                md += "| \(label(c, among: all)) | \(c.int("d_model")) | \(c.int("layers")) | \(c.int("seq_len")) | \(c.int("copy_tokens")) | \(c.int("vocab_size")) | \(c.learningRate) | \(cell(input, c.variant, "test_accuracy", format: percent)) | \(budget(input, c)) | \(to90(input, c)) |\n"
            }
            md += "\n"
        }

        let induction = all.filter { $0.chosen.task == "induction-heads" }
        if !induction.isEmpty {
            let lengths = inductionLengths(input, induction)
            md += "### Induction heads\n\n"
            md += "Accuracy on the answer token; the training length is seq_len (the model reads seq_len + 1 tokens). "
            md += "Longer lengths run the recurrent step for Mamba and linear attention; softmax attention runs the parallel "
            md += "forward and stops at softmax_max_test_len (— beyond it: its T² scores and cache do not fit this budget); "
            md += "learned absolute positions have no embedding past the training length (— there too).\n\n"
            md += "| mixer | train len | trained sequences | to 90 % | lr | at train len | " + lengths.map { "\($0)" }.joined(separator: " | ") + " |\n"
            md += "|---|---:|---:|---:|---:|---:|" + String(repeating: "---:|", count: lengths.count) + "\n"
            for choice in induction {
                let c = choice.chosen
                var row = "| \(label(c, among: all)) | \(c.int("seq_len")) | \(budget(input, c)) | \(to90(input, c)) | \(c.learningRate) | \(cell(input, c.variant, "test_accuracy", format: percent)) |"
                for n in lengths { row += " \(cell(input, c.variant, "accuracy_len_\(n)", format: percent)) |" }
                md += row + "\n"
            }
            md += "\n"
            md += nonAnswerTable(input, induction, lengths, all)
        }

        let characters = all.filter { $0.chosen.task == "char-lm" }
        if !characters.isEmpty {
            md += "### Character-level language modelling (Jargon File, Debian `jargon-text`)\n\n"
            md += "Bytes as tokens (vocabulary 256); test = the last 10 % of the file, validation = the 5 % before it. Bits/char = mean NLL / ln 2.\n\n"
            md += "| mixer | d_model | layers | seq_len | trained sequences | lr | test bits/char | next-byte accuracy (%) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
            let bits = MetricFormat(scale: 1, decimals: 3, unit: "bits/char")
            for choice in characters {
                let c = choice.chosen
                md += "| \(label(c, among: all)) | \(c.int("d_model")) | \(c.int("layers")) | \(c.int("seq_len")) | \(budget(input, c)) | \(c.learningRate) | \(cell(input, c.variant, "test_bits_per_char", format: bits)) | \(cell(input, c.variant, "test_accuracy", format: percent)) |\n"
            }
            md += nGramRows(input, characters)
            md += "\n"
        }

        md += pairwiseComparisons(input, all)
        md += "### Throughput and memory\n\n"
        md += "Tokens/s on this machine at train_batch × seq_len (forward alone; forward + backward without the optimizer step). "
        md += "Recurrent state: float32 bytes per sequence that `step` keeps at the training length (softmax attention: its key/value cache). "
        md += "Peak RSS is the resident high-water mark when the run ended. biomoe resets it before each run "
        md += "(Linux), so it is the run's own; runs recorded by code older than that reset (commit 3a82f97) "
        md += "report their process's mark, which includes the runs before them in the same process.\n\n"
        md += "| variant | task | mixer | d_model | seq_len | parameters | fwd tokens/s | fwd+bwd tokens/s | state bytes / seq | peak RSS (MiB) |\n"
        md += "|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        let count = MetricFormat(scale: 1, decimals: 0, unit: "")
        let mib = MetricFormat(scale: 1.0 / 1_048_576, decimals: 1, unit: "MiB")
        for choice in all {
            let c = choice.chosen
            md += "| \(c.variant) | \(c.task) | \(c.mixerLabel) | \(c.int("d_model")) | \(c.int("seq_len")) | \(cell(input, c.variant, "parameters", format: count)) | \(cell(input, c.variant, "tokens_per_s_forward", format: count)) | \(cell(input, c.variant, "tokens_per_s_train", format: count)) | \(cell(input, c.variant, "recurrent_state_bytes", format: count)) | \(cell(input, c.variant, "peak_rss", format: mib)) |\n"
        }
        md += "\n" + PublishedSequenceFigures.markdown
        return md
    }

    static func describe(_ c: Setting) -> String {
        switch c.task {
        case "mqar": return "mqar T=\(c.int("seq_len")) K=\(c.int("num_kv_pairs")) d=\(c.int("d_model"))"
        case "selective-copying": return "selective-copying T=\(c.int("seq_len")) M=\(c.int("copy_tokens")) d=\(c.int("d_model"))"
        case "induction-heads": return "induction-heads N=\(c.int("seq_len")) d=\(c.int("d_model"))"
        default: return "\(c.task) T=\(c.int("seq_len")) d=\(c.int("d_model"))"
        }
    }

    /// Where accuracy falls below chance, what the model said instead: the share of answers
    /// predicted as a token that is never an answer (runs recorded before `non_answer_len_N`
    /// existed show —).
    static func nonAnswerTable(_ input: ReportInput, _ induction: [Choice], _ lengths: [Int], _ all: [Choice]) -> String {
        let recorded = induction.contains { choice in input.runs(of: choice.chosen.variant).contains { run in
            run.metrics.keys.contains { $0.hasPrefix("non_answer_len_") } } }
        guard recorded else { return "" }
        var md = "Share of those answers predicted as the trigger or the unused no-op token, which are never answers "
        md += "(accuracy below chance, 1/14, means the model answers with these):\n\n"
        md += "| mixer | " + lengths.map { "\($0)" }.joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: lengths.count) + "\n"
        for choice in induction {
            let c = choice.chosen
            md += "| \(label(c, among: all)) |" + lengths.map { " \(cell(input, c.variant, "non_answer_len_\($0)", format: percent)) |" }.joined() + "\n"
        }
        return md + "\n"
    }

    static func inductionLengths(_ input: ReportInput, _ choices: [Choice]) -> [Int] {
        var lengths = Set<Int>()
        for choice in choices {
            for run in input.runs(of: choice.chosen.variant) {
                for name in run.metrics.keys where name.hasPrefix("accuracy_len_") {
                    if let n = Int(name.dropFirst("accuracy_len_".count)) { lengths.insert(n) }
                }
            }
        }
        return lengths.sorted()
    }
}
