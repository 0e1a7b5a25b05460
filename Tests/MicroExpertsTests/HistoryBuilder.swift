@testable import MicroExperts

/// Hand-built commits for the expert tests: `modified("a")` etc. and a commit numbered i.
func change(_ path: String, _ status: ChangeStatus = .modified, from oldPath: String? = nil) -> FileChange {
    FileChange(path: path, status: status, oldPath: oldPath, linesAdded: 1, linesRemoved: 0)
}

func commit(_ i: Int, _ message: String, _ files: [FileChange]) -> Commit {
    Commit(hash: String(format: "%040d", i), parents: i > 0 ? [String(format: "%040d", i - 1)] : [],
           authorTime: Int64(1_000 * i), committerTime: Int64(1_000 * i), message: message, files: files)
}

func commit(_ i: Int, _ message: String, touching paths: [String]) -> Commit {
    commit(i, message, paths.map { change($0) })
}
