import Foundation
import HarnessStore
import MicroExperts

/// Mines a repository's first-parent history into a results database: `biomoe mine`.
///
/// The first mine stores the whole history of the revision (from `since` on, when given);
/// every later mine of the same (location, revision) stores only the commits after the stored
/// head, so re-running it is cheap and never stores a commit twice. If the stored head has left
/// the revision's first-parent history (a rebase or force-push), nothing is stored and the
/// miner's `historyRewritten` error says so; `restart` then mines the whole history again and
/// replaces the stored one in one transaction. Locations are stored as absolute paths with
/// symbolic links resolved, so a repository named from different directories is one history.
public enum GitHistoryImport {
    /// What one mine stored.
    public struct Summary: Sendable, Equatable {
        /// The stored location (absolute) and revision.
        public let location: String
        public let revision: String
        /// The head stored before this mine; nil on the first mine.
        public let previousHead: String?
        public let history: StoredGitHistory
        /// The commits this mine stored, oldest first.
        public let newCommits: [Commit]
        /// `since` was given but the history was already stored, so it did not apply.
        public let sinceIgnored: Bool
        /// `restart`: the stored history (if any) was replaced by the whole history.
        public let replaced: Bool
    }

    public static func mine(location: String, revision: String, since: Date?, restart: Bool = false, into store: ResultStore,
                            miner: GitMiner = GitMiner()) throws -> Summary {
        guard !store.isReadOnly else { throw GitHistoryImportError.readOnlyDatabase(path: store.path) }
        let stored = canonicalLocation(location)
        let previous = restart ? nil : try store.gitHistory(location: stored, revision: revision)
        let mined = try BlockingAsync.wait { () async throws -> MinedHistory in
            let opened: OpenedRepository
            do throws(MiningError) { opened = try await miner.open(location) } catch { throw error.naming(stored, insteadOf: location) }
            defer { opened.close() }
            do throws(MiningError) {
                return try await miner.mine(repository: opened.path, revision: revision, after: previous?.head,
                                            since: previous == nil ? since : nil)
            } catch {
                throw error.naming(stored, insteadOf: opened.path)
            }
        }
        let history = restart
            ? try store.replaceGitHistory(location: stored, revision: revision, since: since, head: mined.head, commits: mined.commits)
            : try store.appendGitHistory(location: stored, revision: revision, since: since, previousHead: previous?.head,
                                         head: mined.head, commits: mined.commits)
        return Summary(location: stored, revision: revision, previousHead: previous?.head, history: history,
                       newCommits: mined.commits, sinceIgnored: previous != nil && since != nil, replaced: restart)
    }

    /// The absolute path with `.`, `..` and symbolic links resolved (a missing path stays as
    /// written, absolute, for the error that names it).
    public static func canonicalLocation(_ location: String) -> String {
        URL(fileURLWithPath: location).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

public enum GitHistoryImportError: Error, Equatable, CustomStringConvertible {
    /// The database is a published results file, opened read-only.
    case readOnlyDatabase(path: String)

    public var description: String {
        switch self {
        case .readOnlyDatabase(let path):
            return "\(path) is a published results file (read-only); mine into a working database, e.g. --db results/runs/git-history.sqlite"
        }
    }
}
