import TestSupport
import Testing
import Learning

@Suite("Reward-modulated STDP router by hand")
struct ModulatedSTDPRouterTests {
    /// One expert, one input always spiking (r_max 1), W = 0 so the neuron never fires and gets
    /// the forced spike on the replay's last step; two steps, η = 0.1, reward 1 (r' = 1 − 0).
    func oneUpdate(_ variant: ModulatedSTDPVariant) throws -> Float {
        var rng = SplitMix64(seed: 1)
        var router = ModulatedSTDPRouter(expertCount: 1, featureCount: 1, variant: variant, learningRate: 0.1, steps: 2,
                                         epsilon: 0, maxRate: 1, initialWeightMax: 0, rng: &rng)
        #expect(router.choose([1], &rng) == 0 && router.lastCounts == [0])
        try router.update([1], chosen: 0, reward: 1)
        return router.weight[0]
    }

    @Test("MSTDP: P+ = 1 + e^(−1/20) and P− = −1 at the forced spike, ζ = e^(−1/20), so w = η·r'·ζ = 0.0951229")
    func mstdpByHand() throws {
        #expect(close(try oneUpdate(.mstdp), 0.1 * 0.951229425, abs: 1e-6))
    }

    @Test("MSTDPET: the same ζ through the trace, e = ζ/τ_e with τ_e = 25, so w = η·r'·e = 0.0038049")
    func mstdpetByHand() throws {
        #expect(close(try oneUpdate(.mstdpet), 0.1 * 0.951229425 / 25, abs: 1e-7))
    }

    @Test("with a balanced window (a− = −a+) a regular input leaves no net change: the pairs around each post spike cancel")
    func balancedWindowCancels() throws {
        var rng = SplitMix64(seed: 2)
        var router = ModulatedSTDPRouter(expertCount: 2, featureCount: 2, variant: .mstdp, learningRate: 0.01, steps: 8,
                                         epsilon: 0, threshold: 0.45, maxRate: 1, aMinus: -1, rng: &rng)
        let before = router.weight
        let chosen = router.choose([1, 0], &rng)
        try router.update([1, 0], chosen: chosen, reward: 1)
        #expect(abs(router.weight[chosen * 2] - before[chosen * 2]) < 1e-5)
    }

    @Test("credit goes to the chosen expert's synapses from active inputs only; a loss after gains depresses them")
    func credit() throws {
        var rng = SplitMix64(seed: 2)
        var router = ModulatedSTDPRouter(expertCount: 2, featureCount: 2, variant: .mstdp, learningRate: 0.01, steps: 8,
                                         epsilon: 0, threshold: 0.45, maxRate: 1, aMinus: -0.5, rng: &rng)
        let before = router.weight
        let chosen = router.choose([1, 0], &rng)
        try router.update([1, 0], chosen: chosen, reward: 1)
        let other = 1 - chosen
        #expect(router.weight[chosen * 2] > before[chosen * 2], "active input, rewarded: potentiated")
        #expect(router.weight[chosen * 2 + 1] == before[chosen * 2 + 1], "silent input: unchanged")
        #expect(Array(router.weight[(other * 2)..<(other * 2 + 2)]) == Array(before[(other * 2)..<(other * 2 + 2)]), "other expert: unchanged")
        // the running mean reward is now 0.01, so a reward of 0 is r' = −0.01 < 0 (with θ above one
        // step's drive the neuron fires on some steps only: firing on every step would give ζ = 0)
        let afterGain = router.weight[chosen * 2]
        _ = router.choose([1, 0], &rng)
        try router.update([1, 0], chosen: chosen, reward: 0)
        #expect(router.weight[chosen * 2] < afterGain)
    }
}
