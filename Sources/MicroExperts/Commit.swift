/// One commit of a branch's first-parent history, as `GitMiner` reads it from `git log`.
///
/// Times are whole seconds since 1970 as git records them (`%at`, `%ct`), kept as integers so a
/// commit stored in SQLite and read back compares equal. The message is the raw body (`%B`):
/// subject line, blank line, body, without the trailing newline git adds.
public struct Commit: Sendable, Codable, Equatable, Hashable {
    /// Full 40-hex object name.
    public let hash: String
    /// Parent hashes in git's order; the first is the branch the commit was made on. More than one
    /// means a merge, whose `files` are its difference from the first parent (see `GitMiner`).
    public let parents: [String]
    /// When the change was written (`%at`): survives rebases and cherry-picks.
    public let authorTime: Int64
    /// When the commit object was made (`%ct`): the time it landed on the branch.
    public let committerTime: Int64
    public let message: String
    /// Changed files in the order git lists them.
    public let files: [FileChange]

    public init(hash: String, parents: [String], authorTime: Int64, committerTime: Int64, message: String,
                files: [FileChange]) {
        self.hash = hash
        self.parents = parents
        self.authorTime = authorTime
        self.committerTime = committerTime
        self.message = message
        self.files = files
    }

    public var isMerge: Bool { parents.count > 1 }

    /// The first line of the message.
    public var subject: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Paths the commit leaves in the tree (new paths of renames; deleted files excluded), in git's order.
    public var touchedPaths: [String] {
        files.filter { $0.status != .deleted }.map(\.path)
    }

    /// Every path the commit changed, deleted ones included, each once.
    public var changedPaths: [String] {
        var seen = Set<String>()
        return files.map(\.path).filter { seen.insert($0).inserted }
    }

    /// Lines added plus lines removed over the text files (binary files count 0).
    public var changedLines: Int {
        files.reduce(0) { $0 + ($1.linesAdded ?? 0) + ($1.linesRemoved ?? 0) }
    }
}

/// One file of a commit: what happened to it and how many lines moved.
public struct FileChange: Sendable, Codable, Equatable, Hashable {
    /// The path after the commit (for a deletion, the path that was removed).
    public let path: String
    public let status: ChangeStatus
    /// The path before a rename or copy; nil otherwise.
    public let oldPath: String?
    /// Rename or copy similarity in percent as git scored it (`R087` → 87); nil otherwise.
    public let similarity: Int?
    /// Lines added and removed (`--numstat`); nil for a binary file, whose lines git does not count.
    public let linesAdded: Int?
    public let linesRemoved: Int?

    public init(path: String, status: ChangeStatus, oldPath: String? = nil, similarity: Int? = nil,
                linesAdded: Int?, linesRemoved: Int?) {
        self.path = path
        self.status = status
        self.oldPath = oldPath
        self.similarity = similarity
        self.linesAdded = linesAdded
        self.linesRemoved = linesRemoved
    }
}

/// What a commit did to a file, spelled as stored (git's letters: A, M, D, R, C, T).
public enum ChangeStatus: String, Sendable, Codable, CaseIterable {
    case added
    case modified
    case deleted
    case renamed
    /// Only when copy detection is on; the miner does not ask for it, but a stored row may hold it.
    case copied
    /// File ↔ symlink or mode change of kind (git's T).
    case typeChanged = "type-changed"

    /// git's status letter (the first character of `--raw`'s status field).
    public init?(gitLetter: Character) {
        switch gitLetter {
        case "A": self = .added
        case "M": self = .modified
        case "D": self = .deleted
        case "R": self = .renamed
        case "C": self = .copied
        case "T": self = .typeChanged
        default: return nil
        }
    }
}
