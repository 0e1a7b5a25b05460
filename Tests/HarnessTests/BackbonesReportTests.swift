import Foundation
import Testing
@testable import Metrics
@testable import HarnessReport

/// A hand-built backbones suite: MQAR (T = 64, K = 4) with two controls and two mixers, three
/// seeds each; `accuracies` gives each variant's test accuracy per seed.
private func input(_ accuracies: [String: [Double]], settings: [String: String],
                   lengths: [String: [Int: [Double]]] = [:], trained: [String: [Double]] = [:]) -> ReportInput {
    var runs: [ReportInput.Run] = []
    let variants = accuracies.keys.sorted()
    for variant in variants {
        for (seed, accuracy) in (accuracies[variant] ?? []).enumerated() {
            var metrics = ["test_accuracy": accuracy, "val_accuracy": accuracy, "recurrent_state_bytes": 1,
                           "train_sequences": trained[variant]?[seed] ?? 6400, "sequences_to_90": accuracy >= 0.9 ? 3200 : .nan]
            for (n, values) in lengths[variant] ?? [:] { metrics["accuracy_len_\(n)"] = values[seed] }
            runs.append(ReportInput.Run(id: Int64(runs.count + 1), variant: variant, seed: seed, environmentId: 1, finishedAt: "",
                                        metrics: metrics, units: [:], series: [:]))
        }
    }
    let common = "\"model\":\"sequence\",\"seq_len\":64,\"d_model\":64,\"vocab_size\":512,"
        + "\"train_batch\":64,\"layers\":2,\"heads\":2,\"d_conv\":4,\"optimizer\":\"adamw\""
    // Rate and budget unless the variant sets its own.
    func own(_ variant: String) -> String {
        let extra = settings[variant] ?? ""
        return (extra.contains("\"seq_task\"") ? "" : "\"seq_task\":\"mqar\",") + (extra.contains("\"num_kv_pairs\"") ? "" : "\"num_kv_pairs\":4,") + (extra.contains("\"steps\"") ? "" : "\"steps\":100,") + (extra.contains("\"learning_rate\"") ? "" : "\"learning_rate\":0.003,") + extra
    }
    let json = variants.map { "\"\($0)\":{\(common),\(own($0))}" }.joined(separator: ",")
    return ReportInput(suiteName: "backbones", version: 1, configHash: "h", sourcePath: "b.yaml",
                       canonicalConfig: "{\"task\":{\"dataset\":\"sequence\"},\"variants\":{\(json)}}",
                       databasePath: "b.sqlite", variants: variants, seeds: [0, 1, 2], runs: runs, environments: [], reliability: [:])
}

private let settings = [
    "control-conv": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"short_conv\":4,\"positive_control\":0.9",
    "control-plain": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9",
    "mamba": "\"mixer\":\"mamba\"",
    "control-plain-lr1e-3": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9,\"learning_rate\":0.001",
    "mamba-k1": "\"mixer\":\"mamba\",\"num_kv_pairs\":1",
    "mamba-long": "\"mixer\":\"mamba\",\"steps\":300,\"learning_rate\":0.001",
    "control-plain-mlp": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9,\"mlp\":true",
    "control-zoology": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9,\"mlp\":false,\"heads\":1",
    "control-plain-long": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9,\"steps\":300",
    "mamba-mlp": "\"mixer\":\"mamba\",\"mlp\":true",
    "mamba-block": "\"mixer\":\"mamba\",\"mlp\":false,\"steps\":300,\"learning_rate\":0.001",
    "softmax": "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"short_conv\":4",
    "mamba-mlp-zoology-init": "\"mixer\":\"mamba\",\"mlp\":true,\"init_scheme\":\"zoology\"",
    "mamba-answer": "\"mixer\":\"mamba\",\"induction_targets\":\"answer\"",
    "induction-mamba": "\"mixer\":\"mamba\",\"seq_task\":\"induction-heads\"",
    "induction-softmax": "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"seq_task\":\"induction-heads\"",
    "plain-pytorch": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"peer\":\"pytorch\"",
    "plain-lr1e-3-pytorch": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"learning_rate\":0.001,\"peer\":\"pytorch\"",
    "zoology-pytorch": "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"mlp\":false,\"heads\":1,\"peer\":\"pytorch\"",
    "softmax-lr1e-3": "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"short_conv\":4,\"learning_rate\":0.001",
    "softmax-lr1e-2": "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"short_conv\":4,\"learning_rate\":0.01",
]

