import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

private let fashionMNISTInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")

/// Small enough for a unit test: experts on 3 000 images for one epoch, a 1 500-sample stream.
private let tinySuite = """
schema: 1
name: tiny-routing-learning
version: 1
seeds: [0]
task: {validation_size: 1000, train_limit: 3000, test_limit: 1500, epochs: 1, batch_size: 64, latency_samples: 0}
base: {model: online-router, expert_layers: [16], learning_rate: 0.01, stream_length: 1500, window: 100}
variants:
  oracle: {policy: oracle}
  random: {policy: random}
  linucb: {policy: linucb, router_features: pooled}
"""

@Suite("Routing-learning experiment on real Fashion-MNIST", .enabled(if: fashionMNISTInstalled))
struct RoutingLearningExperimentTests {
    func metrics(_ outcome: RunOutcome) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: outcome.metrics.map { ($0.name, $0.value) })
    }

    @Test("the oracle routes 100 % correctly with zero regret; random routes ≈ 1/3; both reproducible per seed")
    func oracleAndRandom() throws {
        let spec = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let registry = Registry()
        let runs = spec.expand()
        let quiet: ProgressHandler = { _, _ in }
        let oracle = metrics(try registry.experiment(for: runs[0]).run(progress: quiet))
        #expect(oracle["routing_accuracy"] == 1)
        #expect(oracle["routing_accuracy_after_shift"] == 1)
        #expect(oracle["cumulative_regret"] == 0)
        #expect(oracle["samples_to_90_before_shift"] == 100)  // the first full window
        #expect(oracle["samples_to_90_after_shift"] == 100)
        #expect(oracle["task_accuracy"] == oracle["oracle_task_accuracy"])
        #expect((oracle["task_accuracy"] ?? 0) > 0.6)  // frozen experts on their own groups

        let randomOutcome = try registry.experiment(for: runs[1]).run(progress: quiet)
        let random = metrics(randomOutcome)
        let accuracy = try #require(random["routing_accuracy"])
        #expect(abs(accuracy - 1.0 / 3) < 0.05)  // 1 500 samples: σ ≈ 0.012
        #expect(random["samples_to_90_before_shift"]?.isNaN == true)
        #expect((random["cumulative_regret"] ?? 0) > 0)
        #expect((random["task_accuracy"] ?? 1) <= (random["oracle_task_accuracy"] ?? 0))
        #expect(randomOutcome.events.contains { $0.kind == "shift" && $0.step == 750 })
        #expect(randomOutcome.events.filter { $0.kind == "routing" }.count == 150)  // every 10th sample

        let again = metrics(try registry.experiment(for: runs[1]).run(progress: quiet))
        for name in ["routing_accuracy", "task_accuracy", "cumulative_regret"] { #expect(again[name] == random[name]) }
    }

    @Test("LinUCB on pooled features learns to route above chance before the shift")
    func linucbLearns() throws {
        let spec = try SuiteSpec.parse(yaml: tinySuite, path: "tiny.yaml")
        let outcome = metrics(try Registry().experiment(for: spec.expand()[2]).run { _, _ in })
        #expect((outcome["routing_accuracy_before_shift"] ?? 0) > 0.6)
        #expect(outcome["router_features"] == 50)  // 7×7 pooled + bias
    }
}
