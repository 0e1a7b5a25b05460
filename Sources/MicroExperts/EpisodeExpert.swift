/// A short-term expert trained on one window of history: the design's per-session "episode
/// expert", with a time window of commits standing in for a session.
///
/// It keeps the design's two pattern tables: query patterns, token → file → count (how often a
/// message word came with a file), and file co-occurrence, file → file → count. It predicts by
///
///     score(f | q) = (1/|q′|) Σ_{t ∈ q′} n(t, f) / Σ_g n(t, g)        (q′: query tokens it knows)
///
/// the mean over known tokens of P(f | t), which merges by adding counts (see
/// `EpisodeConsolidation`). Files of the window that were deleted or renamed away are recorded so
/// that consolidation in time order can drop them.
public struct EpisodeExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .episode }
    public var id: String
    public private(set) var firstCommit: String?
    public private(set) var lastCommit: String?
    public private(set) var startTime: Int64?
    public private(set) var endTime: Int64?
    public private(set) var commitCount = 0
    /// token → file → count.
    public internal(set) var queryPatterns: [String: [String: Double]] = [:]
    /// file → file → count of commits changing both.
    public internal(set) var fileCooccurrence: [String: [String: Double]] = [:]
    /// Files present at the end of the window, as far as its commits show.
    public internal(set) var alive: Set<String> = []
    /// Files the window deleted or renamed away.
    public internal(set) var removed: Set<String> = []
    /// Renames of the window, old → new, in order.
    public internal(set) var renames: [RenamedPath] = []

    public init(id: String) {
        self.id = id
    }

    public mutating func train(_ commits: [Commit]) {
        var history = PathHistory(alive: alive)
        for commit in commits {
            if firstCommit == nil { firstCommit = commit.hash; startTime = commit.committerTime }
            lastCommit = commit.hash
            endTime = commit.committerTime
            commitCount += 1
            for (old, new) in history.apply(commit) {
                renames.append(RenamedPath(old: old, new: new))
                Self.rename(&queryPatterns, old, new)
                Self.rename(&fileCooccurrence, old, new)
            }
            for change in commit.files where change.status == .deleted { removed.insert(change.path) }
            for change in commit.files where change.status == .renamed { if let old = change.oldPath { removed.insert(old) } }
            let touched = Array(Set(commit.touchedPaths))
            for path in touched { removed.remove(path) }
            for t in Tokenizer.tokens(commit.message) {
                for f in touched { queryPatterns[t, default: [:]][f, default: 0] += 1 }
            }
            for a in touched { for b in touched where a != b { fileCooccurrence[a, default: [:]][b, default: 0] += 1 } }
        }
        alive = history.alive
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files)
        let tokens = Tokenizer.tokens(query.message).filter { queryPatterns[$0] != nil }
        var scores: [String: Double] = [:]
        for t in tokens {
            let row = queryPatterns[t] ?? [:]
            var total = 0.0
            for key in row.keys.sorted() { total += row[key] ?? 0 }
            for (f, n) in row where alive.contains(f) && !given.contains(f) {
                scores[f, default: 0] += n / total / Double(tokens.count)
            }
        }
        return ScoredItem.ranked(scores, limit: limit)
    }

    /// Moves row and column `old` of a count table onto `new`.
    static func rename(_ table: inout [String: [String: Double]], _ old: String, _ new: String) {
        if let row = table.removeValue(forKey: old) {
            for (k, n) in row where k != new { table[new, default: [:]][k, default: 0] += n }
        }
        for key in table.keys {
            if let n = table[key]?.removeValue(forKey: old), key != new { table[key]?[new, default: 0] += n }
        }
    }
}

/// One rename, as a Codable pair.
public struct RenamedPath: Sendable, Codable, Equatable {
    public let old: String
    public let new: String
}

/// How a window of history is cut into episodes.
public enum EpisodeWindow: Sendable, Codable, Equatable {
    /// Every `n` commits (the last episode may be shorter).
    case commits(Int)
    /// Every `seconds` of committer time, windows aligned to the first commit's time.
    case duration(seconds: Int64)

    /// The commits (oldest first) split into consecutive windows; empty windows are skipped.
    public func split(_ commits: [Commit]) -> [[Commit]] {
        switch self {
        case .commits(let n):
            precondition(n > 0, "an episode needs at least one commit, got \(n)")
            return stride(from: 0, to: commits.count, by: n).map { Array(commits[$0..<min($0 + n, commits.count)]) }
        case .duration(let seconds):
            precondition(seconds > 0, "an episode needs a positive duration, got \(seconds)")
            guard let start = commits.first?.committerTime else { return [] }
            var windows: [[Commit]] = []
            var currentIndex: Int64 = -1
            for commit in commits {
                // commits out of time order stay in the current window rather than reopening an old one
                let index = max(currentIndex, (commit.committerTime - start) / seconds)
                if index != currentIndex { windows.append([]); currentIndex = index }
                windows[windows.count - 1].append(commit)
            }
            return windows
        }
    }
}
