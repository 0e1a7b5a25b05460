import Continual
import Testing
import TestSupport

@Suite("SynapticIntelligence")
struct SynapticIntelligenceTests {
    @Test("by hand: two steps integrate −g·Δθ, and consolidation divides by Δθ² + ξ and moves the anchor")
    func byHand() {
        let start = makeBuffer([0, 1])
        var si = SynapticIntelligence(initialValues: start.readOnly, damping: 0.1)
        // step 1: θ (0, 1) → (0.5, 1) under g (−2, 3): w = (1, 0)
        si.record(grads: makeBuffer([-2, 3]).readOnly, before: makeBuffer([0, 1]).readOnly, after: makeBuffer([0.5, 1]).readOnly)
        // step 2: θ (0.5, 1) → (1, 0.5) under g (−1, 1): w = (1.5, 0.5)
        si.record(grads: makeBuffer([-1, 1]).readOnly, before: makeBuffer([0.5, 1]).readOnly, after: makeBuffer([1, 0.5]).readOnly)
        #expect(si.pathIntegral == [1.5, 0.5])
        let anchor = si.consolidate(values: makeBuffer([1, 0.5]).readOnly)
        // Ω = (1.5 / (1 + 0.1), 0.5 / (0.25 + 0.1))
        #expect(abs(anchor.importance[0] - 1.5 / 1.1) < 1e-6)
        #expect(abs(anchor.importance[1] - 0.5 / 0.35) < 1e-6)
        #expect(anchor.anchor == [1, 0.5])
        #expect(si.pathIntegral == [0, 0])
        // a second task adds to Ω rather than replacing it
        si.record(grads: makeBuffer([-1, 0]).readOnly, before: makeBuffer([1, 0.5]).readOnly, after: makeBuffer([2, 0.5]).readOnly)
        let second = si.consolidate(values: makeBuffer([2, 0.5]).readOnly)
        #expect(abs(second.importance[0] - (1.5 / 1.1 + 1 / 1.1)) < 1e-6)
        #expect(abs(second.importance[1] - 0.5 / 0.35) < 1e-6)
    }
}
