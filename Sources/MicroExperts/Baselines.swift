import Tensor

/// Files by how recently a training commit touched them: the newest first.
///
/// confidence(f) = 1 / (1 + age(f)), age in training commits since f last changed (0 for the
/// last commit's files), so files of one commit tie and are ordered by path. Ignores the message.
public struct MostRecentBaseline: MicroExpert, Equatable {
    public var kind: ExpertKind { .mostRecent }
    public private(set) var lastStep: [String: Int] = [:]
    public private(set) var steps = 0
    public private(set) var paths = PathHistory()

    public init() {}

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            steps += 1
            for (old, new) in paths.apply(commit) {
                if let step = lastStep.removeValue(forKey: old) { lastStep[new] = max(step, lastStep[new] ?? 0) }
            }
            for path in commit.touchedPaths { lastStep[path] = steps }
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        var scores: [String: Double] = [:]
        for (path, step) in lastStep where paths.alive.contains(path) && !given.contains(path) {
            scores[path] = 1 / Double(1 + steps - step)
        }
        return ScoredItem.ranked(scores, limit: limit)
    }
}

/// Files by how many training commits touched them.
///
/// confidence(f) = n(f) / N, the fraction of training commits that touched f: an estimate of the
/// chance that a commit touches f when nothing else is known. Ignores the message.
public struct MostFrequentBaseline: MicroExpert, Equatable {
    public var kind: ExpertKind { .mostFrequent }
    public private(set) var counts: [String: Double] = [:]
    public private(set) var steps = 0
    public private(set) var paths = PathHistory()

    public init() {}

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            steps += 1
            for (old, new) in paths.apply(commit) {
                if let n = counts.removeValue(forKey: old) { counts[new, default: 0] += n }
            }
            for path in Set(commit.touchedPaths) { counts[path, default: 0] += 1 }
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        var scores: [String: Double] = [:]
        for (path, n) in counts where paths.alive.contains(path) && !given.contains(path) {
            scores[path] = n / Double(steps)
        }
        return ScoredItem.ranked(scores, limit: limit)
    }
}

/// The known files in a random order: the floor every model must clear.
///
/// The order is a function of (seed, query message, query files) only, drawn from the project's
/// Philox generator, so a query gets the same answer on every run and the ranking is still
/// independent of everything the experts use. Each file's confidence is a U(0, 1) draw: it
/// carries no information and only orders the files.
public struct RandomBaseline: MicroExpert, Equatable {
    public var kind: ExpertKind { .random }
    public let seed: UInt32
    public private(set) var paths = PathHistory()

    public init(seed: UInt32) {
        self.seed = seed
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits { paths.apply(commit) }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        let streamName = "random-baseline/" + query.message + "\u{0}" + query.files.joined(separator: "\u{0}")
        var generator = RandomStreams(suiteSeed: seed, runSeed: 0).generator(streamName)
        var scores: [String: Double] = [:]
        // files in sorted order so each draw goes to the same file every time
        for path in paths.alive.sorted() where !given.contains(path) {
            // (0, 1]: a draw of exactly 0 would drop the file from the ranking
            scores[path] = 1 - generator.unitUniformDouble()
        }
        return ScoredItem.ranked(scores, limit: limit)
    }
}
