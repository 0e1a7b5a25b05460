import Foundation
import Testing

/// `biomoe mine` end to end on a repository the test builds with git (fixed names and times, so
/// every hash is the same on every machine): the whole transcript of a first mine, a re-run,
/// an incremental mine, a bounded first mine, a bundle, a rewritten history and the input
/// errors, against Tests/CLITests/Golden/mine.txt.
@Suite("biomoe mine end to end", .serialized)
struct MineCommandTests {
    @Test("mine prints what it stored, is incremental on re-run, and names each error on one line with its exit code")
    func transcript() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-cli-mine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var repository = try GitWorkTree(directory.appendingPathComponent("repo"))
        try repository.write("Sources/Parser.swift", "struct Parser {}\n")
        try repository.write("README.md", "# demo\n")
        try repository.commit("Add parser")
        try repository.move("Sources/Parser.swift", to: "Sources/Parsing.swift")
        try repository.write("Tests/ParsingTests.swift", "// tests\n")
        try repository.commit("Rename parser, add tests")
        try repository.git("checkout", "-q", "-b", "docs")
        try repository.write("docs/guide.md", "guide\n")
        try repository.commit("Write guide")
        try repository.git("checkout", "-q", "main")
        try repository.merge("docs")
        try repository.remove("README.md")
        try repository.commit("fix: drop the stale readme")

        let db = directory.appendingPathComponent("history.sqlite").path
        var transcript = ""
        func mine(_ arguments: String...) throws {
            let result = try BiomoeBinary.run(["mine"] + arguments)
            transcript += "$ biomoe mine \(arguments.joined(separator: " "))\n\(result.standardOutput)\(result.standardError)exit \(result.status)\n\n"
        }
        try mine(repository.path, "--db", db)
        try mine(repository.path, "--db", db)
        try repository.write("Sources/Parsing.swift", "struct Parser { var strict = false }\n")
        try repository.commit("feat: strict parsing")
        try mine(repository.path, "--db", db, "--since", "2023-11-15")
        try mine(repository.path, "--db", directory.appendingPathComponent("recent.sqlite").path, "--since", "2023-11-17")

        let bundle = directory.appendingPathComponent("repo.bundle").path
        try repository.git("bundle", "create", "-q", bundle, "main")
        try mine(bundle, "--db", db)
        try mine(bundle, "--db", db, "--revision", "main~2")

        try repository.git("reset", "-q", "--hard", "HEAD~1")
        try repository.write("Sources/Parsing.swift", "struct Parser { var lenient = true }\n")
        try repository.commit("feat: lenient parsing")
        try mine(repository.path, "--db", db)
        try mine(repository.path, "--db", db, "--restart")

        let plain = directory.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try mine(plain.path, "--db", db)
        let empty = try GitWorkTree(directory.appendingPathComponent("empty"))
        try mine(empty.path, "--db", db)
        try mine(directory.appendingPathComponent("missing").path, "--db", db)
        try mine(repository.path, "--db", db, "--revision", "no-such-branch")

        let masked = transcript.replacingOccurrences(of: directory.path, with: "<tmp>")
        let url = BiomoeBinary.packageRoot.appendingPathComponent("Tests/CLITests/Golden/mine.txt")
        if ProcessInfo.processInfo.environment["BIOMOE_UPDATE_GOLDEN"] == "1" {
            try Data(masked.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(masked == golden, "mine.txt differs from the golden file:\n\(GoldenMask.firstDifference(masked, golden))\n(BIOMOE_UPDATE_GOLDEN=1 rewrites it)")
    }
}

/// A git work tree with fixed identity and times (one day apart from 2023-11-14), without the
/// user's or the system's git configuration.
struct GitWorkTree {
    let url: URL
    var path: String { url.path }
    private var clock: Int64 = 1_700_000_000

    init(_ url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

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
            throw BiomoeFailure(message: "git \(arguments.joined(separator: " ")): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ relativePath: String, _ contents: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    func move(_ relativePath: String, to newPath: String) throws {
        try git("mv", relativePath, newPath)
    }

    func remove(_ relativePath: String) throws {
        try git("rm", "-q", relativePath)
    }

    /// `git add -A` and a commit one day after the previous one.
    mutating func commit(_ message: String) throws {
        clock += 86_400
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, time: clock)
    }

    mutating func merge(_ branch: String) throws {
        clock += 86_400
        try git("merge", "-q", "--no-ff", "-m", "Merge branch '\(branch)'", branch, time: clock)
    }
}
