import Tensor
import MoE
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Context-free bandits over K experts. Statistics are kept in Double so that long streams do not
/// lose small rewards to Float rounding; arms are 0..<K; ties go to the lowest index.

/// ε-greedy: with probability ε a uniformly random arm, else the arm with the best sample mean
/// (`initialValue` before an arm is tried). ε = 0 is purely greedy.
public struct EpsilonGreedyBandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public var epsilon: Double
    public var initialValue: Double
    public private(set) var pulls: [Int]
    public private(set) var means: [Double]

    public init(expertCount: Int, epsilon: Double = 0.1, initialValue: Double = 0) {
        precondition(expertCount > 0 && epsilon >= 0 && epsilon <= 1, "EpsilonGreedyBandit needs K > 0 and ε in [0, 1]")
        self.expertCount = expertCount
        self.epsilon = epsilon
        self.initialValue = initialValue
        self.pulls = [Int](repeating: 0, count: expertCount)
        self.means = [Double](repeating: initialValue, count: expertCount)
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        if epsilon > 0 && rng.unitUniformDouble() < epsilon { return rng.uniformInt(below: expertCount) }
        var best = 0
        for a in 1..<max(expertCount, 1) where means[a] > means[best] { best = a }
        return best
    }

    /// Incremental mean: `Q ← Q + (r − Q)/n`.
    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        pulls[chosen] += 1
        let mean = pulls[chosen] == 1 ? 0 : means[chosen]
        means[chosen] = mean + (Double(reward) - mean) / Double(pulls[chosen])
    }
}

/// UCB1 (Auer, Cesa-Bianchi & Fischer 2002): play each arm once, then
///
///     a_t = argmax_a  mean_a + √(2·ln t / n_a)      (t = total pulls so far, n_a = pulls of a)
public struct UCB1Bandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public private(set) var pulls: [Int]
    public private(set) var rewardSums: [Double]
    public private(set) var totalPulls = 0

    public init(expertCount: Int) {
        precondition(expertCount > 0, "UCB1Bandit needs expertCount > 0")
        self.expertCount = expertCount
        self.pulls = [Int](repeating: 0, count: expertCount)
        self.rewardSums = [Double](repeating: 0, count: expertCount)
    }

    /// The UCB1 index of arm a (∞ for an untried arm).
    public func index(_ a: Int) -> Double {
        guard pulls[a] > 0 else { return .infinity }
        let n = Double(pulls[a])
        // mean + √(2 ln t / n)
        return rewardSums[a] / n + (2 * log(Double(totalPulls)) / n).squareRoot()
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        var best = 0, bestIndex = index(0)
        for a in 1..<max(expertCount, 1) {
            let u = index(a)
            if u > bestIndex { best = a; bestIndex = u }
        }
        return best
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        pulls[chosen] += 1
        rewardSums[chosen] += Double(reward)
        totalPulls += 1
    }
}

/// Exp3 (Auer, Cesa-Bianchi, Freund & Schapire 2002), for adversarial (e.g. shifting) rewards in [0, 1]:
///
///     p_i = (1 − γ)·w_i / Σ_j w_j + γ/K
///     r̂ = r / p_a for the chosen arm a (0 for the others)
///     w_a ← w_a · exp(γ·r̂ / K)
///
/// Weights are stored as logarithms and shifted by their maximum when probabilities are formed,
/// so long streams never overflow.
public struct Exp3Bandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public var gamma: Double
    public private(set) var logWeights: [Double]
    public private(set) var probabilities: [Double]

    public init(expertCount: Int, gamma: Double = 0.1) {
        precondition(expertCount > 0 && gamma > 0 && gamma <= 1, "Exp3Bandit needs K > 0 and γ in (0, 1]")
        self.expertCount = expertCount
        self.gamma = gamma
        self.logWeights = [Double](repeating: 0, count: expertCount)
        self.probabilities = [Double](repeating: 1 / Double(expertCount), count: expertCount)
    }

    /// Recomputes `probabilities` from the weights.
    mutating func refreshProbabilities() {
        let K = Double(expertCount)
        var top = -Double.infinity
        for a in 0..<expertCount { top = max(top, logWeights[a]) }
        var sum = 0.0
        for a in 0..<expertCount { sum += exp(logWeights[a] - top) }
        // p_i = (1 − γ)·w_i/Σw + γ/K
        for a in 0..<expertCount { probabilities[a] = (1 - gamma) * exp(logWeights[a] - top) / sum + gamma / K }
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        let u = rng.unitUniformDouble()
        var cumulative = 0.0
        for a in 0..<expertCount {
            cumulative += probabilities[a]
            if u < cumulative { return a }
        }
        return expertCount - 1
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        guard reward >= 0 && reward <= 1 else { throw LearningError.outOfRange(name: "reward", value: reward, lower: 0, upper: 1) }
        // r̂ = r / p_a;  log w_a += γ·r̂ / K
        let estimate = Double(reward) / probabilities[chosen]
        logWeights[chosen] += gamma * estimate / Double(expertCount)
        refreshProbabilities()
    }
}
