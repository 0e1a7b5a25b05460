@testable import HarnessReport
import Testing

@Suite("Perf report: ratios against issue 11's targets")
struct PerfReportRatiosTests {
    static func mamba(threads: Int, train: Double, dModel: Int = 128, seqLen: Int = 256, batch: Int = 16) -> PerfReportSection.Row {
        PerfReportSection.Row(variant: "mamba-fast-\(threads)t", bench: "mamba-block", peer: "biomoe", kernels: "fast", threads: threads,
                              gemmLayer: "", dModel: dModel, seqLen: seqLen, batch: batch, metrics: ["tokens_per_s_train": train])
    }

    @Test("Mamba training is held to ten times the issue's figure for biomoe before it, per thread count, naming the figure")
    func againstIssueFigure() throws {
        let ratios = PerfReportSection.ratios([Self.mamba(threads: 1, train: 54_400), Self.mamba(threads: 2, train: 61_200)])
            .filter { $0.name.contains("issue 11's figure") }
        #expect(ratios.map(\.name) == [
            "mamba-block forward + backward, biomoe / issue 11's figure for biomoe before it (6400 tokens/s, another machine), 1 thread(s)",
            "mamba-block forward + backward, biomoe / issue 11's figure for biomoe before it (6000 tokens/s, another machine), 2 thread(s)",
        ])
        #expect(ratios.map(\.value) == [8.5, 10.2] && ratios.allSatisfy { $0.target == 10 })
    }

    @Test("another block shape is not compared with the issue's figure, which was measured at d_model 128, batch 16, T 256")
    func otherShape() {
        for row in [Self.mamba(threads: 1, train: 1e6, dModel: 64), Self.mamba(threads: 1, train: 1e6, seqLen: 128),
                    Self.mamba(threads: 1, train: 1e6, batch: 8)] {
            #expect(!PerfReportSection.ratios([row]).contains { $0.name.contains("issue 11's figure") })
        }
    }

    static func before(threads: Int, train: Double, forward: Double) -> PerfReportSection.Row {
        PerfReportSection.Row(variant: "mamba-before-\(threads)t", bench: "mamba-block", peer: "biomoe-before", kernels: "fast",
                              threads: threads, gemmLayer: "", dModel: 128, seqLen: 256, batch: 16, dState: 16, expand: 2,
                              metrics: ["tokens_per_s_train": train, "tokens_per_s_forward": forward])
    }

    @Test("timed in the same run, biomoe before the issue carries the ten-times target, and the other machine's figure becomes context")
    func againstBeforeInTheSameRun() throws {
        let rows = [Self.mamba(threads: 1, train: 54_400), Self.before(threads: 1, train: 13_600, forward: 40_000),
                    Self.mamba(threads: 2, train: 61_200)]
        let ratios = PerfReportSection.ratios(rows)
        let same = ratios.filter { $0.name.contains("biomoe before issue 11 (same run)") }
        #expect(same.map(\.name) == ["mamba-block forward + backward, biomoe / biomoe before issue 11 (same run), 1 thread(s)"])
        #expect(same.map(\.value) == [4] && same.map(\.target) == [10])
        let issue = ratios.filter { $0.name.contains("issue 11's figure") }
        #expect(issue.map(\.target) == [nil, 10], "one thread has the same-run peer, two threads do not")
        // No fast row, no ratio: the peer alone compares nothing.
        #expect(!PerfReportSection.ratios([Self.before(threads: 1, train: 1, forward: 1)]).contains { $0.name.contains("before issue 11") })
    }

    @Test("the Mamba block's ceiling divides the sgemm peak by its projections' FLOPs, hand-computed at the perf shape")
    func mambaCeiling() throws {
        let sgemm = PerfReportSection.Row(variant: "sgemm-1t", bench: "sgemm", peer: "biomoe", kernels: "fast", threads: 1,
                                          gemmLayer: "", metrics: ["sgemm_peak_gflops": 100])
        var fast = Self.mamba(threads: 1, train: 60_000)
        fast.dState = 16
        fast.expand = 2
        let md = PerfReportSection.mambaCeiling([sgemm, fast, Self.before(threads: 1, train: 12_000, forward: 40_000)])
        // C 128, D 256, N 16, R 8: 6·(2·128·256 + 256·40 + 8·256 + 256·128) = 6·110 592 = 663 552 FLOP per token;
        // 100 GFLOPS / 663 552 = 150 704 tokens/s, 12.56× the 12 000 before; measured 60 000 / 12 000 = 5.00×.
        #expect(md.contains("= 663552 FLOP per token"), "\(md)")
        #expect(md.contains("| 1 | 100.0 | 150704 | 12000 | 12.56× | 5.00× |"), "\(md)")
        #expect(PerfReportSection.mambaCeiling([sgemm, fast]).isEmpty, "no ceiling row without the peer it is measured against")
    }

    @Test("the report says which BLAS kernel biomoe before the issue ran on, from its runs' peer-build events")
    func namesThePeersKernel() {
        let settings = #"{"mamba-before-1t":{"model":"perf","bench":"mamba-block","peer":"biomoe-before","threads":1},"#
            + #""mamba-before-2t":{"model":"perf","bench":"mamba-block","peer":"biomoe-before","threads":2}}"#
        let runs = (1...2).map { i in
            ReportInput.Run(id: Int64(i), variant: "mamba-before-\(i)t", seed: 0, environmentId: 1, finishedAt: "",
                            metrics: ["tokens_per_s_train": 13_500, "tokens_per_s_forward": 44_000], units: [:], series: [:])
        }
        var input = ReportInput(suiteName: "perf", version: 2, configHash: "h", sourcePath: "perf.yaml",
                                canonicalConfig: #"{"task":{"dataset":"none"},"variants":\#(settings)}"#, databasePath: "perf.sqlite",
                                variants: ["mamba-before-1t", "mamba-before-2t"], seeds: [0], runs: runs, environments: [], reliability: [:])
        #expect(PerfReportSection.markdown(input).contains("(as biomoe did then), and before timing"), "no event, no kernel named")
        input.peerBuilds = [1: #"{"blas_core":"Prescott","commit":"0f9f8ca"}"#, 2: #"{"blas_core":"Prescott","commit":"0f9f8ca"}"#]
        let md = PerfReportSection.markdown(input)
        #expect(md.contains("(as biomoe did then; here Prescott), and before timing"), "\(md)")
    }

    /// A row measured once per seed (a suite with `run_order: by-seed`), its means as the report computes them.
    static func seeded(_ variant: String, bench: String = "mamba-block", peer: String, threads: Int = 1, metric: String,
                       _ values: [Double]) -> PerfReportSection.Row {
        let perSeed = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset, [metric: $0.element]) })
        return PerfReportSection.Row(variant: variant, bench: bench, peer: peer, kernels: "fast", threads: threads, gemmLayer: "",
                                     dModel: 128, seqLen: 256, batch: 16, metrics: [metric: values.reduce(0, +) / Double(values.count)],
                                     perSeed: perSeed)
    }

    @Test("with several seeds a ratio pairs the figures by seed: the median ratio, its range, and how many seeds meet the target")
    func perSeedRatios() throws {
        let ours = Self.seeded("mamba-fast-1t", peer: "biomoe", metric: "tokens_per_s_train", [60_000, 50_000, 66_000])
        let torch = Self.seeded("mamba-pytorch-1t", peer: "pytorch", metric: "tokens_per_s_train", [10_000, 12_500, 12_000])
        let ratio = try #require(PerfReportSection.ratios([ours, torch]).first { $0.name.contains("biomoe / PyTorch, 1 thread") })
        // Per seed: 6.0, 4.0, 5.5; median 5.5, range 4.00–6.00; 2 of 3 meet 5×. The ratio of the means would be 5.32.
        #expect(ratio.perSeed == [6.0, 4.0, 5.5])
        #expect(ratio.value == 5.5 && ratio.measured == "5.50× (4.00–6.00×)" && ratio.met == "2 of 3")
        let one = try #require(PerfReportSection.ratios([Self.mamba(threads: 1, train: 54_400)]).first)
        #expect(one.measured == "8.50×" && one.met == "no", "one seed prints as before")
        // Against a constant (the issue's own figure): per seed too.
        let issue = try #require(PerfReportSection.ratios([ours]).first { $0.name.contains("issue 11's figure") })
        #expect(issue.perSeed == [60_000 / 6400, 50_000 / 6400, 66_000 / 6400] && issue.met == "1 of 3")
    }

    @Test("with several seeds the batch-1 p99 sentence gives the median, each seed's figure, and how many meet 50 µs")
    func latencyPerSeed() {
        let row = Self.seeded("moe-1t", bench: "moe-train", peer: "biomoe", metric: "latency_p99", [36e-6, 60e-6, 45e-6])
        #expect(PerfReportSection.latencySentence(row)
                == "\nMoE batch-1 forward latency p99, 1 thread(s): median 45 µs over 3 seeds (36, 60, 45 µs; issue 11 target ≤ 50 µs: met in 2 of 3).\n")
        let once = Self.seeded("moe-1t", bench: "moe-train", peer: "biomoe", metric: "latency_p99", [60e-6])
        #expect(PerfReportSection.latencySentence(once) == "\nMoE batch-1 forward latency p99, 1 thread(s): 60 µs (issue 11 target ≤ 50 µs: not met).\n")
    }
}
