import Foundation
import HarnessBaseline
import Metrics

/// The continual-learning part of a report (experiments/continual.yaml): average accuracy after
/// the last task per method and scenario beside van de Ven & Tolias (2019) Table 4, each method
/// against fine-tuning by Welch's t over seeds, forgetting and backward transfer, and the
/// accuracy matrices as heat maps.
enum ContinualReportSection: ReportSection {
    static let scenarios: [(key: String, title: String)] = [("task", "Task-IL"), ("domain", "Domain-IL"), ("class", "Class-IL")]
    static let methods: [(key: String, title: String)] = [("fine-tune", "fine-tune (None)"), ("ewc", "EWC"), ("si", "SI"),
                                                          ("lwf", "LwF"), ("replay", "replay (100 / class)"), ("joint", "joint (Offline)"),
                                                          ("routed-growth", "routed growth"), ("routed-growth-freeze", "routed growth + freeze"),
                                                          ("routed-growth-emc", "routed growth + EMC")]
    /// van de Ven & Tolias (2019), Table 4, Split MNIST, average accuracy (%) over 20 seeds:
    /// Task-IL, Domain-IL, Class-IL. Plain experience replay is not in that table; the Offline
    /// upper bound is given to one decimal.
    static let published: [String: [Double]] = [
        "fine-tune": [87.19, 59.21, 19.90], "ewc": [98.64, 63.95, 20.01], "si": [99.09, 65.36, 19.99],
        "lwf": [99.57, 71.50, 23.85], "joint": [99.7, 98.4, 97.9],
    ]

    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["average_accuracy"] != nil }
    }

    /// Variant name per "scenario/method", read once from the resolved settings (parsing the
    /// canonical config is not free, and every table cell needs a lookup).
    static func variantIndex(_ input: ReportInput) -> [String: String] {
        let settings = input.variantSettings
        var index: [String: String] = [:]
        // the first variant in file order wins, as a suite may list two of the same pair
        for name in input.variants {
            if let scenario = settings[name]?["cl_scenario"] as? String, let method = settings[name]?["cl_method"] as? String,
               index["\(scenario)/\(method)"] == nil {
                index["\(scenario)/\(method)"] = name
            }
        }
        return index
    }

    static func values(_ input: ReportInput, _ variant: String?, _ metric: String) -> [Double] {
        guard let variant else { return [] }
        return input.runs(of: variant).compactMap { $0.metrics[metric] }
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    static func markdown(_ input: ReportInput) -> String {
        let index = variantIndex(input)
        func variant(scenario: String, method: String) -> String? { index["\(scenario)/\(method)"] }
        let dataset = GrowthReportSection.datasetTitle(input)
        let mnist = dataset == "MNIST"
        // the methods the suite ran, in the table's order
        let methods = Self.methods.filter { m in scenarios.contains { index["\($0.key)/\(m.key)"] != nil } }
        var md = "## Continual learning: Split \(dataset)\n\n"
        if !mnist {
            md += "The protocol of van de Ven & Tolias (2019) applied to \(dataset): its ten classes dealt into five tasks of two, "
            md += "with their network, budget and the regularisation strengths their code sets for Split MNIST (not tuned for "
            md += "\(dataset)). They publish no figures for this data set, so there is no paper column; everything else below "
            md += "is as for Split MNIST, described here:\n\n"
        }
        md += "van de Ven & Tolias (2019), \"Three scenarios for continual learning\": the ten MNIST digits, in a per-seed random "
        md += "order, dealt into five tasks of two and learned one task after another. Task-IL: the task is given, a head of two "
        md += "outputs per task. Domain-IL: one shared head of two outputs (first or second digit of the pair). Class-IL: one "
        md += "output per digit, every digit seen so far active. Their network and budget: an MLP 784-400-400 (ReLU), 2 000 Adam "
        md += "steps (lr 0.001) of batch 128 per task on all 60 000 training images; tested on all 10 000 after every task. EWC's "
        md += "λ and SI's c are the values their code sets for Split MNIST per scenario; nothing was tuned here, so the test split "
        md += "is only read out. Average accuracy = mean over the five tasks' test accuracies after the last task; mean ± 95 % CI "
        md += "over seeds (Student's t); the paper's figures are means over 20 seeds. Differences from their code: the Fisher is "
        md += "divided by N rather than N − 1; joint training in Task-IL draws one batch from the union of the tasks rather than "
        md += "equal sub-batches per task; replay (not in the 2019 table) stores 100 random training images per class and mixes a "
        md += "buffer batch in with weight 1 − 1/t. References: joint training is the positive control (the upper bound: it sees "
        md += "every task's data), fine-tuning the lower bound, and a random guess over the outputs active at the end scores "
        md += "50 % in Task-IL and Domain-IL and 10 % in Class-IL.\n\n"
        if methods.contains(where: { $0.key.hasPrefix("routed-growth") }) {
            md += "Routed growth (seed 001's growth model, Growth's `RoutedGrowthLearner`): a projection of hidden[0] units, one MLP "
            md += "expert (hidden[0]-hidden[1]-hidden[0]) per task, cloned from the previous task's expert with N(0, 0.01²) noise when "
            md += "the task starts, a softmax gate and the scenario's read-out, with Adam and the same steps and batches. Training rows "
            md += "go to the gate's first choice, and the gate learns to send the current task's rows to its expert (cross-entropy, "
            md += "weight 1); at test Task-IL routes a task's images to its expert, Domain-IL and Class-IL by the gate. + freeze stops "
            md += "every past expert; + EMC adds λ Σ ‖expert(h) − expert at the task's start(h)‖² / (B·D) for the past experts on the "
            md += "current batch (the seed's λ = 1e-4 unless the suite says otherwise). The projection, gate and read-out are shared and "
            md += "keep learning, so they can still forget.\n\n"
        }

        if mnist {
            md += "| method | " + scenarios.map { "\($0.title) ours (%) | paper (%) | ours − paper" }.joined(separator: " | ") + " |\n"
            md += "|---|" + String(repeating: "---:|---:|---:|", count: scenarios.count) + "\n"
            for method in methods {
                var cells = [method.title]
                for (index, scenario) in scenarios.enumerated() {
                    let accuracies = values(input, variant(scenario: scenario.key, method: method.key), "average_accuracy")
                    let paper = published[method.key]?[index]
                    cells.append(accuracies.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(accuracies))
                    cells.append(paper.map { String(format: method.key == "joint" ? "≈ %.1f" : "%.2f", $0) } ?? "—")
                    if let paper, !accuracies.isEmpty {
                        cells.append(String(format: "%+.2f", SeedSummary(accuracies).mean * 100 - paper))
                    } else {
                        cells.append("—")
                    }
                }
                md += row(cells)
            }
            md += "\nPublished figures beside ours: van de Ven & Tolias (2019), Table 4 (Split MNIST, average accuracy %, "
            md += "Task-IL / Domain-IL / Class-IL): None 87.19 / 59.21 / 19.90; EWC 98.64 / 63.95 / 20.01; SI 99.09 / 65.36 / 19.99; "
            md += "LwF 99.57 / 71.50 / 23.85; DGR 99.50 / 95.72 / 90.79; iCaRL (Class-IL) 94.57; Offline ≈ 99.7 / 98.4 / 97.9.\n\n"
        } else {
            md += "| method | " + scenarios.map { "\($0.title) (%)" }.joined(separator: " | ") + " |\n"
            md += "|---|" + String(repeating: "---:|", count: scenarios.count) + "\n"
            for method in methods {
                md += row([method.title] + scenarios.map { scenario in
                    let accuracies = values(input, variant(scenario: scenario.key, method: method.key), "average_accuracy")
                    return accuracies.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(accuracies)
                })
            }
            md += "\n"
        }
        md += "### Each method against fine-tuning\n\n"
        md += "Average accuracy minus fine-tuning's in the same scenario (points), with Welch's t-test over seeds; Holm's "
        md += "method adjusts the p-values of each scenario for the number of methods compared there, and a difference is "
        md += "called only at an adjusted p < 0.05 (\"no difference detected\" otherwise).\n\n"
        md += "| method | " + scenarios.map(\.title).joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---|", count: scenarios.count) + "\n"
        let compared = methods.filter { $0.key != "fine-tune" }
        // One family per scenario (column): every method against fine-tuning there.
        let outcomes = scenarios.map { scenario in
            let reference = values(input, variant(scenario: scenario.key, method: "fine-tune"), "average_accuracy")
            return ComparisonFamily.compare(compared.map { method in
                (key: method.key, reference: reference, other: values(input, variant(scenario: scenario.key, method: method.key), "average_accuracy"))
            })
        }
        for method in compared {
            md += row([method.title] + outcomes.map { $0[method.key]?.cell() ?? "—" })
        }

        md += "\n### Forgetting and backward transfer\n\n"
        md += "Forgetting: mean over tasks 1–4 of the best accuracy on the task after any earlier task minus its accuracy at the "
        md += "end. Backward transfer: mean over tasks 1–4 of the accuracy at the end minus the accuracy right after the task "
        md += "was learned (negative is forgetting). Just learned: mean over the five tasks of the accuracy on each right after "
        md += "it was learned; a method that never learns the new tasks (LwF in Class-IL) shows no forgetting but a low value "
        md += "here. Mean ± 95 % CI over seeds.\n\n"
        md += "| method | " + scenarios.map { "\($0.title) just learned (%) | forgetting (%) | backward transfer (%)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---:|---:|---:|", count: scenarios.count) + "\n"
        for method in methods {
            var cells = [method.title]
            for scenario in scenarios {
                let v = variant(scenario: scenario.key, method: method.key)
                // mean over tasks j of R[j][j], per run, from the accuracy series
                let justLearned = v.map { input.runs(of: $0) }?.compactMap { run -> Double? in
                    let diagonal = (1...5).compactMap { j in run.series["accuracy_on_task_\(j)"]?.first { $0.step == j }?.value }
                    return diagonal.isEmpty ? nil : diagonal.reduce(0, +) / Double(diagonal.count)
                } ?? []
                cells.append(justLearned.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(justLearned))
                for metric in ["forgetting", "backward_transfer"] {
                    let x = values(input, v, metric)
                    cells.append(x.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(x))
                }
            }
            md += row(cells)
        }
        let routed = methods.filter { $0.key.hasPrefix("routed-growth") }
        if !routed.isEmpty {
            md += "\n### Routed growth: where the gate sends the images\n\n"
            md += "Task routing: share of each task's test images the gate's first choice sends to that task's expert, after the "
            md += "last task, averaged over the five tasks (20 % = everything to one expert; Task-IL is tested with the task's "
            md += "expert forced, so there it only describes the gate). Rows to past experts: share of the training rows of tasks "
            md += "2–5 whose first choice was an earlier task's expert, the only way a later task's loss reaches a past expert. "
            md += "When the gate sends every test image to the newest expert (task routing 20 % in Domain-IL and Class-IL), no "
            md += "past expert's parameters enter a test output, so freeze and EMC can change the result only through the few "
            md += "training rows the past experts took. \"—\" where the runs predate the metric. Mean ± 95 % CI over seeds.\n\n"
            md += "| method | " + scenarios.map { "\($0.title) task routing (%) | rows to past experts (%)" }.joined(separator: " | ") + " |\n"
            md += "|---|" + String(repeating: "---:|---:|", count: scenarios.count) + "\n"
            for method in routed {
                var cells = [method.title]
                for scenario in scenarios {
                    for metric in ["task_routing_accuracy", "past_expert_rows"] {
                        let x = values(input, variant(scenario: scenario.key, method: method.key), metric)
                        cells.append(x.isEmpty ? "—" : MetricFormat.percent.meanWithInterval(x))
                    }
                }
                md += row(cells)
            }
        }
        let seconds = input.runs.compactMap { $0.metrics["train_seconds"] }
        if !seconds.isEmpty {
            md += "\nTraining time per run: \(String(format: "%.0f", seconds.min()!))–\(String(format: "%.0f", seconds.max()!)) s "
            md += "on one core (EWC's includes its Fisher estimates).\n"
        }
        return md + "\n"
    }

    /// One heat map per scenario, a panel per method: mean accuracy on task j (x) after training
    /// task t (y), averaged over seeds.
    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let index = variantIndex(input)
        return scenarios.compactMap { scenario in
            let panels = methods.compactMap { method -> (String, [[Double]])? in
                guard let v = index["\(scenario.key)/\(method.key)"] else { return nil }
                let runs = input.runs(of: v)
                var rows: [[Double]] = []
                for t in 1...5 {
                    for j in 1...5 {
                        let x = runs.compactMap { run in run.series["accuracy_on_task_\(j)"]?.first { $0.step == t }?.value }
                        rows.append([Double(j), Double(t), x.isEmpty ? .nan : SeedSummary(x).mean * 100])
                    }
                }
                return rows.contains { !$0[2].isNaN } ? (method.title, rows) : nil
            }
            guard !panels.isEmpty else { return nil }
            var data = ""
            // three panels a row, as many rows as the methods need (nine with routed growth)
            let rows = (panels.count + 2) / 3
            var body = "set multiplot layout \(rows),3 title \(Gnuplot.title("Split \(GrowthReportSection.datasetTitle(input)), \(scenario.title): accuracy (%) on task j after training task t, mean over seeds"))\n"
            body += "set xrange [0.5:5.5]\nset yrange [5.5:0.5]\nset cbrange [0:100]\nset xtics 1\nset ytics 1\n"
            body += "set xlabel 'tested task j'\nset ylabel 'after task t'\nset palette defined (0 '#440154', 50 '#21918c', 100 '#fde725')\n"
            for (index, panel) in panels.enumerated() {
                data += Gnuplot.dataBlock("m\(index)", rows: panel.1)
                body += "set title \(Gnuplot.title(panel.0))\n"
                body += "plot $m\(index) using 1:2:3 with image notitle, $m\(index) using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle\n"
            }
            body += "unset multiplot"
            return Gnuplot.Chart(name: "continual-\(scenario.key)-matrix", width: 1080, height: 360 * rows, data: data, commands: body)
        }
    }

    static func chartHeading(_ name: String) -> String? {
        guard name.hasPrefix("continual-"), name.hasSuffix("-matrix") else { return nil }
        let key = name.dropFirst("continual-".count).dropLast("-matrix".count)
        return scenarios.first { $0.key == key }.map { "Accuracy matrices, \($0.title)" }
    }
}
