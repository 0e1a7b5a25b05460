import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Charts of the sequence-backbone section: MQAR accuracy vs d_model (one chart per sequence
/// length and number of kv pairs, one line per mixer) and induction-heads accuracy vs test length (log₂ x).
extension BackbonesReportSection {
    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let all = choices(input)
        var charts: [Gnuplot.Chart] = []
        let mqar = all.filter { $0.chosen.task == "mqar" }
        // One chart per (length, kv pairs): named by the length alone when it has one K, as before.
        let cells = Set(mqar.map { MQARChartCell(length: $0.chosen.int("seq_len"), pairs: $0.chosen.int("num_kv_pairs")) }).sorted()
        for cell in cells {
            let (length, kv) = (cell.length, cell.pairs)
            let here = mqar.filter { $0.chosen.int("seq_len") == length && $0.chosen.int("num_kv_pairs") == kv }
            let name = cells.filter { $0.length == length }.count > 1 ? "mqar-T\(length)-K\(kv)" : "mqar-T\(length)"
            var data = "", plots: [String] = []
            for (index, line) in widthLines(here).enumerated() {
                let rows = line.members.sorted { $0.chosen.int("d_model") < $1.chosen.int("d_model") }
                    .compactMap { choice -> [Double]? in
                        let values = mean(input, choice.chosen.variant, "test_accuracy")
                        guard !values.isEmpty else { return nil }
                        let summary = SeedSummary(values)
                        return [Double(choice.chosen.int("d_model")), summary.mean * 100, (summary.halfWidth ?? 0) * 100]
                    }
                guard !rows.isEmpty else { continue }
                data += Gnuplot.dataBlock("m\(index)", rows: rows)
                plots.append("$m\(index) using 1:2:3 with yerrorlines lw 2 pt 7 title \(Gnuplot.title(line.title))")
            }
            guard !plots.isEmpty else { continue }
            charts.append(Gnuplot.Chart(name: name, data: data, commands: """
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
                plots.append("$i\(index) using 1:2:3 with yerrorlines lw 2 pt 7 title \(Gnuplot.title("\(label(c, among: all)) (d=\(c.int("d_model")))"))")
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
        return charts + curveCharts(input)
    }

    /// One MQAR accuracy chart: a sequence length and a number of kv pairs (d_model is its x axis).
    struct MQARChartCell: Hashable, Comparable {
        let length: Int, pairs: Int
        static func < (a: Self, b: Self) -> Bool { (a.length, a.pairs) < (b.length, b.pairs) }
    }

    /// The lines of an MQAR accuracy-vs-width chart: configurations that differ only in d_model
    /// (and in the rate, chosen on validation at each width) form one line, in config order. A
    /// line's title is its mixer label, plus the MLP block, heads and budget where another line of
    /// the same mixer differs in them; the first variant's name when even that leaves two alike.
    static func widthLines(_ choices: [Choice]) -> [(title: String, members: [Choice])] {
        var keys: [String] = [], members: [String: [Choice]] = [:]
        for choice in choices {
            let key = choice.chosen.key(without: ["learning_rate", "d_model"])
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(choice)
        }
        let first = keys.map { members[$0]![0].chosen }
        let titles = first.map { c -> String in
            let twins = first.filter { $0.variant != c.variant && $0.mixerLabel == c.mixerLabel }
            let parts = c.distinctions(from: twins, in: [.mlp, .heads, .budget])
            return parts.isEmpty ? c.mixerLabel : c.mixerLabel + " (" + parts.joined(separator: ", ") + ")"
        }
        return keys.indices.map { i in
            let alike = titles.filter { $0 == titles[i] }.count > 1
            return (title: alike ? titles[i] + " [\(first[i].variant)]" : titles[i], members: members[keys[i]]!)
        }
    }
}

/// The papers' own figures, printed beside ours as a labelled reference (not from our database).
/// Read from the papers' text (Mamba, arXiv:2312.00752v2: Table 1, Table 11, Appendix E.1) and
/// Zoology's official repository (HazyResearch/zoology at d88d6f5), in December 2026.
enum PublishedSequenceFigures {
    static let markdown = """
    ### Published reference figures (not ours)

    Quoted from the papers, not from this suite's database.

    **Mamba (Gu & Dao 2023, arXiv:2312.00752), Table 1, selective copying** (length 4096, vocabulary 16 including
    the noise token, 16 tokens to memorise, 2 layers, D = 64, 400K steps of batch 64 at a constant 1e-4;
    Appendix E.1). Accuracy (%):

    | architecture | S4 | Hyena | S6 |
    |---|---:|---:|---:|
    | no gate | 18.3 | — | 97.0 |
    | H3 | 57.0 | 30.1 | 99.7 |
    | Mamba | 56.4 | 28.4 | 99.8 |

    **Mamba paper, Table 11, induction heads** (trained at 2^8 = 256, vocabulary 16, 2 layers; attention 8 heads at
    D = 128, Mamba D = 64; fresh batches of 8 each step, 81 920–409 600 steps; Adam at 2e-4, Mamba 1e-3).
    Test accuracy (%), ✓ = 100, ✗ = out of memory:

    | model | params | 2^6 | 2^7 | 2^8 | 2^9 | 2^10 | 2^11 | 2^12 | 2^13 | 2^14 | 2^15–2^20 |
    |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
    | MHA-Abs | 137K | ✓ | 99.6 | 100.0 | 58.6 | 26.6 | 18.8 | 9.8 | 10.9 | 7.8 | ✗ |
    | MHA-RoPE | 137K | ✓ | ✓ | 100.0 | 83.6 | 31.3 | 18.4 | 8.6 | 9.0 | 5.5 | ✗ |
    | MHA-xPos | 137K | ✓ | ✓ | 100.0 | 99.6 | 67.6 | 25.4 | 7.0 | 9.0 | 7.8 | ✗ |
    | H3 | 153K | ✓ | ✓ | 100.0 | 80.9 | 39.5 | 23.8 | 14.8 | 8.2 | 5.9 | 4.7–8.2 |
    | Hyena | 69M | 97.7 | ✓ | 100.0 | ✓ | 44.1 | 12.5 | 6.6 | 5.1 | 7.0 | 5.9–9.8 |
    | Mamba | 74K | ✓ | ✓ | 100.0 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |

    **Zoology (Arora, Eyuboglu et al. 2023, arXiv:2312.04927), Figure 2, MQAR accuracy vs model dimension**, as set up
    in the authors' repository (paper_configs/iclr24_zoology_figure2): (sequence length, kv pairs) = (64, 4), (128, 8),
    (256, 16), (512, 64); vocabulary 8192; 100 000 fixed training sequences for up to 64 epochs at batch 512
    (256 at length 256); AdamW, weight decay 0.1, cosine schedule, stop at 99 % validation accuracy; the best of four
    rates 1e-4…1e-2 per point; attention with 1 head and learned absolute positions, no MLP. The trend (the repository's
    figure has no numeric table, and its image shows attention, Hyena, RWKV, H3 and BaseConv, not Mamba): attention is
    near 100 % at every width and length, while the gated convolutions need more width as the sequence grows. Which
    layer count produced the published figure (2 for all mixers, or 4 for non-attention ones) changed twice in the
    repository's history and is not settled here.

    Where ours differ, read the budget first: these runs train CPU-sized models on 2 cores for the sequence counts in the
    tables above, orders of magnitude fewer than the papers', so a low accuracy here means "not learned within this
    budget", not "cannot be learned". What each of our mixers had is in the table at the top of this section.


    """
}
