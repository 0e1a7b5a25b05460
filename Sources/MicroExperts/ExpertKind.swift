/// Every model that ranks files, spelled as in a suite config and in the stored JSON.
public enum ExpertKind: String, Sendable, Codable, CaseIterable {
    case file
    case test
    case doc
    case refactor
    case error
    /// Files by how recently they last changed.
    case mostRecent = "most-recent"
    /// Files by how often they changed.
    case mostFrequent = "most-frequent"
    /// A seeded random permutation of the known files.
    case random
    /// Association rules over co-changes (Zimmermann et al. 2004, ROSE).
    case coChangeRules = "co-change-rules"
    /// One time window's file expert (see `EpisodeExpert`).
    case episode

    /// The baselines an expert must beat.
    public var isBaseline: Bool {
        switch self {
        case .mostRecent, .mostFrequent, .random, .coChangeRules: return true
        case .file, .test, .doc, .refactor, .error, .episode: return false
        }
    }
}

/// A model trained on a repository's history that ranks files for a query.
///
/// `train` is additive: training on commits A and then on commits B gives the same model as
/// training on A followed by B in one call, so a model can follow a repository incrementally.
/// Commits must come oldest first (renames and deletions are applied in that order).
/// `predict` returns at most `limit` items ordered by `ScoredItem.precedes`, never an item of the
/// query's own `files`, and only files that exist at the end of training.
public protocol MicroExpert: Sendable, Codable {
    var kind: ExpertKind { get }
    mutating func train(_ commits: [Commit])
    func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem]
}
