/// Which files exist and what each old path is called now, followed commit by commit.
///
/// Every expert keeps one: when a commit renames `old` → `new`, the expert moves what it learned
/// about `old` to `new` (so a file's history survives its renames), and deleted files leave the
/// candidates until a later commit adds them again. Files are known only from the commits
/// trained on: a file that existed but never changed in them is not a candidate.
public struct PathHistory: Sendable, Codable, Equatable {
    /// Paths present after the last commit applied.
    public private(set) var alive: Set<String> = []
    /// old path → the path it was renamed to (one step; `current(_:)` follows the chain).
    public private(set) var renamedTo: [String: String] = [:]

    public init() {}

    /// A history whose files are `alive`, with no renames known.
    public init(alive: Set<String>) {
        self.alive = alive
    }

    /// Applies one commit's adds, deletions and renames; returns its renames (old, new) in git's
    /// order, for the caller to move its statistics.
    @discardableResult
    public mutating func apply(_ commit: Commit) -> [(old: String, new: String)] {
        var renames: [(old: String, new: String)] = []
        for change in commit.files {
            switch change.status {
            case .deleted:
                alive.remove(change.path)
            case .renamed:
                if let old = change.oldPath {
                    alive.remove(old)
                    if old != change.path {
                        renamedTo[old] = change.path
                        renames.append((old, change.path))
                    }
                }
                alive.insert(change.path)
                // A path reused after being renamed away is a new file again.
                renamedTo[change.path] = nil
            case .added, .modified, .copied, .typeChanged:
                alive.insert(change.path)
                if change.status == .added { renamedTo[change.path] = nil }
            }
        }
        return renames
    }

    /// The name `path` has now, following renames (at most as many steps as there are renames,
    /// so a cycle a → b → a ends).
    public func current(_ path: String) -> String {
        var name = path
        var steps = 0
        while let next = renamedTo[name], steps <= renamedTo.count {
            name = next
            steps += 1
        }
        return name
    }
}
