import Foundation
import Tensor

/// A synthetic git repository, written commit by commit with `git fast-import`: the input of the
/// `git-mine` benchmark and of the tests that run micro-experts end to end.
///
/// Why synthetic: the benchmark needs a 10 000-commit history on every machine, without a
/// download, and the same history every time (seeded); no real repository at hand is that long
/// (this one and swift-argument-parser have a few hundred commits). Why fast-import: it writes
/// 10 000 commits in seconds, where `git commit` in a loop takes minutes.
///
/// Shape, so that mining and the experts meet what real histories hold: 40 modules, each with 6
/// source files (`Sources/ModuleM/WordM.swift`), their tests (`Tests/ModuleMTests/…Tests.swift`)
/// and a document (`docs/moduleM.md`). Each commit picks a module (Zipf: module M with weight
/// 1/(M+1)) and a kind: a feature (sources, often with their test and sometimes the document), a
/// fix (an error word in the message), tests only, the document only, a refactoring (five or more
/// files, one in five a rename) or, rarely, a deletion. Messages carry conventional-commit
/// prefixes and the touched files' words. Times are one hour apart from 2023-11-14 22:13:20 UTC.
public struct SyntheticGitHistory {
    public let directory: URL
    /// Commits written so far.
    public private(set) var commitCount = 0
    private var generator: Philox4x32_10
    /// module → its source files' current paths (renames move them).
    private var sources: [[String]]
    private var alive = Set<String>()
    private var renames = 0

    static let modules = 40, filesPerModule = 6
    static let words = ["parser", "cache", "index", "token", "option", "buffer", "stream", "config", "render", "help",
                        "flag", "value", "path", "query", "schema", "record", "encoder", "decoder", "router", "planner",
                        "layout", "format", "archive", "session"]
    static let epoch: Int64 = 1_700_000_000

