import Foundation

/// The biomoe executable run as a child process by benches that time or test the command line
/// itself (the harness bench's `report`, the reliability suite's kills and corrupt inputs).
///
/// Why a child: those benches measure what a user runs — start-up, signals, exit codes — and
/// the commands live in the executable, above the stage targets.
public enum BiomoeChild {
    /// What a finished child printed and how it ended.
    public struct Result: Sendable {
        public let status: Int32
        /// True when a signal ended it (then `status` is the signal number).
        public let signalled: Bool
        public let standardError: String
    }

    /// This process when it is biomoe, else the biomoe built beside this bundle (the test runner's case).
    public static func executable() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        if URL(fileURLWithPath: path).lastPathComponent == "biomoe" { return path }
        let beside = Bundle.main.bundleURL.appendingPathComponent("biomoe").path
        guard FileManager.default.isExecutableFile(atPath: beside) else { throw BiomoeChildError.notFound(path) }
        return beside
    }

    /// Starts `biomoe arguments…` with one BLAS thread (results must not depend on the caller's
    /// setting), standard output discarded and standard error kept in a file.
    public static func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-child-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, errors)
    }

    /// Waits for a child started by `start` and collects its result.
    public static func finish(_ process: Process, errors: URL) -> Result {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: errors) }
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, standardError: text)
    }

    /// Runs `biomoe arguments…` to the end.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, errors) = try start(arguments, environment: environment)
        return finish(process, errors: errors)
    }
}

enum BiomoeChildError: Error, CustomStringConvertible {
    case notFound(String)

    var description: String {
        switch self {
        case .notFound(let path):
            return "this bench runs biomoe commands as child processes: run it from the biomoe executable (this is \(path), with no biomoe built beside it)"
        }
    }
}
