import Foundation
import Testing
@testable import Metrics
@testable import HarnessReport

/// A hand-built report input: one history, one task, 20 scored test commits.
private struct Fixture {
    /// variant → (expert settings, validation MRR, per-commit reciprocal ranks)
    var models: [(variant: String, settings: String, valMRR: Double, ranks: [Double])]

    var input: ReportInput {
        let variants = models.map { model in
            "\"\(model.variant)\":{\"model\":\"micro-experts\",\"repository\":\"../x.bundle\",\"revision\":\"main\","
                + "\"ranking_task\":\"files-from-message\",\"calibration\":\"temperature\",\"bootstrap_samples\":500,"
                + "\"train_fraction\":0.8,\"validation_fraction\":0.1,\(model.settings)}"
        }.joined(separator: ",")
        let runs = models.enumerated().map { index, model in
            ReportInput.Run(id: Int64(index + 1), variant: model.variant, seed: 0, environmentId: 1, finishedAt: "",
                            metrics: ["mrr": model.ranks.reduce(0, +) / Double(model.ranks.count), "val_mrr": model.valMRR,
                                      "queries_scored": Double(model.ranks.count)],
                            units: [:],
                            series: ["reciprocal_rank": model.ranks.enumerated().map { ($0.offset, $0.element) },
                                     "recall_at_10": model.ranks.enumerated().map { ($0.offset, $0.element) }])
        }
        return ReportInput(suiteName: "micro", version: 1, configHash: "h", sourcePath: "micro.yaml",
                           canonicalConfig: "{\"variants\":{\(variants)}}", databasePath: "micro.sqlite",
                           variants: models.map(\.variant), seeds: [0], runs: runs, environments: [], reliability: [:])
    }
}

@Suite("Micro-experts report section")
struct MicroExpertsReportTests {
    static let good = [Double](repeating: 1, count: 20)
    static let poor = (0..<20).map { $0 % 2 == 0 ? 0.5 : 0.25 }

    @Test("the ensemble and expert are chosen on validation MRR, the baseline as the strongest on test, never the other way")
    func selection() {
        let fixture = Fixture(models: [
            ("voted-a", "\"expert\":\"voted\",\"routing\":\"keyword-rules\",\"aggregation\":\"weighted\"", 0.5, Self.poor),
            ("voted-b", "\"expert\":\"voted\",\"routing\":\"all-experts\",\"aggregation\":\"voting\"", 0.4, Self.good),
            ("frequent", "\"expert\":\"most-frequent\"", 0.9, Self.poor.map { $0 / 2 }),
            ("rules", "\"expert\":\"co-change-rules\"", 0.1, Self.poor),
        ])
        let group = try! #require(MicroExpertsComparison(fixture.input).groups.first)
        #expect(group.selected(.ensemble)?.variant == "voted-a", "validation picks voted-a although voted-b is better on test")
        #expect(group.strongestBaseline?.variant == "rules", "the comparator is the baseline strongest on test")
        let md = MicroExpertsReportSection.markdown(fixture.input)
        #expect(md.contains("- The ensemble, voted (keyword-rules, weighted), against the strongest baseline, co-change-rules: "
                            + "MRR no difference detected (0.000 [0.000, 0.000]); recall@10 no difference detected (0.000 [0.000, 0.000])."))
        #expect(md == MicroExpertsReportSection.markdown(fixture.input), "the same input renders the same bytes")
    }

    @Test("a difference is stated only when its paired interval excludes 0, with the interval")
    func verdicts() {
        let fixture = Fixture(models: [
            ("file", "\"expert\":\"file\"", 0.3, Self.good),
            ("recent", "\"expert\":\"most-recent\"", 0.2, Self.poor),
        ])
        let md = MicroExpertsReportSection.markdown(fixture.input)
        // every commit: 1 − 0.5 or 1 − 0.25, so the paired mean is 0.625 and every resample lies in [0.5, 0.75]
        #expect(md.contains("- The best expert, file, against the strongest baseline, most-recent: MRR higher by 0.625 ["))
        let lower = MicroExpertsReportSection.verdict(BootstrapInterval(estimate: -0.2, lower: -0.3, upper: -0.1, level: 0.95, resamples: 100))
        #expect(lower == "lower by 0.200 [0.100, 0.300]")
        let none = MicroExpertsReportSection.verdict(BootstrapInterval(estimate: 0.05, lower: -0.01, upper: 0.1, level: 0.95, resamples: 100))
        #expect(none == "no difference detected (+0.050 [−0.010, +0.100])")
    }
}

@Suite("Perf report: git-mine bench")
struct PerfGitMineReportTests {
    @Test("the git-mine bench is one sentence with both timings and the one-minute target")
    func sentence() {
        let row = PerfReportSection.Row(variant: "git-mine", bench: "git-mine", peer: "biomoe", kernels: "fast", threads: 1, gemmLayer: "",
                                        metrics: ["mine_seconds": 1.2345, "mine_incremental_seconds": 0.1])
        #expect(PerfReportSection.gitMine([row]) == "\nMining git history (git-mine): `biomoe mine` on a synthetic 10 000-commit repository "
                + "(git fast-import) read and stored the whole first-parent history in 1.23 s (target under 60 s: met); after 100 more "
                + "commits, the incremental re-mine took 0.10 s.\n")
    }
}
