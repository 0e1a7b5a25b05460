import Foundation
@testable import MicroExperts

/// A git repository built by a test in a fresh temporary directory, with fixed author and
/// committer times so every hash and row is reproducible. git runs without the user's or the
/// system's configuration.
struct TestRepository {
    let url: URL
    var path: String { url.path }
    private var clock: Int64 = 1_700_000_000

    /// An empty directory (not yet a repository).
    static func emptyDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("biomoe-micro-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    init(_ name: String) throws {
        url = try Self.emptyDirectory(name)
        try git("init", "-q", "-b", "main")
    }

    /// Runs git in the repository; throws with git's standard error if it fails.
    @discardableResult
    func git(_ arguments: String..., time: Int64? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "-c", "user.name=Test", "-c", "user.email=test@example.com",
                             "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        if let time {
            environment["GIT_AUTHOR_DATE"] = "@\(time) +0000"
            environment["GIT_COMMITTER_DATE"] = "@\(time + 1) +0000"
        }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestRepositoryError(arguments: arguments, message: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ relativePath: String, _ contents: String) throws {
        try write(relativePath, Data(contents.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// `git add -A` and a commit at the next tick of the fixed clock (author t, committer t + 1);
    /// returns the new hash.
    @discardableResult
    mutating func commit(_ message: String) throws -> String {
        clock += 100
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, time: clock)
        return try git("rev-parse", "HEAD")
    }

    /// A merge of `branch` into the current branch with a merge commit.
    @discardableResult
    mutating func merge(_ branch: String, message: String) throws -> String {
        clock += 100
        try git("merge", "-q", "--no-ff", "-m", message, branch, time: clock)
        return try git("rev-parse", "HEAD")
    }

    var lastTime: Int64 { clock }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

struct TestRepositoryError: Error, CustomStringConvertible {
    let arguments: [String]
    let message: String
    var description: String { "git \(arguments.joined(separator: " ")): \(message)" }
}
