import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Charts of the sequence-backbone section: MQAR accuracy vs d_model (one chart per sequence
/// length, one line per mixer) and induction-heads accuracy vs test length (log₂ x).
extension BackbonesReportSection {
    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let all = choices(input)
        var charts: [Gnuplot.Chart] = []
        let mqar = all.filter { $0.chosen.task == "mqar" }
        for length in Set(mqar.map { $0.chosen.int("seq_len") }).sorted() {
            let here = mqar.filter { $0.chosen.int("seq_len") == length }
            var data = "", plots: [String] = []
            for (index, mixer) in orderedMixers(here).enumerated() {
                let rows = here.filter { $0.chosen.mixerLabel == mixer }.sorted { $0.chosen.int("d_model") < $1.chosen.int("d_model") }
                    .compactMap { choice -> [Double]? in
                        let values = mean(input, choice.chosen.variant, "test_accuracy")
                        guard !values.isEmpty else { return nil }
                        let summary = SeedSummary(values)
                        return [Double(choice.chosen.int("d_model")), summary.mean * 100, (summary.halfWidth ?? 0) * 100]
                    }
                guard !rows.isEmpty else { continue }
                data += Gnuplot.dataBlock("m\(index)", rows: rows)
                plots.append("$m\(index) using 1:2:3 with yerrorlines lw 2 pt 7 title \(Gnuplot.title(mixer))")
            }
            guard !plots.isEmpty else { continue }
            let kv = here.first?.chosen.int("num_kv_pairs") ?? 0
            charts.append(Gnuplot.Chart(name: "mqar-T\(length)", data: data, commands: """
            set title \(Gnuplot.title("MQAR, seq_len \(length), \(kv) kv pairs: test accuracy (mean ± 95 % CI over seeds)"))
            set xlabel \(Gnuplot.title("d_model"))
            set ylabel 'accuracy (%)'
            set logscale x 2
            set yrange [0:100]
            set grid
            set key bottom right
            plot \(plots.joined(separator: ", \\\n     "))
            """))
        }
        let induction = all.filter { $0.chosen.task == "induction-heads" }
        if !induction.isEmpty {
            var data = "", plots: [String] = []
            for (index, choice) in induction.enumerated() {
                let c = choice.chosen
                var rows: [[Double]] = []
                let train = mean(input, c.variant, "test_accuracy")
                if !train.isEmpty { rows.append([Double(c.int("seq_len")), SeedSummary(train).mean * 100, (SeedSummary(train).halfWidth ?? 0) * 100]) }
                for n in inductionLengths(input, [choice]) {
                    let values = mean(input, c.variant, "accuracy_len_\(n)")
                    guard !values.isEmpty else { continue }
                    rows.append([Double(n), SeedSummary(values).mean * 100, (SeedSummary(values).halfWidth ?? 0) * 100])
                }
                rows.sort { $0[0] < $1[0] }
                guard !rows.isEmpty else { continue }
                data += Gnuplot.dataBlock("i\(index)", rows: rows)
                plots.append("$i\(index) using 1:2:3 with yerrorlines lw 2 pt 7 title \(Gnuplot.title("\(c.mixerLabel) (d=\(c.int("d_model")))"))")
            }
            if !plots.isEmpty {
                charts.append(Gnuplot.Chart(name: "induction-heads-length", data: data, commands: """
                set title 'Induction heads: accuracy vs test length (trained at seq_len; mean ± 95 % CI over seeds)'
                set xlabel 'test length N (log2 scale)'
                set ylabel 'accuracy (%)'
                set logscale x 2
                set yrange [0:100]
                set grid
                set key bottom left
                plot \(plots.joined(separator: ", \\\n     "))
                """))
            }
        }
        return charts
    }

    static func orderedMixers(_ choices: [Choice]) -> [String] {
        var seen: [String] = []
        for choice in choices where !seen.contains(choice.chosen.mixerLabel) { seen.append(choice.chosen.mixerLabel) }
        return seen
    }
}

/// The papers' own figures, printed beside ours as a labelled reference (not from our database).
enum PublishedSequenceFigures {
    static let markdown = """
    ### Published reference figures (not ours)

    These numbers are **quoted from the text of issue 5**, which cites Gu & Dao 2023 ("Mamba", arXiv:2312.00752);
    the session that wrote this section could not retrieve the paper's tables to check them, so treat them as
    unverified quotations. They are not from this suite's database.

    | source | task | model | accuracy (%) |
    |---|---|---|---:|
    | Mamba paper, Table 1 | selective copying | S4 | 18.3 |
    | Mamba paper, Table 1 | selective copying | H3 | 57.0 |
    | Mamba paper, Table 1 | selective copying | Hyena | 30.1 |
    | Mamba paper, Table 1 | selective copying | Mamba | 99.8 |
    | Mamba paper, Table 11 | induction heads, trained at 2^8 | Mamba | 100 at every test length up to 2^20 |
    | Mamba paper, Table 11 | induction heads, trained at 2^8 | MHA-Abs | 99.6 / 100 / 58.6 / 26.6 / … (from the shortest test length up; beyond the training length it drops) |

    Where ours differ, the main reasons are scale, not method: the papers train for thousands of steps at
    larger widths and (selective copying) length 4096 with 16 tokens to copy, on GPUs; this suite trains
    CPU-sized models for the step counts in the tables above, so low accuracies here mean "not learned within
    this budget", not "cannot be learned". Our attention baselines also carry no positional encoding
    (the paper's MHA-Abs/RoPE/xPos do).


    """
}
