import Foundation
import HarnessConfig
import MicroExperts

/// One history a micro-experts suite evaluates on: the commits of `revision`'s first-parent
/// history, oldest first, mined once per `biomoe run`.
public struct MinedGitHistory: Sendable {
    /// The repository as the config names it, and where it resolved to.
    public let repository: String
    public let location: String
    public let revision: String
    /// The commit `revision` resolved to: what the suite's numbers were computed on.
    public let head: String
    public let commits: [Commit]
}

/// Mines each (repository, revision) a suite names once and hands the same commits to every
/// run, as the registry does with image data: mining is input loading, not part of a run.
///
/// Why the pin rule: a repository directory's branches move with every commit (this
/// repository's own history grows with each one), so a suite that names `HEAD` or `main` of a
/// directory would evaluate on a different history at every rerun while its config hash stays
/// the same. A directory must therefore be named at a full commit hash. A bundle file fixes its
/// history, so a branch of a bundle is pinned already.
final class GitHistoryCache {
    private var histories: [String: MinedGitHistory] = [:]
    private let miner = GitMiner()

    /// The history of a micro-experts run (its `repository` and `revision`).
    func history(for spec: RunSpec) throws -> MinedGitHistory {
        try history(repository: try spec.string("repository"), revision: try spec.string("revision"), source: spec.runLabel)
    }

    /// Mines (or returns the mined) history; `source` names the config or run for messages.
    func history(repository: String, revision: String, source: String) throws -> MinedGitHistory {
        guard !repository.isEmpty else { throw GitHistoryCacheError.missingKey(source: source, key: "repository") }
        guard !revision.isEmpty else { throw GitHistoryCacheError.missingKey(source: source, key: "revision") }
        let location = GitHistoryImport.canonicalLocation(repository)
        let key = location + "\u{0}" + revision
        if let cached = histories[key] { return cached }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory), isDirectory.boolValue,
           !Self.isFullCommitHash(revision) {
            throw GitHistoryCacheError.unpinnedRevision(source: source, repository: repository, revision: revision)
        }
        let miner = self.miner
        let mined = try BlockingAsync.wait { () async throws -> MinedHistory in
            let opened: OpenedRepository
            do throws(MiningError) { opened = try await miner.open(location) } catch { throw error.naming(repository, insteadOf: location) }
            defer { opened.close() }
            do throws(MiningError) {
                return try await miner.mine(repository: opened.path, revision: revision)
            } catch {
                throw error.naming(repository, insteadOf: opened.path)
            }
        }
        let history = MinedGitHistory(repository: repository, location: location, revision: revision, head: mined.head,
                                      commits: mined.commits)
        histories[key] = history
        return history
    }

    static func isFullCommitHash(_ revision: String) -> Bool {
        (revision.utf8.count == 40 || revision.utf8.count == 64) && revision.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}

enum GitHistoryCacheError: Error, Equatable, CustomStringConvertible {
    case missingKey(source: String, key: String)
    case unpinnedRevision(source: String, repository: String, revision: String)

    var description: String {
        switch self {
        case let .missingKey(source, key):
            return "\(source): \(key) is empty; model micro-experts needs the repository (a directory or git bundle) and the revision to evaluate"
        case let .unpinnedRevision(source, repository, revision):
            return "\(source): revision '\(revision)' of the directory \(repository) moves with every commit; pin a full commit hash (git -C \(repository) rev-parse \(revision)) so every rerun sees the same history"
        }
    }
}
