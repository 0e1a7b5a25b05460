import Foundation
import Testing
@testable import HarnessRun
@testable import HarnessStore

/// Whether this process may mount a tmpfs (root, with mount available) and the data is installed.
private let canMountTmpfs: Bool = {
    guard getuid() == 0, FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"),
          let point = try? ResourceFaultTests.mountPoint(options: "size=64k") else { return false }
    ResourceFaultTests.unmount(point)
    return true
}()

/// A full disk and a read-only file system under `biomoe run`, made with small tmpfs mounts
/// (root only: CI and the development machines run as root; elsewhere the suite is skipped).
@Suite("Resource faults", .enabled(if: canMountTmpfs), .serialized)
struct ResourceFaultTests {
    static func mountPoint(options: String) throws -> String {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        guard command("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", point]) == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return point
    }

    static func unmount(_ point: String) {
        _ = command("/bin/umount", [point])
        try? FileManager.default.removeItem(atPath: point)
    }

    static func command(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("a full disk stops the suite with exit 1 and one line naming the file; recorded runs stay sound and the rest resume elsewhere")
    func fullDisk() async throws {
        let suite = try ScratchSuite(name: "full-disk")
        defer { suite.remove() }
        let point = try Self.mountPoint(options: "size=700k")
        defer { Self.unmount(point) }
        let db = point + "/full.sqlite"
        let result = try await onOwnThread { try BiomoeChild.run(["run", suite.config, "--db", db, "--plain"]) }
        #expect(result.status == 1 && !result.signalled)
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1 && errors[0].contains("Cannot write to the results database '\(db)'") && errors[0].contains("disk is full"),
                "\(result.standardError.suffix(400))")
        let census = try ScratchSuite.census(db)
        #expect(census.failed == 0 && census.complete < suite.runs && census.integrityProblems == 0, "\(census)")
        // The same file, moved to a disk with room, resumes to a complete suite.
        let moved = suite.database("moved")
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.copyItem(atPath: db + suffix, toPath: moved + suffix)
        }
        let resumed = try await onOwnThread { try BiomoeChild.run(["run", suite.config, "--db", moved, "--plain"]) }
        #expect(resumed.status == 0, "\(resumed.standardError.suffix(400))")
        #expect(try ScratchSuite.census(moved).distinctComplete == suite.runs)
    }

    @Test("a read-only file system is refused with exit 1 and one line naming the file, before anything runs")
    func readOnly() async throws {
        let suite = try ScratchSuite(name: "read-only")
        defer { suite.remove() }
        let point = try Self.mountPoint(options: "ro,size=64k")
        defer { Self.unmount(point) }
        let db = point + "/results.sqlite"
        let result = try await onOwnThread { try BiomoeChild.run(["run", suite.config, "--db", db, "--plain"]) }
        #expect(result.status == 1 && !result.signalled)
        let lines = result.standardError.split(separator: "\n").filter { !$0.contains("OPENBLAS_CORETYPE") }
        #expect(lines.count == 1 && lines[0].contains(db), "\(result.standardError)")
        #expect(!result.standardError.contains("done in"))
    }
}
