import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// The routing part of a report, present when the suite's runs recorded routing metrics: a
/// table of balance, entropy, spikes and operations, and the routing charts.
enum RoutingReportSection: ReportSection {
    static let columns: [(metric: String, title: String)] = [
        ("balancing", "balancing loss"),
        ("test_accuracy", MetricColumn.title("test_accuracy")),
        ("test_ece", MetricColumn.title("test_ece")),
        ("load_cv", MetricColumn.title("load_cv")),
        ("load_max_over_mean", MetricColumn.title("load_max_over_mean")),
        ("min_utilization_ratio", MetricColumn.title("min_utilization_ratio")),
        ("worst_min_utilization_ratio", "min util × E, worst seed"),
        ("gate_entropy", MetricColumn.title("gate_entropy")),
        ("spikes_per_inference", MetricColumn.title("spikes_per_inference")),
        ("router_effective_macs", MetricColumn.title("router_effective_macs")),
        ("macs_per_inference", MetricColumn.title("macs_per_inference")),
        ("routing_latency_p99", MetricColumn.title("routing_latency_p99")),
    ]

    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["load_cv"] != nil }
    }

    static func markdown(_ input: ReportInput) -> String {
        var md = "## Routing\n\n"
        md += "Mean ± 95 % CI over seeds, test split, after the last epoch. Utilisation of expert i is the fraction "
        md += "of all k routing slots sent to i (uniform = 1/E); load CV is the standard deviation of the E "
        md += "utilisations over their mean; min util × E is 1 for perfect balance and 0.5 when the least-used "
        md += "expert gets half its share. Gate entropy is the mean entropy of the router's distribution over "
        md += "experts. Router effective MACs count nonzero router inputs × fan-out (NeuroBench's effective "
        md += "MACs); the spiking gate's spikes feed only a count, so they add no synaptic operations, and its "
        md += "LIF updates (T·E·P per decision) are listed per run in the metrics export. MACs / inference are "
        md += "those of the layers actually executed (k experts, not E) plus the router. Routing p99 is the "
        md += "latency of the routing decision alone at batch 1 on real router inputs.\n\n"
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.metrics["load_cv"] != nil } }
        md += "The balancing loss is the variant's `load_balancing` and α (`balance_coefficient`): `switch` counts f "
        md += "over the top-1 slot (the Switch Transformer's form), `switch-all-slots` over all k slots, "
        md += "`importance-load` is the noisy gate's pair of CV² losses. The worst-seed column is the smallest "
        md += "min util × E of any seed: every expert keeps at least that share.\n\n"
        let balancing = balancingLabels(input)
        md += VariantTable.render(input, variants: variants, titles: columns.map(\.title)) { c, runs in
            let metric = columns[c].metric
            if metric == "balancing" { return runs.first.flatMap { balancing[$0.variant] } ?? "—" }
            if metric == "worst_min_utilization_ratio" {
                return runs.compactMap { $0.metrics["min_utilization_ratio"] }.min().map { String(format: "%.3f", $0) } ?? "—"
            }
            let values = runs.compactMap { $0.metrics[metric] }
            let unit = runs.first?.units[metric] ?? ""
            let format = metric == "spikes_per_inference" ? MetricFormat(scale: 1, decimals: 1, unit: unit)
                : metric.hasPrefix("load") || metric == "min_utilization_ratio" || metric == "gate_entropy"
                ? MetricFormat(scale: 1, decimals: 3, unit: unit)
                : MetricFormat.forMetric(metric, unit: unit)
            return values.isEmpty ? "—" : format.meanWithInterval(values)
        }
        md += "\nUtilisation of each expert after the last epoch (mean over seeds, %):\n\n"
        let maxExperts = variants.map { v in input.runs(of: v).first.map { r in r.metrics.keys.filter { $0.hasPrefix("utilization_e") }.count } ?? 0 }.max() ?? 0
        md += "| variant | " + (0..<maxExperts).map { "e\($0)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---:|", count: maxExperts) + "\n"
        for variant in variants {
            let runs = input.runs(of: variant)
            var row = "| \(variant) |"
            for e in 0..<maxExperts {
                let values = runs.compactMap { $0.metrics["utilization_e\(e)"] }
                row += values.isEmpty ? " |" : " " + String(format: "%.1f", SeedSummary(values).mean * 100) + " |"
            }
            md += row + "\n"
        }
        return md + "\n"
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        var charts: [Gnuplot.Chart] = []
        if let chart = utilization(input) { charts.append(chart) }
        if let chart = ReportCharts.curve(input, series: "gate_entropy", name: "gate-entropy", ylabel: "gate entropy (nats)", scale: 1,
                                          title: "Router entropy on the test split per epoch (mean ± 95 % CI over seeds)", logY: false) {
            charts.append(chart)
        }
        if let chart = spikeRateHistogram(input) { charts.append(chart) }
        if let chart = ReportCharts.cdf(input, series: "routing_latency_batch1", name: "routing-latency-cdf",
                                        title: "Routing decision alone at batch 1 (empirical CDF, pooled over seeds)") {
            charts.append(chart)
        }
        return charts
    }

    static func chartHeading(_ name: String) -> String? {
        switch name {
        case "utilization": return "Expert utilisation over training"
        case "gate-entropy": return "Gate entropy"
        case "spike-rate": return "Spike-rate histogram"
        case "routing-latency-cdf": return "Routing latency CDF"
        default: return nil
        }
    }

    /// "switch-all-slots α=0.1" per variant, from the stored canonical config.
    static func balancingLabels(_ input: ReportInput) -> [String: String] {
        var labels: [String: String] = [:]
        for (name, values) in input.variantSettings {
            guard let loss = values["load_balancing"] as? String else { continue }
            let alpha = (values["balance_coefficient"] as? NSNumber)?.doubleValue
            if loss != "none", let alpha { labels[name] = "\(loss) α=\(alpha)" } else { labels[name] = loss }
        }
        return labels
    }

    /// Stacked per-expert utilisation over epochs, one panel per routed variant.
    static func utilization(_ input: ReportInput) -> Gnuplot.Chart? {
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.series["utilization_e0"] != nil } }
        guard !variants.isEmpty else { return nil }
        var data = ""
        var commands = ""
        let columns = min(variants.count, 4)
        let rows = (variants.count + columns - 1) / columns
        commands += "set multiplot layout \(rows),\(columns) title 'Expert utilisation per epoch (share of routing slots, stacked, mean over seeds)'\n"
        commands += "set yrange [0:1]\nset xlabel 'epoch'\nset style fill solid 0.8 noborder\nset key off\nset grid\n"
        for (index, variant) in variants.enumerated() {
            let runs = input.runs(of: variant)
            let experts = (0..<256).prefix { e in runs.contains { $0.series["utilization_e\(e)"] != nil } }.count
            var byEpoch: [Int: [Double]] = [:]
            for e in 0..<experts {
                for run in runs {
                    for point in run.series["utilization_e\(e)"] ?? [] {
                        byEpoch[point.step, default: [Double](repeating: 0, count: experts)][e] += point.value / Double(runs.count)
                    }
                }
            }
            let table = byEpoch.keys.sorted().map { epoch -> [Double] in
                var cumulative = 0.0
                return [Double(epoch)] + (byEpoch[epoch] ?? []).map { cumulative += $0; return cumulative }
            }
            data += Gnuplot.dataBlock("u\(index)", rows: table)
            commands += "set title \(Gnuplot.title(variant))\n"
            let layers = (0..<experts).reversed().map { e in
                "$u\(index) using 1:\(e + 2) with filledcurves x1 lc \(e + 1) title 'e\(e)'"
            }
            commands += "plot " + layers.joined(separator: ", ") + "\n"
        }
        commands += "unset multiplot\n"
        return Gnuplot.Chart(name: "utilization", width: 300 * columns, height: 260 * rows + 40, data: data, commands: commands)
    }

    /// Histogram of the spiking gate's per-input spike rate (spikes / (E·P·T)), pooled over seeds.
    static func spikeRateHistogram(_ input: ReportInput) -> Gnuplot.Chart? {
        var data = ""
        var plots: [String] = []
        let bins = 40
        for (index, variant) in input.variants.enumerated() {
            let rates = input.runs(of: variant).flatMap { ($0.series["spike_rate_per_input"] ?? []).map(\.value) }
            guard !rates.isEmpty else { continue }
            var counts = [Int](repeating: 0, count: bins)
            for r in rates { counts[min(bins - 1, max(0, Int(r * Double(bins))))] += 1 }
            data += Gnuplot.dataBlock("s\(index)", rows: counts.enumerated().map {
                [(Double($0.offset) + 0.5) / Double(bins), Double($0.element) / Double(rates.count)]
            })
            plots.append("$s\(index) using 1:2 with steps lw 2 title \(Gnuplot.title(variant))")
        }
        guard !plots.isEmpty else { return nil }
        return Gnuplot.Chart(name: "spike-rate", data: data, commands: """
        set title 'Spiking gate: spike rate per input (spikes / (E·P·T)), test split, pooled over seeds'
        set xlabel 'spike rate'
        set ylabel 'fraction of inputs'
        set xrange [0:1]
        set grid
        set key top right
        plot \(plots.joined(separator: ", \\\n     "))
        """)
    }
}
