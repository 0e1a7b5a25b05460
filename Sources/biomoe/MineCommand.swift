import ArgumentParser
import Foundation
import HarnessRun
import HarnessStore
import MicroExperts

/// `biomoe mine`: a repository's first-parent history into the results database, incrementally.
struct MineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Mine a git repository's first-parent history into the results database; a re-run adds only new commits.",
        discussion: """
        Reads every commit of REVISION's first-parent history (default HEAD) with `git log`: hash, \
        parents (a merge is its difference from the first parent), author and committer time, \
        message, and each changed file with its status (added, modified, deleted, renamed with its \
        old path, copied, type-changed) and line counts. REPO is a repository directory or a \
        `git bundle` file (cloned into a temporary directory, removed afterwards). The first mine \
        stores the whole history (from --since on, if given); a later mine of the same repository \
        and revision stores only the commits after the stored head. If that head is no longer on \
        the branch (rebased or force-pushed), nothing is stored; --restart then mines the whole \
        history again and replaces the stored one.

        Exit codes: 0 stored (or already up to date); 1 bad input: no such path, not a repository \
        or bundle, an empty repository, an unknown revision, a bad --since or database; 6 git is \
        missing or failed; 7 the stored head left the revision's history (rewritten): run again \
        with --restart.

        Example: biomoe mine ../shared/data/swift-argument-parser.bundle --revision main
        """
    )

    /// Exit codes beyond the shared ones (``BiomoeExit``).
    static let gitUnavailable = ExitCode(6)
    static let historyRewritten = ExitCode(7)

    @Argument(help: ArgumentHelp("Repository directory or git bundle file.", valueName: "repo"))
    var repository: String

    @Option(name: .customLong("db"), help: ArgumentHelp("Results database (default \(Self.defaultDatabase)).", valueName: "path"))
    var database: String = Self.defaultDatabase

    @Option(help: ArgumentHelp("Only commits committed at or after this date (first mine only): YYYY-MM-DD (UTC) or an ISO 8601 time.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Branch, tag or commit whose first-parent history is mined.", valueName: "revision"))
    var revision: String = "HEAD"

    @Flag(help: "Mine the whole history again and replace the stored one (after a rebase or force-push).")
    var restart = false

    static let defaultDatabase = "results/runs/git-history.sqlite"

    func validate() throws {
        if let since, Self.parseDate(since) == nil {
            throw ValidationError("--since '\(since)': expected a date as YYYY-MM-DD (UTC midnight) or an ISO 8601 time such as 2024-01-31T12:00:00Z")
        }
        if revision.isEmpty { throw ValidationError("--revision is empty; expected a branch, tag or commit such as HEAD or main") }
    }

    func run() throws {
        let summary: GitHistoryImport.Summary
        do {
            let store = try ResultStore(path: database)
            summary = try GitHistoryImport.mine(location: repository, revision: revision, since: since.flatMap(Self.parseDate),
                                                restart: restart, into: store)
        } catch let error as MiningError {
            switch error {
            case .gitNotFound, .gitFailed, .outputTooLarge, .malformedLog:
                throw fail(error, code: Self.gitUnavailable)
            case let .historyRewritten(path, knownHead, revision):
                let message = "\(path): the stored head \(knownHead.prefix(12)) is no longer on the first-parent history of '\(revision)' "
                    + "(rebased or force-pushed); nothing was stored — run again with --restart to replace the stored history"
                throw fail(MineMessage(message), code: Self.historyRewritten)
            case .repositoryNotFound, .notARepository, .emptyRepository, .unknownRevision, .unreadableBundle:
                throw fail(error)
            }
        } catch {
            throw fail(error)
        }
        print(Self.describe(summary, database: database), terminator: "")
    }

    /// Two lines: what this mine stored, then what the database holds.
    static func describe(_ summary: GitHistoryImport.Summary, database: String) -> String {
        let commits = summary.newCommits
        var line = "\(summary.location) at \(summary.revision): "
        if commits.isEmpty {
            line += "up to date, nothing new"
        } else {
            let files = commits.flatMap(\.files)
            var kinds: [String] = []
            for status in ChangeStatus.allCases {
                let n = files.filter { $0.status == status }.count
                if n > 0 { kinds.append("\(n) \(status.rawValue)") }
            }
            let merges = commits.filter(\.isMerge).count
            line += "stored \(commits.count) new commit(s) with \(files.count) file change(s) (\(kinds.joined(separator: ", "))"
            line += merges > 0 ? "; \(merges) merge(s))" : ")"
            if let previous = summary.previousHead {
                line += ", after \(previous.prefix(12))"
            } else if summary.replaced {
                line += ", whole history again (--restart: replaced the stored history)"
            } else if let since = summary.history.since {
                line += ", first mine, since \(Self.dateFormatter.string(from: since))"
            } else {
                line += ", first mine, whole history"
            }
        }
        if summary.sinceIgnored { line += " (--since applies to the first mine only; continued after the stored head)" }
        let head = summary.history.commitCount > 0 ? " up to \(summary.history.head.prefix(12))" : ""
        return line + "\n" + "\(summary.history.commitCount) commit(s) stored\(head) in \(database)\n"
    }

    /// `YYYY-MM-DD` as UTC midnight, or an ISO 8601 time with its zone.
    static func parseDate(_ text: String) -> Date? {
        if let date = dateFormatter.date(from: text), dateFormatter.string(from: date) == text { return date }
        return ISO8601DateFormatter().date(from: text)
    }

    static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}

/// A message the command composed, printed as is.
struct MineMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