@Suite("Backbones report: positive controls and mixer comparisons")
struct BackbonesReportTests {
    @Test("passing controls are listed first and say so; they stay out of the mixers' tables")
    func controlsPass() {
        let data = input(["control-conv": [0.99, 0.98, 0.99], "control-plain": [0.95, 0.93, 0.91], "mamba": [0.25, 0.26, 0.24],
                          "softmax": [0.99, 0.99, 0.98]], settings: settings)
        #expect(ReportSections.applying(to: data).first == PositiveControlsReportSection.self)
        let md = PositiveControlsReportSection.markdown(data)
        #expect(md.hasPrefix("## Positive controls\n\nAll 2 positive control(s) passed"))
        #expect(md.contains("| 99.0 %, 98.0 %, 99.0 % | 3200 | passed |"), "\(md)")
        #expect(!BackbonesReportSection.markdown(data).contains("control-conv"))
    }

    @Test("a control that fails in any seed is FAILED in bold, and a passing control on the same task says the task is learnable")
    func controlFails() {
        let data = input(["control-conv": [0.99, 0.98, 0.99], "control-plain": [0.95, 0.25, 0.91], "mamba": [0.25, 0.26, 0.24],
                          "softmax": [0.99, 0.99, 0.98]], settings: settings)
        let md = PositiveControlsReportSection.markdown(data)
        #expect(md.contains("**1 of 2 positive control(s) FAILED (`control-plain`).**"))
        #expect(md.contains("`control-plain` failed where `control-conv` passed on the same task (mqar T=64 K=4 d=64)"))
        #expect(md.contains("| 95.0 %, 25.0 %, 91.0 % | 3200 (2 of 3 seeds) | **FAILED** |"), "\(md)")
        let alone = input(["control-plain": [0.25, 0.25, 0.26]], settings: settings)
        #expect(PositiveControlsReportSection.markdown(alone).contains("**No control learned mqar T=64 K=4 d=64"))
    }

