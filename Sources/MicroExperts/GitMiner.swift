import Foundation
import Subprocess

/// Reads a local repository's history into `Commit` rows by running `git`.
///
/// What is read is the **first-parent** history of one revision (default HEAD): the sequence of
/// commits as they landed on that branch. A merge commit appears once, with the files it changed
/// relative to its first parent, i.e. everything the merged branch brought in; the commits of
/// the merged branch itself are not listed. Why: a micro-expert learns "this change touched
/// these files", and on the main line a merged branch is one such change; listing its commits
/// too would count every file twice and put side-branch commits out of time order.
///
/// Renames are detected per commit (`-M`, git's default 50 % similarity and rename limit), and
/// recorded with both paths so models can follow a file across its names (see `RenameLineage`).
///
/// Incremental: `mine(repository:revision:after:)` with the head of the previous mine returns
/// only the commits after it; if that head is no longer on the branch (history rewritten) it
/// throws `MiningError.historyRewritten` rather than silently returning the wrong set.
///
/// git runs with `LC_ALL=C` (its error texts are matched) and without the user's log
/// settings that change the output (`log.showSignature`, `diff.external`, text conversion).
public struct GitMiner: Sendable {
    /// The git command, looked up on PATH.
    public var gitExecutable: String
    /// Most bytes one `git log` may write; more is `MiningError.outputTooLarge` rather than a
    /// truncated history. 1 GiB holds several hundred thousand typical commits.
    public var outputLimit: Int

    public init(gitExecutable: String = "git", outputLimit: Int = 1 << 30) {
        self.gitExecutable = gitExecutable
        self.outputLimit = outputLimit
    }

    /// Commits of `revision`'s first-parent history, oldest first, and the head they end at.
    ///
    /// - Parameters:
    ///   - after: the head of a previous mine; only commits after it are returned.
    ///   - since: only commits whose committer time is at or after this date (git's `--since`).
    public func mine(repository: String, revision: String = "HEAD", after knownHead: String? = nil,
                     since: Date? = nil) async throws(MiningError) -> MinedHistory {
        let head = try await resolveHead(repository: repository, revision: revision)
        var range = head
        if let knownHead {
            let known = try await resolveCommit(repository: repository, revision: knownHead)
            if known == head { return MinedHistory(head: head, commits: []) }
            try await checkOnFirstParentChain(repository: repository, knownHead: known, head: head, revision: revision)
            range = "\(known)..\(head)"
        }
        var arguments = [
            "-c", "log.showSignature=false", "-c", "core.quotePath=false",
            "log", "-z", "--format=%x1e%H%x00%P%x00%at%x00%ct%x00%B",
            "--raw", "--numstat", "-M", "--first-parent", "--diff-merges=first-parent",
            "--no-color", "--no-ext-diff", "--no-textconv", "--encoding=UTF-8",
        ]
        if let since { arguments.append("--since=@\(Int64(since.timeIntervalSince1970.rounded(.down)))") }
        arguments += [range, "--"]
        let output = try await git(arguments, repository: repository)
        guard output.status.isSuccess else {
            throw .gitFailed(path: repository, arguments: arguments, status: "\(output.status)", message: output.error)
        }
        let commits = try GitLogParser.parse(output.bytes, repository: repository)
        return MinedHistory(head: head, commits: commits.reversed())
    }

    /// The commit `revision` names, with the repository checks that give the typed errors.
    public func resolveHead(repository: String, revision: String = "HEAD") async throws(MiningError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repository, isDirectory: &isDirectory) else {
            throw .repositoryNotFound(path: repository)
        }
        // A file: a bundle must be opened first (`open(_:)`), anything else is not a repository.
        guard isDirectory.boolValue else { throw .notARepository(path: repository) }
        let probe = try await git(["rev-parse", "--git-dir"], repository: repository)
        guard probe.status.isSuccess else {
            if probe.error.contains("not a git repository") { throw .notARepository(path: repository) }
            throw .gitFailed(path: repository, arguments: ["rev-parse", "--git-dir"], status: "\(probe.status)", message: probe.error)
        }
        let arguments = ["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]
        let resolved = try await git(arguments, repository: repository)
        if resolved.status.isSuccess { return Self.firstLine(resolved.bytes) }
        // Unborn HEAD (nothing committed yet) versus a name that does not exist.
        let anyCommit = try await git(["rev-list", "-n", "1", "--all"], repository: repository)
        if revision == "HEAD" || (anyCommit.status.isSuccess && anyCommit.bytes.isEmpty) {
            throw .emptyRepository(path: repository, revision: revision)
        }
        throw .unknownRevision(path: repository, revision: revision)
    }

    private func resolveCommit(repository: String, revision: String) async throws(MiningError) -> String {
        let resolved = try await git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], repository: repository)
        guard resolved.status.isSuccess else { throw .unknownRevision(path: repository, revision: revision) }
        return Self.firstLine(resolved.bytes)
    }

    /// Throws unless `knownHead` is on `head`'s first-parent chain (an ancestor only through a
    /// merged side branch does not count: the first-parent log from it would be different).
    private func checkOnFirstParentChain(repository: String, knownHead: String, head: String,
                                         revision: String) async throws(MiningError) {
        let ancestor = try await git(["merge-base", "--is-ancestor", knownHead, head], repository: repository)
        if ancestor.status.isSuccess {
            let chain = try await git(["rev-list", "--first-parent", head], repository: repository)
            let onChain = String(decoding: chain.bytes, as: UTF8.self).split(separator: "\n").contains { $0 == knownHead }
            if onChain { return }
        }
        throw .historyRewritten(path: repository, knownHead: knownHead, revision: revision)
    }

    private static func firstLine(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// Runs `git -C repository arguments…`, collecting standard output as bytes.
    func git(_ arguments: [String], repository: String) async throws(MiningError)
        -> (status: TerminationStatus, bytes: [UInt8], error: String) {
        do {
            let result = try await run(
                .name(gitExecutable),
                arguments: Arguments(["-C", repository] + arguments),
                environment: .inherit.updating(["LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"]),
                output: .bytes(limit: outputLimit),
                error: .string(limit: 1 << 20))
            return (result.terminationStatus, result.standardOutput, result.standardError)
        } catch let error as SubprocessError {
            switch error.code {
            case .executableNotFound, .spawnFailed:
                throw .gitNotFound(executable: gitExecutable)
            case .outputLimitExceeded:
                throw .outputTooLarge(path: repository, limit: outputLimit)
            default:
                throw .gitFailed(path: repository, arguments: arguments, status: "not run", message: "\(error)")
            }
        } catch {
            throw .gitFailed(path: repository, arguments: arguments, status: "not run", message: "\(error)")
        }
    }
}

/// The result of one mine: the head it read up to (pass it as `after` next time) and the new
/// commits, oldest first.
public struct MinedHistory: Sendable, Equatable {
    public let head: String
    public let commits: [Commit]
}
