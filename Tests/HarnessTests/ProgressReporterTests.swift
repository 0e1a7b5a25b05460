import Foundation
import Testing
@testable import HarnessRun

/// A clock the test moves by hand.
private final class ManualClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 0)
}

@Suite("Progress reporter")
struct ProgressReporterTests {
    /// The plain lines a reporter writes for `updates` (seconds since start, runs done of 10).
    private func plainLines(_ updates: [(seconds: Double, done: Double)]) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let clock = ManualClock()
        let reporter = ProgressReporter(output: handle, forcePlain: true, plainInterval: 60, clock: { clock.now })
        for update in updates {
            clock.now = Date(timeIntervalSince1970: update.seconds)
            reporter.update(done: update.done, total: 10, label: "[1/10] run", detail: "step \(Int(update.seconds))")
        }
        try handle.close()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("plain lines come every 5 % of the suite, and at least once a minute while one long run moves less")
    func plainLinesByFractionAndTime() throws {
        // 1 % of the suite every 30 s: the first update prints (from −1), then only the minute.
        let slow = try plainLines([(30, 0.1), (60, 0.2), (89, 0.3), (90, 0.4), (120, 0.45), (150, 0.5)])
        // ETA = elapsed · (1 − f) / f: 30 · 0.99 / 0.01 = 2 970 s; 90 · 0.96 / 0.04 = 2 160 s; 150 · 0.95 / 0.05 = 2 850 s.
        #expect(slow == ["[  1% eta 49:30] [1/10] run: step 30", "[  4% eta 36:00] [1/10] run: step 90",
                         "[  5% eta 47:30] [1/10] run: step 150"], "\(slow)")
        // Fast progress: every 5 % whatever the time, and always the end.
        let fast = try plainLines([(1, 0.5), (2, 0.9), (3, 1.1), (4, 10)])
        #expect(fast == ["[  5% eta 00:19] [1/10] run: step 1", "[ 11% eta 00:24] [1/10] run: step 3",
                         "[100% eta 00:00] [1/10] run: step 4"], "\(fast)")
    }
}
