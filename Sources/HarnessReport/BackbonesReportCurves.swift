import Foundation
import Metrics
import HarnessConfig
import HarnessStore

/// Learning curves of the backbones section, one pair of charts per synthetic-task cell (task,
/// length, kv pairs, width), one line per mixer at its chosen rate, against training sequences
/// seen, so "learned by N sequences" can be read off:
///
/// - validation accuracy, with the 90 % line and, for MQAR, the 1/K line a model reaches by
///   copying any value from the context;
/// - training loss, with the levels of the two shortcuts a recall model passes through on MQAR
///   (ln(V/2): "answer with some value token"; ln K: "one of the K values in this context"), and
///   chance ln(V − 2) on selective copying and induction heads (V − 2 data tokens).
extension BackbonesReportSection {
    struct Cell: Hashable, Comparable {
        let task: String, seqLen: Int, pairs: Int, dModel: Int, vocab: Int
        var name: String { "\(task)-T\(seqLen)" + (task == "mqar" ? "-K\(pairs)" : "") + "-d\(dModel)" }
        var title: String { "\(task), seq_len \(seqLen)" + (task == "mqar" ? ", \(pairs) kv pairs" : "") + ", d_model \(dModel)" }
        static func < (a: Cell, b: Cell) -> Bool { (a.task, a.seqLen, a.pairs, a.dModel) < (b.task, b.seqLen, b.pairs, b.dModel) }
    }

    static func cell(of c: Setting) -> Cell {
        Cell(task: c.task, seqLen: c.int("seq_len"), pairs: c.int("num_kv_pairs"), dModel: c.int("d_model"), vocab: c.int("vocab_size"))
    }

    /// The mixer label, plus the budget and rate when another chosen configuration of the same
    /// cell has the same mixer (one mixer run at two budgets), and "with MLP" / "no MLP" when
    /// such a twin differs in the MLP block, so table rows, chart lines and the pairs of the Welch
    /// table can be told apart. A label with no twin still says "with MLP" / "no MLP" when the same
    /// mixer runs in the cell both ways (Mamba at 4 layers beside 2-layer Mamba with and without it).
    static func label(_ c: Setting, among all: [Choice]) -> String {
        let here = cell(of: c)
        let sameMixer = all.map(\.chosen).filter { $0.variant != c.variant && $0.string("mixer") == c.string("mixer") && cell(of: $0) == here }
        let twins = sameMixer.filter { $0.mixerLabel == c.mixerLabel }
        guard !twins.isEmpty else {
            // No twin, but the same mixer with and without the MLP in this cell: say which this is.
            let mlp = c.distinctions(from: sameMixer, in: [.mlp])
            return mlp.isEmpty ? c.mixerLabel : "\(c.mixerLabel) (\(mlp.joined()))"
        }
        let budget = "\(c.budget), lr \(c.learningRate)"
        return "\(c.mixerLabel) (" + (c.distinctions(from: twins, in: [.mlp]) + [budget]).joined(separator: "; ") + ")"
    }

    /// Mean over seeds at each recorded step, x in training sequences. A seed that stopped early
    /// (at stop_accuracy) holds its last value to the end of the longest seed: its model is final,
    /// and averaging only the seeds still training would make the curve drop when the ones that
    /// learned stop. Before its first point a seed counts in no mean.
    static func meanCurve(_ input: ReportInput, _ c: Setting, series: String, scale: Double) -> [[Double]] {
        let runs = input.runs(of: c.variant).map { run in
            (run.series[series] ?? []).filter { $0.value.isFinite }.sorted { $0.step < $1.step }
        }.filter { !$0.isEmpty }
        let steps = Set(runs.flatMap { $0.map(\.step) }).sorted()
        let batch = Double(c.int("train_batch"))
        var cursors = [Int](repeating: -1, count: runs.count)
        return steps.compactMap { step in
            var total = 0.0, n = 0
            for (r, points) in runs.enumerated() {
                while cursors[r] + 1 < points.count, points[cursors[r] + 1].step <= step { cursors[r] += 1 }
                if cursors[r] >= 0 { total += points[cursors[r]].value; n += 1 }
            }
            return n == 0 ? nil : [Double(step) * batch, total / Double(n) * scale]
        }
    }

