/// Disjoint LinUCB (Li, Chu, Langford & Schapire 2010, Algorithm 1): one ridge regression per arm
/// on the context x ∈ ℝ^d, and an upper confidence bound on its prediction:
///
///     A_a = λ·I + Σ x·xᵀ,   b_a = Σ r·x,   θ_a = A_a⁻¹·b_a
///     p_a = θ_aᵀx + α·√(xᵀ·A_a⁻¹·x),       a_t = argmax_a p_a
///
/// A_a⁻¹ is maintained directly by the Sherman–Morrison identity (A symmetric, so xᵀA⁻¹ = (A⁻¹x)ᵀ):
///
///     u = A⁻¹x;   A⁻¹ ← A⁻¹ − u·uᵀ / (1 + xᵀu)
///
/// O(K·d²) per choice and O(d²) per update, no allocation per step. State is Double: the
/// rank-one downdates accumulate rounding error, which Float would make visible within a few
/// thousand samples.
public struct LinUCBBandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public let dimension: Int
    public var alpha: Double
    /// A_a⁻¹ for every arm, [K, d, d] row-major.
    public private(set) var inverseCovariance: [Double]
    /// b_a for every arm, [K, d].
    public private(set) var rewardVectors: [Double]
    private var scratch: [Double]

    public init(expertCount: Int, dimension: Int, alpha: Double = 1, ridge lambda: Double = 1) {
        precondition(expertCount > 0 && dimension > 0 && lambda > 0, "LinUCBBandit needs K > 0, d > 0, λ > 0")
        self.expertCount = expertCount
        self.dimension = dimension
        self.alpha = alpha
        var inverse = [Double](repeating: 0, count: expertCount * dimension * dimension)
        for a in 0..<expertCount {
            for i in 0..<dimension { inverse[(a * dimension + i) * dimension + i] = 1 / lambda }
        }
        self.inverseCovariance = inverse
        self.rewardVectors = [Double](repeating: 0, count: expertCount * dimension)
        self.scratch = [Double](repeating: 0, count: 2 * dimension)
    }

    /// p_a = θ_aᵀx + α·√(xᵀA_a⁻¹x) for one arm.
    public func upperConfidenceBound(arm a: Int, context x: UnsafeBufferPointer<Float>) -> Double {
        precondition(x.count == dimension, "LinUCBBandit: context has \(x.count) features, expected d = \(dimension)")
        let d = dimension, base = a * d * d
        var mean = 0.0, variance = 0.0
        for i in 0..<d {
            // (A⁻¹x)_i and (A⁻¹b)_i in one pass over row i
            var ax = 0.0, ab = 0.0
            let row = base + i * d
            for j in 0..<d {
                ax += inverseCovariance[row + j] * Double(x[j])
                ab += inverseCovariance[row + j] * rewardVectors[a * d + j]
            }
            variance += Double(x[i]) * ax
            mean += ab * Double(x[i])
        }
        return mean + alpha * max(variance, 0).squareRoot()
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        var best = 0, bestBound = upperConfidenceBound(arm: 0, context: context)
        for a in 1..<max(expertCount, 1) {
            let p = upperConfidenceBound(arm: a, context: context)
            if p > bestBound { best = a; bestBound = p }
        }
        return best
    }

    public mutating func update(context x: UnsafeBufferPointer<Float>, chosen a: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(a, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        try requireFiniteVector(x, count: dimension, "context")
        rankOne(x, arm: a, reward: Double(reward), sign: 1)
    }

    /// Takes an observation back out of arm a's regression (for a sliding window): `sign` −1 below,
    /// i.e. Sherman–Morrison for A − x·xᵀ (1 − xᵀu > 0 whenever x was added before, since A keeps λ·I).
    mutating func remove(context x: [Float], chosen a: Int, reward: Double) {
        x.withUnsafeBufferPointer { rankOne($0, arm: a, reward: reward, sign: -1) }
    }

    /// Adds (`sign` 1) or removes (`sign` −1) the observation (x, r) of arm a:
    ///
    ///     u = A⁻¹x;   A⁻¹ ← A⁻¹ − sign·u·uᵀ / (1 + sign·xᵀu);   b_a ← b_a + sign·r·x
    private mutating func rankOne(_ x: UnsafeBufferPointer<Float>, arm a: Int, reward r: Double, sign: Double) {
        let d = dimension, base = a * d * d
        inverseCovariance.withUnsafeMutableBufferPointer { inv in
            scratch.withUnsafeMutableBufferPointer { u in
                // u = A⁻¹x;  xᵀu
                var xu = 0.0
                for i in 0..<d {
                    var s = 0.0
                    for j in 0..<d { s += inv[base + i * d + j] * Double(x[j]) }
                    u[i] = s
                    xu += Double(x[i]) * s
                }
                let scale = 1 / (1 + sign * xu)
                // A⁻¹ ← A⁻¹ − sign·u·uᵀ/(1 + sign·xᵀu)
                for i in 0..<d {
                    let ui = u[i] * scale
                    for j in 0..<d { inv[base + i * d + j] -= sign * ui * u[j] }
                }
            }
        }
        // b_a ← b_a + sign·r·x
        for i in 0..<d { rewardVectors[a * d + i] += sign * r * Double(x[i]) }
    }

    /// A_a⁻¹[i, j] (for tests and diagnostics).
    public func inverseCovariance(arm a: Int, _ i: Int, _ j: Int) -> Double {
        inverseCovariance[(a * dimension + i) * dimension + j]
    }
}

/// Sliding-window LinUCB (Cheung, Simchi-Levi & Zhu 2019, SW-UCB for linear bandits), disjoint
/// per arm as ``LinUCBBandit``: each arm's ridge regression holds only the observations among the
/// last `window` plays, so after a change in what an expert is good at, the old evidence leaves
/// the regression instead of outvoting the new. The oldest play is removed by a rank-one
/// downdate (``LinUCBBandit/remove(context:chosen:reward:)``) as the newest is added.
public struct SlidingWindowLinUCBBandit: OnlineRouterPolicy, Sendable, Equatable {
    public private(set) var bandit: LinUCBBandit
    public let window: Int
    private var history: [Observation] = []
    private var head = 0

    struct Observation: Sendable, Equatable {
        let arm: Int
        let context: [Float]
        let reward: Double
    }

    public var expertCount: Int { bandit.expertCount }

    public init(expertCount: Int, dimension: Int, window: Int, alpha: Double = 1, ridge lambda: Double = 1) {
        precondition(window > 0, "SlidingWindowLinUCBBandit needs a window > 0")
        bandit = LinUCBBandit(expertCount: expertCount, dimension: dimension, alpha: alpha, ridge: lambda)
        self.window = window
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        bandit.choose(context: context, rng: &rng)
    }

    public mutating func update(context x: UnsafeBufferPointer<Float>, chosen a: Int, reward: Float, correctExpert: Int?) throws {
        try bandit.update(context: x, chosen: a, reward: reward, correctExpert: nil)
        let observation = Observation(arm: a, context: Array(x), reward: Double(reward))
        if history.count == window {
            let old = history[head]
            bandit.remove(context: old.context, chosen: old.arm, reward: old.reward)
            history[head] = observation
            head = (head + 1) % window
        } else {
            history.append(observation)
        }
    }
}
