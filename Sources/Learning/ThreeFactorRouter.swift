import Tensor
import NN
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A softmax router over linear scores that learns by the three-factor rule, no backprop:
///
///     z_k = Σ_d W[k,d]·x_d + c_k;   π = softmax(z / T)
///     e[k,d] = ∂ log π(a) / ∂W[k,d] = (1[k = a] − π_k)·x_d / T    (e for c_k: (1[k = a] − π_k)/T)
///     δ = r − V(x),   V(x) = vᵀ[x, 1]   (linear critic, one-step TD: v += α_v·δ·[x, 1])
///     W ← W + η·e·g·δ
///
/// This is REINFORCE with a learned baseline (Williams 1992) read as a three-factor rule: e is
/// the eligibility, g the neuromodulator gate (1 when `useNeuromodulators` is off), δ the
/// dopamine surprise. With neuromodulators on, NE's temperature replaces T, so surprise (e.g.
/// after a domain shift) makes the router explore more. Shapes: W [E,D], c [E], x [D].
public struct ThreeFactorRouter: OnlineRouterPolicy, Sendable {
    public let expertCount: Int
    public let featureCount: Int
    public var learningRate: Float
    public var temperature: Float
    public var useNeuromodulators: Bool
    /// The modulator left out when `useNeuromodulators` is on (see ``NeuromodulatorAblation``).
    public var ablation: NeuromodulatorAblation = .none
    public var orchestra: NeuromodulatorOrchestra
    public private(set) var weight: [Float]
    public private(set) var bias: [Float]
    public private(set) var critic: TDLambdaCritic
    private var probabilities: [Float]
    private var criticFeatures: [Float]

    public init(expertCount: Int, featureCount: Int, learningRate: Float = 0.1, criticLearningRate: Float = 0.05,
                temperature: Float = 1, useNeuromodulators: Bool = false,
                orchestra: NeuromodulatorOrchestra = NeuromodulatorOrchestra()) {
        precondition(expertCount > 0 && featureCount > 0 && temperature > 0, "ThreeFactorRouter needs E, D > 0 and T > 0")
        self.expertCount = expertCount
        self.featureCount = featureCount
        self.learningRate = learningRate
        self.temperature = temperature
        self.useNeuromodulators = useNeuromodulators
        self.orchestra = orchestra
        self.weight = [Float](repeating: 0, count: expertCount * featureCount)
        self.bias = [Float](repeating: 0, count: expertCount)
        self.critic = TDLambdaCritic(featureCount: featureCount + 1, learningRate: criticLearningRate, discount: 0, lambda: 0)
        self.probabilities = [Float](repeating: 1 / Float(expertCount), count: expertCount)
        self.criticFeatures = [Float](repeating: 0, count: featureCount + 1)
    }

    /// The temperature in use: NE's when neuromodulated, else the fixed one.
    public var effectiveTemperature: Float {
        useNeuromodulators && ablation != .norepinephrine ? orchestra.norepinephrine.temperature : temperature
    }

    /// g = ACh multiplier × NE gain × 5-HT factor, each 1 when ablated.
    var effectiveGate: Float {
        (ablation == .acetylcholine ? 1 : orchestra.acetylcholine.multiplier)
            * (ablation == .norepinephrine ? 1 : orchestra.norepinephrine.gain)
            * (ablation == .serotonin ? 1 : orchestra.serotonin.learningRateFactor)
    }

    /// π = softmax(z/T) into `policy` (read it after `choose` or `computePolicy`).
    public var policy: [Float] { probabilities }

    public mutating func computePolicy(context x: UnsafeBufferPointer<Float>) {
        precondition(x.count == featureCount, "ThreeFactorRouter: context has \(x.count) features, expected \(featureCount)")
        let E = expertCount, D = featureCount, invT = 1 / effectiveTemperature
        var top = -Float.infinity
        for k in 0..<E {
            // z_k = Σ_d W[k,d]·x_d + c_k
            var z = bias[k]
            for d in 0..<D { z += weight[k * D + d] * x[d] }
            probabilities[k] = z * invT
            top = max(top, probabilities[k])
        }
        var sum: Float = 0
        // π_k = exp(z_k/T − max) / Σ
        for k in 0..<E { probabilities[k] = expf(probabilities[k] - top); sum += probabilities[k] }
        for k in 0..<E { probabilities[k] /= sum }
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        computePolicy(context: context)
        let u = rng.unitUniformFloat()
        var cumulative: Float = 0
        for k in 0..<expertCount {
            cumulative += probabilities[k]
            if u < cumulative { return k }
        }
        return expertCount - 1
    }

