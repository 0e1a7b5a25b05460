import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Baseline comparison: each mark, and the gate's decision")
struct BaselineComparisonTests {
    typealias F = BaselineFixtures

    @Test("a 10 % accuracy drop with tight seeds is a regression, and gate exits 2")
    func tightDropIsRegression() throws {
        let before = F.file(["test_accuracy": [0.80, 0.81, 0.82]])
        let after = F.file(["test_accuracy": [0.72, 0.73, 0.74]])
        let comparison = F.compare(before, after)
        let row = try #require(F.row(comparison, "test_accuracy"))
        #expect(row.mark == .regression)
        #expect(abs((row.pValue ?? 1) - 0.0006081849444633287) < 1e-9)  // scipy, see BaselineStatisticsTests
        #expect(abs((row.changePercent ?? 0) - (-9.876543209876543)) < 1e-9)
        #expect(comparison.verdict.outcome == .regression)
        #expect(comparison.verdict.outcome.rawValue == 2)
        let line = ComparisonTable.gateLine(row)
        #expect(line.hasPrefix("regression: test_accuracy of mlp: baseline 81.00 ± 2.48 % (n = 3), current 73.00 ± 2.48 % (n = 3), change -9.88 %, tolerance ±2 %"))
    }

    @Test("the same drop with seeds spread wider than the drop is within noise")
    func wideDropIsNoise() throws {
        let before = F.file(["test_accuracy": [0.70, 0.81, 0.92]])
        let after = F.file(["test_accuracy": [0.62, 0.73, 0.84]])
        let row = try #require(F.row(F.compare(before, after), "test_accuracy"))
        #expect(row.mark == .withinNoise)
        #expect((row.pValue ?? 0) > 0.3)
        #expect(F.compare(before, after).verdict.outcome == .pass)
    }

    @Test("a significant change smaller than the tolerance is within noise")
    func significantButTolerated() throws {
        let before = F.file(["test_accuracy": [0.800, 0.801, 0.802]])
        let after = F.file(["test_accuracy": [0.790, 0.791, 0.792]])  // −1.25 %, p ≪ 0.05
        let row = try #require(F.row(F.compare(before, after), "test_accuracy"))
        #expect(row.mark == .withinNoise)
        #expect((row.pValue ?? 1) < 0.001)
        let strict = GatePolicy(relative: 0.01)
        #expect(F.row(F.compare(before, after, policy: strict), "test_accuracy")?.mark == .regression)
    }

