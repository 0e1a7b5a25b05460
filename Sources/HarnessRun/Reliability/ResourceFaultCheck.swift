import Foundation
import HarnessStore

/// The resource-fault check: `biomoe run` on small tmpfs mounts, made full or read-only.
///
/// - a full disk under the results file (700 KB): exit 1, one line naming the file; the runs
///   recorded before stay sound, none is recorded as failed, and the file copied to a disk with
///   room resumes to a complete suite;
/// - a full disk under the checkpoints (`save_checkpoints`, a model larger than the 4 MB mount):
///   the same, with the line naming the checkpoint;
/// - a read-only file system: refused in one line naming the file before anything runs.
///
/// Mounting needs root (CI and the development machines run as root); elsewhere the run fails
/// with a message saying so, and the other checks go on.
struct ResourceFaultCheck {
    /// A run whose checkpoint (784·2048 + 2048·10 + … floats, ≈ 6.5 MB) cannot fit in 4 MB.
    static let checkpointYAML = """
    schema: 1
    name: scratch
    version: 1
    description: scratch suite of the reliability suite's resource check (never published)
    seeds: [0, 1]
    save_checkpoints: true
    task: {validation_size: 100, train_limit: 300, test_limit: 100, epochs: 1, batch_size: 50, latency_samples: 3}
    base: {model: mlp, hidden: [2048]}
    variants:
      wide: {}
    """

    struct Fault {
        let name: String
        let mountOptions: String
        let yaml: String
        let runs: Int
        /// Text the one error line must hold besides the path.
        let message: String
        /// Whether the same file, copied to a disk with room, must then resume to a complete suite.
        let resumes: Bool
    }

    static let faults = [
        Fault(name: "full disk", mountOptions: "size=700k", yaml: ScratchSuite.yaml, runs: 8,
              message: "Cannot write to the results database", resumes: true),
        Fault(name: "full disk under the checkpoints", mountOptions: "size=4m", yaml: checkpointYAML, runs: 2,
              message: "Cannot write the checkpoint", resumes: true),
        Fault(name: "read-only file system", mountOptions: "ro,size=64k", yaml: ScratchSuite.yaml, runs: 8,
              message: "Cannot open the results database", resumes: false),
    ]

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        var unclear = 0, failed = 0, lost = 0, integrity = 0
        for (index, fault) in Self.faults.enumerated() {
            let suite = try ScratchSuite(name: "resources", yaml: fault.yaml, runs: fault.runs)
            defer { suite.remove() }
            let point = try Self.mountPoint(options: fault.mountOptions)
            defer { Self.unmount(point) }
            let db = point + "/results.sqlite"
            let result = try BiomoeChild.run(["run", suite.config, "--db", db, "--plain"])
            let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
            let clear = result.status == 1 && !result.signalled && errors.count == 1 && errors[0].contains(point)
                && errors[0].contains(fault.message) && !(fault.resumes == false && result.standardError.contains("done in"))
            if !clear {
                unclear += 1
                outcome.events.append(RunEvent(kind: "unclear-error", step: index, payload: jsonString(
                    "\(fault.name): exit \(result.status), stderr: \(result.standardError.suffix(300))")))
            }
            let census = try ScratchSuite.census(db)
            failed += census.failed
            integrity += census.integrityProblems
            if fault.resumes {
                // The file and its checkpoints, moved to a disk with room, finish the suite.
                let moved = suite.database("moved")
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
                    try FileManager.default.copyItem(atPath: db + suffix, toPath: moved + suffix)
                }
                let checkpoints = CheckpointDirectory(databasePath: db).url
                if FileManager.default.fileExists(atPath: checkpoints.path) {
                    try FileManager.default.copyItem(at: checkpoints, to: CheckpointDirectory(databasePath: moved).url)
                }
                let resumed = try BiomoeChild.run(["run", suite.config, "--db", moved, "--plain"])
                let after = try ScratchSuite.census(moved)
                if resumed.status != 0 {
                    unclear += 1
                    outcome.events.append(RunEvent(kind: "resume-failed", step: index, payload: jsonString(
                        "\(fault.name): exit \(resumed.status), stderr: \(resumed.standardError.suffix(300))")))
                }
                lost += fault.runs - after.distinctComplete
                failed += after.failed
                integrity += after.integrityProblems
            }
            progress(Double(index + 1) / Double(Self.faults.count), fault.name)
        }
        outcome.metric("resource_faults", Double(Self.faults.count))
        outcome.metric("resource_unclear_errors", Double(unclear))
        outcome.metric("resource_runs_failed", Double(failed))
        outcome.metric("resource_runs_lost", Double(lost))
        outcome.metric("resource_integrity_problems", Double(integrity))
    }

    /// A fresh tmpfs mounted with `options` (e.g. `size=700k`, `ro,size=64k`).
    static func mountPoint(options: String) throws -> String {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        guard command("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", point]) == 0 else {
            try? FileManager.default.removeItem(atPath: point)
            throw ReliabilityError.cannotMount(options: options, root: getuid() == 0)
        }
        return point
    }

    static func unmount(_ point: String) {
        _ = command("/bin/umount", [point])
        try? FileManager.default.removeItem(atPath: point)
    }

    private static func command(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
