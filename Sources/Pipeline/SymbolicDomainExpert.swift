import Symbolic

/// The symbolic expert of the pipeline: the Symbolic target's exact evaluator, its
/// self-assessment unchanged (1 when the request's expression parses, less when it only looks
/// like one, 0 for plain prose).
public final class SymbolicDomainExpert: DomainExpert {
    public let domain = ExpertDomain.symbolic
    private let evaluator = SymbolicExpert()

    public init() {}

    public func canHandle(_ request: PipelineRequest) -> Double {
        evaluator.canHandle(request.text)
    }

    public func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer {
        switch evaluator.answer(request.text) {
        case let .success(answer):
            return ExpertAnswer(domain: .symbolic, text: "\(answer.canonicalExpression) = \(answer.rendering)", confidence: 1,
                                answerKey: answer.rendering)
        case let .failure(error):
            throw PipelineError.unparsableExpression("\(error)")
        }
    }
}
