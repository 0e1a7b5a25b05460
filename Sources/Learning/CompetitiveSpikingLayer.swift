import Tensor
import MoE
import NN

/// An unsupervised competitive layer of LIF neurons (after Diehl & Cook 2015), used as the
/// STDP router: inputs → No neurons with hard winner-take-all lateral inhibition, pair STDP on
/// the input weights, adaptive thresholds and per-presentation weight normalisation.
///
/// Per step t of a presentation (x ∈ [0, 1]^Ni, clamped):
///
///     a[i] ← a[i] + r_max·x[i];  s_pre[i] = 1 if a[i] ≥ 1 (then a[i] −= 1)   deterministic rate code
///     v[o] ← β·v[o] + Σ_i W[o,i]·s_pre[i]                                     leaky integration
///     winner = argmax_o (v[o] − θ₀ − θ[o]) among v[o] > θ₀ + θ[o]             lateral inhibition:
///     s_post[winner] = 1; v[·] ← 0 for every neuron                           one spike per step
///     learning on: PairSTDP.step(W, s_pre, s_post); θ ← θ·e^(−1/τ_θ) + θ₊·s_post
///
/// After a presentation with learning on, rows of W are rescaled to `weightSum` (if set); the
/// membranes, input phases and STDP traces are reset before every presentation. The rate code is
/// a phase accumulator rather than Poisson sampling, so a presentation needs no random numbers
/// and the same input always gives the same spikes.
public struct CompetitiveSpikingLayer: Sendable {
    public let inputs: Int
    public let neurons: Int
    public var beta: Float
    public var baseThreshold: Float
    public var maxRate: Float
    public var weightSum: Float?
    public var learning: Bool
    public var stdp: PairSTDP
    public var threshold: AdaptiveThreshold
    /// W [neurons, inputs].
    public var weight: [Float]
    /// Σ_t Σ_i W[o,i]·s_pre[i] of the last presentation: the tie-break when no neuron spiked.
    public private(set) var drive: [Float]
    private var membrane: [Float]
    private var phase: [Float]
    private var preSpikes: [Float]
    private var postSpikes: [Float]

    /// Weights start uniform in [0, initialWeightMax) from `rng` (row-major, one draw each).
    public init<G: RandomNumberGenerator>(inputs: Int, neurons: Int, rng: inout G, initialWeightMax: Float = 0.3,
                                          beta: Float = 0.9, baseThreshold: Float = 1, maxRate: Float = 0.5,
                                          weightSum: Float? = nil,
                                          stdp parameters: STDPParameters = STDPParameters(aPlus: 0.05, aMinus: 0.0525, wMin: 0, wMax: 1),
                                          thetaPlus: Float = 0.05, tauTheta: Float = 1e4) {
        precondition(inputs > 0 && neurons > 0, "CompetitiveSpikingLayer needs inputs, neurons > 0")
        precondition(beta >= 0 && beta <= 1 && maxRate > 0 && maxRate <= 1, "CompetitiveSpikingLayer: beta in [0, 1], maxRate in (0, 1]")
        self.inputs = inputs
        self.neurons = neurons
        self.beta = beta
        self.baseThreshold = baseThreshold
        self.maxRate = maxRate
        self.weightSum = weightSum
        self.learning = true
        self.stdp = PairSTDP(inputs: inputs, outputs: neurons, parameters: parameters)
        self.threshold = AdaptiveThreshold(count: neurons, thetaPlus: thetaPlus, tauTheta: tauTheta)
        self.weight = (0..<(inputs * neurons)).map { _ in rng.unitUniformFloat() * initialWeightMax }
        self.drive = [Float](repeating: 0, count: neurons)
        self.membrane = [Float](repeating: 0, count: neurons)
        self.phase = [Float](repeating: 0, count: inputs)
        self.preSpikes = [Float](repeating: 0, count: inputs)
        self.postSpikes = [Float](repeating: 0, count: neurons)
    }

