/// The online routing rules (`policy` in a suite config), spelled as in the config. Every rule
/// implements `OnlineRouterPolicy`, so the experiment's loop, stream and measurements are the
/// same for all of them; HarnessRun builds each from a run's keys.
public enum RoutingPolicyKind: String, CaseIterable, Sendable {
    case oracle
    case random
    case epsilonGreedy = "epsilon-greedy"
    case ucb1
    case exp3
    case linucb
    case backprop
    case threeFactor = "three-factor"
    case stdp
    /// Sliding-window and discounted UCB, Exp3.S, sliding-window LinUCB: bandits that forget,
    /// the baselines for a stream that changes (NonStationaryBandits.swift, LinUCB.swift).
    case slidingWindowUCB = "sw-ucb"
    case discountedUCB = "d-ucb"
    case exp3s
    case slidingWindowLinUCB = "sw-linucb"
    /// Reward-modulated STDP routers (Florian 2007, as BindsNET): ``ModulatedSTDPRouter``.
    case mstdp, mstdpet

    /// Whether the rule reads the context at all (context-free bandits can only find the one
    /// expert that is best on average, ≈ the largest group's share of routing accuracy).
    public var usesContext: Bool {
        switch self {
        case .linucb, .slidingWindowLinUCB, .backprop, .threeFactor, .stdp, .mstdp, .mstdpet: return true
        default: return false
        }
    }
}