    /// δ = r − V(x); critic step; W += η·e·g·δ. Returns nothing; read `orchestra.snapshot` to log.
    public mutating func update(context x: UnsafeBufferPointer<Float>, chosen a: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(a, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        try requireFiniteVector(x, count: featureCount, "context")
        computePolicy(context: x)  // the π that chose a (weights have not changed since)
        let T = effectiveTemperature, D = featureCount
        for d in 0..<D { criticFeatures[d] = x[d] }
        criticFeatures[D] = 1
        let expected = criticFeatures.withUnsafeBufferPointer { critic.value($0) }
        var delta = reward - expected
        var gate: Float = 1
        if useNeuromodulators {
            delta = try orchestra.observe(reward: reward, expected: expected)  // clipped δ
            if ablation == .dopamine { delta = reward }  // no prediction error: the reward itself
            gate = effectiveGate
        }
        try criticFeatures.withUnsafeBufferPointer { _ = try critic.step(features: $0, reward: reward, nextFeatures: nil) }
        let scale = learningRate * gate * delta / T
        for k in 0..<expertCount {
            // e[k,·] = (1[k = a] − π_k)·[x, 1]/T;  Δ = η·g·δ·e
            let g = ((k == a ? 1 : 0) - probabilities[k]) * scale
            for d in 0..<D { weight[k * D + d] += g * x[d] }
            bias[k] += g
        }
    }
}

/// The supervised baseline: a softmax-regression router trained by backprop (one SGD step of
/// cross-entropy on the correct expert per sample) and routing greedily by argmax score:
///
///     z = W·x + c;  π = softmax(z);  ∂L/∂z = π − onehot(y);  W −= η·(π − onehot(y))·xᵀ;  c −= η·(π − onehot(y))
///
/// It needs the label: `update` with `correctExpert: nil` changes nothing.
public struct BackpropRouter: OnlineRouterPolicy, Sendable {
    public let expertCount: Int
    public let featureCount: Int
    public var learningRate: Float
    public private(set) var weight: [Float]
    public private(set) var bias: [Float]
    private var probabilities: [Float]

    public init(expertCount: Int, featureCount: Int, learningRate: Float = 0.1) {
        precondition(expertCount > 0 && featureCount > 0, "BackpropRouter needs E, D > 0")
        self.expertCount = expertCount
        self.featureCount = featureCount
        self.learningRate = learningRate
        self.weight = [Float](repeating: 0, count: expertCount * featureCount)
        self.bias = [Float](repeating: 0, count: expertCount)
        self.probabilities = [Float](repeating: 0, count: expertCount)
    }

    /// z = W·x + c into `probabilities` (as logits); returns argmax (lowest index on ties).
    mutating func scores(_ x: UnsafeBufferPointer<Float>) -> Int {
        precondition(x.count == featureCount, "BackpropRouter: context has \(x.count) features, expected \(featureCount)")
        let D = featureCount
        var best = 0
        for k in 0..<expertCount {
            // z_k = Σ_d W[k,d]·x_d + c_k
            var z = bias[k]
            for d in 0..<D { z += weight[k * D + d] * x[d] }
            probabilities[k] = z
            if z > probabilities[best] { best = k }
        }
        return best
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        scores(context)
    }

    public mutating func update(context x: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        guard let y = correctExpert else { return }
        try requireIndex(y, below: expertCount, "correctExpert")
        try requireFiniteVector(x, count: featureCount, "context")
        let top = probabilities[scores(x)], D = featureCount
        var sum: Float = 0
        for k in 0..<expertCount { probabilities[k] = expf(probabilities[k] - top); sum += probabilities[k] }
        for k in 0..<expertCount {
            // W[k,·] −= η·(π_k − 1[k = y])·x;  c_k −= η·(π_k − 1[k = y])
            let g = learningRate * (probabilities[k] / sum - (k == y ? 1 : 0))
            for d in 0..<D { weight[k * D + d] -= g * x[d] }
            bias[k] -= g
        }
    }
}
