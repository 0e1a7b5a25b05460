import Foundation
import HarnessStore

/// The numerical-fault check: a suite with one variant whose loss becomes NaN (SGD at rate 10
/// through three ReLU layers) and one that trains normally. `biomoe run` must exit 3, record the
/// diverging run as failed with its reason, still run the other, and the report must list it.
struct DivergenceCheck {
    static let yaml = """
    schema: 1
    name: scratch
    version: 1
    description: scratch suite of the reliability suite's divergence check (never published)
    seeds: [0]
    task: {validation_size: 100, train_limit: 1000, test_limit: 200, epochs: 2, batch_size: 50, latency_samples: 3}
    base: {model: mlp, hidden: [32]}
    variants:
      diverges: {optimizer: sgd, learning_rate: 10, hidden: [256, 256, 256]}
      trains: {}
    """

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let suite = try ScratchSuite(name: "divergence", yaml: Self.yaml, runs: 2)
        defer { suite.remove() }
        let db = suite.database("diverging")
        let result = try BiomoeChild.run(["run", suite.config, "--db", db, "--plain"])
        let census = try ScratchSuite.census(db)
        let unrecorded = census.failed == 1 && census.failureErrors.allSatisfy { $0.hasPrefix("training diverged") } ? 0 : 1
        let stopped = census.complete == 1 ? 0 : 1
        let report = suite.directory.appendingPathComponent("report").path
        _ = try BiomoeChild.run(["report", "scratch", "--db", db, "--out", report])
        let text = (try? String(contentsOfFile: report + "/README.md", encoding: .utf8)) ?? ""
        let unlisted = text.contains("## Failed runs") && text.contains("| `diverges` | 0 |") ? 0 : 1
        if result.status != 3 || result.signalled {
            outcome.events.append(RunEvent(kind: "wrong-exit", step: 0, payload: jsonString("exit \(result.status): \(result.standardError.suffix(300))")))
        }
        progress(1, "\(census.failed) failed, \(census.complete) complete")
        outcome.metric("diverged_wrong_exits", result.status == 3 && !result.signalled ? 0 : 1)
        outcome.metric("diverged_unrecorded", Double(unrecorded))
        outcome.metric("diverged_suite_stopped", Double(stopped))
        outcome.metric("diverged_report_unlisted", Double(unlisted))
    }
}
