import Foundation
import MicroExperts
@testable import Pipeline   // GateReading's memberwise initializer is internal
import Testing

/// The routing rule: memory prior, affect modulation, then QueryGate.rank's 0.6·w + 0.4·c with
/// the ×0.5 load penalty, hand-computed on four domains [language, vision, symbolic, affect].
@Suite("Routing policy")
struct RoutingPolicyTests {
    static let p = [0.1, 0.2, 0.6, 0.1]
    static let reading = GateReading(probabilities: p, spikeCounts: nil)

    static func scores(_ c: [Double]) -> [ExpertDomain: Double] {
        Dictionary(uniqueKeysWithValues: ExpertDomain.allCases.map { ($0, c[$0.index]) })
    }

    static func expectChosen(_ trace: RoutingTrace, _ expected: [(ExpertDomain, Double)], _ comment: Comment = "") {
        #expect(trace.chosen.map(\.domain) == expected.map(\.0), comment)
        for (got, want) in zip(trace.chosen, expected) {
            #expect(abs(got.score - want.1) < 1e-12, "\(got.domain): \(got.score), expected \(want.1) \(comment)")
        }
    }

    @Test("s = 0.6·w + 0.4·c, ×0.5 for an expert at its maximum load")
    func blendAndLoadPenalty() {
        let policy = RoutingPolicy(topK: 4, maximumLoad: 10)
        let c = [0.3, 0.0, 1.0, 0.5]
        let trace = policy.decide(reading: Self.reading, selfScores: Self.scores(c), valence: 0.9, arousal: 0.9, hits: [],
                                  load: [.symbolic: 10, .language: 9])
        // language 0.06 + 0.12 = 0.18 (load 9 < 10: no penalty); vision 0.12;
        // symbolic (0.36 + 0.4)·0.5 = 0.38; affect 0.06 + 0.2 = 0.26
        Self.expectChosen(trace, [(.symbolic, 0.38), (.affect, 0.26), (.language, 0.18), (.vision, 0.12)])
        #expect(trace.gateProbabilities == Self.p && trace.weights == Self.p)   // log mode: affect does not touch w
        #expect(trace.selfAssessment == c && trace.memoryPrior == nil && trace.spikeCounts == nil)
        // the same as MicroExperts' rule called directly
        let direct = QueryGate(maximumLoad: 10, topK: 4).rank(ExpertDomain.allCases, gate: Self.scores(Self.p),
                                                              selfAssessment: Self.scores(c), load: [.symbolic: 10, .language: 9])
        #expect(direct.map(\.key) == trace.chosen.map(\.domain) && direct.map(\.score) == trace.chosen.map(\.score))
        // without load the symbolic expert scores 0.76
        let unloaded = policy.decide(reading: Self.reading, selfScores: Self.scores(c), valence: 0, arousal: 0, hits: [], load: [:])
        Self.expectChosen(unloaded, [(.symbolic, 0.76), (.affect, 0.26), (.language, 0.18), (.vision, 0.12)])
    }

    @Test("self-assessment off: the gate alone decides, s = w")
    func gateAlone() {
        let policy = RoutingPolicy(topK: 4, selfAssessment: false)
        let trace = policy.decide(reading: Self.reading, selfScores: Self.scores([1, 1, 0, 1]), valence: 0, arousal: 0,
                                  hits: [], load: [:])
        // language and affect tie at 0.1: ExpertDomain order puts language first
        Self.expectChosen(trace, [(.symbolic, 0.6), (.vision, 0.2), (.language, 0.1), (.affect, 0.1)])
        #expect(trace.selfAssessment == [1, 1, 0, 1])   // still reported in the trace
    }