    /// Initialises a repository in `directory` (created if missing) and writes `commits` commits on `main`.
    public init(directory: URL, commits: Int, seed: UInt32) throws {
        self.directory = directory
        generator = RandomStreams(suiteSeed: seed, runSeed: 0).generator("synthetic-git-history")
        sources = (0..<Self.modules).map { m in
            (0..<Self.filesPerModule).map { j in
                let word = Self.words[(m * 7 + j) % Self.words.count]
                return "Sources/Module\(m)/\(word.prefix(1).uppercased() + word.dropFirst())\(m).swift"
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.git(["init", "-q", "-b", "main"], in: directory)
        try append(commits: commits)
    }

    /// Writes `commits` more commits on top of `main`.
    public mutating func append(commits: Int) throws {
        var stream = Data()
        for i in 0..<commits {
            writeCommit(into: &stream, resume: i == 0 && commitCount > 0)
            commitCount += 1
        }
        let file = directory.deletingLastPathComponent().appendingPathComponent(".\(directory.lastPathComponent)-\(UUID().uuidString).fi")
        try stream.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.git(["fast-import", "--quiet"], in: directory, input: file)
    }

    /// The commit `main` points at.
    public func head() throws -> String {
        try Self.git(["rev-parse", "refs/heads/main"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private mutating func writeCommit(into stream: inout Data, resume: Bool) {
        let m = drawModule()
        let word = { (path: String) -> String in Self.word(of: path) }
        let picks = (0..<3).map { _ in sources[m][generator.uniformInt(below: Self.filesPerModule)] }
        var changes: [String] = []  // fast-import file commands
        var message: String
        let u = generator.unitUniformDouble()
        if u < 0.45 {
            let files = Array(Set(picks.prefix(1 + generator.uniformInt(below: 2))))
            message = "feat(module\(m)): add \(files.map(word).joined(separator: " and ")) options"
            for f in files { changes.append(modify(f)) }
            if generator.unitUniformDouble() < 0.6 { for f in files { changes.append(modify(Self.testPath(f))) } }
            if generator.unitUniformDouble() < 0.2 { changes.append(modify("docs/module\(m).md")) }
        } else if u < 0.70 {
            message = "fix(module\(m)): \(word(picks[0])) crash on empty input (overflow error)"
            changes.append(modify(picks[0]))
            if generator.unitUniformDouble() < 0.5 { changes.append(modify(Self.testPath(picks[0]))) }
        } else if u < 0.80 {
            message = "test(module\(m)): cover \(word(picks[0])) edge cases"
            changes.append(modify(Self.testPath(picks[0])))
        } else if u < 0.89 {
            message = "docs: explain \(word(picks[0])) in module \(m)"
            changes.append(modify("docs/module\(m).md"))
        } else if u < 0.99 {
            let old = picks[0]
            var renamedPath: String?
            if generator.unitUniformDouble() < 0.2, alive.contains(old), let index = sources[m].firstIndex(of: old) {
                renames += 1
                let renamed = old.replacingOccurrences(of: ".swift", with: "Core\(renames).swift")
                sources[m][index] = renamed
                alive.remove(old)
                alive.insert(renamed)
                changes.append("R \(old) \(renamed)\n")
                renamedPath = renamed
                message = "refactor(module\(m)): rename \(word(old)) to \(word(renamed))"
            } else {
                message = "refactor(module\(m)): simplify \(word(old)) and its callers"
            }
            let count = 5 + generator.uniformInt(below: 4)
            // The renamed file keeps its content, so git sees a rename (not a deletion and an addition).
            let cascade = Set((0..<count).map { _ in sources[m][generator.uniformInt(below: Self.filesPerModule)] })
            for f in cascade.sorted() where f != renamedPath {
                changes.append(modify(f))
                changes.append(modify(Self.testPath(f)))
            }
        } else {
            let victim = picks[0]
            if alive.contains(victim) {
                alive.remove(victim)
                changes.append("D \(victim)\n")
                message = "chore: remove unused \(word(victim))"
            } else {
                message = "chore: touch \(word(victim))"
                changes.append(modify(victim))
            }
        }
        let time = Self.epoch + Int64(commitCount) * 3600
        var text = "commit refs/heads/main\n"
        text += "author Synthetic <synthetic@example.com> \(time) +0000\n"
        text += "committer Synthetic <synthetic@example.com> \(time) +0000\n"
        text += "data \(message.utf8.count)\n\(message)\n"
        if resume { text += "from refs/heads/main^0\n" }
        stream.append(Data(text.utf8))
        for change in changes { stream.append(Data(change.utf8)) }
        stream.append(Data("\n".utf8))
    }

    /// A module by Zipf weight 1/(M+1).
    private mutating func drawModule() -> Int {
        let total = (1...Self.modules).reduce(0.0) { $0 + 1 / Double($1) }
        var u = generator.unitUniformDouble() * total
        for m in 0..<Self.modules {
            u -= 1 / Double(m + 1)
            if u <= 0 { return m }
        }
        return Self.modules - 1
    }

    /// A new version of `path` (created when it does not exist yet).
    private mutating func modify(_ path: String) -> String {
        alive.insert(path)
        let body = "// \(path)\n// revision \(commitCount)\nlet value\(commitCount) = \(generator.uniformInt(below: 1000))\n"
        return "M 100644 inline \(path)\ndata \(body.utf8.count)\n\(body)\n"
    }

    static func testPath(_ source: String) -> String {
        let parts = source.split(separator: "/")
        guard parts.count == 3 else { return "Tests/" + source }
        return "Tests/\(parts[1])Tests/" + parts[2].replacingOccurrences(of: ".swift", with: "Tests.swift")
    }

    static func word(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.prefix { $0.isLetter }).lowercased()
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL, input: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        do { try process.run() } catch { throw SyntheticGitHistoryError.gitFailed(arguments: arguments, message: "\(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SyntheticGitHistoryError.gitFailed(arguments: arguments, message: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

public enum SyntheticGitHistoryError: Error, CustomStringConvertible {
    case gitFailed(arguments: [String], message: String)

    public var description: String {
        switch self {
        case let .gitFailed(arguments, message):
            let line = message.split(separator: "\n").first.map(String.init) ?? ""
            return "writing the synthetic history: git \(arguments.joined(separator: " ")) failed: \(line) — is git installed?"
        }
    }
}
