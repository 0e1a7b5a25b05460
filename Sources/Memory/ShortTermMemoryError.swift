/// What short-term memory refuses: a buffer that could hold nothing, an expert it does not know,
/// a saved session in another format.
public enum ShortTermMemoryError: Error, Equatable, Sendable {
    /// `buffer` was given a token capacity below 1.
    case invalidCapacity(buffer: String, capacity: Int)
    /// No buffer exists for expert `name`; `known` lists those that do.
    case unknownExpert(name: String, known: [String])
    /// `addExpert` was given a name that already has a buffer.
    case duplicateExpert(name: String)
    /// A saved session's format version is not the one this build reads.
    case unsupportedVersion(found: Int, supported: Int)
}

extension ShortTermMemoryError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidCapacity(buffer, capacity):
            return "\(buffer): token capacity \(capacity), expected at least 1"
        case let .unknownExpert(name, known):
            return "no short-term buffer for expert \"\(name)\"; known experts: \(known.joined(separator: ", "))"
        case let .duplicateExpert(name):
            return "expert \"\(name)\" already has a short-term buffer"
        case let .unsupportedVersion(found, supported):
            return "short-term memory session has format version \(found), this build reads version \(supported) only"
        }
    }
}
