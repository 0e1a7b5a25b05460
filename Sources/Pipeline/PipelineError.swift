/// Why the pipeline could not answer, in words the user can act on.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
    case emptyRequest
    case imageRequired
    case malformedImage(source: String, reason: String)
    case unparsableExpression(String)
    case noExpertAnswered(reasons: [String])
    case tooFewInputs(what: String, found: Int, needed: Int)

    public var description: String {
        switch self {
        case .emptyRequest:
            return "the request is empty: give some text (e.g. biomoe ask \"what is 17*23?\") or an image with --image FILE"
        case .imageRequired:
            return "the vision expert needs an image: pass --image FILE (a 28×28 PGM or PNG) or --image fashion-mnist:INDEX"
        case let .malformedImage(source, reason):
            return "\(source): \(reason)"
        case let .unparsableExpression(message):
            return "the symbolic expert could not read the expression: \(message)"
        case let .noExpertAnswered(reasons):
            return "no chosen expert could answer: " + reasons.joined(separator: "; ")
        case let .tooFewInputs(what, found, needed):
            return "the request set needs \(needed) \(what) but its source holds \(found): lower requests_train, requests_validation or requests_test"
        }
    }
}
