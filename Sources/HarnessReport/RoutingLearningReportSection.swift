import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// The online-routing part of a report (experiments/routing-learning.yaml), present when runs
/// recorded `samples_to_90_before_shift`: a table of how fast and how well each rule learns to
/// route, routing-accuracy and regret curves with the domain shift marked, and neuromodulator
/// traces of one representative run.
enum RoutingLearningReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["samples_to_90_before_shift"] != nil }
    }

    static let columns: [(metric: String, title: String)] = [
        ("routing_accuracy", MetricColumn.title("routing_accuracy")),
        ("final_routing_accuracy", MetricColumn.title("final_routing_accuracy")),
        ("task_accuracy", MetricColumn.title("task_accuracy")),
        ("final_task_accuracy", MetricColumn.title("final_task_accuracy")),
        ("samples_to_90_before_shift", MetricColumn.title("samples_to_90_before_shift")),
        ("samples_to_90_after_shift", MetricColumn.title("samples_to_90_after_shift")),
        ("samples_to_recover", MetricColumn.title("samples_to_recover")),
        ("cumulative_regret", MetricColumn.title("cumulative_regret")),
        ("spike_rate", MetricColumn.title("spike_rate")),
        ("cluster_purity", MetricColumn.title("cluster_purity")),
        ("kmeans_purity", MetricColumn.title("kmeans_purity")),
        ("weight_drift", MetricColumn.title("weight_drift")),
    ]

    static func markdown(_ input: ReportInput) -> String {
        let shift = input.runs.compactMap { $0.metrics["shift_step"] }.first ?? .nan
        let groups = input.runs.compactMap { $0.metrics["groups"] }.first ?? .nan
        let length = input.runs.compactMap { $0.series["routing_accuracy"]?.last?.step }.max() ?? 0
        var md = "## Online routing\n\n"
        md += "Each run streams \(length) images one at a time; the router picks one of \(format(groups, 0)) frozen group experts "
        md += "per image and is rewarded 1 when that expert classifies it correctly. At sample \(format(shift, 0)) "
        let shifts = Set(input.variantSettings.values.compactMap { $0["shift"] as? String })
        var kinds: [String] = []
        if shifts.contains("rotate") { kinds.append("the index → expert map is rotated by one (reward remapping: the inputs stay the same)") }
        if shifts.contains("permute-features") {
            kinds.append("the router's context features are permuted by a fixed seeded permutation (an input shift: which expert is right stays the same)")
        }
        md += (kinds.isEmpty ? "nothing changes" : kinds.joined(separator: " in variants with `shift: rotate`; ")
               + (kinds.count > 1 ? " in variants with `shift: permute-features`" : "")) + ". "
        md += "Mean ± 95 % CI over seeds (Student's t). Samples to recover: samples after the shift until a window first "
        md += "averages 90 % of the router's own routing accuracy over the last tenth before the shift. Routing "
        md += "accuracy: the chosen expert is the image's group expert (oracle 100 %, random 1/\(format(groups, 0))); task "
        md += "accuracy: the chosen expert was right. Final = the last tenth of the stream. Samples to 90 %: samples seen "
        md += "(from the stream start, or from the shift) until a trailing window of the curve's width first averages ≥ 90 % "
        md += "routing accuracy; \"not reached\" when it never does (stored as NaN), with the count of seeds that reached it. "
        md += "Regret: Σ (oracle reward − reward) over the whole stream. Spike rate: spikes per neuron and time step of "
        md += "the STDP router's competitive layer; cluster purity: the share of samples whose STDP cluster's most common group is their own, beside k-means purity, the same with k-means (as many clusters) on the same features in hindsight, the ceiling of a cluster → expert router; weight drift: ‖W − W₀‖₂ of the router's plastic weights at the end.\n\n"
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.metrics["routing_accuracy"] != nil } }
        md += VariantTable.render(input, variants: variants, titles: columns.map(\.title)) { c, runs in
            cell(columns[c].metric, runs.compactMap { $0.metrics[columns[c].metric] })
        }
        md += "\n"
        let expertMetrics = (0..<64).map { "expert_accuracy_g\($0)" }.prefix { m in input.runs.contains { $0.metrics[m] != nil } }
        if !expertMetrics.isEmpty {
            md += "Frozen experts, accuracy on the test images of their own group (mean over all runs): "
            md += expertMetrics.enumerated().map { g, m in
                "expert \(g) " + MetricFormat(scale: 100, decimals: 2, unit: "%").number(SeedSummary(input.runs.compactMap { $0.metrics[m] }).mean) + " %"
            }.joined(separator: ", ") + ". The oracle's task accuracy is bounded by these.\n\n"
        }
        if let (variant, run) = representative(input) {
            md += "Neuromodulator traces: variant `\(variant)`, seed \(run.seed) (run \(run.id)), every recorded step.\n\n"
        }
        return md
    }

    /// Mean ± CI, with NaN (never reached) counted apart: "not reached", or "m ± h (k/n reached)".
    static func cell(_ metric: String, _ values: [Double]) -> String {
        guard !values.isEmpty else { return "—" }
        let reached = values.filter { !$0.isNaN }
        let format: MetricFormat
        switch metric {
        case "samples_to_90_before_shift", "samples_to_90_after_shift", "samples_to_recover", "cumulative_regret": format = MetricFormat(scale: 1, decimals: 0, unit: "samples")
        case "weight_drift": format = MetricFormat(scale: 1, decimals: 3, unit: "L2")
        default: format = MetricFormat(scale: 100, decimals: 2, unit: "%")
        }
        if reached.isEmpty { return "not reached" }
        let text = format.meanWithInterval(reached)
        return reached.count == values.count ? text : "\(text) (\(reached.count)/\(values.count) reached)"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        value.isNaN ? "?" : String(format: "%.\(decimals)f", value)
    }

    /// The three-factor run whose neuromodulators are plotted: the first variant that logged
    /// them, its lowest seed.
    static func representative(_ input: ReportInput) -> (String, ReportInput.Run)? {
        for variant in input.variants {
            if let run = input.runs(of: variant).first(where: { $0.series["nm_dopamine"] != nil }) { return (variant, run) }
        }
        return nil
    }

    static func chartHeading(_ name: String) -> String? {
        switch name {
        case "online-routing-accuracy": return "Online routing accuracy vs samples"
        case "online-task-accuracy": return "Online task accuracy vs samples"
        case "online-regret": return "Cumulative regret against the oracle"
        case "neuromodulators": return "Neuromodulator traces (one representative run)"
        default: return nil
        }
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let shift = input.runs.compactMap { $0.metrics["shift_step"] }.first ?? .nan
        let groups = input.runs.compactMap { $0.metrics["groups"] }.first ?? .nan
        let marker = shift.isNaN ? "" : "set arrow from \(format(shift, 0)), graph 0 to \(format(shift, 0)), graph 1 nohead dt 2 lw 2 lc rgb '#aa0000'\n"
            + "set label 'shift' at \(format(shift, 0)), graph 0.97 offset 0.5,0 tc rgb '#aa0000'\n"
        var charts: [Gnuplot.Chart] = []
        let references = groups.isNaN ? "" : "100 with lines dt 3 lw 1 lc rgb '#000000' title 'oracle (100 %)', \\\n     "
            + "\(100 / groups) with lines dt 4 lw 1 lc rgb '#666666' title 'random (1/\(format(groups, 0)))'"
        if let chart = meanCurve(input, series: "routing_accuracy", name: "online-routing-accuracy", scale: 100,
                                 ylabel: "routing accuracy (%, per window)", extra: marker + "set yrange [0:105]\n",
                                 references: references,
                                 title: "Routing accuracy per window of samples (mean over seeds)") {
            charts.append(chart)
        }
        if let chart = meanCurve(input, series: "task_accuracy", name: "online-task-accuracy", scale: 100,
                                 ylabel: "task accuracy (%, per window)", extra: marker + "set yrange [0:105]\n", references: "",
                                 title: "Task accuracy (chosen expert correct) per window (mean over seeds)") {
            charts.append(chart)
        }
        if let chart = meanCurve(input, series: "cumulative_regret", name: "online-regret", scale: 1,
                                 ylabel: "cumulative regret (reward)", extra: marker, references: "",
                                 title: "Cumulative regret against the oracle (mean over seeds)") {
            charts.append(chart)
        }
        if let chart = neuromodulators(input, marker: marker) { charts.append(chart) }
        return charts
    }

    /// Mean of a series over seeds per step, one line per variant (no error bars: ten variants ×
    /// a hundred windows would be unreadable; the table carries the CIs).
    static func meanCurve(_ input: ReportInput, series: String, name: String, scale: Double, ylabel: String,
                          extra: String, references: String, title: String) -> Gnuplot.Chart? {
        var blocks = ""
        var plots: [String] = []
        for (index, variant) in input.variants.enumerated() {
            var byStep: [Int: [Double]] = [:]
            for run in input.runs(of: variant) { for p in run.series[series] ?? [] { byStep[p.step, default: []].append(p.value) } }
            guard !byStep.isEmpty else { continue }
            blocks += Gnuplot.dataBlock("c\(index)", rows: byStep.keys.sorted().map { [Double($0), SeedSummary(byStep[$0] ?? []).mean * scale] })
            plots.append("$c\(index) using 1:2 with lines lw 2 title \(Gnuplot.title(variant))")
        }
        guard !plots.isEmpty else { return nil }
        if !references.isEmpty { plots.append(references) }
        return Gnuplot.Chart(name: name, width: 900, height: 500, data: blocks, commands: """
        set title \(Gnuplot.title(title))
        set xlabel 'samples seen'
        set ylabel \(Gnuplot.title(ylabel))
        set grid
        set key outside right
        \(extra)plot \(plots.joined(separator: ", \\\n     "))
        """)
    }

    /// Dopamine (RPE), NE arousal, ACh learning-rate multiplier and 5-HT mood of one run, one
    /// panel each, sharing the step axis.
    static func neuromodulators(_ input: ReportInput, marker: String) -> Gnuplot.Chart? {
        guard let (variant, run) = representative(input) else { return nil }
        let traces: [(series: String, label: String)] = [
            ("nm_dopamine", "dopamine δ (RPE)"), ("nm_norepinephrine", "NE arousal"),
            ("nm_acetylcholine", "ACh learning-rate ×"), ("nm_serotonin", "5-HT mood"),
        ]
        var data = ""
        var commands = "set multiplot layout 4,1 title \(Gnuplot.title("Neuromodulators: \(variant), seed \(run.seed)"))\n"
        commands += "set grid\nset key off\n" + marker
        for (index, trace) in traces.enumerated() {
            let points = run.series[trace.series] ?? []
            data += Gnuplot.dataBlock("n\(index)", rows: points.map { [Double($0.step), $0.value] })
            commands += "set ylabel \(Gnuplot.title(trace.label))\n"
            commands += index == traces.count - 1 ? "set xlabel 'sample'\n" : "unset xlabel\n"
            commands += "plot $n\(index) using 1:2 with lines lw 1\n"
        }
        commands += "unset multiplot\n"
        return Gnuplot.Chart(name: "neuromodulators", width: 900, height: 820, data: data, commands: commands)
    }
}
