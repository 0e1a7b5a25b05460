/// Files being changed → the cascade of other files that change with them, learned from large
/// commits only.
///
/// A commit counts when it touches between `minimumFiles` and `maximumFiles` files (defaults 5
/// and 200: below, a commit says little about cascades; above, it is usually a mass rename or
/// reformat that links everything to everything). For query files Q:
///
///     score(c) = (1/|Q|) Σ_{q ∈ Q} n(q, c) / n(q)
///
/// the mean of the conditional co-change frequencies, so a file implied by several of the
/// changed files outranks one implied by a single file.
public struct RefactorExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .refactor }
    public var minimumFiles: Int
    public var maximumFiles: Int
    public private(set) var counts = CoChangeCounts()
    public private(set) var paths = PathHistory()

    public init(minimumFiles: Int = 5, maximumFiles: Int = 200) {
        self.minimumFiles = minimumFiles
        self.maximumFiles = maximumFiles
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            for (old, new) in paths.apply(commit) { counts.rename(old, to: new) }
            let touched = commit.touchedPaths
            guard touched.count >= minimumFiles, touched.count <= maximumFiles else { continue }
            counts.add(antecedents: touched, consequents: touched)
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        guard !given.isEmpty else { return [] }
        var scores: [String: Double] = [:]
        for q in given.sorted() {
            for (c, _) in counts.pairs[q] ?? [:] where paths.alive.contains(c) && !given.contains(c) {
                scores[c, default: 0] += counts.confidence(q, c) / Double(given.count)
            }
        }
        return ScoredItem.ranked(scores, limit: limit)
    }
}
