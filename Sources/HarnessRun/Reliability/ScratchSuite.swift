import Foundation
import HarnessStore

/// A small real suite (tiny MLPs on Fashion-MNIST) in a temporary directory, run by the
/// reliability checks that drive `biomoe run` as child processes, and what its file holds.
struct ScratchSuite {
    let directory: URL
    let config: String
    let runs: Int

    /// 2 variants × 4 seeds; each run takes about half a second, so signals and a second
    /// process land while runs are in progress.
    static let yaml = """
    schema: 1
    name: scratch
    version: 1
    description: scratch suite of the reliability suite's process checks (never published)
    seeds: [0, 1, 2, 3]
    task: {validation_size: 500, train_limit: 10000, test_limit: 500, epochs: 4, batch_size: 50, latency_samples: 3}
    base: {model: mlp, hidden: [128]}
    variants:
      a: {}
      b: {hidden: [64]}
    """

    init(name: String, yaml: String = ScratchSuite.yaml, runs: Int = 8) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        config = directory.appendingPathComponent("scratch.yaml").path
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        self.runs = runs
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// A fresh database path in the directory.
    func database(_ name: String) -> String { directory.appendingPathComponent("\(name).sqlite").path }

    /// What a database of this suite holds.
    struct Census {
        var complete = 0
        var distinctComplete = 0
        var failed = 0
        /// Invocations that recorded at least one run.
        var workingInvocations = 0
        var integrityProblems = 0
        var failureErrors: [String] = []
    }

    static func census(_ path: String) throws -> Census {
        guard FileManager.default.fileExists(atPath: path) else { return Census() }
        let store = try ResultStore(path: path)
        var census = Census()
        census.integrityProblems = try store.integrityProblems().count
        guard let suiteId = try store.latestSuite(named: "scratch")?.id else { return census }
        let complete = try store.runs(suiteId: suiteId, status: .complete)
        census.complete = complete.count
        census.distinctComplete = Set(complete.map { "\($0.variant)/\($0.seed)" }).count
        let failed = try store.runs(suiteId: suiteId, status: .failed)
        census.failed = failed.count
        census.failureErrors = failed.compactMap(\.error)
        census.workingInvocations = Set((complete + failed).map(\.invocationId)).count
        return census
    }
}
