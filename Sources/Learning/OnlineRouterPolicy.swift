import Tensor
import NN
import MoE

/// A router that learns online, one sample at a time: it picks an expert for a context, is told
/// the reward, and updates itself. The routing-learning experiment drives every variant (bandits,
/// three-factor, STDP, backprop, random, oracle) through this one protocol.
///
/// Per sample the loop calls, in order:
///  1. `revealCorrectExpert(_:)` — only the oracle uses it; every other policy ignores it;
///  2. `choose(context:rng:)` → expert index in 0..<expertCount;
///  3. `update(context:chosen:reward:correctExpert:)` — `correctExpert` is the label, which only
///     the supervised backprop router reads; pass nil to withhold it.
///
/// Rewards are expected in [0, 1] (1 = the chosen expert classified correctly). A non-finite
/// reward or context throws a `LearningError` and leaves the policy unchanged.
public protocol OnlineRouterPolicy {
    /// Number of experts (arms).
    var expertCount: Int { get }
    mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int
    mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws
    mutating func revealCorrectExpert(_ expert: Int)
}

extension OnlineRouterPolicy {
    public mutating func revealCorrectExpert(_ expert: Int) {}

    /// `update` without a label (everything but the supervised router).
    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float) throws {
        try update(context: context, chosen: chosen, reward: reward, correctExpert: nil)
    }
}

/// Chooses uniformly at random: the 1/K reference line.
public struct RandomPolicy: OnlineRouterPolicy, Sendable {
    public let expertCount: Int

    public init(expertCount: Int) {
        precondition(expertCount > 0, "RandomPolicy needs expertCount > 0")
        self.expertCount = expertCount
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        rng.uniformInt(below: expertCount)
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
    }
}

/// Chooses the correct expert, revealed before each choice: the 100 % reference line. It does
/// not learn; if no label was revealed yet it chooses expert 0.
public struct OraclePolicy: OnlineRouterPolicy, Sendable {
    public let expertCount: Int
    public private(set) var correctExpert = 0

    public init(expertCount: Int) {
        precondition(expertCount > 0, "OraclePolicy needs expertCount > 0")
        self.expertCount = expertCount
    }

    public mutating func revealCorrectExpert(_ expert: Int) {
        precondition(expert >= 0 && expert < expertCount, "OraclePolicy: expert \(expert) is outside 0..<\(expertCount)")
        correctExpert = expert
    }

    public mutating func choose<G: RandomNumberGenerator>(context: UnsafeBufferPointer<Float>, rng: inout G) -> Int {
        correctExpert
    }

    public mutating func update(context: UnsafeBufferPointer<Float>, chosen: Int, reward: Float, correctExpert: Int?) throws {
        try requireIndex(chosen, below: expertCount, "chosen")
        try requireFinite(reward, "reward")
    }
}
