import Foundation
import Testing
@testable import Metrics
@testable import HarnessReport

/// A hand-built growth suite: a growing variant and a fixed one, three seeds each.
private func input(grow: [Double], fixed: [Double], dataset: String = "mnist") -> ReportInput {
    let settings = "\"grow\":{\"model\":\"growth\",\"growth_experts\":[1,2],\"growth_epochs\":[1,2],\"lr_decay\":\"cosine\"},"
        + "\"fixed\":{\"model\":\"growth\",\"growth_experts\":[2],\"growth_epochs\":[1],\"lr_decay\":\"cosine\"}"
    var runs: [ReportInput.Run] = []
    for (variant, accuracies, born) in [("grow", grow, 1.0), ("fixed", fixed, 0.0)] {
        for (seed, accuracy) in accuracies.enumerated() {
            runs.append(ReportInput.Run(
                id: Int64(runs.count + 1), variant: variant, seed: seed, environmentId: 1, finishedAt: "",
                metrics: ["test_accuracy": accuracy, "val_accuracy": accuracy, "active_experts": 2, "experts_born": born, "experts_pruned": 0,
                          "parameters": 1000, "active_parameters": 1000, "macs_per_sample": 500,
                          "utilization_e0": 0.25, "utilization_e1": 0.75, "routed_accuracy_e0": 0.5, "routed_accuracy_e1": 1],
                units: [:],
                series: ["active_experts": [(1, born > 0 ? 1 : 2), (2, 2)], "utilization_e0": [(1, born > 0 ? 1 : 0.5), (2, 0.25)],
                         "utilization_e1": [(1, born > 0 ? 0 : 0.5), (2, 0.75)], "gate_entropy": [(1, 0), (2, 0.5)]]))
        }
    }
    return ReportInput(suiteName: "growth", version: 1, configHash: "h", sourcePath: "growth.yaml",
                       canonicalConfig: "{\"task\":{\"dataset\":\"\(dataset)\"},\"variants\":{\(settings)}}", databasePath: "growth.sqlite",
                       variants: ["grow", "fixed"], seeds: [0, 1, 2], runs: runs, environments: [], reliability: [:])
}

@Suite("Growth report section")
struct GrowthReportTests {
    @Test("the seed's claim is checked against the interval over seeds, and a difference is stated only when Welch's test finds one")
    func claimAndComparisons() {
        let md = GrowthReportSection.markdown(input(grow: [0.981, 0.983, 0.985], fixed: [0.982, 0.984, 0.983]))
        #expect(md.contains("`grow`: 98.30 ± 0.50 % over 3 seeds (lowest seed 98.10 %, highest 98.50 %): the mean is above 98 %, but the 95 % interval reaches below it."))
        #expect(md.contains("| fixed | +0.00, p = 1, Holm p = 1 (no difference detected) |"))
        #expect(md.contains("| grow | grows 1 (ep. 1) → 2 (ep. 2) | 2.0 | 1.0 / 0.0 |"))
        #expect(md.contains("| 1 | 2 | 75.00 | 100.00 |"), "slot 1 is first used at epoch 2")
        let apart = GrowthReportSection.markdown(input(grow: [0.990, 0.991, 0.992], fixed: [0.950, 0.951, 0.952]))
        #expect(apart.contains("the 95 % interval lies above 98 %."))
        let row = apart.split(separator: "\n").first { $0.hasPrefix("| fixed | -4.00, p = ") }
        #expect(row != nil && !row!.contains("no difference detected"), "\(row ?? "no row")")
    }

    @Test("the growth events are the epochs at which the active count rose; Fashion-MNIST has no MNIST claim")
    func events() {
        let fashion = input(grow: [0.9, 0.9, 0.9], fixed: [0.9, 0.9, 0.9], dataset: "fashion-mnist")
        #expect(GrowthReportSection.growthEpochs(fashion, "grow") == [2])
        #expect(GrowthReportSection.growthEpochs(fashion, "fixed") == [])
        let md = GrowthReportSection.markdown(fashion)
        #expect(md.contains("(Fashion-MNIST)") && !md.contains("The seed's claim"))
        #expect(GrowthReportSection.charts(fashion).map(\.name) == ["growth-utilization", "growth-gate-entropy"])
    }
}
