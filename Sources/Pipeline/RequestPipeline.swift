import Affect
import Foundation
import Dispatch
import Memory

/// The full request pipeline of seed 000 §11: encode → detect affect → retrieve from long-term
/// memory → route (gate, memory prior, affect modulation, self-assessment, load) → run the chosen
/// experts → aggregate → remember, each stage timed.
///
/// One pipeline answers one request at a time (the experts hold workspaces); a session's
/// short-term memory and affect tracker travel in `PipelineSession`, so a command-line call can
/// load them, answer, and store them again.
public final class RequestPipeline {
    public let encoder: QueryEncoder
    public let detector: AffectDetector
    public let router: QueryRouter
    public let experts: [ExpertDomain: DomainExpert]
    public var policy: RoutingPolicy
    public var aggregation: AnswerAggregation
    public let memory: LongTermMemory?
    /// Whether answered requests are added to the long-term memory (with the domain that answered).
    public var remembersAnswers: Bool
    public var retrievalCount: Int
    public private(set) var manager: ExpertManager

    public init(encoder: QueryEncoder, detector: AffectDetector, router: QueryRouter, experts: [DomainExpert],
                policy: RoutingPolicy, aggregation: AnswerAggregation, memory: LongTermMemory?,
                remembersAnswers: Bool = false, retrievalCount: Int = 5, manager: ExpertManager = ExpertManager()) {
        precondition(router.inputSize == encoder.dimension, "RequestPipeline: the router reads \(router.inputSize) floats, the encoder writes \(encoder.dimension)")
        self.encoder = encoder
        self.detector = detector
        self.router = router
        self.experts = Dictionary(uniqueKeysWithValues: experts.map { ($0.domain, $0) })
        self.policy = policy
        self.aggregation = aggregation
        self.memory = memory
        self.remembersAnswers = remembersAnswers
        self.retrievalCount = retrievalCount
        self.manager = manager
    }

    /// Answers `request` within `session`; throws a `PipelineError` when it cannot (empty
    /// request, every chosen expert failing) — the session is then left as it was.
    public func answer(_ request: PipelineRequest, session: inout PipelineSession) throws -> PipelineReply {
        guard request.image != nil || !request.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PipelineError.emptyRequest
        }
        var clock = StageClock()
        let vector = encoder.encode(request)
        clock.lap(.encode)

        let detected = detector.detect(request.text, at: session.nextTime)
        var tracker = session.tracker
        let affect = tracker.update(detected)
        clock.lap(.affect)

        var hits: [MemoryHit] = []
        if let memory { hits = try memory.search(vector, k: retrievalCount) }
        clock.lap(.retrieve)

        let reading = router.read(vector, label: request.expectedDomain)
        var selfScores: [ExpertDomain: Double] = [:]
        for d in ExpertDomain.allCases { selfScores[d] = experts[d]?.canHandle(request) ?? 0 }
        let routing = policy.decide(reading: reading, selfScores: selfScores, valence: affect.valence, arousal: affect.arousal,
                                    hits: hits, load: manager.loads)
        clock.lap(.route)

        var answers: [(answer: ExpertAnswer, score: Double)] = []
        var failures: [String] = []
        var executed: [ExpertDomain] = []
        for chosen in routing.chosen {
            guard let expert = experts[chosen.domain] else { continue }
            let context = ExpertContext(shortTerm: session.contextBytes(for: chosen.domain), retrieved: hits, affect: affect)
            let started = DispatchTime.now().uptimeNanoseconds
            executed.append(chosen.domain)
            do {
                let answer = try expert.answer(request, context: context)
                answers.append((answer, chosen.score))
                manager.record(domain: chosen.domain, answered: true, latencySeconds: seconds(since: started))
                if aggregation.answersLazily, answer.confidence >= AnswerAggregation.sequentialThreshold { break }
            } catch {
                failures.append("\(chosen.domain.rawValue): \(error)")
                manager.record(domain: chosen.domain, answered: false, latencySeconds: seconds(since: started))
            }
        }
        clock.lap(.experts)

        guard let combined = aggregation.combine(answers) else { throw PipelineError.noExpertAnswered(reasons: failures) }
        clock.lap(.aggregate)

        if let primary = routing.chosen.first?.domain { manager.routed(to: primary) }
        manager.scale()
        session.remember(request.text, answeredBy: combined.primary.domain)
        session.tracker = tracker
        if remembersAnswers, let memory {
            try memory.remember(vector, domain: combined.primary.domain, text: request.text)
        }
        clock.lap(.remember)

        return PipelineReply(text: combined.text, domain: combined.primary.domain, answers: answers.map(\.answer),
                             failures: failures, executed: executed, affect: affect, detectedAffect: detected,
                             retrieved: hits, routing: routing, stageNanoseconds: clock.laps, totalNanoseconds: clock.total)
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// The pipeline's stages, in order.
public enum PipelineStage: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case encode, affect, retrieve, route, experts, aggregate, remember
}

/// Wall-clock time per stage, by laps of a monotonic clock.
struct StageClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last: UInt64
    private(set) var laps: [PipelineStage: UInt64] = [:]

    init() { last = start }

    mutating func lap(_ stage: PipelineStage) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps[stage, default: 0] += now - last
        last = now
    }

    var total: UInt64 { last - start }
}

/// The reply and its whole trace (`biomoe ask --json` prints it).
public struct PipelineReply: Sendable, Codable {
    public var text: String
    /// The domain of the answer the reply leads with (the one the suite scores).
    public var domain: ExpertDomain
    public var answers: [ExpertAnswer]
    public var failures: [String]
    /// The experts that ran, in order.
    public var executed: [ExpertDomain]
    /// The tracker's smoothed state, which routing used.
    public var affect: AffectState
    /// This request's own detection, before smoothing.
    public var detectedAffect: AffectState
    public var retrieved: [MemoryHit]
    public var routing: RoutingTrace
    public var stageNanoseconds: [PipelineStage: UInt64]
    public var totalNanoseconds: UInt64
}
