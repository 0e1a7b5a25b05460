/// Association rules over co-changes, after Zimmermann, Weißgerber, Diehl & Zeller 2004, "Mining
/// Version Histories to Guide Software Changes" (ROSE): "programmers who changed these files
/// also changed…". The recognised reference for predicting a change's other files.
///
/// Transactions are the training commits of at most `maximumTransactionSize` files (larger ones
/// are imports and reformatting). A rule q → c has support n(q, c), the number of transactions
/// changing both, and confidence n(q, c) / n(q). Rules below `minimumSupport` or
/// `minimumConfidence` are dropped. For query files Q each candidate scores the highest
/// confidence of a rule from any q ∈ Q.
///
/// Simplification: ROSE also mines rules whose antecedent is a set of several files; here every
/// antecedent is a single file and several query files combine by the maximum. With one query
/// file (the cascade task) the two coincide.
public struct CoChangeRules: MicroExpert, Equatable {
    public var kind: ExpertKind { .coChangeRules }
    public var minimumSupport: Double
    public var minimumConfidence: Double
    public var maximumTransactionSize: Int
    public private(set) var counts = CoChangeCounts()
    public private(set) var paths = PathHistory()

    public init(minimumSupport: Double = 1, minimumConfidence: Double = 0.1, maximumTransactionSize: Int = 30) {
        self.minimumSupport = minimumSupport
        self.minimumConfidence = minimumConfidence
        self.maximumTransactionSize = maximumTransactionSize
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            for (old, new) in paths.apply(commit) { counts.rename(old, to: new) }
            let touched = commit.touchedPaths
            guard touched.count >= 2, touched.count <= maximumTransactionSize else { continue }
            counts.add(antecedents: touched, consequents: touched)
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        var scores: [String: Double] = [:]
        for q in given.sorted() {
            for (c, support) in counts.pairs[q] ?? [:] where support >= minimumSupport {
                guard paths.alive.contains(c), !given.contains(c) else { continue }
                let confidence = counts.confidence(q, c)
                guard confidence >= minimumConfidence else { continue }
                scores[c] = max(scores[c] ?? 0, confidence)
            }
        }
        return ScoredItem.ranked(scores, limit: limit)
    }
}