    @Test("a changed config hash makes every gated metric not comparable, and gate exits 5 naming the changed key")
    func changedHash() throws {
        let before = F.file(["test_accuracy": [0.80, 0.81, 0.82]])
        let after = F.file(["test_accuracy": [0.80, 0.81, 0.82]], hash: "bbbb",
                           canonicalConfig: F.canonical.replacingOccurrences(of: #""epochs":3"#, with: #""epochs":1"#))
        let comparison = F.compare(before, after)
        #expect(F.row(comparison, "test_accuracy")?.mark == .notComparable)
        let verdict = comparison.verdict
        #expect(verdict.outcome == .notComparable)
        #expect(verdict.outcome.rawValue == 5)
        #expect(verdict.reason == "config changed since the baseline (hash aaaa → bbbb: task.epochs: 3 → 1); update the baseline on purpose")
    }

    @Test("another config version is not comparable")
    func changedVersion() {
        let verdict = F.compare(F.file(["test_accuracy": [0.8, 0.8]]), F.file(["test_accuracy": [0.8, 0.8]], version: 2)).verdict
        #expect(verdict.outcome == .notComparable)
        #expect(verdict.reason == "config version changed (baseline 1, current 2); update the baseline on purpose")
    }

    @Test("an improvement alone exits 4; lower-is-better metrics improve downwards")
    func improvement() throws {
        let before = F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.50, 0.51, 0.52]])
        let after = F.file(["test_accuracy": [0.88, 0.89, 0.90], "test_nll": [0.40, 0.41, 0.42]])
        let comparison = F.compare(before, after)
        #expect(F.row(comparison, "test_accuracy")?.mark == .improvement)
        #expect(F.row(comparison, "test_nll")?.mark == .improvement)
        #expect(comparison.verdict.outcome == .onlyImprovements)
        #expect(comparison.verdict.outcome.rawValue == 4)
        let worse = F.compare(before, F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.60, 0.61, 0.62]]))
        #expect(F.row(worse, "test_nll")?.mark == .regression)
    }

    @Test("bit-identical deterministic seeds: unchanged is within noise; any change beyond tolerance is called")
    func deterministicValues() throws {
        let same = F.compare(F.file(["test_accuracy": [0.8125, 0.8125]]), F.file(["test_accuracy": [0.8125, 0.8125]]))
        #expect(F.row(same, "test_accuracy")?.mark == .withinNoise)
        #expect(F.row(same, "test_accuracy")?.note == "identical per seed")
        let dropped = F.compare(F.file(["test_accuracy": [0.80, 0.80]]), F.file(["test_accuracy": [0.70, 0.70]]))
        let row = try #require(F.row(dropped, "test_accuracy"))
        #expect(row.mark == .regression)
        #expect(row.pValue == 0)
        let tiny = F.compare(F.file(["test_accuracy": [0.80, 0.80]]), F.file(["test_accuracy": [0.799, 0.799]]))
        #expect(F.row(tiny, "test_accuracy")?.mark == .withinNoise)
    }

    @Test("a missing metric, different seeds or a metric that became NaN are called as such")
    func missingAndNaN() throws {
        let before = F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.5, 0.5, 0.5]])
        let missing = F.compare(before, F.file(["test_accuracy": [0.80, 0.81, 0.82]]))
        #expect(F.row(missing, "test_nll")?.mark == .notComparable)
        #expect(F.row(missing, "test_nll")?.note == "missing from the current results")
        #expect(missing.verdict.outcome == .notComparable)
        #expect(missing.verdict.reason == "test_nll of mlp cannot be compared: missing from the current results")

        let fewer = F.compare(before, F.file(["test_accuracy": [0.80, 0.81], "test_nll": [0.5, 0.5]]))
        #expect(F.row(fewer, "test_accuracy")?.note == "n differs: baseline n = 3 (seeds 0,1,2), current n = 2 (seeds 0,1)")

        let diverged = F.compare(before, F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.5, .nan, 0.5]]))
        #expect(F.row(diverged, "test_nll")?.mark == .regression)
        #expect(F.row(diverged, "test_nll")?.note == "became NaN")
        #expect(diverged.verdict.outcome == .regression)
    }

    @Test("timing is never gated in seconds, only as a per-seed ratio to a metric of the same run")
    func timingRatios() throws {
        let before = F.file(["latency_p99": [2e-5, 2.1e-5, 2.2e-5], "latency_p50": [1e-5, 1.05e-5, 1.1e-5]])
        // The machine is twice as slow: seconds double, the ratio does not move.
        let slower = F.file(["latency_p99": [4e-5, 4.2e-5, 4.4e-5], "latency_p50": [2e-5, 2.1e-5, 2.2e-5]])
        let plain = F.compare(before, slower)
        #expect(F.row(plain, "latency_p99")?.mark == .notGated)
        #expect(plain.verdict.outcome == .pass)

        let policy = GatePolicy(metrics: ["latency_p99": MetricTolerance(relative: 0.25, ratioTo: "latency_p50")])
        let ratio = try #require(F.row(F.compare(before, slower, policy: policy), "latency_p99/latency_p50"))
        #expect(ratio.mark == .withinNoise)
        #expect(abs((ratio.current?.mean ?? 0) - 2) < 1e-12)
        // The tail alone triples: the ratio regresses.
        let tail = F.file(["latency_p99": [6e-5, 6.3e-5, 6.6e-5], "latency_p50": [1e-5, 1.05e-5, 1.1e-5]])
        let comparison = F.compare(before, tail, policy: policy)
        #expect(F.row(comparison, "latency_p99/latency_p50")?.mark == .regression)
        #expect(F.row(comparison, "latency_p99")?.mark == .notGated)
        #expect(comparison.verdict.outcome == .regression)
    }

    @Test("timings gate as per-seed ratios to other variants' (ratio_to_variant): a slower machine passes, a slower kernel fails")
    func variantRatios() throws {
        /// Variants "fast" and "reference" with tokens/s per seed, and an accuracy on "fast".
        func file(fast: [Double], reference: [Double]) -> BaselineFile {
            var file = F.file(["tokens_per_s_train": fast, "test_accuracy": [0.9, 0.9]], variant: "fast")
            file.variants["reference"] = F.file(["tokens_per_s_train": reference], variant: "reference").variants["reference"]
            return file
        }
        let policy = GatePolicy(relative: 0.25, variantRatios: ["fast": ["reference"]])
        let before = file(fast: [30_000, 31_000], reference: [10_000, 10_000])
        // The whole machine is half as fast: throughputs halve, the ratio does not move.
        let slowerMachine = F.compare(before, file(fast: [15_000, 15_500], reference: [5_000, 5_000]), policy: policy)
        let ratio = try #require(slowerMachine.rows.first { $0.variant == "fast" && $0.metric == "tokens_per_s_train ÷ reference" })
        #expect(ratio.unit == "ratio" && ratio.mark == .withinNoise && ratio.rule.gated)
        #expect(abs((ratio.current?.mean ?? 0) - 3.05) < 1e-12)
        #expect(slowerMachine.rows.first { $0.variant == "fast" && $0.metric == "tokens_per_s_train" }?.mark == .notGated)
        #expect(slowerMachine.rows.first { $0.variant == "reference" && $0.metric == "tokens_per_s_train" }?.mark == .notGated)
        #expect(slowerMachine.verdict.outcome == .pass)
        // The fast kernel alone loses half its speed: the ratio regresses beyond 25 %.
        let slowerKernel = F.compare(before, file(fast: [15_000, 15_500], reference: [10_000, 10_000]), policy: policy)
        #expect(slowerKernel.rows.first { $0.metric == "tokens_per_s_train ÷ reference" }?.mark == .regression)
        #expect(slowerKernel.verdict.outcome == .regression)
        // Non-timing metrics are untouched by ratio_to_variant.
        #expect(slowerKernel.rows.filter { $0.metric.hasPrefix("test_accuracy") }.map(\.metric) == ["test_accuracy"])
        // Without the policy the timings are only shown.
        #expect(F.compare(before, file(fast: [15_000, 15_500], reference: [10_000, 10_000])).verdict.outcome == .pass)
    }

    @Test("a policy stored before ratio_to_variant existed decodes, and an unset one leaves the stored JSON as it was")
    func variantRatiosStorage() throws {
        let old = #"{"absolute":0,"metrics":{},"relative":0.02}"#
        #expect(try GatePolicy(json: old) == GatePolicy())
        #expect(GatePolicy().json == old)
        let set = GatePolicy(variantRatios: ["a": ["b", "c"]])
        #expect(try GatePolicy(json: set.json) == set)
    }

    @Test("a comparison names the environment fields that differ (kernel, threads, CPU), never the code commit")
    func environmentDifferences() {
        let before = F.file(["test_accuracy": [0.8, 0.8]])
        var after = before
        var moved = F.environment
        moved.blasLibrary = F.environment.blasLibrary.replacingOccurrences(of: "Zen", with: "Haswell") + " (Haswell)"
        moved.blasThreads = 1
        moved.codeCommit = "another"
        after.environments = [moved]
        let comparison = F.compare(before, after)
        #expect(comparison.environmentDifferences.map { String($0.prefix { $0 != ":" }) } == ["blasLibrary", "blasThreads"])
        #expect(comparison.environmentDifferences[1] == "blasThreads: 2 → 1")
        #expect(ComparisonTable.render(comparison, format: .text, all: true).contains("ENVIRONMENT DIFFERS"))
        #expect(F.compare(before, before).environmentDifferences.isEmpty)
    }

    /// A baseline recorded before environments had vector extensions does not differ from a run
    /// that records them; two that recorded different ones do.
    @Test("vector extensions differ only between environments that recorded them")
    func vectorExtensionsDifferences() {
        let before = F.file(["test_accuracy": [0.8, 0.8]])
        var after = before, avx2 = before
        var recorded = F.environment
        recorded.cpuVectorExtensions = "avx2 avx512f"
        after.environments = [recorded]
        #expect(F.compare(before, after).environmentDifferences.isEmpty)
        recorded.cpuVectorExtensions = "avx2"
        avx2.environments = [recorded]
        #expect(F.compare(after, avx2).environmentDifferences == ["cpuVectorExtensions: avx2 avx512f → avx2"])
    }

    @Test("informational and unknown metrics are shown, never gated; gated: false opts a metric out")
    func notGated() {
        let before = F.file(["parameters": [100, 100], "custom_score": [1, 1], "test_mce": [0.1, 0.1]])
        let after = F.file(["parameters": [200, 200], "custom_score": [5, 5], "test_mce": [0.5, 0.5]])
        let policy = GatePolicy(metrics: ["test_mce": MetricTolerance(gated: false)])
        let comparison = F.compare(before, after, policy: policy)
        #expect(comparison.rows.allSatisfy { $0.mark == .notGated })
        #expect(comparison.verdict.outcome == .pass)
        #expect(comparison.changedRows.isEmpty)
    }

    @Test("a regression outranks a metric that cannot be compared, and both are listed")
    func precedence() {
        let before = F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.5, 0.5, 0.5]])
        let after = F.file(["test_accuracy": [0.60, 0.61, 0.62]])
        let verdict = F.compare(before, after).verdict
        #expect(verdict.outcome == .regression)
        #expect(verdict.regressions.map(\.metric) == ["test_accuracy"])
        #expect(verdict.notComparable.map(\.metric) == ["test_nll"])
    }

    @Test("comparisons list metrics in catalog order, a family's members by index, then unknown names alphabetically")
    func metricOrder() {
        let names: Set<String> = ["zeta", "utilization_e10", "load_cv", "utilization_e2", "test_nll", "alpha", "test_accuracy"]
        #expect(BaselineComparison.orderedMetrics(names)
                == ["test_accuracy", "test_nll", "utilization_e2", "utilization_e10", "load_cv", "alpha", "zeta"])
    }
}
