import MoE
import Testing
@testable import HarnessRun

@Suite("Routing observer")
struct RoutingObserverTests {
    @Test("a decision counts as decided by spikes only when every chosen count beats every other")
    func spikeDecided() {
        let decision = RoutingDecision(experts: 3, topK: 1, maxBatch: 3, hasSpikeCounts: true)
        let counts: [Float] = [3, 1, 0,   // expert 0 chosen with 3 > 1: decided by spikes
                               2, 2, 0,   // expert 1 chosen, tie with expert 0: the tie-break decided
                               0, 0, 0]   // silent: the tie-break alone chose expert 2
        let chosen: [Int32] = [0, 1, 2]
        for i in 0..<9 { decision.spikeCounts![i] = counts[i] }
        for b in 0..<3 { decision.indices[b] = chosen[b] }
        var observer = RoutingObserver(experts: 3, topK: 1)
        observer.observe(decision, batch: 3)
        #expect(observer.spikeDecidedFraction == 1.0 / 3)
        #expect(observer.silentDecisionFraction == 1.0 / 3)
        #expect(observer.spikesPerDecision == 8.0 / 3)
    }

    @Test("routers without spikes report no spike-decided fraction")
    func noSpikes() {
        let decision = RoutingDecision(experts: 2, topK: 1, maxBatch: 1)
        var observer = RoutingObserver(experts: 2, topK: 1)
        observer.observe(decision, batch: 1)
        #expect(observer.spikeDecidedFraction == nil)
        #expect(observer.silentDecisionFraction == nil)
    }
}
