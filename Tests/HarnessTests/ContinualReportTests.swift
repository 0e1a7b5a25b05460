import Foundation
import Testing
@testable import Metrics
@testable import HarnessReport

/// A hand-built Split MNIST suite in Class-IL: fine-tuning and the three routed-growth variants,
/// two seeds each (average accuracy 0.2, or per seed from `accuracies`); the routed runs record
/// where the gate sent the images, unless `oldRuns`.
private func input(methods: [String], oldRuns: Bool = false, accuracies: [String: [Double]] = [:]) -> ReportInput {
    let settings = methods.map { "\"class-\($0)\":{\"model\":\"continual\",\"cl_scenario\":\"class\",\"cl_method\":\"\($0)\"}" }
    var runs: [ReportInput.Run] = []
    for method in methods {
        for seed in 0..<2 {
            var metrics = ["average_accuracy": accuracies[method]?[seed] ?? 0.2, "forgetting": 0.99, "backward_transfer": -0.99, "train_seconds": 100]
            if method.hasPrefix("routed-growth") {
                metrics["task_routing_accuracy"] = 0.2
                if !oldRuns { metrics["past_expert_rows"] = seed == 0 ? 0 : 0.1 }
            }
            let series = (1...5).map { j in ("accuracy_on_task_\(j)", (j...5).map { t in (t, t == j ? 0.99 : 0) }) }
            runs.append(ReportInput.Run(id: Int64(runs.count + 1), variant: "class-\(method)", seed: seed, environmentId: 1, finishedAt: "",
                                        metrics: metrics, units: [:], series: Dictionary(uniqueKeysWithValues: series)))
        }
    }
    return ReportInput(suiteName: "continual", version: 1, configHash: "h", sourcePath: "continual.yaml",
                       canonicalConfig: "{\"task\":{\"dataset\":\"mnist\"},\"variants\":{\(settings.joined(separator: ","))}}",
                       databasePath: "continual.sqlite", variants: methods.map { "class-\($0)" }, seeds: [0, 1], runs: runs,
                       environments: [], reliability: [:])
}

@Suite("Continual report section")
struct ContinualReportTests {
    @Test("routed growth gets a table of where the gate sent the images, with a dash for runs that predate a metric")
    func routingTable() {
        let routed = ["fine-tune", "routed-growth", "routed-growth-freeze", "routed-growth-emc"]
        let md = ContinualReportSection.markdown(input(methods: routed))
        #expect(md.contains("### Routed growth: where the gate sends the images"))
        #expect(md.contains("| routed growth + freeze | — | — | — | — | 20.00 | 5.00 ± 63.53 |"), "\(md)")
        let old = ContinualReportSection.markdown(input(methods: routed, oldRuns: true))
        #expect(old.contains("| routed growth | — | — | — | — | 20.00 | — |"))
        #expect(!ContinualReportSection.markdown(input(methods: ["fine-tune"])).contains("### Routed growth"))
    }

    @Test("each method against fine-tuning is called at Holm's adjusted p: p = 0.019 alone, 0.058 among three methods")
    func holmAdjustedComparisons() {
        // Welch: [0.25, 0.26] against [0.20, 0.21], t = 0.05 / 0.00707 = 7.07 on 2 degrees of freedom, p = 0.0194
        let ewc: [String: [Double]] = ["fine-tune": [0.20, 0.21], "ewc": [0.25, 0.26], "si": [0.20, 0.21], "lwf": [0.20, 0.21]]
        let alone = ContinualReportSection.markdown(input(methods: ["fine-tune", "ewc"], accuracies: ewc))
        #expect(alone.contains("| EWC | — | — | +5.00, p = 0.019, Holm p = 0.019 |"), "\(alone)")
        let three = ContinualReportSection.markdown(input(methods: ["fine-tune", "ewc", "si", "lwf"], accuracies: ewc))
        #expect(three.contains("| EWC | — | — | +5.00, p = 0.019, Holm p = 0.058 (no difference detected) |"), "\(three)")
    }

    @Test("the accuracy matrices get a row of three panels per three methods, so nine never overlap")
    func panelLayout() throws {
        let nine = ["fine-tune", "ewc", "si", "lwf", "replay", "joint", "routed-growth", "routed-growth-freeze", "routed-growth-emc"]
        let chart = try #require(ContinualReportSection.charts(input(methods: nine)).first)
        #expect(chart.name == "continual-class-matrix")
        #expect(chart.commands.contains("set multiplot layout 3,3") && chart.height == 1080)
        let four = try #require(ContinualReportSection.charts(input(methods: Array(nine.prefix(4)))).first)
        #expect(four.commands.contains("set multiplot layout 2,3") && four.height == 720)
    }
}
