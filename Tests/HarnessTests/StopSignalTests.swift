import Foundation
import GRDB
import Testing
@testable import HarnessRun
@testable import HarnessStore

/// SIGINT and SIGTERM during `biomoe run`, sent to the biomoe built beside the tests.
@Suite("Stopping a run with a signal", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")))
struct StopSignalTests {
    /// The reliability suite's scratch suite: 2 variants × 4 seeds of about half a second each.
    static let suite = ScratchSuite.yaml

    @Test("SIGINT finishes and records the run in progress, exits 130 saying how to resume, and the rerun completes the rest")
    func interruptAndResume() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("scratch.yaml").path
        let db = directory.appendingPathComponent("stopped.sqlite").path
        try Self.suite.write(toFile: config, atomically: true, encoding: .utf8)

        let stopped = try await onOwnThread {
            let (process, errors) = try BiomoeChild.start(["run", config, "--db", db, "--plain"])
            // Wait for the first recorded run, so the signal lands while the suite is under way.
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, process.isRunning,
                  !((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains(": done in") {
                usleep(20_000)
            }
            kill(process.processIdentifier, SIGINT)
            return BiomoeChild.finish(process, errors: errors)
        }
        #expect(stopped.status == 130 && !stopped.signalled, "\(stopped.standardError)")
        #expect(stopped.standardError.contains("SIGINT received: finishing the run in progress"))
        #expect(stopped.standardError.contains("scratch: stopped by SIGINT after"))
        #expect(stopped.standardError.contains("again to resume"))
        let (complete, failed, interrupted) = try Self.counts(db)
        #expect(complete >= 1 && complete < 8 && failed == 0 && interrupted == 1, "\(complete) complete, \(failed) failed")

        let resumed = try await onOwnThread { try BiomoeChild.run(["run", config, "--db", db, "--plain"]) }
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try Self.counts(db).0 == 8)
        #expect(try ResultStore(path: db).integrityCheck() == "ok")
    }

    /// Complete runs, failed runs, interrupted invocations.
    static func counts(_ db: String) throws -> (Int, Int, Int) {
        try ResultStore(path: db).writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run WHERE status = 'complete'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run WHERE status = 'failed'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invocation WHERE status = 'interrupted'") ?? -1)
        }
    }
}
