import Affect

/// An expert of the request pipeline: it says how well it can handle a request (seed 002's
/// `can_handle`, the self-assessment the router blends with its gate) and answers it.
///
/// `canHandle` must be cheap and never throw: the router asks every expert on every request.
/// `answer` may throw a `PipelineError` whose message the user can act on (an unparsable
/// expression, a missing image); the aggregator then falls back or reports it, never crashes.
public protocol DomainExpert: AnyObject {
    var domain: ExpertDomain { get }
    /// Confidence in [0, 1] that this expert can answer `request`.
    func canHandle(_ request: PipelineRequest) -> Double
    func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer
}

/// What the pipeline hands an expert besides the request: the session's short-term context for
/// this expert (bytes of earlier turns, oldest first), the long-term memory's hits, and the
/// detected affect.
public struct ExpertContext: Sendable {
    public var shortTerm: [UInt8]
    public var retrieved: [MemoryHit]
    public var affect: AffectState?

    public init(shortTerm: [UInt8] = [], retrieved: [MemoryHit] = [], affect: AffectState? = nil) {
        self.shortTerm = shortTerm
        self.retrieved = retrieved
        self.affect = affect
    }
}

/// One long-term memory hit shown to experts and in the trace: a past request's id, its
/// cosine similarity to this one, the domain that answered it and the start of its text.
public struct MemoryHit: Sendable, Codable, Equatable {
    public var id: Int64
    public var similarity: Double
    public var domain: ExpertDomain
    public var text: String

    public init(id: Int64, similarity: Double, domain: ExpertDomain, text: String) {
        self.id = id
        self.similarity = similarity
        self.domain = domain
        self.text = text
    }
}

/// An expert's reply. `answerKey` is what the suite compares with the request's
/// `expectedAnswer` (the class index, the value's exact rendering); `bitsPerCharacter` is the
/// language expert's NLL of the request text under its model.
public struct ExpertAnswer: Sendable, Codable, Equatable {
    public var domain: ExpertDomain
    public var text: String
    public var confidence: Double
    public var answerKey: String?
    public var bitsPerCharacter: Double?

    public init(domain: ExpertDomain, text: String, confidence: Double, answerKey: String? = nil, bitsPerCharacter: Double? = nil) {
        self.domain = domain
        self.text = text
        self.confidence = confidence
        self.answerKey = answerKey
        self.bitsPerCharacter = bitsPerCharacter
    }
}
