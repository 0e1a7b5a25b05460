/// Everything a vector index can refuse: a vector of the wrong length, an id it already holds, a
/// vector whose cosine similarity is undefined, a meaningless k, bad IVF settings, too little
/// data to train on.
///
/// Each description is one line naming the offending value and what would be right, so a failed
/// run's log is enough to fix the caller.
public enum VectorIndexError: Error, Equatable, Sendable {
    /// `role` ("query", "vector for id 7") has `found` components; the index holds `expected`.
    case wrongDimension(role: String, expected: Int, found: Int)
    /// `add` was given an id the index already holds.
    case duplicateID(Int64)
    /// Every component of `role` is zero, so its direction (and cosine similarity) is undefined.
    case zeroVector(role: String)
    /// Component `index` of `role` is NaN or infinite.
    case nonFiniteComponent(role: String, index: Int)
    /// Search asked for k ≤ 0 hits.
    case invalidK(Int)
    /// A dimension ≤ 0 was asked for.
    case invalidDimension(Int)
    /// Setting `name` has `value`; `expected` says what it must be.
    case invalidSetting(name: String, value: String, expected: String)
    /// Training the coarse quantiser needs at least one vector per list.
    case tooFewTrainingVectors(needed: Int, found: Int)
}

extension VectorIndexError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .wrongDimension(role, expected, found):
            return "\(role) has \(found) components; the index holds \(expected)-dimensional vectors"
        case let .duplicateID(id):
            return "id \(id) is already in the index; remove it first to replace its vector"
        case let .zeroVector(role):
            return "\(role) is all zeros: cosine similarity is undefined for a zero vector"
        case let .nonFiniteComponent(role, index):
            return "\(role) has a NaN or infinite component at index \(index); expected finite values"
        case let .invalidK(k):
            return "k = \(k): the number of hits to return must be at least 1"
        case let .invalidDimension(dimension):
            return "dimension \(dimension): a vector index needs at least 1 dimension"
        case let .invalidSetting(name, value, expected):
            return "\(name) = \(value): expected \(expected)"
        case let .tooFewTrainingVectors(needed, found):
            return "training the coarse quantiser needs at least \(needed) vectors (one per list), got \(found)"
        }
    }
}
