import Affect

/// `rated_set`: one of the four human-rated sets of the VADER paper (`model: affect`).
public enum AffectRatedSet: String, CaseIterable, Sendable {
    case tweets
    case movieReviews = "movie-reviews"
    case amazonReviews = "amazon-reviews"
    case nytEditorials = "nyt-editorials"

    /// The set in the Affect target's terms (file name, size, the paper's figure).
    public var ratedSet: VaderRatedSet {
        switch self {
        case .tweets: return .tweets
        case .movieReviews: return .movieReviewSnippets
        case .amazonReviews: return .amazonReviewSnippets
        case .nytEditorials: return .nytEditorialSnippets
        }
    }
}

/// The `base` keys of `model: affect` (experiments/affect.yaml).
extension ExperimentSchema {
    static let affectKeys: [FieldSpec] = [
        FieldSpec("rated_set", .oneOf(AffectRatedSet.self), default: .choice(AffectRatedSet.tweets),
                  help: "human-rated set of the VADER paper scored against its mean ratings: tweets (4 200), movie-reviews (10 605), amazon-reviews (3 708) or nyt-editorials (5 190)",
                  models: ["affect"]),
        FieldSpec("affect_dir", .string, default: .string("/usr/share/datasets/vader"),
                  help: "directory of VADER's lexicons and the rated sets (scripts/fetch-vader.py fills the default)", models: ["affect", "pipeline"]),
    ]
}
