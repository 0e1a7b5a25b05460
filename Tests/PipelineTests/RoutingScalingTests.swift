import Testing
import Tensor
@testable import Pipeline

/// Counts the self-assessments it is asked for, to check what one routing decision includes.
private final class CountingExpert: DomainExpert {
    let domain: ExpertDomain
    var calls = 0
    init(_ domain: ExpertDomain) { self.domain = domain }
    func canHandle(_ request: PipelineRequest) -> Double {
        calls += 1
        return 0.5
    }
    func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer {
        ExpertAnswer(domain: domain, text: "", confidence: 0)
    }
}

@Suite("Routing cost by expert count")
struct RoutingScalingTests {
    @Test("one routing decision with E experts asks each of the E instances once, per request and per count")
    func everyInstanceAssessesEveryRequest() {
        let experts = ExpertDomain.allCases.map(CountingExpert.init)
        let requests = (0..<3).map { PipelineRequest(text: "request \($0)") }
        var rng = Philox4x32_10(key: (1, 2))
        let rows = RoutingScaling.measure(requests: requests, experts: experts, encoder: QueryEncoder(buckets: 16),
                                          counts: [4, 12], rng: &rng)
        #expect(rows.map(\.experts) == [4, 12])
        #expect(rows.allSatisfy { $0.seconds > 0 })
        // 3 requests × (4 + 12) instances, spread evenly: 3 × (1 + 3) calls per domain expert
        #expect(experts.map(\.calls) == [12, 12, 12, 12])
    }
}
