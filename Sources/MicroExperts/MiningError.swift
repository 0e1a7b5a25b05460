import Foundation

/// Everything that can stop `GitMiner` from reading a history.
///
/// Each description is one line naming the repository (or revision) and what to do, so the
/// command line can print it as is.
public enum MiningError: Error, Equatable, Sendable {
    /// The git executable could not be found or started.
    case gitNotFound(executable: String)
    /// Neither a directory nor a file exists at the path.
    case repositoryNotFound(path: String)
    /// The path exists but is not inside a git work tree or git directory, nor a git bundle.
    case notARepository(path: String)
    /// The repository exists but the revision to mine has no commits (a fresh `git init`, or a
    /// clone whose HEAD names a branch that does not exist).
    case emptyRepository(path: String, revision: String)
    /// A revision (the branch to mine or the last mined head) is not a commit of the repository.
    case unknownRevision(path: String, revision: String)
    /// The last mined head is not on the first-parent chain of the revision any more: the branch
    /// was rewritten (rebase, force-push), so an incremental mine would miss or repeat commits.
    case historyRewritten(path: String, knownHead: String, revision: String)
    /// `git log` wrote more than the output limit.
    case outputTooLarge(path: String, limit: Int)
    /// git exited with an error not covered above; `message` is its standard error.
    case gitFailed(path: String, arguments: [String], status: String, message: String)
    /// `git log`'s output did not have the expected shape at byte `offset`.
    case malformedLog(path: String, offset: Int, expected: String)
    /// A file that starts like a `git bundle` could not be cloned; `message` is git's error.
    case unreadableBundle(path: String, message: String)
}

extension MiningError {
    /// The same error naming `location` wherever it names `path`: for a bundle, errors of the
    /// temporary clone git ran in are reported under the bundle the user named.
    public func naming(_ location: String, insteadOf path: String) -> MiningError {
        func name(_ p: String) -> String { p == path ? location : p }
        switch self {
        case .gitNotFound: return self
        case let .repositoryNotFound(p): return .repositoryNotFound(path: name(p))
        case let .notARepository(p): return .notARepository(path: name(p))
        case let .emptyRepository(p, revision): return .emptyRepository(path: name(p), revision: revision)
        case let .unknownRevision(p, revision): return .unknownRevision(path: name(p), revision: revision)
        case let .historyRewritten(p, knownHead, revision): return .historyRewritten(path: name(p), knownHead: knownHead, revision: revision)
        case let .outputTooLarge(p, limit): return .outputTooLarge(path: name(p), limit: limit)
        case let .gitFailed(p, arguments, status, message): return .gitFailed(path: name(p), arguments: arguments, status: status, message: message)
        case let .malformedLog(p, offset, expected): return .malformedLog(path: name(p), offset: offset, expected: expected)
        case let .unreadableBundle(p, message): return .unreadableBundle(path: name(p), message: message)
        }
    }
}

extension MiningError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .gitNotFound(executable):
            return "git executable '\(executable)' not found or not runnable — install git (apt-get install git) or put it on PATH"
        case let .repositoryNotFound(path):
            return "\(path): no such directory or file — give a local git repository or a git bundle file"
        case let .notARepository(path):
            return "\(path): not a git repository — give a directory inside a clone, a git directory or a git bundle file"
        case let .emptyRepository(path, revision):
            return "\(path): '\(revision)' has no commits — commit something first, or name a branch that has commits (git branch -a lists them)"
        case let .unknownRevision(path, revision):
            return "\(path): '\(revision)' is not a commit of this repository — give a branch, tag or commit hash that exists"
        case let .historyRewritten(path, knownHead, revision):
            return "\(path): the last mined head \(knownHead) is not on the first-parent history of '\(revision)' any more (rebased or force-pushed) — mine the whole history again"
        case let .outputTooLarge(path, limit):
            return "\(path): git log wrote more than \(limit) bytes — mine in steps with a since date, or raise the miner's output limit"
        case let .gitFailed(path, arguments, status, message):
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? ""
            return "\(path): git \(arguments.joined(separator: " ")) failed (\(status)): \(firstLine)"
        case let .malformedLog(path, offset, expected):
            return "\(path): unexpected git log output at byte \(offset), expected \(expected) — is this git 2.31 or later?"
        case let .unreadableBundle(path, message):
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? ""
            return "\(path): a git bundle that git cannot clone (\(firstLine)) — check the file with `git bundle verify`, or give a repository directory"
        }
    }

    public var errorDescription: String? { description }
}
