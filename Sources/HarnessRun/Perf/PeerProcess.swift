import Foundation

/// Runs a perf peer (a PyTorch script, or biomoe before issue 11) as a subprocess that writes one
/// JSON object to the file named by its `--json` argument, and returns that object. Its standard
/// output is discarded; the last lines of its standard error name what went wrong when it fails.
enum PeerProcess {
    /// Runs `executable` with `arguments` plus `--json FILE`; `environment` replaces this process's
    /// (nil: inherited). `name` is the peer as its errors name it; `hint` follows a failure's tail.
    static func runJSON(executable: String, arguments: [String], environment: [String: String]? = nil,
                        name: String, hint: String) throws -> [String: Any] {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-peer-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["--json", json.path]
        if let environment { process.environment = environment }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderrData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let tail = String(decoding: stderrData, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            throw PerfError.peerFailed(script: name, reason: "exit \(process.terminationStatus): \(tail) (\(hint))")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: json))) as? [String: Any] else {
            throw PerfError.peerFailed(script: name, reason: "it wrote no JSON object")
        }
        return object
    }
}
