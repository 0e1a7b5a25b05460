import Learning
import Tensor
import HarnessConfig
import HarnessStore

extension RoutingPolicyKind {
    /// Builds the policy for `experts` arms on `features`-dimensional contexts.
    func make(spec: RunSpec, experts: Int, features: Int, streams: RandomStreams) throws -> any OnlineRouterPolicy {
        switch self {
        case .oracle: return OraclePolicy(expertCount: experts)
        case .random: return RandomPolicy(expertCount: experts)
        case .epsilonGreedy: return EpsilonGreedyBandit(expertCount: experts, epsilon: try spec.double("explore_epsilon"))
        case .ucb1: return UCB1Bandit(expertCount: experts)
        case .exp3: return Exp3Bandit(expertCount: experts, gamma: try spec.double("exp3_gamma"))
        case .linucb: return LinUCBBandit(expertCount: experts, dimension: features, alpha: try spec.double("linucb_alpha"))
        case .slidingWindowUCB:
            return SlidingWindowUCBBandit(expertCount: experts, window: try spec.int("bandit_window"), xi: try spec.double("ucb_xi"))
        case .discountedUCB:
            return DiscountedUCBBandit(expertCount: experts, discount: try spec.double("bandit_discount"), xi: try spec.double("ucb_xi"))
        case .exp3s:
            return Exp3SBandit(expertCount: experts, gamma: try spec.double("exp3_gamma"), alpha: try spec.double("exp3s_alpha"))
        case .slidingWindowLinUCB:
            return SlidingWindowLinUCBBandit(expertCount: experts, dimension: features, window: try spec.int("bandit_window"),
                                             alpha: try spec.double("linucb_alpha"))
        case .backprop:
            return BackpropRouter(expertCount: experts, featureCount: features, learningRate: Float(try spec.double("router_learning_rate")))
        case .threeFactor:
            guard try spec.double("ach_retrieval_threshold") <= spec.double("ach_encoding_threshold") else {
                throw RoutingLearningError.badSetting("ach_retrieval_threshold \(try spec.double("ach_retrieval_threshold")) exceeds ach_encoding_threshold \(try spec.double("ach_encoding_threshold")); expected retrieval ≤ encoding")
            }
            let orchestra = NeuromodulatorOrchestra(
                dopamine: Dopamine(clip: Float(try spec.double("da_clip"))),
                norepinephrine: Norepinephrine(smoothing: Float(try spec.double("ne_smoothing")),
                                               surpriseScale: Float(try spec.double("ne_surprise_scale"))),
                acetylcholine: Acetylcholine(encodingThreshold: Float(try spec.double("ach_encoding_threshold")),
                                             retrievalThreshold: Float(try spec.double("ach_retrieval_threshold"))),
                serotonin: Serotonin(smoothing: Float(try spec.double("serotonin_smoothing"))))
            var router = ThreeFactorRouter(expertCount: experts, featureCount: features,
                                           learningRate: Float(try spec.double("router_learning_rate")),
                                           criticLearningRate: Float(try spec.double("critic_learning_rate")),
                                           temperature: Float(try spec.double("router_temperature")),
                                           useNeuromodulators: try spec.bool("neuromodulators"), orchestra: orchestra)
            router.ablation = try spec.choice("nm_ablation", as: NeuromodulatorAblation.self)
            return router
        case .mstdp, .mstdpet:
            var rng = streams.generator("mstdp-init")
            return ModulatedSTDPRouter(expertCount: experts, featureCount: features, variant: self == .mstdp ? .mstdp : .mstdpet,
                                       learningRate: Float(try spec.double("router_learning_rate")), steps: try spec.int("stdp_steps"),
                                       epsilon: try spec.double("explore_epsilon"), aMinus: -Float(try spec.double("mstdp_a_minus")), rng: &rng)
        case .stdp:
            var rng = streams.generator("stdp-init")
            let weightSum = try spec.double("stdp_weight_sum")
            let layer = CompetitiveSpikingLayer(
                inputs: features, neurons: try spec.int("stdp_neurons"), rng: &rng, weightSum: weightSum > 0 ? Float(weightSum) : nil,
                stdp: STDPParameters(aPlus: Float(try spec.double("stdp_a_plus")), aMinus: Float(try spec.double("stdp_a_minus")), wMin: 0, wMax: 1),
                thetaPlus: Float(try spec.double("stdp_theta_plus")), tauTheta: Float(try spec.double("stdp_tau_theta")))
            return STDPClusterRouter(expertCount: experts, layer: layer, steps: try spec.int("stdp_steps"),
                                     epsilon: try spec.double("explore_epsilon"), forgetting: try spec.double("stdp_forgetting"))
        }
    }
}

/// The plastic weights of a policy, flattened (nil for rules without weights), for weight drift
/// ‖W_t − W_0‖₂.
func plasticWeights(_ policy: any OnlineRouterPolicy) -> [Float]? {
    if let p = policy as? BackpropRouter { return p.weight + p.bias }
    if let p = policy as? ThreeFactorRouter { return p.weight + p.bias }
    if let p = policy as? STDPClusterRouter { return p.layer.weight }
    if let p = policy as? ModulatedSTDPRouter { return p.weight }
    return nil
}

/// ‖a − b‖₂ (Double accumulation, fixed order).
func euclideanDistance(_ a: [Float], _ b: [Float]) -> Double {
    precondition(a.count == b.count, "euclideanDistance: \(a.count) vs \(b.count) values")
    var sum = 0.0
    for i in 0..<a.count { let d = Double(a[i]) - Double(b[i]); sum += d * d }
    return sum.squareRoot()
}
