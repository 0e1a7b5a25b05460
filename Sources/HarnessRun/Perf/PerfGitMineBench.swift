import Dispatch
import Foundation
import HarnessConfig
import HarnessStore

/// The git-mine bench: what `biomoe mine` costs on a long history, in a temporary directory
/// that is removed afterwards.
///
/// 1. A repository of 10 000 commits is written with `git fast-import` (`SyntheticGitHistory`).
///    It is synthetic because the bench needs a history that long on every machine, offline and
///    identical every time (seeded); the real histories at hand have a few hundred commits. Its
///    commits are shaped like real ones (a few files each, tests and docs beside sources, renames,
///    deletions, large refactorings), so `git log --raw --numstat -M` does the same kind of work
///    per commit as on a real repository; the history is linear (no merges). Writing it is not
///    timed.
/// 2. `mine_seconds`: `GitHistoryImport.mine` from scratch, exactly what `biomoe mine` runs —
///    GitMiner reads the whole first-parent history and every commit and file is stored in a
///    scratch results database. The target is under one minute.
/// 3. 100 more commits are written; `mine_incremental_seconds`: the same mine again, which reads
///    and stores only the commits after the stored head.
enum PerfGitMineBench {
    static let commits = 10_000
    static let increment = 100

    static func run(spec: RunSpec, progress: ProgressHandler, into outcome: inout RunOutcome) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-git-mine-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = directory.appendingPathComponent("repository")
        var history = try SyntheticGitHistory(directory: repository, commits: commits,
                                              seed: UInt32(truncatingIfNeeded: spec.suiteSeed &* 1_000_003 &+ spec.seed))
        progress(0.3, "wrote \(commits) synthetic commits")
        let store = try ResultStore(path: directory.appendingPathComponent("mined.sqlite").path)

        let start = DispatchTime.now().uptimeNanoseconds
        let first = try GitHistoryImport.mine(location: repository.path, revision: "HEAD", since: nil, into: store)
        let mineSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard first.history.commitCount == commits else {
            throw PerfGitMineError.wrongCount(expected: commits, stored: first.history.commitCount)
        }
        progress(0.7, String(format: "mined %d commits in %.2f s", commits, mineSeconds))

        try history.append(commits: increment)
        let again = DispatchTime.now().uptimeNanoseconds
        let second = try GitHistoryImport.mine(location: repository.path, revision: "HEAD", since: nil, into: store)
        let incrementalSeconds = Double(DispatchTime.now().uptimeNanoseconds - again) / 1e9
        guard second.newCommits.count == increment, second.history.commitCount == commits + increment else {
            throw PerfGitMineError.wrongCount(expected: commits + increment, stored: second.history.commitCount)
        }
        outcome.metric("mine_seconds", mineSeconds)
        outcome.metric("mine_incremental_seconds", incrementalSeconds)
    }
}

enum PerfGitMineError: Error, CustomStringConvertible {
    case wrongCount(expected: Int, stored: Int)

    var description: String {
        switch self {
        case let .wrongCount(expected, stored):
            return "the git-mine bench stored \(stored) commits of the synthetic history, expected \(expected): mining is broken"
        }
    }
}
