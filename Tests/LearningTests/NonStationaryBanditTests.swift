import TestSupport
import Testing
import Learning

@Suite("Bandits that forget, by hand")
struct NonStationaryBanditTests {
    @Test("sliding-window UCB, τ = 3: the oldest play leaves the window, and an arm with no play left in it is tried again")
    func slidingWindowUCB() throws {
        var bandit = SlidingWindowUCBBandit(expertCount: 2, window: 3, xi: 0.6)
        for (arm, reward) in [(0, Float(1)), (1, 0), (0, 1)] { try bandit.update([], chosen: arm, reward: reward) }
        #expect(bandit.windowPulls == [2, 1] && bandit.windowRewards == [2, 0])
        try bandit.update([], chosen: 1, reward: 1)  // (0, 1) leaves
        #expect(bandit.windowPulls == [1, 2] && bandit.windowRewards == [1, 1])
        // t = 4, min(t, τ) = 3: 1 + √(0.6 ln 3) = 1.8118912; 0.5 + √(0.6 ln 3 / 2) = 1.0740938
        #expect(close(bandit.index(0), 1.8118912323709782, abs: 1e-12))
        #expect(close(bandit.index(1), 1.0740937959954218, abs: 1e-12))
        var rng = SplitMix64(seed: 1)
        #expect(bandit.choose([], &rng) == 0)
        for _ in 0..<2 { try bandit.update([], chosen: 1, reward: 0) }  // arm 0's last play leaves
        #expect(bandit.windowPulls == [0, 3] && bandit.windowRewards == [0, 1])
        #expect(bandit.index(0) == .infinity && bandit.choose([], &rng) == 0)
    }

    @Test("discounted UCB, γ = 0.5: N = [1.25, 0.5] after plays 0, 1, 0, and the indices are hand-computed")
    func discountedUCB() throws {
        var bandit = DiscountedUCBBandit(expertCount: 2, discount: 0.5, xi: 0.6)
        var rng = SplitMix64(seed: 1)
        #expect(bandit.index(0) == .infinity && bandit.choose([], &rng) == 0)
        for (arm, reward) in [(0, Float(1)), (1, 0), (0, 1)] { try bandit.update([], chosen: arm, reward: reward) }
        #expect(bandit.discountedPulls == [1.25, 0.5] && bandit.discountedRewards == [1.25, 0])
        // n = 1.75: 1 + 2√(0.6 ln 1.75 / 1.25) = 2.0365627; 0 + 2√(0.6 ln 1.75 / 0.5) = 1.6389496
        #expect(close(bandit.index(0), 2.03656273945961, abs: 1e-12))
        #expect(close(bandit.index(1), 1.6389495971780306, abs: 1e-12))
        #expect(bandit.choose([], &rng) == 0)
    }

    @Test("Exp3.S, K = 2, γ = 0.5, α = 0.1: reward 1 on arm 0 gives p₀ = 0.5508024; with α = 0 it is Exp3")
    func exp3s() throws {
        var bandit = Exp3SBandit(expertCount: 2, gamma: 0.5, alpha: 0.1)
        try bandit.update([], chosen: 0, reward: 1)
        // W = 1, share eα/K = 0.1359141; w₀ = 0.5·e^0.5 + share, w₁ = 0.5 + share; p = 0.5·w/W + 0.25
        #expect(close(bandit.probabilities[0], 0.5508023599170211, abs: 1e-12))
        #expect(close(bandit.probabilities[1], 0.449197640082979, abs: 1e-12))
        #expect(throws: LearningError.self) { try bandit.update([], chosen: 0, reward: 2) }

        var shifting = Exp3SBandit(expertCount: 3, gamma: 0.2, alpha: 0)
        var plain = Exp3Bandit(expertCount: 3, gamma: 0.2)
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let arm = Int(rng.next() % 3), reward = Float(rng.next() % 2)
            try shifting.update([], chosen: arm, reward: reward)
            try plain.update([], chosen: arm, reward: reward)
        }
        for a in 0..<3 { #expect(close(shifting.probabilities[a], plain.probabilities[a], abs: 1e-12)) }
    }

    @Test("Exp3.S keeps every arm's probability above γ/K and a forgotten arm recoverable; α > 0 recovers faster than Exp3")
    func exp3sRecovers() throws {
        var shifting = Exp3SBandit(expertCount: 2, gamma: 0.1, alpha: 0.01)
        var plain = Exp3Bandit(expertCount: 2, gamma: 0.1)
        var rng = SplitMix64(seed: 9)
        // 2 000 rounds where arm 0 pays, then arm 1 pays: rounds until p₁ > 0.5
        func recovery<B: OnlineRouterPolicy>(_ bandit: inout B, _ probability: (B) -> Double) throws -> Int {
            for t in 0..<4000 {
                let arm = bandit.choose([], &rng)
                let good = t < 2000 ? 0 : 1
                try bandit.update([], chosen: arm, reward: arm == good ? 1 : 0)
                if t >= 2000 && probability(bandit) > 0.5 { return t - 2000 }
            }
            return 2000
        }
        let fast = try recovery(&shifting) { $0.probabilities[1] }
        let slow = try recovery(&plain) { $0.probabilities[1] }
        #expect(fast < slow, "Exp3.S took \(fast) rounds, Exp3 \(slow)")
        #expect(shifting.probabilities.allSatisfy { $0 >= 0.05 - 1e-12 })
    }

    @Test("sliding-window LinUCB equals LinUCB fitted on the last τ observations only (rank-one downdates)")
    func slidingWindowLinUCB() throws {
        let d = 3, window = 5
        var sliding = SlidingWindowLinUCBBandit(expertCount: 2, dimension: d, window: window, alpha: 0.7)
        var rng = SplitMix64(seed: 3)
        var observations: [(x: [Float], arm: Int, reward: Float)] = []
        for _ in 0..<23 {
            let x = (0..<d).map { _ in Float(Int(rng.next() % 200) - 100) / 50 }
            let arm = Int(rng.next() % 2), reward = Float(rng.next() % 2)
            observations.append((x, arm, reward))
            try sliding.update(x, chosen: arm, reward: reward)
        }
        var fresh = LinUCBBandit(expertCount: 2, dimension: d, alpha: 0.7)
        for o in observations.suffix(window) { try fresh.update(o.x, chosen: o.arm, reward: o.reward) }
        for a in 0..<2 {
            for i in 0..<d {
                for j in 0..<d {
                    #expect(close(sliding.bandit.inverseCovariance(arm: a, i, j), fresh.inverseCovariance(arm: a, i, j), abs: 1e-9))
                }
            }
            let probe: [Float] = [0.3, -1.2, 0.8]
            let got = probe.withUnsafeBufferPointer { sliding.bandit.upperConfidenceBound(arm: a, context: $0) }
            let want = probe.withUnsafeBufferPointer { fresh.upperConfidenceBound(arm: a, context: $0) }
            #expect(close(got, want, abs: 1e-9))
        }
    }
}
