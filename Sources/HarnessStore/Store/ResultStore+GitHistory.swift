import Foundation
import GRDB
import MicroExperts

extension ResultStore {
    /// The stored history of `revision` mined from `location`, nil when none is stored.
    ///
    /// - Throws: ``ResultStoreError/gitHistoryUnavailable(path:)`` for a published file from
    ///   before mined histories were stored (it has no such tables and is read-only).
    public func gitHistory(location: String, revision: String) throws -> StoredGitHistory? {
        try writer.read { db in
            try Self.requireGitTables(db, path: path)
            guard let row = try Self.repositoryRow(db, location: location, revision: revision), let id = row.id else { return nil }
            let count = try GitCommitRow.filter(GitCommitRow.Columns.gitRepositoryId == id).fetchCount(db)
            return StoredGitHistory(location: row.location, revision: row.revision, head: row.head, commitCount: count,
                                    since: row.since.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    /// Every stored history, ordered by location and revision.
    public func gitHistories() throws -> [StoredGitHistory] {
        try writer.read { db in
            try Self.requireGitTables(db, path: path)
            let rows = try GitRepositoryRow.order(GitRepositoryRow.Columns.location, GitRepositoryRow.Columns.revision).fetchAll(db)
            return try rows.map { row in
                let count = try GitCommitRow.filter(GitCommitRow.Columns.gitRepositoryId == row.id).fetchCount(db)
                return StoredGitHistory(location: row.location, revision: row.revision, head: row.head, commitCount: count,
                                        since: row.since.map { Date(timeIntervalSince1970: TimeInterval($0)) })
            }
        }
    }

    /// Appends commits mined after `previousHead` (oldest first) to the stored history of
    /// (`location`, `revision`), creating it when `previousHead` is nil, and moves its head to
    /// `head`. One transaction: a failure stores nothing.
    ///
    /// Why `previousHead`: the caller mined "everything after the head I read"; if another mine
    /// stored commits in between (two `biomoe mine` at once), appending would repeat them, so a
    /// stored head that differs from `previousHead` is refused.
    ///
    /// - Throws: ``ResultStoreError/gitHistoryMoved(location:revision:expected:found:)`` when the
    ///   stored head is not `previousHead`.
    @discardableResult
    public func appendGitHistory(location: String, revision: String, since: Date?, previousHead: String?, head: String,
                                 commits: [Commit], minedAt: Date = Date()) throws -> StoredGitHistory {
        try writer.write { db in
            try Self.append(db, path: path, location: location, revision: revision, since: since, previousHead: previousHead,
                            head: head, commits: commits, minedAt: minedAt)
        }
    }

    /// Replaces the stored history of (`location`, `revision`), if any, by `commits` (the whole
    /// history, oldest first), in one transaction: after a rewritten history, the old rows go
    /// only once the new ones are in hand.
    @discardableResult
    public func replaceGitHistory(location: String, revision: String, since: Date?, head: String, commits: [Commit],
                                  minedAt: Date = Date()) throws -> StoredGitHistory {
        try writer.write { db in
            try Self.requireGitTables(db, path: path)
            try GitRepositoryRow
                .filter(GitRepositoryRow.Columns.location == location && GitRepositoryRow.Columns.revision == revision)
                .deleteAll(db)
            return try Self.append(db, path: path, location: location, revision: revision, since: since, previousHead: nil,
                                   head: head, commits: commits, minedAt: minedAt)
        }
    }

    private static func append(_ db: Database, path: String, location: String, revision: String, since: Date?, previousHead: String?,
                               head: String, commits: [Commit], minedAt: Date) throws -> StoredGitHistory {
        try Self.requireGitTables(db, path: path)
        var repository: GitRepositoryRow
        if let existing = try Self.repositoryRow(db, location: location, revision: revision) {
            guard existing.head == previousHead else {
                throw ResultStoreError.gitHistoryMoved(location: location, revision: revision, expected: previousHead, found: existing.head)
            }
            repository = existing
            repository.head = head
            repository.lastMinedAt = minedAt
            try repository.update(db)
        } else {
            guard previousHead == nil else {
                throw ResultStoreError.gitHistoryMoved(location: location, revision: revision, expected: previousHead, found: nil)
            }
            repository = GitRepositoryRow(location: location, revision: revision, head: head,
                                          since: since.map { Int64($0.timeIntervalSince1970.rounded(.down)) },
                                          firstMinedAt: minedAt, lastMinedAt: minedAt)
            try repository.insert(db)
        }
        guard let repositoryId = repository.id else { preconditionFailure("an inserted gitRepository row has an id") }
        var position = try GitCommitRow.filter(GitCommitRow.Columns.gitRepositoryId == repositoryId).fetchCount(db)
        for commit in commits {
            var row = GitCommitRow(gitRepositoryId: repositoryId, position: position, hash: commit.hash,
                                   parents: commit.parents.joined(separator: " "), authorTime: commit.authorTime,
                                   committerTime: commit.committerTime, message: commit.message)
            try row.insert(db)
            guard let commitId = row.id else { preconditionFailure("an inserted gitCommit row has an id") }
            for (ordinal, change) in commit.files.enumerated() {
                try GitFileChangeRow(gitCommitId: commitId, ordinal: ordinal, change: change).insert(db)
            }
            position += 1
        }
        return StoredGitHistory(location: location, revision: revision, head: head, commitCount: position,
                                since: repository.since.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// The stored commits of a history, oldest first, as `GitMiner` returned them; empty when
    /// none is stored.
    ///
    /// - Throws: ``ResultStoreError/corruptGitHistory(location:reason:)`` for a status the
    ///   schema allows but this build does not know (a newer build wrote it).
    public func gitCommits(location: String, revision: String) throws -> [Commit] {
        try writer.read { db in
            try Self.requireGitTables(db, path: path)
            guard let id = try Self.repositoryRow(db, location: location, revision: revision)?.id else { return [] }
            let rows = try GitCommitRow.filter(GitCommitRow.Columns.gitRepositoryId == id).order(GitCommitRow.Columns.position).fetchAll(db)
            var files: [Int64: [FileChange]] = [:]
            let changes = try GitFileChangeRow.fetchAll(db, sql: """
                SELECT gitFileChange.* FROM gitFileChange JOIN gitCommit ON gitCommit.id = gitFileChange.gitCommitId
                WHERE gitCommit.gitRepositoryId = ? ORDER BY gitFileChange.gitCommitId, gitFileChange.ordinal
                """, arguments: [id])
            for change in changes {
                guard let status = ChangeStatus(rawValue: change.status) else {
                    throw ResultStoreError.corruptGitHistory(location: location, reason: "file status '\(change.status)' of \(change.path)")
                }
                files[change.gitCommitId, default: []].append(FileChange(
                    path: change.path, status: status, oldPath: change.oldPath, similarity: change.similarity,
                    linesAdded: change.linesAdded, linesRemoved: change.linesRemoved))
            }
            return rows.map { row in
                Commit(hash: row.hash, parents: row.parents.split(separator: " ").map(String.init), authorTime: row.authorTime,
                       committerTime: row.committerTime, message: row.message, files: row.id.flatMap { files[$0] } ?? [])
            }
        }
    }

    private static func repositoryRow(_ db: Database, location: String, revision: String) throws -> GitRepositoryRow? {
        try GitRepositoryRow
            .filter(GitRepositoryRow.Columns.location == location && GitRepositoryRow.Columns.revision == revision)
            .fetchOne(db)
    }

    private static func requireGitTables(_ db: Database, path: String) throws {
        guard try db.tableExists(GitRepositoryRow.databaseTableName) else { throw ResultStoreError.gitHistoryUnavailable(path: path) }
    }
}
