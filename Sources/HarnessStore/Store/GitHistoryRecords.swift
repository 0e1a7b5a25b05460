import Foundation
import GRDB
import MicroExperts

/// A row of `gitRepository`: one mined history, named by where it came from and the revision
/// mined, with the head it has been mined up to.
public struct GitRepositoryRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "gitRepository"

    public var id: Int64?
    /// The repository directory or bundle file as it was named.
    public var location: String
    /// The branch, tag or commit whose first-parent history is stored.
    public var revision: String
    /// The newest stored commit: the next mine starts after it.
    public var head: String
    /// The first mine's lower date bound, in Unix seconds; nil for the whole history.
    public var since: Int64?
    public var firstMinedAt: Date
    public var lastMinedAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let location = Column(CodingKeys.location)
        public static let revision = Column(CodingKeys.revision)
        public static let head = Column(CodingKeys.head)
        public static let lastMinedAt = Column(CodingKeys.lastMinedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `gitCommit`: one commit of a stored first-parent history.
public struct GitCommitRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "gitCommit"

    public var id: Int64?
    public var gitRepositoryId: Int64
    /// 0-based place in first-parent order, oldest first.
    public var position: Int
    public var hash: String
    /// Parent hashes separated by single spaces, first parent first; empty for a root commit.
    public var parents: String
    public var authorTime: Int64
    public var committerTime: Int64
    public var message: String

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let gitRepositoryId = Column(CodingKeys.gitRepositoryId)
        public static let position = Column(CodingKeys.position)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `gitFileChange`: one file of a stored commit, in git's order.
public struct GitFileChangeRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "gitFileChange"

    public var gitCommitId: Int64
    public var ordinal: Int
    public var path: String
    /// `ChangeStatus`'s spelling (added, modified, deleted, renamed, copied, type-changed).
    public var status: String
    /// Set exactly for renames and copies (a schema CHECK).
    public var oldPath: String?
    public var similarity: Int?
    /// nil for a binary file.
    public var linesAdded: Int?
    public var linesRemoved: Int?

    public enum Columns {
        public static let gitCommitId = Column(CodingKeys.gitCommitId)
        public static let ordinal = Column(CodingKeys.ordinal)
    }

    init(gitCommitId: Int64, ordinal: Int, change: FileChange) {
        self.gitCommitId = gitCommitId
        self.ordinal = ordinal
        path = change.path
        status = change.status.rawValue
        oldPath = change.oldPath
        similarity = change.similarity
        linesAdded = change.linesAdded
        linesRemoved = change.linesRemoved
    }
}

/// What the database holds of one mined history.
public struct StoredGitHistory: Hashable, Sendable {
    public let location: String
    public let revision: String
    /// The newest stored commit.
    public let head: String
    /// Stored commits (positions 0 ..< commitCount).
    public let commitCount: Int
    /// The first mine's lower date bound; nil for the whole history.
    public let since: Date?
}
