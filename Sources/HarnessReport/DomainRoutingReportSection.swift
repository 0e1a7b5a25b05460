import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// The routed-benchmark part of a report (issue 13), present when runs recorded `routing_purity`:
/// every router against the domain oracle and random routing, the dense baselines, spike-decided
/// decisions, and routing at scale. Every comparing sentence comes from Welch's t over seeds
/// (`SignificanceTest`, the gate's test); where it finds nothing, the text says "no difference
/// detected". The best learned router is chosen on validation accuracy, never on test.
enum DomainRoutingReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["routing_purity"] != nil }
    }

    /// One variant's settings, read from the stored canonical config.
    struct Variant {
        let name: String
        let model: String
        let router: String
        let experts: Int
        let hidden: Int
        let settings: [String: Any]
        let runs: [ReportInput.Run]

        var isReference: Bool { ["oracle", "random", "hash"].contains(router) }
        var isLearned: Bool { model == "moe" && !isReference && router != "dense" }
        func values(_ metric: String) -> [Double] { runs.compactMap { $0.metrics[metric] }.filter { !$0.isNaN } }
        func mean(_ metric: String) -> Double { SeedSummary(values(metric)).mean }
        /// "mean ± CI" of `metric` over the seeds, "—" when no run recorded it.
        func cell(_ metric: String, _ format: MetricFormat) -> String {
            let values = values(metric)
            return values.isEmpty ? "—" : format.meanWithInterval(values)
        }
    }

    static func variants(_ input: ReportInput) -> [Variant] {
        let settings = input.variantSettings
        return input.variants.compactMap { name in
            let s = settings[name] ?? [:]
            let runs = input.runs(of: name)
            guard !runs.isEmpty else { return nil }
            return Variant(name: name, model: s["model"] as? String ?? "", router: s["router"] as? String ?? "dense",
                           experts: (s["experts"] as? NSNumber)?.intValue ?? 0, hidden: (s["expert_hidden"] as? NSNumber)?.intValue ?? 0,
                           settings: s, runs: runs)
        }
    }

    static func markdown(_ input: ReportInput) -> String {
        let all = variants(input)
        var md = "## Routed benchmark\n\n"
        md += "Each domain is MNIST through its own fixed pixel permutation; the experts read the raw pixels and nothing "
        md += "bypasses them, so an expert that serves several domains shares its hidden units between them. The domain "
        md += "oracle (routes by the true domain) is the upper reference, random routing the lower. Routing purity: for "
        md += "each domain, the share of its test images sent to its most used expert, averaged over domains. Routing "
        md += "accuracy against the oracle: the largest share of test images that agree with a one-to-one map from "
        md += "domains to experts (Hungarian assignment; only when E ≥ K). Mean ± 95 % CI over seeds, test split, with "
        md += "the parameters of the epoch the suite's `select_epoch` names (the best on validation, or the last). Active "
        md += "MACs: the layers executed for one input (k = 1 expert) plus the router.\n\n"
        md += VariantTable.render(input, variants: all.map(\.name),
                                  titles: ["router", "E", "H", MetricColumn.title("test_accuracy"), MetricColumn.title("routing_purity"),
                                           MetricColumn.title("domain_routing_accuracy"), MetricColumn.title("load_cv"),
                                           "active MACs", MetricColumn.title("parameters")]) { c, runs in
            guard let v = all.first(where: { $0.name == runs.first?.variant }) else { return "—" }
            switch c {
            case 0: return v.model == "moe" ? v.router : "dense MLP \(hiddenLabel(input, v.name))"
            case 1: return v.model == "moe" ? "\(v.experts)" : "—"
            case 2: return v.model == "moe" ? "\(v.hidden)" : "—"
            case 7:
                let macs = v.values(v.model == "moe" ? "macs_per_inference" : "macs_per_sample")
                return macs.isEmpty ? "—" : String(format: "%.0f", SeedSummary(macs).mean)
            case 6: return v.cell("load_cv", MetricFormat(scale: 1, decimals: 3, unit: "ratio"))
            default:
                let metric = [3: "test_accuracy", 4: "routing_purity", 5: "domain_routing_accuracy", 8: "parameters"][c] ?? ""
                return v.cell(metric, MetricFormat.forMetric(metric, unit: runs.first?.units[metric] ?? ""))
            }
        }
        md += "\n" + findings(all)
        md += spiking(all)
        md += scale(all)
        return md
    }

    static func hiddenLabel(_ input: ReportInput, _ name: String) -> String {
        let hidden = (input.variantSettings[name]?["hidden"] as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue } ?? []
        return "[" + hidden.map(String.init).joined(separator: ", ") + "]"
    }

    /// "higher by 6.9 points (p < 0.001, Holm p < 0.001)", "lower by …", or "no difference detected
    /// (+0.4 points, p = 0.410, Holm p = 1.000)": `outcome` is the first variant against the second,
    /// nil when a side has fewer than two seeds.
    static func verdict(_ outcome: ComparisonFamily.Outcome?) -> String {
        guard let o = outcome else { return "not tested (fewer than two seeds on a side)" }
        let delta = o.difference * 100
        func format(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "= %.3f", p) }
        let p = "p \(format(o.p)), Holm p \(format(o.adjustedP))"
        if o.isCalled { return (delta > 0 ? "higher" : "lower") + String(format: " by %.1f points (%@)", abs(delta), p) }
        return String(format: "no difference detected (%+.1f points, %@)", delta, p)
    }

    /// Whether the two variants' 95 % intervals of `metric` are disjoint.
    static func intervalsSeparate(_ a: Variant, _ b: Variant, metric: String = "test_accuracy") -> Bool {
        let x = SeedSummary(a.values(metric)), y = SeedSummary(b.values(metric))
        guard let hx = x.halfWidth, let hy = y.halfWidth else { return x.mean != y.mean }
        return x.mean - hx > y.mean + hy || y.mean - hy > x.mean + hx
    }

    /// The list of comparisons. Its verdicts form one family: a first pass only collects the pairs
    /// the list compares, the second writes each verdict with its Holm-adjusted p-value.
    static func findings(_ all: [Variant]) -> String {
        var pairs: [(key: [String], reference: [Double], other: [Double])] = []
        _ = findings(all) { a, b in
            pairs.append((key: [a.name, b.name], reference: b.values("test_accuracy"), other: a.values("test_accuracy")))
            return ""
        }
        let outcomes = ComparisonFamily.compare(pairs)
        let list = findings(all) { a, b in verdict(outcomes[[a.name, b.name]]) }
        return "Comparisons (test accuracy, Welch's t over seeds; Holm's method adjusts the p-values for the \(outcomes.count) "
            + "comparison(s) of this list, and a difference is called only at an adjusted p < 0.05):\n\n" + list
    }

    static func findings(_ all: [Variant], verdict: (Variant, Variant) -> String) -> String {
        var md = ""
        let moe = all.filter { $0.model == "moe" }
        for oracle in moe where oracle.router == "oracle" {
            guard let random = moe.first(where: { $0.router == "random" && $0.experts == oracle.experts && $0.hidden == oracle.hidden }) else { continue }
            let separate = intervalsSeparate(oracle, random) ? "the 95 % intervals do not overlap" : "the 95 % intervals overlap"
            md += "- E = \(oracle.experts), H = \(oracle.hidden): the domain oracle against random routing: \(verdict(oracle, random)); \(separate).\n"
            for router in moe where router.isLearned || router.router == "hash" {
                guard router.experts == oracle.experts && router.hidden == oracle.hidden else { continue }
                md += "  - `\(router.name)` against random: \(verdict(router, random)); against the oracle: \(verdict(router, oracle)).\n"
            }
        }
        // the main setting: the (E, H) of the first oracle; the dense baselines are matched to it
        let main = moe.first { $0.router == "oracle" }
        let learned = moe.filter { $0.isLearned && $0.experts == main?.experts && $0.hidden == main?.hidden }
        let percent = MetricFormat.forMetric("domain_routing_accuracy", unit: "fraction")
        if let best = learned.max(by: { $0.mean("val_accuracy") < $1.mean("val_accuracy") }) {
            let routing = SeedSummary(best.values("domain_routing_accuracy"))
            let verdictOnTarget = routing.mean > 0.95 ? "meets" : "misses"
            md += "- Best learned router at E = \(best.experts), H = \(best.hidden), chosen on validation accuracy: `\(best.name)`; "
            md += "its routing accuracy against the oracle is " + percent.meanWithInterval(best.values("domain_routing_accuracy"))
            md += " %, which \(verdictOnTarget) the > 95 % target (seed 002).\n"
            for dense in all where dense.model == "mlp" {
                md += "- `\(best.name)` against the dense baseline `\(dense.name)`: \(verdict(best, dense)).\n"
            }
        }
        let routed = moe.filter { $0.isLearned && !$0.values("domain_routing_accuracy").isEmpty }
        if let top = routed.max(by: { $0.mean("domain_routing_accuracy") < $1.mean("domain_routing_accuracy") }) {
            md += "- Highest routing accuracy of any learned router (a description of the test split, not a selection): `\(top.name)`, "
            md += percent.meanWithInterval(top.values("domain_routing_accuracy")) + " %.\n"
        }
        return md + "\n"
    }

    static func spiking(_ all: [Variant]) -> String {
        let spiking = all.filter { $0.router == "spiking" }
        guard !spiking.isEmpty else { return "" }
        var md = "### Spiking gates: who decides the top-1\n\n"
        md += "A decision is decided by spikes when every chosen expert's spike count is above every other expert's; "
        md += "otherwise the final-membrane tie-break chose. Silent: no gate neuron spiked. Input `direct`: the pixels drive "
        md += "the gate as a constant current, so its input synapses are dense MACs (effective MACs count the nonzero pixels "
        md += "× E·P) and its spikes drive only a counter: spike-driven synaptic operations (NeuroBench SynOps) 0. Input "
        md += "`rate`: each pixel fires with its intensity as probability at every step, so the input synapses are "
        md += "accumulates driven by input spikes (SynOps = input spikes × E·P) and no MACs. Operation counts are per "
        md += "decision, from the last test batch.\n\n"
        md += "| variant | n | input | T | P | θ | spikes / decision | decided by spikes (%) | silent (%) | router MACs | router effective MACs | router SynOps | test accuracy (%) | routing accuracy (%) |\n"
        md += "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        let pct = MetricFormat.forMetric("spike_decided_fraction", unit: "fraction")
        for v in spiking {
            md += "| \(v.name) | \(v.runs.count) | \(v.settings["spike_encoding"] as? String ?? "direct") | \(setting(v, "time_steps")) | \(setting(v, "population")) | \(setting(v, "threshold")) | "
            md += v.cell("spikes_per_inference", MetricFormat(scale: 1, decimals: 1, unit: "count")) + " | "
            md += v.cell("spike_decided_fraction", pct) + " | " + v.cell("silent_decision_fraction", pct) + " | "
            md += v.cell("router_macs", MetricFormat(scale: 1, decimals: 0, unit: "count")) + " | "
            md += v.cell("router_effective_macs", MetricFormat(scale: 1, decimals: 0, unit: "count")) + " | "
            md += v.cell("router_synops", MetricFormat(scale: 1, decimals: 0, unit: "count")) + " | "
            md += v.cell("test_accuracy", pct) + " | " + v.cell("domain_routing_accuracy", pct) + " |\n"
        }
        return md + "\n"
    }

    static func setting(_ v: Variant, _ key: String) -> String {
        (v.settings[key] as? NSNumber).map { "\($0)" } ?? "—"
    }

    /// Variants of one router and width that differ only in E, by E.
    static func sweep(_ all: [Variant]) -> [Variant] {
        let learned = all.filter(\.isLearned)
        let groups = Dictionary(grouping: learned) { "\($0.router) \($0.hidden)" }
        let best = groups.values.filter { Set($0.map(\.experts)).count >= 3 }.max { $0.count < $1.count } ?? []
        var byE: [Int: Variant] = [:]
        for v in best where byE[v.experts] == nil || v.name.count < byE[v.experts]!.name.count { byE[v.experts] = v }
        return byE.keys.sorted().compactMap { byE[$0] }
    }

    static func scale(_ all: [Variant]) -> String {
        let sweep = sweep(all)
        guard !sweep.isEmpty else { return "" }
        var md = "### Routers at scale\n\n"
        md += "The `\(sweep[0].router)` router with H = \(sweep[0].hidden) at each E. Targets (seed 002): routing accuracy "
        md += "against the oracle > 95 %, load CV < 20 %, batch-1 routing latency growing no worse than linearly in E, "
        md += "p99 < 200 µs at E = 256. Routing accuracy needs E ≥ K; with E > K it asks each domain to stay on one expert.\n\n"
        md += "| E | variant | n | test accuracy (%) | routing purity (%) | routing accuracy (%) | load CV | routing p50 (µs) | routing p99 (µs) |\n"
        md += "|---:|---|---:|---:|---:|---:|---:|---:|---:|\n"
        let pct = MetricFormat.forMetric("routing_purity", unit: "fraction")
        let latency = MetricFormat.forMetric("routing_latency_p99", unit: "s")
        for v in sweep {
            md += "| \(v.experts) | \(v.name) | \(v.runs.count) | " + v.cell("test_accuracy", pct) + " | " + v.cell("routing_purity", pct) + " | "
            md += v.cell("domain_routing_accuracy", pct) + " | " + v.cell("load_cv", MetricFormat(scale: 1, decimals: 3, unit: "ratio")) + " | "
            md += v.cell("routing_latency_p50", latency) + " | " + v.cell("routing_latency_p99", latency) + " |\n"
        }
        return md + "\n"
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let all = variants(input)
        var charts: [Gnuplot.Chart] = []
        // accuracy against expert width, one line per router kind at the most common E
        let moe = all.filter { $0.model == "moe" }
        let commonE = Dictionary(grouping: moe, by: \.experts).max { $0.value.count < $1.value.count }?.key ?? 0
        var blocks = "", plots: [String] = []
        for (index, router) in ["oracle", "random", "softmax"].enumerated() {
            let line = moe.filter { $0.router == router && $0.experts == commonE }.sorted { $0.hidden < $1.hidden }
            let widths = Set(line.map(\.hidden))
            guard widths.count >= 2, widths.count == line.count else { continue }
            blocks += Gnuplot.dataBlock("w\(index)", rows: line.map { v in
                let s = SeedSummary(v.values("test_accuracy"))
                return [Double(v.hidden), s.mean * 100, (s.halfWidth ?? 0) * 100]
            })
            plots.append("$w\(index) using 1:2:3 with yerrorlines lw 2 pt 7 title \(Gnuplot.title(router))")
        }
        if !plots.isEmpty {
            charts.append(Gnuplot.Chart(name: "accuracy-vs-width", data: blocks, commands: """
            set title \(Gnuplot.title("Test accuracy against expert width H (E = \(commonE), mean ± 95 % CI over seeds)"))
            set xlabel 'expert hidden width H'
            set ylabel 'test accuracy (%)'
            set logscale x 2
            set grid
            set key bottom right
            plot \(plots.joined(separator: ", \\\n     "))
            """))
        }
        let sweep = sweep(all)
        if sweep.count >= 2 {
            let rows = sweep.map { v -> [Double] in
                [Double(v.experts), SeedSummary(v.values("routing_latency_p50")).mean * 1e6, SeedSummary(v.values("routing_latency_p99")).mean * 1e6]
            }
            charts.append(Gnuplot.Chart(name: "routing-latency-vs-experts", data: Gnuplot.dataBlock("e", rows: rows), commands: """
            set title \(Gnuplot.title("Batch-1 routing latency against E (\(sweep[0].router), mean over seeds)"))
            set xlabel 'experts E'
            set ylabel 'latency (µs)'
            set logscale xy
            set grid
            set key top left
            plot $e using 1:2 with linespoints lw 2 pt 7 title 'p50', \\
                 $e using 1:3 with linespoints lw 2 pt 5 title 'p99', \\
                 $e using 1:($2 * $1 / \(Int(rows[0][0]))) with lines dt 2 title 'p50 × E / \(Int(rows[0][0])) (linear growth)'
            """))
        }
        return charts
    }

    static func chartHeading(_ name: String) -> String? {
        switch name {
        case "accuracy-vs-width": return "Accuracy against expert width"
        case "routing-latency-vs-experts": return "Routing latency against E"
        default: return nil
        }
    }
}