    /// Line style of the index-th curve: gnuplot's eight colours, dashed from the ninth on so no
    /// two curves of a chart look alike.
    static func lineStyle(_ index: Int) -> String { index < 8 ? "lw 2" : "lw 2 dt 4" }

    /// One learning-curve chart of a cell: the key below the plot, which grows to fit it (long
    /// labels, up to a dozen lines).
    static func curveChart(name: String, title: String, ylabel: String, yrange: String, data: String,
                           plots: [String], references: [String]) -> Gnuplot.Chart {
        Gnuplot.Chart(name: name, height: 330 + 17 * (plots.count + references.count), data: data, commands: """
        set title \(Gnuplot.title(title + " (seed mean, stopped seeds held)"))
        set xlabel 'training sequences'
        set ylabel '\(ylabel)'
        set yrange \(yrange)
        set grid
        set key outside below left Left reverse vertical maxcols 1 title ' '
        plot \((plots + references).joined(separator: ", \\\n     "))
        """)
    }

    static func curveCharts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let all = choices(input)
        let synthetic = all.filter { $0.chosen.task != "char-lm" }
        var cells: [Cell: [Choice]] = [:]
        for choice in synthetic { cells[cell(of: choice.chosen), default: []].append(choice) }
        var charts: [Gnuplot.Chart] = []
        for cell in cells.keys.sorted() {
            let here = cells[cell] ?? []
            var accuracyData = "", accuracyPlots: [String] = [], lossData = "", lossPlots: [String] = []
            for (index, choice) in here.enumerated() {
                let c = choice.chosen
                let line = "with lines \(lineStyle(index)) title \(Gnuplot.title(label(c, among: all)))"
                let accuracy = meanCurve(input, c, series: "val_accuracy", scale: 100)
                if !accuracy.isEmpty {
                    accuracyData += Gnuplot.dataBlock("a\(index)", rows: accuracy)
                    accuracyPlots.append("$a\(index) using 1:2 \(line)")
                }
                let loss = meanCurve(input, c, series: "train_loss", scale: 1)
                if !loss.isEmpty {
                    lossData += Gnuplot.dataBlock("l\(index)", rows: loss)
                    lossPlots.append("$l\(index) using 1:2 \(line)")
                }
            }
            if !accuracyPlots.isEmpty {
                var references = ["90 with lines dt 2 lc rgb 'gray40' title '90 %'"]
                if cell.task == "mqar", cell.pairs > 0 {
                    references.append("\(100.0 / Double(cell.pairs)) with lines dt 3 lc rgb 'gray60' title \(Gnuplot.title("1/K: copy any value of the context"))")
                }
                charts.append(curveChart(name: "curves-\(cell.name)", title: "\(cell.title): validation accuracy", ylabel: "validation accuracy (%)",
                                         yrange: "[0:100]", data: accuracyData, plots: accuracyPlots, references: references))
            }
            if !lossPlots.isEmpty {
                var references: [String] = []
                if cell.task == "mqar" {
                    references.append("\(Foundation.log(Double(cell.vocab) / 2)) with lines dt 2 lc rgb 'gray40' title \(Gnuplot.title("ln(V/2): value prior"))")
                    references.append("\(Foundation.log(Double(max(cell.pairs, 1)))) with lines dt 3 lc rgb 'gray60' title \(Gnuplot.title("ln K: copy ceiling"))")
                } else if cell.vocab > 2 || cell.task == "induction-heads" {
                    let dataTokens = cell.task == "induction-heads" ? 14 : cell.vocab - 2
                    references.append("\(Foundation.log(Double(dataTokens))) with lines dt 2 lc rgb 'gray40' title \(Gnuplot.title("ln \(dataTokens): chance"))")
                }
                charts.append(curveChart(name: "loss-\(cell.name)", title: "\(cell.title): training loss", ylabel: "training loss (nats)",
                                         yrange: "[0:*]", data: lossData, plots: lossPlots, references: references))
            }
        }
        return charts
    }

    static func chartHeading(_ name: String) -> String? {
        if name.hasPrefix("curves-") { return "Learning curves: " + name.dropFirst("curves-".count) }
        if name.hasPrefix("loss-") { return "Training loss: " + name.dropFirst("loss-".count) }
        if name.hasPrefix("mqar-T") { return "MQAR accuracy vs d_model: " + name.dropFirst("mqar-".count) }
        if name == "induction-heads-length" { return "Induction heads: accuracy vs test length" }
        return nil
    }
}
