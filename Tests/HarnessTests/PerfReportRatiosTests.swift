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
}
