import Foundation
import HarnessBaseline
import Metrics

/// The growth part of a report (experiments/growth.yaml, growth-fashion.yaml): the growth model
/// against its fixed-size and dense references and its ablations, each compared with the main
/// growth variant by Welch's t over seeds; the seed's accuracy claim checked; each slot's use
/// and routed accuracy; utilisation over training with the growth events marked; gate entropy.
enum GrowthReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["active_experts"] != nil }
    }

    static func values(_ input: ReportInput, _ variant: String, _ metric: String) -> [Double] {
        input.runs(of: variant).compactMap { $0.metrics[metric] }
    }

    /// The main variant: the first (file order) whose runs grew by the schedule.
    static func mainVariant(_ input: ReportInput) -> String? {
        input.variants.first { v in
            let stages = (input.variantSettings[v]?["growth_experts"] as? [Any])?.count ?? 0
            return stages > 1 && !values(input, v, "experts_born").isEmpty
        }
    }

    static func datasetTitle(_ input: ReportInput) -> String {
        let task = ReportInput.canonicalObject(input.canonicalConfig)?["task"] as? [String: Any]
        switch task?["dataset"] as? String {
        case "mnist": return "MNIST"
        case "fashion-mnist": return "Fashion-MNIST"
        case let other: return other ?? "?"
        }
    }

    static func describe(_ input: ReportInput, _ variant: String) -> String {
        let s = input.variantSettings[variant] ?? [:]
        if s["model"] as? String == "mlp" {
            let hidden = (s["hidden"] as? [Any])?.map { "\($0)" }.joined(separator: "-") ?? "?"
            return "dense MLP 784-\(hidden)-10"
        }
        let experts = (s["growth_experts"] as? [Any])?.map { "\($0)" } ?? []
        let epochs = (s["growth_epochs"] as? [Any])?.map { "\($0)" } ?? []
        var text = experts.count > 1 ? "grows " + zip(experts, epochs).map { "\($0) (ep. \($1))" }.joined(separator: " → ") : "\(experts.first ?? "?") expert\(experts.first == "1" ? "" : "s")"
        if let spawn = s["growth_spawn_entropy"] as? Double, spawn > 0 { text += ", spawns at entropy > \(spawn)" }
        if let prune = s["growth_prune_utilization"] as? Double, prune > 0 { text += ", prunes below \(Int(prune * 100)) % share" }
        if s["growth_clone"] as? Bool == false { text += ", no cloning" }
        if let steps = s["growth_distill_steps"] as? Int, steps == 0 { text += ", no distillation" }
        if let teacher = s["growth_teacher"] as? String, teacher != "most-used", experts.count > 1 { text += ", \(teacher) teacher" }
        if s["lr_decay"] as? String != "cosine" { text += ", constant lr" }
        return text + signalDescription(s)
    }

    /// The gate signals a variant switches on, as "; phasor a 0.5, k-WTA 64, …" ("" when none).
    static func signalDescription(_ s: [String: Any]) -> String {
        func number(_ key: String) -> Double { (s[key] as? Double) ?? (s[key] as? Int).map(Double.init) ?? 0 }
        var parts: [String] = []
        if number("gate_phasor") != 0 { parts.append("phasor a \(number("gate_phasor"))") }
        if number("gate_kwta") != 0 { parts.append("k-WTA \(Int(number("gate_kwta")))") }
        if number("thalamic_scale") != 0 { parts.append("thalamic s \(number("thalamic_scale"))") }
        if number("predictive_weight") != 0 { parts.append("predictive w \(number("predictive_weight"))") }
        if number("gate_groups") >= 2 { parts.append("\(Int(number("gate_groups"))) groups") }
        if number("merit_weight") != 0 { parts.append("merit \(number("merit_weight")) (μ \(number("merit_momentum")))") }
        if let bias = s["gate_bias"] as? [Any], !bias.isEmpty { parts.append("bias [" + bias.map { "\($0)" }.joined(separator: ", ") + "]") }
        if let t = s["temperature"] as? Double, t != 1, !parts.isEmpty || s["gate_bias"] != nil { parts.append("τ \(t)") }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    static func mean(_ x: [Double], _ format: String = "%.0f") -> String {
        x.isEmpty ? "—" : String(format: format, SeedSummary(x).mean)
    }

    static func markdown(_ input: ReportInput) -> String {
        let dataset = datasetTitle(input)
        var md = "## Growth: experts that grow, clone and distil (\(dataset))\n\n"
        md += "Seed 001's growth model: input → projection (ReLU) → a softmax gate over the *active* experts, top-k with the "
        md += "weights renormalised → MLP experts → classifier, trained with Adam; only the experts a row is routed to learn from "
        md += "it. A growing variant switches slots on at the epochs of its schedule; each new expert starts as a copy of its "
        md += "teacher (by default the most-used expert) plus Gaussian noise, and is distilled towards the teacher's outputs (MSE, "
        md += "α = 1 while bootstrapping, then 0.5) for a few hundred steps. Inactive slots get no probability, no rows and no "
        md += "gradient; growing changes no existing expert (tested bit for bit). Accuracy is on the official test split after "
        md += "the last epoch (no epoch is selected; the only setting chosen, on validation, is stated in the suite file); mean ± 95 % "
        md += "CI over seeds (Student's t). Parameters count every allocated slot; active parameters only the slots in use. "
        md += "One known difference from PyTorch: a new expert's Adam moments start at zero, but its bias correction uses the "
        md += "optimizer's global step, not the steps since its birth (PyTorch keeps a step per parameter), so its first few "
        md += "hundred updates are up to several times larger than a fresh optimizer's.\n\n"

        md += "| variant | model | experts at the end | born / pruned | parameters | active parameters | MACs / sample | validation accuracy (%) | test accuracy (%) |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for v in input.variants where !input.runs(of: v).isEmpty {
            let test = values(input, v, "test_accuracy"), validation = values(input, v, "val_accuracy")
            let born = values(input, v, "experts_born"), pruned = values(input, v, "experts_pruned")
            md += row([v, describe(input, v), mean(values(input, v, "active_experts"), "%.1f"),
                       born.isEmpty ? "—" : "\(mean(born, "%.1f")) / \(mean(pruned, "%.1f"))",
                       mean(values(input, v, "parameters")), mean(values(input, v, "active_parameters").isEmpty ? values(input, v, "parameters") : values(input, v, "active_parameters")),
                       mean(values(input, v, "macs_per_sample")),
                       validation.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(validation),
                       test.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(test)])
        }

        guard let main = mainVariant(input) else { return md + "\n" }
        let mainTest = values(input, main, "test_accuracy")
        if dataset == "MNIST", !mainTest.isEmpty {
            let summary = SeedSummary(mainTest)
            md += "\n**The seed's claim.** Seed 001 reports its growth model at MNIST ≥ 95 %; issue 15 asks ≥ 98 %. `\(main)`: "
            md += "\(MetricFormat.percent.meanWithInterval(mainTest)) % over \(summary.n) seed\(summary.n == 1 ? "" : "s") (lowest seed "
            md += "\(MetricFormat.percent.number(mainTest.min()!)) %, highest \(MetricFormat.percent.number(mainTest.max()!)) %)"
            if let half = summary.halfWidth {
                let lower = summary.mean - half
                md += lower >= 0.98 ? ": the 95 % interval lies above 98 %.\n"
                    : (summary.mean >= 0.98 ? ": the mean is above 98 %, but the 95 % interval reaches below it.\n" : ": below 98 %.\n")
            } else {
                md += summary.mean >= 0.98 ? ": above 98 % in one seed; one seed gives no interval.\n" : ": below 98 %.\n"
            }
        }

        md += "\n### Each variant against `\(main)`\n\n"
        md += "Test and validation accuracy minus `\(main)`'s (points), Welch's t-test over seeds; Holm's method adjusts "
        md += "the p-values of each column for the number of variants compared, and a difference is called only at an "
        md += "adjusted p < 0.05 (\"no difference detected\" otherwise).\n\n"
        md += "| variant | test: difference, p | validation: difference, p |\n|---|---|---|\n"
        let compared = input.variants.filter { $0 != main && !input.runs(of: $0).isEmpty }
        // One family per column: every variant against the main one on that metric.
        let outcomes = ["test_accuracy", "val_accuracy"].map { metric in
            ComparisonFamily.compare(compared.map { (key: $0, reference: values(input, main, metric), other: values(input, $0, metric)) })
        }
        for v in compared {
            md += row([v] + outcomes.map { $0[v]?.cell() ?? "—" })
        }

        md += signalsMarkdown(input, main: main, testOutcomes: outcomes[0])
        md += "\n### The experts of `\(main)` after the last epoch\n\n"
        md += "Share of test images each slot is the first choice for, and accuracy on those images; mean over seeds.\n\n"
        md += "| slot | switched on at epoch | utilisation (%) | routed accuracy (%) |\n|---:|---:|---:|---:|\n"
        let runs = input.runs(of: main)
        let slots = (0..<256).filter { e in runs.contains { $0.metrics["utilization_e\(e)"] != nil } }
        for e in slots {
            let born = runs.first?.series["utilization_e\(e)"]?.first { $0.value > 0 }?.step
            let use = runs.compactMap { $0.metrics["utilization_e\(e)"] }, routed = runs.compactMap { $0.metrics["routed_accuracy_e\(e)"] }
            md += row(["\(e)", born.map(String.init) ?? "—", use.isEmpty ? "—" : MetricFormat.percent.number(SeedSummary(use).mean),
                       routed.isEmpty ? "—" : MetricFormat.percent.number(SeedSummary(routed).mean)])
        }
        let seconds = input.runs.compactMap { $0.metrics["train_seconds"] }
        if !seconds.isEmpty {
            md += "\nTraining time per run: \(String(format: "%.0f", seconds.min()!))–\(String(format: "%.0f", seconds.max()!)) s on one core "
            md += "(two or more processes sharing the machine's cores).\n"
        }
        return md + "\n"
    }

    /// Epochs at which the mean active-expert count rose (the growth events), per variant.
    static func growthEpochs(_ input: ReportInput, _ variant: String) -> [Int] {
        var byStep: [Int: [Double]] = [:]
        for run in input.runs(of: variant) { for p in run.series["active_experts"] ?? [] { byStep[p.step, default: []].append(p.value) } }
        let steps = byStep.keys.sorted()
        return zip(steps, steps.dropFirst()).compactMap { a, b in
            SeedSummary(byStep[b]!).mean > SeedSummary(byStep[a]!).mean ? b : nil
        }
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        var charts: [Gnuplot.Chart] = []
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.series["active_experts"] != nil } }
        if !variants.isEmpty {
            let columns = min(3, variants.count), rows = (variants.count + columns - 1) / columns
            var data = "", body = "set multiplot layout \(rows),\(columns) title \(Gnuplot.title("\(datasetTitle(input)): share of test images routed first to each expert, mean over seeds; dashed: growth"))\n"
            body += "set grid\nset yrange [0:100]\nset xlabel 'epoch'\nset ylabel 'utilisation (%)'\nset key top right font ',8'\n"
            for (index, v) in variants.enumerated() {
                let runs = input.runs(of: v)
                let slots = (0..<256).filter { e in runs.contains { $0.series["utilization_e\(e)"] != nil } }
                var plots: [String] = []
                for e in slots {
                    var byStep: [Int: [Double]] = [:]
                    for run in runs { for p in run.series["utilization_e\(e)"] ?? [] { byStep[p.step, default: []].append(p.value) } }
                    let rowsData = byStep.keys.sorted().map { [Double($0), SeedSummary(byStep[$0]!).mean * 100] }
                    guard rowsData.contains(where: { $0[1] > 0 }) else { continue }
                    data += Gnuplot.dataBlock("u\(index)_\(e)", rows: rowsData)
                    plots.append("$u\(index)_\(e) using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e\(e)'")
                }
                body += "unset arrow\n"
                for epoch in growthEpochs(input, v) {
                    body += "set arrow from \(Double(epoch) - 0.5), graph 0 to \(Double(epoch) - 0.5), graph 1 nohead dt 2 lc rgb '#555555'\n"
                }
                body += "set title \(Gnuplot.title(v))\n"
                body += plots.isEmpty ? "plot 0 notitle\n" : "plot " + plots.joined(separator: ", ") + "\n"
            }
            body += "unset multiplot"
            charts.append(Gnuplot.Chart(name: "growth-utilization", width: 360 * columns, height: 300 * rows + 40, data: data, commands: body))
        }
        if let entropy = ReportCharts.curve(input, series: "gate_entropy", name: "growth-gate-entropy", ylabel: "gate entropy (nats)", scale: 1,
                                            title: "Mean gate entropy on the test split (ln 6 = 1.79, ln 3 = 1.10)", logY: false) {
            charts.append(entropy)
        }
        return charts
    }

    static func chartHeading(_ name: String) -> String? {
        switch name {
        case "growth-utilization": return "Expert utilisation over training, growth events marked"
        case "growth-gate-entropy": return "Gate entropy over training"
        default: return nil
        }
    }
}