    @Test("each control's PyTorch peer is shown beside it, at the rate it mirrors, judged by the control's threshold")
    func peers() {
        let data = input(["control-plain": [0.25, 0.26, 0.24], "control-plain-lr1e-3": [0.26, 0.27, 0.25], "plain-pytorch": [0.95, 0.96, 0.97],
                          "plain-lr1e-3-pytorch": [0.25, 0.25, 0.26], "control-zoology": [0.99, 0.99, 0.98],
                          "zoology-pytorch": [0.99, 0.98, 0.99]], settings: settings)
        let md = PositiveControlsReportSection.markdown(data)
        #expect(md.contains("| `control-plain` | 0.003 | `plain-pytorch` | 95.0 %, 96.0 %, 97.0 % | only the PyTorch peer passes |"), "\(md)")
        #expect(md.contains("| `control-plain-lr1e-3` | 0.001 | `plain-lr1e-3-pytorch` | 25.0 %, 25.0 %, 26.0 % | both fail |"))
        #expect(md.contains("| `control-zoology` | 0.003 | `zoology-pytorch` | 99.0 %, 98.0 %, 99.0 % | both pass |"))
        #expect(!md.contains("| `control-zoology` | 0.003 | `plain-pytorch`"), "a peer with other settings mirrors no control")
        let backbones = BackbonesReportSection.markdown(data)
        #expect(backbones.contains("| PyTorch: softmax-attention + learned positions"), "peers are rows of their own: \(backbones)")
        let pairs = backbones.components(separatedBy: "### Mixer against mixer").dropFirst().first?.components(separatedBy: "\n#").first ?? ""
        #expect(!pairs.contains("PyTorch"), "but not mixers to compare: \(pairs)")
        let none = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24]], settings: settings))
        #expect(!none.contains("PyTorch peer"))
    }

    @Test("mixers in one cell are compared with Welch's t over seeds, and only p < 0.05 names a winner")
    func pairwise() {
        let clear = BackbonesReportSection.markdown(input(["mamba": [0.25, 0.26, 0.24], "softmax": [0.99, 0.99, 0.98]], settings: settings))
        #expect(clear.contains("| mqar T=64 K=4 d=64 | mamba | softmax-attention + RoPE, short conv 4 | -73.67 points |"), "\(clear)")
        #expect(clear.contains("| softmax-attention + RoPE, short conv 4 better |"))
        let noisy = BackbonesReportSection.markdown(input(["mamba": [0.2, 0.9, 0.5], "softmax": [0.6, 0.4, 0.7]], settings: settings))
        #expect(noisy.contains("| no difference detected |"), "\(noisy)")
    }

    @Test("p-values are adjusted by Holm's method within a cell, so a pair below 0.05 uncorrected among three pairs is not called")
    func holmWithinCell() {
        let md = BackbonesReportSection.markdown(input(["mamba": [0.80, 0.81, 0.82], "softmax": [0.74, 0.76, 0.78],
                                                        "mamba-long": [0.79, 0.81, 0.80]], settings: settings))
        #expect(md.contains("| cell | first | second | difference | p | Holm p | verdict |"), "\(md)")
        #expect(md.contains("(3 comparison(s) in 1 cell(s); "), "\(md)")
        #expect(md.contains("| mqar T=64 K=4 d=64 | mamba (64 × 100 steps, lr 0.003) | softmax-attention + RoPE, short conv 4 | +5.00 points | 0.0316 | 0.0947 | no difference detected |"), "\(md)")
        // The same pair alone is one comparison: Holm leaves its p as it is, and it is called.
        let alone = BackbonesReportSection.markdown(input(["mamba": [0.80, 0.81, 0.82], "softmax": [0.74, 0.76, 0.78]], settings: settings))
        #expect(alone.contains("| +5.00 points | 0.0316 | 0.0316 | mamba better |"), "\(alone)")
    }

    @Test("one mixer run at two budgets in one cell is labelled with its budget and rate wherever the two meet")
    func twoBudgets() {
        let md = BackbonesReportSection.markdown(input(["mamba": [0.25, 0.26, 0.24], "mamba-long": [0.95, 0.97, 0.96]], settings: settings))
        #expect(md.contains("| mqar T=64 K=4 d=64 | mamba (64 × 100 steps, lr 0.003) | mamba (64 × 300 steps, lr 0.001) | -71.00 points |"), "\(md)")
        #expect(md.contains("| mamba (64 × 300 steps, lr 0.001) better |"))
        let alone = BackbonesReportSection.markdown(input(["mamba": [0.25, 0.26, 0.24], "softmax": [0.99, 0.99, 0.98]], settings: settings))
        #expect(!alone.contains("steps, lr"))
    }

    @Test("one mixer with and without the MLP block in one cell is labelled by it, with budget and rate, in every table")
    func withAndWithoutMLP() {
        let md = BackbonesReportSection.markdown(input(["mamba-mlp": [0.13, 0.14, 0.12], "mamba-block": [0.91, 0.93, 0.92]], settings: settings))
        let withMLP = "mamba (with MLP; 64 × 100 steps, lr 0.003)", blockAlone = "mamba (no MLP; 64 × 300 steps, lr 0.001)"
        #expect(md.contains("| mqar T=64 K=4 d=64 | \(withMLP) | 0.003: 13.0 % | 0.003 |"), "\(md)")
        #expect(md.contains("| mqar T=64 K=4 d=64 | \(blockAlone) | 0.001: 92.0 % | 0.001 |"))
        #expect(md.contains("| \(blockAlone) better |"))
        #expect(md.contains("| 64 | 4 | 64 | \(blockAlone) | 0.001 | 92.0 ± "), "the MQAR table names the row too")
        let chart = BackbonesReportSection.charts(input(["mamba-mlp": [0.13, 0.14, 0.12], "mamba-block": [0.91, 0.93, 0.92]], settings: settings))
            .first { $0.name == "mqar-T64" }
        #expect(chart?.commands.contains("title 'mamba (with MLP, 64 × 100 steps)'") == true
                && chart?.commands.contains("title 'mamba (no MLP, 64 × 300 steps)'") == true, "one chart line each: \(chart?.commands ?? "")")
    }

    @Test("the accuracy-vs-width chart draws one configuration at two widths as one line of two points, also beside a twin with another budget")
    func widthLine() {
        var own = settings
        own["softmax-d128"] = "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"short_conv\":4,\"d_model\":128,\"learning_rate\":0.001"
        own["softmax-long"] = "\"mixer\":\"softmax-attention\",\"positions\":\"rope\",\"short_conv\":4,\"steps\":300"
        let chart = BackbonesReportSection.charts(input(["softmax": [0.90, 0.92, 0.94], "softmax-d128": [0.99, 0.99, 0.99],
                                                         "softmax-long": [0.95, 0.95, 0.96], "mamba": [0.25, 0.26, 0.24]], settings: own))
            .first { $0.name == "mqar-T64" }
        // The d_model 64 twins differ in the budget, so their table labels differ; the 100-step one and d_model 128 are one line.
        #expect(chart?.data.contains("64 92 4.96827574\n128 99 ") == true, "\(chart?.data ?? "")")
        #expect(chart?.commands.components(separatedBy: "with yerrorlines").count == 4, "three lines: softmax at two widths, softmax-long, mamba")
        #expect(chart?.commands.contains("title 'softmax-attention + RoPE, short conv 4 (64 × 100 steps)'") == true, "\(chart?.commands ?? "")")
    }

    @Test("a mixer label with no twin still says 'no MLP' when the same mixer runs in its cell with and without the MLP")
    func loneLabelNamesTheMLP() {
        var own = settings
        own["mamba-answer-block"] = "\"mixer\":\"mamba\",\"mlp\":false,\"induction_targets\":\"answer\""
        let accuracies = ["mamba-mlp": [0.13, 0.14, 0.12], "mamba-block": [0.91, 0.93, 0.92], "mamba-answer-block": [0.5, 0.6, 0.4]]
        let md = BackbonesReportSection.markdown(input(accuracies, settings: own))
        #expect(md.contains("| 64 | 4 | 64 | mamba + loss on the answer alone (no MLP) | 0.003 | 50.0 ± "), "\(md)")
        // alone in its cell, the same label stays bare
        let alone = BackbonesReportSection.markdown(input(["mamba-answer-block": [0.5, 0.6, 0.4]], settings: own))
        #expect(alone.contains("| 64 | 4 | 64 | mamba + loss on the answer alone | 0.003 | 50.0 ± "), "\(alone)")
    }

    @Test("a Zoology init and a loss on the answer alone are named in the mixer's label and in the table of what each mixer had")
    func initAndTargetsNamed() {
        let md = BackbonesReportSection.markdown(input(["mamba-mlp": [0.13, 0.14, 0.12], "mamba-mlp-zoology-init": [0.5, 0.6, 0.7],
                                                        "mamba-answer": [0.2, 0.3, 0.2]], settings: settings))
        // the answer-loss variant has no MLP where the other two have one, so every label says which
        #expect(md.contains("| mqar T=64 K=4 d=64 | mamba + Zoology init (with MLP) | 0.003: 60.0 % | 0.003 |"), "\(md)")
        #expect(md.contains("| mqar T=64 K=4 d=64 | mamba + loss on the answer alone (no MLP) | 0.003: 23.3 % | 0.003 |"))
        #expect(md.contains("| mqar T=64 K=4 d=64 | mamba (with MLP) | 0.003: 13.0 % | 0.003 |"))
        #expect(md.contains("| mamba (Zoology init) | 2 | yes |") && md.contains("| mamba (loss on the answer alone) | 2 |")
                && md.contains("| mamba | 2 | yes |"))
    }

    @Test("induction-heads mixers that both learned the task are also compared at every longer test length both were scored at")
    func inductionLengthsCompared() {
        let md = BackbonesReportSection.markdown(input(["induction-mamba": [1, 1, 1], "induction-softmax": [1, 1, 1]], settings: settings,
                                                       lengths: ["induction-mamba": [512: [0.9, 0.92, 0.94], 2048: [0.5, 0.9, 0.7]],
                                                                 "induction-softmax": [512: [0.5, 0.52, 0.54], 2048: [0.4, 0.8, 0.6]]]))
        // 512: a 40-point gap with tiny spread; 2048: 10 points against a spread of 20.
        #expect(md.contains("| induction-heads N=64 d=64, tested at 512 | mamba | softmax-attention + RoPE | +40.00 points | "), "\(md)")
        #expect(md.contains("| mamba better |"))
        #expect(md.contains("| induction-heads N=64 d=64, tested at 2048 | mamba | softmax-attention + RoPE | +10.00 points | "))
        #expect(md.components(separatedBy: "no difference detected").count == 3, "the training length and 2048")
        let unlearned = BackbonesReportSection.markdown(input(["induction-mamba": [1, 1, 1], "induction-softmax": [0.5, 0.6, 0.7]], settings: settings,
                                                              lengths: ["induction-mamba": [512: [0.9, 0.92, 0.94]], "induction-softmax": [512: [0.5, 0.52, 0.54]]]))
        #expect(!unlearned.contains("tested at"), "no extrapolation rows when a mixer did not learn the task")
    }

    @Test("controls of one mixer on one task that differ in the MLP and heads are told apart, and a failed one names every control that passed there")
    func controlsTwins() {
        let md = PositiveControlsReportSection.markdown(input(["control-conv": [0.99, 0.98, 0.99], "control-plain-mlp": [0.25, 0.26, 0.24],
                                                              "control-zoology": [0.99, 0.99, 0.98]], settings: settings))
        #expect(md.contains("`control-plain-mlp` failed where `control-conv` and `control-zoology` passed on the same task (mqar T=64 K=4 d=64)"), "\(md)")
        #expect(md.contains("| `control-plain-mlp` | mqar T=64 K=4 d=64 | softmax-attention + learned positions (with MLP, 2 heads) |"), "\(md)")
        #expect(md.contains("| `control-zoology` | mqar T=64 K=4 d=64 | softmax-attention + learned positions (no MLP, 1 head) |"))
        #expect(md.contains("| `control-conv` | mqar T=64 K=4 d=64 | softmax-attention + learned positions, short conv 4 |"))
        // Each failed control against each passed one on its task, with Welch's t: both passed means 98.67 %, the failed 25.00 %.
        #expect(md.contains("| mqar T=64 K=4 d=64 | `control-conv` | `control-plain-mlp` | +73.67 points | "), "\(md)")
        #expect(md.contains("| mqar T=64 K=4 d=64 | `control-zoology` | `control-plain-mlp` | +73.67 points | "))
        #expect(md.components(separatedBy: "| the passed control higher |").count == 3)
    }

    @Test("the mean learning curve keeps a seed that stopped early at its last value, so it does not drop when learners stop")
    func meanCurveHoldsStoppedSeeds() {
        let settings = ["mamba": "\"mixer\":\"mamba\""]
        let base = input(["mamba": [0.9, 0.6]], settings: settings)
        // Seed 0 stopped after step 2; seed 1 trained to step 4 (batch 64).
        let curves: [[(step: Int, value: Double)]] = [[(1, 0.5), (2, 0.9)], [(1, 0.1), (2, 0.2), (3, 0.4), (4, 0.6)]]
        let runs = base.runs.enumerated().map { i, run in
            ReportInput.Run(id: run.id, variant: run.variant, seed: run.seed, environmentId: 1, finishedAt: "", metrics: run.metrics,
                            units: [:], series: ["val_accuracy": curves[i]])
        }
        let data = ReportInput(suiteName: "backbones", version: 1, configHash: "h", sourcePath: "b.yaml", canonicalConfig: base.canonicalConfig,
                               databasePath: "b.sqlite", variants: base.variants, seeds: [0, 1], runs: runs, environments: [], reliability: [:])
        let setting = BackbonesReportSection.settings(data)[0]
        let curve = BackbonesReportSection.meanCurve(data, setting, series: "val_accuracy", scale: 100)
        // (0.5 + 0.1)/2, (0.9 + 0.2)/2, (0.9 + 0.4)/2, (0.9 + 0.6)/2, in percent.
        let expected: [[Double]] = [[64, 30], [128, 55], [192, 65], [256, 75]]
        #expect(curve.count == expected.count)
        for (row, want) in zip(curve, expected) {
            #expect(row[0] == want[0] && abs(row[1] - want[1]) < 1e-9, "\(row) against \(want)")
        }
    }

    @Test("a control that fails at one budget and passes at a larger one says it needs the budget, and its rows name their budgets")
    func controlNeedsBudget() {
        let md = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24], "control-plain-long": [0.95, 0.93, 0.91],
                                                              "control-conv": [0.99, 0.98, 0.99]], settings: settings))
        #expect(md.contains("**1 of 3 positive control(s) FAILED (`control-plain`).** `control-plain` failed at 64 × 100 steps (lr 0.003) where the "
                            + "same control passed at 64 × 300 steps (lr 0.003; `control-plain-long`, mqar T=64 K=4 d=64). `control-plain-long`'s seeds "
                            + "stopped after 6400, 6400, 6400 training sequences, against 6400 for `control-plain`: none needed more.\n"), "\(md)")
        #expect(md.contains("| `control-plain` | mqar T=64 K=4 d=64 | softmax-attention + learned positions (64 × 100 steps) |"), "\(md)")
        #expect(md.contains("| `control-plain-long` | mqar T=64 K=4 d=64 | softmax-attention + learned positions (64 × 300 steps) |"))
        #expect(md.contains("| mqar T=64 K=4 d=64 | `control-plain-long` | `control-plain` | +68.00 points | "), "\(md)")
    }

    @Test("a control that passes with a longer cosine schedule says how many of its seeds needed more sequences than the failed one had")
    func controlNeedsScheduleOrSequences() {
        let cosine = settings.mapValues { $0.contains("positive_control") ? $0 + ",\"lr_schedule\":\"cosine\"" : $0 }
        let md = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24], "control-plain-long": [0.95, 0.93, 0.91],
                                                              "control-conv": [0.99, 0.98, 0.99]], settings: cosine,
                                                             trained: ["control-plain-long": [5120, 8960, 6400]]))
        #expect(md.contains("`control-plain-long`'s seeds stopped after 5120, 8960, 6400 training sequences, against 6400 for `control-plain`: 1 of 3 "
                            + "needed more. The learning rate's cosine decay spans the budget, so with the same peak rate the larger budget also "
                            + "keeps the rate higher at every step after warm-up.\n"), "\(md)")
        // With twins passed at two larger budgets, the smaller one is cited (the larger one comes first in the config).
        var three = settings
        three["control-plain-900"] = "\"mixer\":\"softmax-attention\",\"positions\":\"learned\",\"positive_control\":0.9,\"steps\":900"
        let closest = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24], "control-plain-900": [0.95, 0.93, 0.91],
                                                                   "control-plain-long": [0.95, 0.93, 0.91]], settings: three))
        #expect(closest.contains("where the same control passed at 64 × 300 steps (lr 0.003; `control-plain-long`"), "\(closest)")
        // Another control passing at the same budget is named only when no twin passed at another budget.
        let other = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24], "control-conv": [0.99, 0.98, 0.99],
                                                                 "control-zoology": [0.99, 0.99, 0.99]], settings: settings))
        #expect(other.contains("`control-plain` failed where `control-conv` and `control-zoology` passed on the same task (mqar T=64 K=4 d=64) at the same budget"), "\(other)")
    }

    @Test("a control run at two rates is judged at the rate with the better validation accuracy, and both rates are listed, lowest first")
    func controlAtTwoRates() {
        let md = PositiveControlsReportSection.markdown(input(["control-plain": [0.25, 0.26, 0.24], "control-plain-lr1e-3": [0.95, 0.93, 0.91]],
                                                              settings: settings))
        #expect(md.contains("| `control-plain-lr1e-3` |"), "\(md)")
        #expect(!md.contains("| `control-plain` |"))
        #expect(md.contains("| 0.001 (validation: 0.001 93.0 %, 0.003 25.0 %) | 90 % | 95.0 %, 93.0 %, 91.0 % |"), "\(md)")
    }

    @Test("a rate chosen at an end of its sweep is marked as the highest or lowest tried, and a note counts such configurations")
    func rateAtTheEdge() {
        let edge = BackbonesReportSection.markdown(input(["softmax": [0.90, 0.91, 0.92], "softmax-lr1e-2": [0.97, 0.98, 0.99],
                                                          "mamba": [0.25, 0.26, 0.24]], settings: settings))
        #expect(edge.contains("| 0.003: 91.0 %, 0.01: 98.0 % | 0.01 (highest tried) |"), "\(edge)")
        #expect(edge.contains("\n1 of 1 swept configuration(s) chose the highest or lowest rate they tried: their best rate may lie beyond the sweep.\n"), "\(edge)")
        // A single rate is not a sweep: the Mamba row has no mark.
        #expect(edge.contains("| 0.003: 25.0 % | 0.003 |"), "\(edge)")
        let lowest = BackbonesReportSection.markdown(input(["softmax": [0.90, 0.91, 0.92], "softmax-lr1e-3": [0.97, 0.98, 0.99]], settings: settings))
        #expect(lowest.contains("| 0.001: 98.0 %, 0.003: 91.0 % | 0.001 (lowest tried) |"), "\(lowest)")
        let inside = BackbonesReportSection.markdown(input(["softmax": [0.97, 0.98, 0.99], "softmax-lr1e-3": [0.90, 0.91, 0.92],
                                                            "softmax-lr1e-2": [0.90, 0.91, 0.92]], settings: settings))
        #expect(inside.contains("| 0.001: 91.0 %, 0.003: 98.0 %, 0.01: 91.0 % | 0.003 |"), "\(inside)")
        #expect(!inside.contains("tried"), "\(inside)")
        // Equal validation figures: the variant listed first wins, and the report says so.
        let tie = BackbonesReportSection.markdown(input(["softmax": [0.97, 0.98, 0.99], "softmax-lr1e-3": [0.97, 0.98, 0.99]], settings: settings))
        #expect(tie.contains("| 0.001: 98.0 %, 0.003: 98.0 % | 0.003 (highest tried) |"), "\(tie)")
        #expect(tie.contains("a tie goes to the variant listed first in the config"))
    }

    @Test("MQAR runs at one length with different numbers of kv pairs get one accuracy chart each, named by K")
    func chartsPerPairs() {
        let names = BackbonesReportSection.charts(input(["mamba": [0.25, 0.26, 0.24], "mamba-k1": [0.99, 0.98, 0.99]], settings: settings))
            .map(\.name).filter { $0.hasPrefix("mqar-") }
        #expect(names == ["mqar-T64-K1", "mqar-T64-K4"])
        let single = BackbonesReportSection.charts(input(["mamba": [0.25, 0.26, 0.24]], settings: settings)).map(\.name)
        #expect(single.contains("mqar-T64"))
    }
}
