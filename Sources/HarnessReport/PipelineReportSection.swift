import Foundation
import HarnessBaseline
import Metrics

/// The request pipeline's part of a report (experiments/pipeline.yaml): routing accuracy per
/// variant beside the oracle and random routers, answer quality per domain, affect's pull on
/// routing, per-stage latency; each variant against the main one by Welch's t over seeds; issue
/// 16's and seed 002's targets checked in words that follow the numbers.
enum PipelineReportSection: ReportSection {
    static let stages = ["encode", "affect", "retrieve", "route", "experts", "aggregate", "remember"]

    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["pipeline_routing_accuracy"] != nil }
    }

    static func values(_ input: ReportInput, _ variant: String, _ metric: String) -> [Double] {
        input.runs(of: variant).compactMap { $0.metrics[metric] }.filter { !$0.isNaN }
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    static func cell(_ input: ReportInput, _ variant: String, _ metric: String, _ format: MetricFormat) -> String {
        let v = values(input, variant, metric)
        return v.isEmpty ? "—" : format.meanWithInterval(v)
    }

    static func markdown(_ input: ReportInput) -> String {
        let variants = input.variants.filter { !input.runs(of: $0).isEmpty }
        guard let main = variants.first else { return "" }
        var md = "## Request pipeline: routing, answers, latency\n\n"
        md += "Each run trains the experts and the router, then answers the test requests one at a time, each in a fresh "
        md += "session: Fashion-MNIST test images (vision), held-out Jargon File sentences (language), SYNTHETIC expressions "
        md += "from the Symbolic target's grammar (symbolic) and tweets the VADER paper's raters scored |mean| ≥ 2 on "
        md += "[−4, 4] (affect), equally many of each. Routing accuracy is the share whose first-ranked expert is the labelled "
        md += "domain; answers are right when the reply is the labelled expert's and names the image's class or the "
        md += "expression's exact value. Mean ± 95 % interval over seeds.\n\n"
        let pct = MetricFormat.percent
        md += row(["variant", "n", "routing (%)", "validation routing (%)", "language", "vision", "symbolic", "affect", "load CV",
                   "vision answers (%)", "symbolic exact (%)", "language bits/char", "unanswered"])
        md += "|---|---:|" + String(repeating: "---:|", count: 11) + "\n"
        for v in variants {
            md += row([v, "\(input.runs(of: v).count)", cell(input, v, "pipeline_routing_accuracy", pct),
                       cell(input, v, "pipeline_val_routing_accuracy", pct),
                       cell(input, v, "pipeline_routing_accuracy_language", pct), cell(input, v, "pipeline_routing_accuracy_vision", pct),
                       cell(input, v, "pipeline_routing_accuracy_symbolic", pct), cell(input, v, "pipeline_routing_accuracy_affect", pct),
                       cell(input, v, "pipeline_load_cv", .decimal("")), cell(input, v, "vision_answer_accuracy", pct),
                       cell(input, v, "symbolic_exactness", pct), cell(input, v, "language_bits_per_char", .decimal("")),
                       cell(input, v, "pipeline_unanswered", .whole(""))])
        }
        md += "\n" + comparisons(input, main: main, variants: variants)
        md += targets(input, main: main, variants: variants)
        md += affectAndMemory(input, variants: variants)
        md += latency(input, variants: variants)
        return md
    }

    /// Routing accuracy of every variant against the main one.
    static func comparisons(_ input: ReportInput, main: String, variants: [String]) -> String {
        var md = "### Each variant against `\(main)`\n\n"
        md += "Routing accuracy minus `\(main)`'s (points), Welch's t over seeds; Holm's method adjusts the p-values of each "
        md += "metric for the number of variants compared, and a difference is called only at an adjusted p < 0.05 (\"no "
        md += "difference detected\" otherwise). The oracle (all weight on the labelled domain) and random (a domain drawn "
        md += "per request) routers bound what routing can give on this request set.\n\n"
        md += "| variant | routing: difference, p | answers right (vision, symbolic): difference |\n|---|---|---|\n"
        let compared = variants.filter { $0 != main }
        // One family per metric: every variant against the main one on it.
        func family(_ metric: String) -> [String: ComparisonFamily.Outcome] {
            ComparisonFamily.compare(compared.map { (key: $0, reference: values(input, main, metric), other: values(input, $0, metric)) })
        }
        let routing = family("pipeline_routing_accuracy")
        let answers = ["vision_answer_accuracy", "symbolic_exactness"].map(family)
        for v in compared {
            let answerCells = answers.map { outcomes -> String in
                guard let o = outcomes[v] else { return "—" }
                return String(format: "%+.2f", o.difference * 100) + (o.isCalled ? " (\(o.pValues))" : " (no difference detected)")
            }
            md += row([v, routing[v]?.cell() ?? "—", answerCells.joined(separator: ", ")])
        }
        return md + "\n"
    }

    /// Issue 16's and seed 002's targets, checked against the recorded numbers.
    static func targets(_ input: ReportInput, main: String, variants: [String]) -> String {
        var md = "### Targets\n\n"
        let routing = values(input, main, "pipeline_routing_accuracy")
        if !routing.isEmpty {
            let s = SeedSummary(routing)
            let lowest = routing.min() ?? .nan
            md += "- Routing accuracy ≥ 95 % for the trained softmax router (seed 002's target; `\(main)`): "
            md += "\(MetricFormat.percent.meanWithInterval(routing)) %, lowest seed \(MetricFormat.percent.number(lowest)) % — "
            md += lowest >= 0.95 ? "met in every seed.\n" : (s.mean >= 0.95 ? "the mean meets it, not every seed.\n" : "not met.\n")
        }
        for v in variants where v.hasPrefix("spiking") {
            md += "- `\(v)` (the spiking router, reported as measured): \(cell(input, v, "pipeline_routing_accuracy", .percent)) %.\n"
        }
        let p99 = variants.flatMap { values(input, $0, "pipeline_latency_p99") }
        if let worst = p99.max() {
            md += "- End-to-end p99 under 15 ms (issue 16, one request at a time): the slowest run's p99 is "
            md += String(format: "%.2f ms", worst * 1e3) + (worst < 0.015 ? " — met by every run.\n" : " — not met by every run.\n")
        }
        let route = variants.flatMap { values(input, $0, "stage_latency_p99_route") }
        if let worst = route.max() {
            md += "- Routing overhead under 300 ms (seed 002): the route stage's p99 is at most " + String(format: "%.3f ms", worst * 1e3)
            md += " (gate, memory prior, affect rule, every expert's self-assessment and the load penalty).\n"
        }
        md += scaling(input, variants: variants)
        let cv = values(input, main, "pipeline_load_cv")
        if !cv.isEmpty {
            md += "- Load variance under 20 % (seed 002; the coefficient of variation of the first-ranked experts' counts over "
            md += "a balanced request set): `\(main)` " + MetricFormat.decimal("").meanWithInterval(cv)
            md += (cv.max() ?? 1) < 0.2 ? " — met.\n" : " — not met in every seed.\n"
        }
        return md + "\n"
    }

    /// Seed 002's "linear cost up to 20+ experts": routing time per expert count, where measured.
    static func scaling(_ input: ReportInput, variants: [String]) -> String {
        var md = ""
        for v in variants {
            var byCount: [Int: [Double]] = [:]
            for run in input.runs(of: v) {
                for (name, value) in run.metrics where name.hasPrefix("route_seconds_e") {
                    if let count = Int(name.dropFirst("route_seconds_e".count)) { byCount[count, default: []].append(value) }
                }
            }
            let counts = byCount.keys.sorted()
            guard let first = counts.first, counts.count >= 2 else { continue }
            let base = SeedSummary(byCount[first] ?? []).mean
            let cells = counts.map { c -> String in
                let mean = SeedSummary(byCount[c] ?? []).mean
                return "\(c): " + String(format: "%.3f ms (×%.2f for ×%.0f experts)", mean * 1e3, mean / base, Double(c) / Double(first))
            }
            let superlinear = counts.contains { SeedSummary(byCount[$0] ?? []).mean / base > Double($0) / Double(first) * 1.1 }
            md += "- Routing cost linear up to 20+ experts (seed 002; `\(v)`, one decision = gate, every instance's self-assessment, "
            md += "rank): " + cells.joined(separator: "; ")
            md += superlinear ? " — grows faster than the expert count somewhere (beyond 10 %).\n" : " — grows no faster than the expert count.\n"
        }
        return md
    }

    static func affectAndMemory(_ input: ReportInput, variants: [String]) -> String {
        var md = "### Affect and memory\n\n"
        md += "Affect–routing r is Pearson's r over the test requests between the detected valence and the language "
        md += "expert's routing weight minus the symbolic expert's; seed 000 §5.2's rule (`affect_mode: modulate`) pushes it "
        md += "up. Memory top-hit agreement is the share of test requests whose most similar stored training request has "
        md += "the same label.\n\n"
        md += "| variant | affect–routing r | memory top-hit agreement (%) | router spikes / request | instances added |\n|---|---:|---:|---:|---:|\n"
        for v in variants {
            md += row([v, cell(input, v, "affect_routing_correlation", .decimal("")), cell(input, v, "memory_hit_agreement", .percent),
                       cell(input, v, "pipeline_spikes_per_request", .decimal("")), cell(input, v, "expert_instances_added", .whole(""))])
        }
        return md + "\n"
    }

    static func latency(_ input: ReportInput, variants: [String]) -> String {
        var md = "### Latency per stage\n\n"
        md += "Wall-clock time per test request, mean over seeds of each run's percentile (ms), one request at a time on one "
        md += "thread (other runs of the suite may have shared the machine: see the environment table); the experts stage "
        md += "runs every chosen expert (top 2) except under sequential aggregation.\n\n"
        md += row(["variant", "p50", "p95", "p99"] + stages.map { "\($0) p99" })
        md += "|---|" + String(repeating: "---:|", count: 3 + stages.count) + "\n"
        let ms = MetricFormat(scale: 1e3, decimals: 3, unit: "ms")
        for v in variants {
            let cells = ["pipeline_latency_p50", "pipeline_latency_p95", "pipeline_latency_p99"].map { metric -> String in
                let x = values(input, v, metric)
                return x.isEmpty ? "—" : ms.number(SeedSummary(x).mean)
            } + stages.map { stage -> String in
                let x = values(input, v, "stage_latency_p99_\(stage)")
                return x.isEmpty ? "—" : ms.number(SeedSummary(x).mean)
            }
            md += row([v] + cells)
        }
        return md + "\n"
    }
}
