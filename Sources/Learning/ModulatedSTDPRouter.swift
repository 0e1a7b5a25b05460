import Tensor

/// A router trained by reward-modulated STDP (Florian 2007; BindsNET's `MSTDP` / `MSTDPET`,
/// ``ModulatedSTDP``): one LIF neuron per expert reads the context as spike trains, the expert
/// whose neuron fires most is chosen, and the reward of that choice gates STDP on its synapses.
///
/// Per sample (x ∈ [0, 1]^D, clamped; W [E, D] in [0, w_max]):
///
///     a[i] ← a[i] + r_max·x[i];  s_pre[i] = 1[a[i] ≥ 1] (then a[i] −= 1)      deterministic rate code
///     v[k] ← β·v[k] + Σ_i W[k,i]·s_pre[i];  s_post[k] = 1[v[k] ≥ θ] (then v[k] = 0)
///     choice = argmax_k spikes[k]  (ties: larger Σ drive, then lower k), or with probability ε uniform
///     r' = r − r̄,  r̄ ← r̄ + 0.01·(r − r̄)                                      reward against its running mean
///
/// Learning replays the presentation's spike trains through ``ModulatedSTDP`` with the post
/// spikes of every neuron but the chosen one removed (credit goes to the neuron that acted):
/// MSTDP with reward r' at every step (the reward held through the trial), MSTDPET with reward 0
/// during the replay (the eligibility trace e collects ζ) and r' on one final step. A chosen
/// neuron that did not fire gets one spike on the replay's last step, so an action picked by
/// exploration or the tie-break is still credited. a− is a parameter: BindsNET's balanced
/// a− = −1 makes the net change vanish under a regular rate code (see `init`).
public struct ModulatedSTDPRouter: OnlineRouterPolicy, Sendable {
    public let expertCount: Int
    public let featureCount: Int
    public var steps: Int
    public var epsilon: Double
    public var beta: Float
    public var threshold: Float
    public var maxRate: Float
    public private(set) var rule: ModulatedSTDP
    /// W [E, D].
    public private(set) var weight: [Float]
    public private(set) var rewardMean: Float = 0
    /// Spike counts of the last presentation.
    public private(set) var lastCounts: [Int]
    private var preTrain: [Float]
    private var postTrain: [Float]

    public init<G: RandomNumberGenerator>(expertCount: Int, featureCount: Int, variant: ModulatedSTDPVariant,
                                          learningRate: Float, steps: Int = 20, epsilon: Double = 0.05,
                                          beta: Float = 0.9, threshold: Float = 1, maxRate: Float = 0.5, aMinus: Float = -1,
                                          initialWeightMax: Float = 0.3, wMax: Float = 1, rng: inout G) {
        precondition(expertCount > 0 && featureCount > 0 && steps > 0 && threshold > 0 && epsilon >= 0 && epsilon <= 1,
                     "ModulatedSTDPRouter needs E, D, steps, θ > 0 and ε in [0, 1]")
        self.expertCount = expertCount
        self.featureCount = featureCount
        self.steps = steps
        self.epsilon = epsilon
        self.beta = beta
        self.threshold = threshold
        self.maxRate = maxRate
        // BindsNET's defaults (a+ = 1, a− = −1, τ± = 20, τ_e = 25), the rate as η; weights in [0, w_max].
        // With a+ = −a− and τ+ = τ− the window is balanced: under the regular spike trains of the
        // rate code, pairs before and after a post spike cancel (Σζ ≈ 0 over a presentation), so
        // only an unbalanced window (|a−| < a+) leaves a reward-gated change ∝ co-activity.
        rule = ModulatedSTDP(inputs: featureCount, outputs: expertCount, variant: variant,
                             parameters: ModulatedSTDPParameters(learningRate: learningRate, aMinus: aMinus, wMin: 0, wMax: wMax))
        weight = (0..<(expertCount * featureCount)).map { _ in rng.unitUniformFloat() * initialWeightMax }
        lastCounts = [Int](repeating: 0, count: expertCount)
        preTrain = [Float](repeating: 0, count: steps * featureCount)
        postTrain = [Float](repeating: 0, count: steps * expertCount)
    }

    /// Runs the presentation, recording the spike trains; returns the spike counts and drives.
    mutating func present(_ x: UnsafeBufferPointer<Float>) -> (counts: [Int], drive: [Float]) {
        precondition(x.count == featureCount, "ModulatedSTDPRouter: context has \(x.count) features, expected \(featureCount)")
        let D = featureCount, E = expertCount
        var phase = [Float](repeating: 0, count: D), membrane = [Float](repeating: 0, count: E)
        var counts = [Int](repeating: 0, count: E), drive = [Float](repeating: 0, count: E)
        for t in 0..<steps {
            // a ← a + r_max·x;  s_pre = 1[a ≥ 1]
            for i in 0..<D {
                phase[i] += maxRate * min(max(x[i], 0), 1)
                if phase[i] >= 1 { phase[i] -= 1; preTrain[t * D + i] = 1 } else { preTrain[t * D + i] = 0 }
            }
            // v ← β·v + W·s_pre;  spike and reset at θ
            for k in 0..<E {
                var current: Float = 0
                for i in 0..<D where preTrain[t * D + i] != 0 { current += weight[k * D + i] }
                drive[k] += current
                membrane[k] = beta * membrane[k] + current
                if membrane[k] >= threshold {
                    postTrain[t * E + k] = 1
                    counts[k] += 1
                    membrane[k] = 0
                } else {
                    postTrain[t * E + k] = 0
                }
            }
        }
        return (counts, drive)
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        let (counts, drive) = present(context)
        lastCounts = counts
        if epsilon > 0 && rng.unitUniformDouble() < epsilon { return rng.uniformInt(below: expertCount) }
        var best = 0
        for k in 1..<max(expertCount, 1) where counts[k] > counts[best] || (counts[k] == counts[best] && drive[k] > drive[best]) {
            best = k
        }
        return best
    }

    /// Replays the last presentation with only the chosen neuron's spikes and applies the rule.
    public mutating func update(context: UnsafeBufferPointer<Float>, chosen a: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(a, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        let D = featureCount, E = expertCount
        let centred = reward - rewardMean
        rewardMean += 0.01 * (reward - rewardMean)
        var post = [Float](repeating: 0, count: E)
        let fired = (0..<steps).contains { postTrain[$0 * E + a] != 0 }
        rule.reset()
        try weight.withUnsafeMutableBufferPointer { w in
            for t in 0..<steps {
                post[a] = postTrain[t * E + a] != 0 || (!fired && t == steps - 1) ? 1 : 0
                let stepReward: Float = rule.variant == .mstdp ? centred : 0
                try preTrain.withUnsafeBufferPointer { all in
                    try post.withUnsafeBufferPointer { p in
                        try rule.step(weight: w, preSpikes: UnsafeBufferPointer(rebasing: all[(t * D)..<((t + 1) * D)]), postSpikes: p,
                                      reward: stepReward)
                    }
                }
            }
            // one more step without spikes: MSTDP applies the last ζ, MSTDPET the trace, with r'
            post[a] = 0
            let silent = [Float](repeating: 0, count: D)
            try silent.withUnsafeBufferPointer { s in
                try post.withUnsafeBufferPointer { p in try rule.step(weight: w, preSpikes: s, postSpikes: p, reward: centred) }
            }
        }
    }
}
