import TestSupport
import Testing
import Learning

@Suite("Neuromodulator ablations of the three-factor router")
struct NeuromodulatorAblationTests {
    /// One update from zero weights on x = [1], K = 2, chosen 0, reward 1: returns W[0, 0].
    func firstWeight(_ ablation: NeuromodulatorAblation) throws -> (weight: Float, temperature: Float) {
        var router = ThreeFactorRouter(expertCount: 2, featureCount: 1, learningRate: 1, criticLearningRate: 0.5,
                                       temperature: 0.7, useNeuromodulators: true)
        router.ablation = ablation
        try router.update([1], chosen: 0, reward: 1)
        return (router.weight[0], router.effectiveTemperature)
    }

    @Test("dopamine ablated: δ is the reward itself, so steps do not shrink as the critic learns the reward")
    func dopamine() throws {
        // V = 0 before the first update, so δ = r − V = r: only later steps tell them apart. A small
        // η keeps π near uniform, so the eligibility is the same in both and only δ differs.
        var with = ThreeFactorRouter(expertCount: 2, featureCount: 1, learningRate: 0.01, useNeuromodulators: true)
        var without = with
        without.ablation = .dopamine
        for _ in 0..<3 {
            try with.update([1], chosen: 0, reward: 1)
            try without.update([1], chosen: 0, reward: 1)
        }
        // with DA the critic learns r, δ shrinks; without it every step moves W by the full reward
        #expect(without.weight[0] > with.weight[0])
    }

    @Test("norepinephrine ablated: the fixed temperature instead of arousal's; gate factors 1")
    func norepinephrine() throws {
        let ablated = try firstWeight(.norepinephrine), full = try firstWeight(.none)
        #expect(ablated.temperature == 0.7)
        #expect(full.temperature != 0.7)
        // with NE off: π = [0.5, 0.5] at T = 0.7, e = 0.5/0.7, δ = clip(1 − 0) = 1, g = ACh × 5-HT
        #expect(ablated.weight != full.weight)
    }

    @Test("acetylcholine and serotonin ablated: the update uses a factor of 1 in their place")
    func gateFactors() throws {
        let none = try firstWeight(.none), ach = try firstWeight(.acetylcholine), serotonin = try firstWeight(.serotonin)
        let orchestra = NeuromodulatorOrchestra()
        // after one observation at r = 1, V = 0: δ = 1; the factors come from that state
        var observed = orchestra
        try observed.observe(reward: 1, expected: 0)
        let achFactor = observed.acetylcholine.multiplier, serotoninFactor = observed.serotonin.learningRateFactor
        #expect(close(none.weight / ach.weight, achFactor, abs: 1e-5))
        #expect(close(none.weight / serotonin.weight, serotoninFactor, abs: 1e-5))
    }
}
