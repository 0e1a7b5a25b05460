#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bandits for a world that changes (Garivier & Moulines 2011, "On upper-confidence bound
/// policies for switching bandit problems"; Auer et al. 2002, Exp3.S): the stationary ones
/// (UCB1, Exp3) weigh a reward from 5 000 samples ago like today's, so after a shift they need
/// about as long again to change their minds. These forget on purpose, by a window or a discount.
/// Rewards are in [0, 1] (B = 1 in the papers' padding terms); ties go to the lowest index.

/// Sliding-window UCB: statistics over the last τ plays only,
///
///     a_t = argmax_i  X̄_t(τ, i) + √(ξ · log(min(t, τ)) / N_t(τ, i))
///
/// with N_t(τ, i) the plays of i among the last τ and X̄ their mean reward (an arm absent from
/// the window is played first). Counts and sums are updated as plays enter and leave the window.
public struct SlidingWindowUCBBandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public let window: Int
    public var xi: Double
    public private(set) var windowPulls: [Int]
    public private(set) var windowRewards: [Double]
    public private(set) var totalPulls = 0
    /// The last `window` plays, oldest at `head` once full.
    private var history: [(arm: Int, reward: Double)] = []
    private var head = 0

    public init(expertCount: Int, window: Int, xi: Double = 0.6) {
        precondition(expertCount > 0 && window > 0 && xi > 0, "SlidingWindowUCBBandit needs K > 0, τ > 0 and ξ > 0")
        self.expertCount = expertCount
        self.window = window
        self.xi = xi
        windowPulls = [Int](repeating: 0, count: expertCount)
        windowRewards = [Double](repeating: 0, count: expertCount)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.expertCount == b.expertCount && a.window == b.window && a.xi == b.xi && a.windowPulls == b.windowPulls
            && a.windowRewards == b.windowRewards && a.totalPulls == b.totalPulls
    }

    /// The index of arm a (∞ when it has no play in the window).
    public func index(_ a: Int) -> Double {
        guard windowPulls[a] > 0 else { return .infinity }
        let n = Double(windowPulls[a])
        // X̄ + √(ξ log(min(t, τ)) / N)
        return windowRewards[a] / n + (xi * log(Double(min(totalPulls, window))) / n).squareRoot()
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        argmax(expertCount, index)
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        let r = Double(reward)
        if history.count == window {
            let old = history[head]
            windowPulls[old.arm] -= 1
            windowRewards[old.arm] -= old.reward
            // A sum that returns to an empty window is exactly 0, not a rounding residue.
            if windowPulls[old.arm] == 0 { windowRewards[old.arm] = 0 }
            history[head] = (chosen, r)
            head = (head + 1) % window
        } else {
            history.append((chosen, r))
        }
        windowPulls[chosen] += 1
        windowRewards[chosen] += r
        totalPulls += 1
    }
}

/// Discounted UCB: every statistic decays by γ per play,
///
///     N_t(γ, i) = Σ_s γ^(t−s) 1{a_s = i},   X̄_t(γ, i) = Σ_s γ^(t−s) r_s 1{a_s = i} / N_t(γ, i)
///     a_t = argmax_i  X̄_t(γ, i) + 2·√(ξ · log n_t(γ) / N_t(γ, i)),   n_t(γ) = Σ_i N_t(γ, i)
///
/// so a reward from 1/(1 − γ) plays ago counts e⁻¹ as much as today's.
public struct DiscountedUCBBandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public let discount: Double
    public var xi: Double
    public private(set) var discountedPulls: [Double]
    public private(set) var discountedRewards: [Double]

    public init(expertCount: Int, discount: Double, xi: Double = 0.6) {
        precondition(expertCount > 0 && discount > 0 && discount <= 1 && xi > 0, "DiscountedUCBBandit needs K > 0, γ in (0, 1] and ξ > 0")
        self.expertCount = expertCount
        self.discount = discount
        self.xi = xi
        discountedPulls = [Double](repeating: 0, count: expertCount)
        discountedRewards = [Double](repeating: 0, count: expertCount)
    }

    /// The index of arm a (∞ before its first play).
    public func index(_ a: Int) -> Double {
        guard discountedPulls[a] > 0 else { return .infinity }
        var total = 0.0
        for n in discountedPulls { total += n }
        // X̄ + 2√(ξ log n / N), the log clamped at 0 while n < 1
        return discountedRewards[a] / discountedPulls[a] + 2 * (xi * max(log(total), 0) / discountedPulls[a]).squareRoot()
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        argmax(expertCount, index)
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
        // N ← γN (+1 for the chosen arm); S ← γS (+r)
        for a in 0..<expertCount {
            discountedPulls[a] *= discount
            discountedRewards[a] *= discount
        }
        discountedPulls[chosen] += 1
        discountedRewards[chosen] += Double(reward)
    }
}

/// Exp3.S (Auer, Cesa-Bianchi, Freund & Schapire 2002, Fig. 5): Exp3 plus a share of the total
/// weight given back to every arm each round, so no arm's probability decays beyond recall:
///
///     p_i = (1 − γ)·w_i / W + γ/K,        x̂_a = r / p_a for the chosen arm a (0 for the others)
///     w_i ← w_i · exp(γ·x̂_i / K) + (e·α / K)·W,       W = Σ_j w_j before the update
///
/// The update is homogeneous in w, so the weights are rescaled to sum to 1 after each round:
/// the probabilities are unchanged and long streams never overflow.
public struct Exp3SBandit: OnlineRouterPolicy, Sendable, Equatable {
    public let expertCount: Int
    public var gamma: Double
    public var alpha: Double
    public private(set) var weights: [Double]
    public private(set) var probabilities: [Double]

    public init(expertCount: Int, gamma: Double = 0.1, alpha: Double = 0.001) {
        precondition(expertCount > 0 && gamma > 0 && gamma <= 1 && alpha >= 0, "Exp3SBandit needs K > 0, γ in (0, 1] and α ≥ 0")
        self.expertCount = expertCount
        self.gamma = gamma
        self.alpha = alpha
        weights = [Double](repeating: 1 / Double(expertCount), count: expertCount)
        probabilities = [Double](repeating: 1 / Double(expertCount), count: expertCount)
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
        let K = Double(expertCount)
        var total = 0.0
        for w in weights { total += w }
        let share = M_E * alpha / K * total
        // w_i ← w_i·exp(γ x̂_i / K) + (eα/K)·W
        let estimate = Double(reward) / probabilities[chosen]
        for a in 0..<expertCount {
            weights[a] = weights[a] * (a == chosen ? exp(gamma * estimate / K) : 1) + share
        }
        var sum = 0.0
        for w in weights { sum += w }
        for a in 0..<expertCount {
            weights[a] /= sum
            // p_i = (1 − γ)·w_i/W + γ/K
            probabilities[a] = (1 - gamma) * weights[a] + gamma / K
        }
    }
}

/// The lowest a with the largest `value(a)`.
func argmax(_ count: Int, _ value: (Int) -> Double) -> Int {
    var best = 0, bestValue = value(0)
    for a in 1..<max(count, 1) {
        let v = value(a)
        if v > bestValue { best = a; bestValue = v }
    }
    return best
}