    /// Presents `input` for `steps` steps; returns spike counts per neuron. Applies STDP, the
    /// threshold adaptation and normalisation only when `learning` is on.
    public mutating func present(input: UnsafeBufferPointer<Float>, steps: Int) -> [Int] {
        precondition(input.count == inputs, "CompetitiveSpikingLayer.present: input has \(input.count) features, expected \(inputs)")
        precondition(steps > 0, "CompetitiveSpikingLayer.present: steps must be > 0")
        let Ni = inputs, No = neurons
        var counts = [Int](repeating: 0, count: No)
        for o in 0..<No { membrane[o] = 0; drive[o] = 0 }
        for i in 0..<Ni { phase[i] = 0 }
        stdp.resetTraces()
        for _ in 0..<steps {
            // a ← a + r_max·x;  s_pre = 1[a ≥ 1]
            for i in 0..<Ni {
                phase[i] += maxRate * min(max(input[i], 0), 1)
                if phase[i] >= 1 { phase[i] -= 1; preSpikes[i] = 1 } else { preSpikes[i] = 0 }
            }
            // v ← β·v + W·s_pre;  winner = argmax (v − θ₀ − θ) over neurons above threshold
            var winner = -1, bestMargin: Float = 0
            for o in 0..<No {
                var current: Float = 0
                for i in 0..<Ni where preSpikes[i] != 0 { current += weight[o * Ni + i] }
                drive[o] += current
                membrane[o] = beta * membrane[o] + current
                let margin = membrane[o] - baseThreshold - threshold.theta[o]
                if margin > 0 && (winner < 0 || margin > bestMargin) { winner = o; bestMargin = margin }
            }
            for o in 0..<No { postSpikes[o] = 0 }
            if winner >= 0 {
                postSpikes[winner] = 1
                counts[winner] += 1
                for o in 0..<No { membrane[o] = 0 }  // the winner resets, inhibition silences the rest
            }
            if learning {
                weight.withUnsafeMutableBufferPointer { w in
                    preSpikes.withUnsafeBufferPointer { pre in
                        postSpikes.withUnsafeBufferPointer { post in
                            stdp.step(weight: w, preSpikes: pre, postSpikes: post)
                            threshold.step(spikes: post)
                        }
                    }
                }
            }
        }
        if learning, let weightSum {
            weight.withUnsafeMutableBufferPointer { normalizeRows(weight: $0, targetSum: weightSum, No: No, Ni: Ni) }
        }
        return counts
    }

    /// The neuron that spiked most in `counts`; when none spiked, the one with the largest drive
    /// (ties: lowest index).
    public func winner(counts: [Int]) -> Int {
        var best = 0
        for o in 1..<max(neurons, 1) {
            if counts[o] > counts[best] || (counts[o] == counts[best] && counts[o] == 0 && drive[o] > drive[best]) { best = o }
        }
        return best
    }
}

/// The STDP router: the competitive layer clusters contexts without reward; each cluster keeps a
/// table of rewards per expert and routes to its majority-reward expert.
///
/// Cluster → expert map: per cluster c, `successes[c,e]` (Σ rewards) and `trials[c,e]`. A
/// cluster first tries every expert once (lowest index first); after that it picks the expert
/// with the highest success rate (ties: lowest index), except with probability ε a uniformly
/// random one, so it notices when the world changes. With `forgetting` < 1 the cluster's table
/// is multiplied by it before each of its updates, so old evidence fades after a domain shift.
public struct STDPClusterRouter: OnlineRouterPolicy, Sendable {
    public let expertCount: Int
    public var layer: CompetitiveSpikingLayer
    public var steps: Int
    public var epsilon: Double
    public var forgetting: Double
    public private(set) var successes: [Double]
    public private(set) var trials: [Double]
    public private(set) var lastCluster = 0
    /// Spike counts of the last presentation (for spike-rate metrics).
    public private(set) var lastCounts: [Int]

    public init(expertCount: Int, layer: CompetitiveSpikingLayer, steps: Int = 20, epsilon: Double = 0.05, forgetting: Double = 1) {
        precondition(expertCount > 0 && steps > 0 && epsilon >= 0 && epsilon <= 1 && forgetting > 0 && forgetting <= 1,
                     "STDPClusterRouter needs K > 0, steps > 0, ε in [0, 1], forgetting in (0, 1]")
        self.expertCount = expertCount
        self.layer = layer
        self.steps = steps
        self.epsilon = epsilon
        self.forgetting = forgetting
        self.successes = [Double](repeating: 0, count: layer.neurons * expertCount)
        self.trials = [Double](repeating: 0, count: layer.neurons * expertCount)
        self.lastCounts = [Int](repeating: 0, count: layer.neurons)
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        lastCounts = layer.present(input: context, steps: steps)
        let c = layer.winner(counts: lastCounts), row = c * expertCount
        lastCluster = c
        for e in 0..<expertCount where trials[row + e] == 0 { return e }
        if epsilon > 0 && rng.unitUniformDouble() < epsilon { return rng.uniformInt(below: expertCount) }
        var best = 0
        for e in 1..<max(expertCount, 1) where successes[row + e] / trials[row + e] > successes[row + best] / trials[row + best] {
            best = e
        }
        return best
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        let row = lastCluster * expertCount
        if forgetting < 1 {
            for e in 0..<expertCount { successes[row + e] *= forgetting; trials[row + e] *= forgetting }
        }
        successes[row + chosen] += Double(reward)
        trials[row + chosen] += 1
    }
}
