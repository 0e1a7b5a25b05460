import Foundation
import Testing
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

/// Numerical faults: a run whose training loss becomes NaN is a failed run with its reason.
@Suite("A diverging run", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")))
struct DivergedRunTests {
    /// The reliability suite's divergence suite: SGD at rate 10 through three ReLU layers
    /// overflows to NaN within the first epoch (measured: batch 8); the other variant trains.
    static let suite = DivergenceCheck.yaml

    @Test("is recorded as failed with the loss and where it diverged, the suite goes on, and the report lists it")
    func recordedAsFailed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-diverged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("diverging.sqlite").path
        let spec = try SuiteSpec.parse(yaml: Self.suite, path: "diverging.yaml")
        let registry = Registry()
        try registry.prepare(spec)
        let quiet = ProgressReporter(output: .nullDevice, forcePlain: true)
        let summary = try SuiteRunner(spec: spec, store: try ResultStore(path: db), registry: registry, progress: quiet).run()
        #expect(summary.executed == 1 && summary.failed == 1)

        let store = try ResultStore(path: db)
        let suiteId = try #require(try store.latestSuite(named: "scratch")?.id)
        let failed = try store.runs(suiteId: suiteId, status: .failed)
        #expect(failed.map(\.variant) == ["diverges"])
        let error = try #require(failed.first?.error)
        #expect(error.hasPrefix("training diverged: the loss became") && error.contains("epoch 1, batch"), "\(error)")
        #expect(try store.runs(suiteId: suiteId, status: .complete).map(\.variant) == ["trains"])

        let readme = try ReportGenerator(databasePath: db).generate(suite: "scratch", configHash: nil,
                                                                     outputDirectory: directory.appendingPathComponent("report").path)
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        #expect(text.contains("| complete runs | 1 of 2 |"))
        #expect(text.contains("## Failed runs\n\n1 run(s) failed and have no result"))
        #expect(text.contains("| `diverges` | 0 | 1 | training diverged: the loss became"))
    }
}
