import Foundation
import HarnessBaseline
import Metrics

extension GrowthReportSection {
    /// The gate-signal ablation (issue 15): for each variant that switches signals on, how far
    /// they move the gate's logits, the gate's entropy and the accuracy difference from the main
    /// variant, so a reader sees which signals change anything. Empty when no run used a signal.
    /// `testOutcomes`: the test-accuracy comparisons of the table of every variant against the main
    /// one, so a difference is called here exactly when it is called there (one Holm family).
    static func signalsMarkdown(_ input: ReportInput, main: String, testOutcomes: [String: ComparisonFamily.Outcome]) -> String {
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.metrics["gate_signal_bias"] != nil } }
        guard !variants.isEmpty else { return "" }
        var md = "\n### Gate signals\n\n"
        md += "Seed 001's gate signals, each off unless a variant switches it on (`biomoe schema`: gate_phasor, gate_kwta, "
        md += "thalamic_scale, predictive_weight, gate_groups, merit_weight, gate_bias with temperature). Phasor and k-WTA change "
        md += "what the gate sees (oscillator-modulated features; only the k largest features); the others add a bias to its "
        md += "logits (thalamic centroids, a predictive-utility head, a group gate, a merit board, a constant personality bias). "
        md += "Signal bias: mean over test images of the mean absolute deviation of that bias over the active experts (0 for "
        md += "phasor and k-WTA alone, which add none). Gate entropy in nats; mean ± 95 % CI over seeds; the accuracy difference "
        md += "is against `\(main)` (Welch's t over seeds, Holm-adjusted as in the table above).\n\n"
        md += "| variant | signals | signal bias (logits) | gate entropy (nats) | test accuracy (%) | difference, p |\n|---|---|---:|---:|---:|---|\n"
        for v in [main] + variants where !input.runs(of: v).isEmpty {
            let bias = values(input, v, "gate_signal_bias"), entropy = values(input, v, "gate_entropy"), test = values(input, v, "test_accuracy")
            let difference = v == main ? "—" : testOutcomes[v]?.cell() ?? "—"
            let signals = signalDescription(input.variantSettings[v] ?? [:])
            md += row([v, signals.isEmpty ? "none" : String(signals.dropFirst(2)),
                       bias.isEmpty ? "—" : MetricFormat.decimal("logit").meanWithInterval(bias),
                       entropy.isEmpty ? "—" : MetricFormat.decimal("nats").meanWithInterval(entropy),
                       test.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(test), difference])
        }
        return md
    }
}
