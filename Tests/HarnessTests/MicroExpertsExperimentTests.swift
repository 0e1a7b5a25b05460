import Foundation
import Testing
@testable import HarnessConfig
@testable import HarnessRun
import HarnessStore
import Metrics
import MicroExperts

/// A synthetic 200-commit history, written once for these tests.
private let history: Result<(path: String, head: String), any Error> = Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-micro-experiment-\(UUID().uuidString)")
    let history = try SyntheticGitHistory(directory: directory, commits: 200, seed: 5)
    return (directory.path, try history.head())
}

private func suite(_ variants: String, base: String = "", dataset: String = "git") throws -> SuiteSpec {
    let (path, head) = try history.get()
    return try SuiteSpec.parse(yaml: """
        schema: 1
        name: micro
        version: 1
        seeds: [0]
        task: {dataset: \(dataset)}
        base: {model: micro-experts, repository: "\(path)", revision: \(head)\(base)}
        variants:
        \(variants)
        """, path: "micro.yaml")
}

/// Every run of `spec`, on a thread of its own (preparing mines git history: `onOwnThread`).
private func run(_ spec: SuiteSpec) async throws -> [String: RunOutcome] {
    try await onOwnThread {
        let registry = Registry()
        try registry.prepare(spec)
        var outcomes: [String: RunOutcome] = [:]
        for run in spec.expand() { outcomes[run.variant] = try registry.experiment(for: run).run(progress: { _, _ in }) }
        return outcomes
    }
}

private extension RunOutcome {
    func value(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
    func steps(_ series: String) -> [Int] { self.series.filter { $0.name == series }.map(\.step) }
}

@Suite("Micro-experts runs", .serialized)
struct MicroExpertsExperimentTests {
    @Test("every model is scored on the same test commits, so per-query series pair up by step")
    func seriesPairUp() async throws {
        let outcomes = try await run(try suite("""
              file: {expert: file}
              frequent: {expert: most-frequent}
              voted: {expert: voted, aggregation: voting}
            """))
        let steps = try #require(outcomes["file"]).steps("reciprocal_rank")
        #expect(!steps.isEmpty)
        for (variant, outcome) in outcomes {
            #expect(outcome.steps("reciprocal_rank") == steps, "\(variant)")
            #expect(outcome.steps("recall_at_10") == steps, "\(variant)")
            #expect(outcome.value("queries_scored") == Double(steps.count), "\(variant)")
            let rr = outcome.series.filter { $0.name == "reciprocal_rank" }.map(\.value)
            #expect(abs(Statistics.mean(rr) - (outcome.value("mrr") ?? .nan)) < 1e-12, "\(variant): the series is what MRR averages")
        }
        #expect(outcomes["voted"]?.value("disagreement_error_correlation") != nil)
        #expect(outcomes["file"]?.value("disagreement_error_correlation") == nil)
        // 200 commits: 160 train (16 of them validation), 40 test
        #expect(outcomes["file"]?.value("test_commits") == 40 && outcomes["file"]?.value("validation_commits") == 16)
    }

    @Test("a run gives the same numbers twice, and without a validation period nothing is selected or calibrated")
    func deterministicAndValidation() async throws {
        let spec = try suite("  random: {expert: random, ranking_task: cascade-from-one-file}", base: ", validation_fraction: 0.0")
        let first = try await run(spec)["random"], second = try await run(spec)["random"]
        // as text, so NaN equals NaN
        let text = { (o: RunOutcome?) in o?.metrics.filter { $0.name != "peak_rss" }.map { "\($0.name)=\($0.value)" } }
        #expect(text(first) == text(second))
        #expect(first?.series == second?.series)
        #expect(first?.value("val_mrr")?.isNaN == true)
        #expect(first?.value("ranking_ece") == first?.value("ranking_ece_calibrated"), "no validation period: the identity map")
    }

    @Test("a directory named at a branch instead of a commit hash, and a data set other than git, are refused before any run")
    func pinAndDataset() throws {
        let (path, _) = try history.get()
        let unpinned = try SuiteSpec.parse(yaml: """
            schema: 1
            name: micro
            version: 1
            seeds: [0]
            task: {dataset: git}
            base: {model: micro-experts, repository: "\(path)", revision: main}
            variants:
              file: {}
            """, path: "micro.yaml")
        #expect {
            try Registry().prepare(unpinned)
        } throws: { error in
            "\(error)".hasPrefix("micro.yaml: variants.file: revision 'main' of the directory \(path) moves with every commit; pin a full commit hash")
        }
        #expect {
            try Registry().prepare(try suite("  file: {}", dataset: "none"))
        } throws: { error in
            "\(error)" == "micro.yaml: task.dataset: 'none' cannot feed model micro-experts (variant file); expected git"
        }
    }
}