    @Test("memory prior m_d = Σ sim·[d] / Σ sim over hits ≥ the threshold; w = (1 − β)·p + β·m")
    func memoryPrior() {
        let policy = RoutingPolicy(topK: 4, memoryWeight: 0.5, memoryMinSimilarity: 0.3)
        let hits = [
            MemoryHit(id: 0, similarity: 0.9, domain: .symbolic, text: "2+2"),
            MemoryHit(id: 1, similarity: 0.6, domain: .language, text: "hello"),
            MemoryHit(id: 2, similarity: 0.29, domain: .affect, text: "ignored: below 0.3"),
            MemoryHit(id: 3, similarity: 0.3, domain: .vision, text: "kept: at the threshold"),
        ]
        let trace = policy.decide(reading: Self.reading, selfScores: Self.scores([0, 0, 0, 0]), valence: 0, arousal: 0,
                                  hits: hits, load: [:])
        // Σ sim = 0.9 + 0.6 + 0.3 = 1.8; m = [0.6, 0.3, 0.9, 0] / 1.8 = [1/3, 1/6, 1/2, 0]
        // w = 0.5·[0.1, 0.2, 0.6, 0.1] + 0.5·m = [0.21667, 0.18333, 0.55, 0.05]; s = 0.6·w
        let m = [1.0 / 3, 1.0 / 6, 0.5, 0]
        let w = [0.65 / 3, 0.55 / 3, 0.55, 0.05]
        for d in 0..<4 {
            #expect(abs(trace.memoryPrior![d] - m[d]) < 1e-12 && abs(trace.weights[d] - w[d]) < 1e-12, "domain \(d)")
        }
        Self.expectChosen(trace, [(.symbolic, 0.33), (.language, 0.13), (.vision, 0.11), (.affect, 0.03)])
        #expect(trace.gateProbabilities == Self.p)
    }

    @Test("hits below the similarity threshold, or β = 0, leave the gate's weights alone")
    func memoryIgnored() {
        let low = [MemoryHit(id: 0, similarity: 0.29, domain: .affect, text: "a"),
                   MemoryHit(id: 1, similarity: -0.9, domain: .vision, text: "b")]
        let trace = RoutingPolicy(memoryWeight: 0.5, memoryMinSimilarity: 0.3)
            .decide(reading: Self.reading, selfScores: [:], valence: 0, arousal: 0, hits: low, load: [:])
        #expect(trace.memoryPrior == nil && trace.weights == Self.p)
        let high = [MemoryHit(id: 0, similarity: 0.99, domain: .affect, text: "a")]
        let off = RoutingPolicy(memoryWeight: 0).decide(reading: Self.reading, selfScores: [:], valence: 0, arousal: 0,
                                                        hits: high, load: [:])
        #expect(off.memoryPrior == nil && off.weights == Self.p)
    }

    @Test("modulate mode applies the affect rule to the (memory-blended) weights")
    func modulateMode() {
        let policy = RoutingPolicy(topK: 4, affectMode: .modulate)
        let trace = policy.decide(reading: Self.reading, selfScores: [:], valence: -1, arousal: 0, hits: [], load: [:])
        // language 0.1·0.2 = 0.02, symbolic 0.6·0.8 = 0.48; softmax([0.2, 2, 4.8, 1]) at τ = 0.1
        let z = [0.2, 2.0, 4.8, 1.0].map { exp($0) }, sum = z.reduce(0, +)
        for d in 0..<4 { #expect(abs(trace.weights[d] - z[d] / sum) < 1e-12) }
        #expect(trace.gateProbabilities == Self.p)
        #expect(trace.chosen.map(\.domain) == [.symbolic, .vision, .affect, .language])
    }

    @Test("topK is honoured")
    func topK() {
        for k in 1...4 {
            let trace = RoutingPolicy(topK: k).decide(reading: Self.reading, selfScores: Self.scores([0.3, 0, 1, 0.5]),
                                                      valence: 0, arousal: 0, hits: [], load: [:])
            #expect(trace.chosen.count == k)
            #expect(trace.chosen.map(\.domain) == Array([ExpertDomain.symbolic, .affect, .language, .vision].prefix(k)))
        }
    }

    @Test("equal scores keep ExpertDomain order")
    func ties() {
        let uniform = GateReading(probabilities: [0.25, 0.25, 0.25, 0.25], spikeCounts: nil)
        let trace = RoutingPolicy(topK: 4).decide(reading: uniform, selfScores: Self.scores([0.5, 0.5, 0.5, 0.5]),
                                                  valence: 0, arousal: 0, hits: [], load: [:])
        #expect(trace.chosen.map(\.domain) == ExpertDomain.allCases)
        #expect(trace.chosen.allSatisfy { abs($0.score - 0.35) < 1e-12 })
        // ties among the rest after a clear winner, too
        let two = RoutingPolicy(topK: 3).decide(reading: uniform, selfScores: Self.scores([0, 0, 0, 1]),
                                                valence: 0, arousal: 0, hits: [], load: [:])
        #expect(two.chosen.map(\.domain) == [.affect, .language, .vision])
    }
}
