import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Chart builders shared by report sections: a curve over seeds, reliability diagrams, a CDF.
enum ReportCharts {
    /// Mean of a per-epoch series over seeds, with the CI half-width as error bars.
    static func curve(_ input: ReportInput, series: String, name: String, ylabel: String, scale: Double,
                      title: String, logY: Bool, xlabel: String = "epoch") -> Gnuplot.Chart? {
        var blocks = ""
        var plots: [String] = []
        for (index, variant) in input.variants.enumerated() {
            let runs = input.runs(of: variant)
            var byStep: [Int: [Double]] = [:]
            for run in runs { for point in run.series[series] ?? [] { byStep[point.step, default: []].append(point.value) } }
            guard !byStep.isEmpty else { continue }
            let rows = byStep.keys.sorted().map { step -> [Double] in
                let summary = SeedSummary(byStep[step] ?? [])
                return [Double(step), summary.mean * scale, (summary.halfWidth ?? 0) * scale]
            }
            blocks += Gnuplot.dataBlock("v\(index)", rows: rows)
            plots.append("$v\(index) using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title \(Gnuplot.title(variant))")
        }
        guard !plots.isEmpty else { return nil }
        return Gnuplot.Chart(name: name, data: blocks, commands: """
        set title \(Gnuplot.title(title))
        set xlabel \(Gnuplot.title(xlabel))
        set ylabel \(Gnuplot.title(ylabel))
        set grid
        set key bottom right
        \(logY ? "set logscale y\nset key top right" : "")
        plot \(plots.joined(separator: ", \\\n     "))
        """)
    }

    /// One panel per variant: accuracy per confidence bin against the diagonal of perfect calibration.
    static func reliability(_ input: ReportInput) -> Gnuplot.Chart? {
        let variants = input.variants.filter { !(input.reliability[$0] ?? []).isEmpty }
        guard !variants.isEmpty else { return nil }
        var data = ""
        for (index, variant) in variants.enumerated() {
            let rows = (input.reliability[variant] ?? []).filter { $0.count > 0 }.map {
                [($0.lower + $0.upper) / 2, $0.accuracy, $0.upper - $0.lower, $0.meanConfidence]
            }
            data += Gnuplot.dataBlock("r\(index)", rows: rows)
        }
        var body = "set multiplot layout 1,\(variants.count) title 'Reliability diagrams (test split, 15 bins, pooled over seeds)'\n"
        body += "set xrange [0:1]\nset yrange [0:1]\nset size ratio 1\nset grid\nset style fill solid 0.5 border -1\nset key top left opaque\n"
        body += "set xlabel 'confidence'\nset ylabel 'accuracy'\n"
        for (index, variant) in variants.enumerated() {
            body += "set title \(Gnuplot.title(variant))\n"
            body += "plot $r\(index) using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'\n"
        }
        body += "unset multiplot\n"
        return Gnuplot.Chart(name: "reliability", width: max(360 * variants.count, 480), height: 420, data: data, commands: body)
    }

    /// Empirical CDF of batch-1 latency samples in `series`, pooled over seeds, log-scaled x.
    static func cdf(_ input: ReportInput, series: String, name: String, title: String) -> Gnuplot.Chart? {
        var blocks = ""
        var plots: [String] = []
        for (index, variant) in input.variants.enumerated() {
            let samples = input.runs(of: variant).flatMap { ($0.series[series] ?? []).map(\.value) }.sorted()
            guard !samples.isEmpty else { continue }
            let rows = samples.enumerated().map { [$0.element * 1e6, Double($0.offset + 1) / Double(samples.count)] }
            blocks += Gnuplot.dataBlock("l\(index)", rows: rows)
            plots.append("$l\(index) using 1:2 with steps lw 2 title \(Gnuplot.title(variant))")
        }
        guard !plots.isEmpty else { return nil }
        return Gnuplot.Chart(name: name, data: blocks, commands: """
        set title \(Gnuplot.title(title))
        set xlabel 'latency (µs, log scale)'
        set ylabel 'fraction of calls ≤ x'
        set logscale x
        set yrange [0:1.02]
        set grid
        set key bottom right
        plot \(plots.joined(separator: ", \\\n     "))
        """)
    }
}
