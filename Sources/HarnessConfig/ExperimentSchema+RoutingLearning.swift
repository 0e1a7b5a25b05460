import Learning

extension ExperimentSchema {
    /// Keys of `model: online-router` (experiments/routing-learning.yaml): frozen per-group
    /// experts and a router that learns online which one to use. They live in `base` so that,
    /// like the MoE keys, they are left out of every other suite's canonical form and hash.
    /// The experts' pre-training uses `task.epochs`, `task.batch_size` and the optimizer keys.
    static let routingLearning: [FieldSpec] = {
        let m = ["online-router"]
        return [
            FieldSpec("class_groups", .intList(element: 0...9, count: 10...10), default: .list([0, 2, 0, 2, 0, 1, 0, 1, 2, 1].map(ConfigValue.int)),
                      help: "group of each class 0…9 (one expert per group; groups numbered 0…G−1, none empty)", models: m),
            FieldSpec("expert_layers", .intList(element: 1...4096, count: 0...4), default: .list([.int(64)]),
                      help: "hidden widths of each group expert (an MLP over the 784 pixels)", models: m),
            FieldSpec("policy", .oneOf(RoutingPolicyKind.self), default: .choice(RoutingPolicyKind.random),
                      help: "online routing rule", models: m),
            FieldSpec("stream_split", .oneOf(StreamSplit.self), default: .choice(StreamSplit.test),
                      help: "images the router sees: the test split (reported runs) or the validation split (hyper-parameter selection)", models: m),
            FieldSpec("stream_length", .int(2...10_000), default: .int(10_000),
                      help: "samples in the stream, drawn without replacement in a seeded order", models: m),
            FieldSpec("shift", .oneOf(DomainShift.self), default: .choice(DomainShift.rotate),
                      help: "domain shift at the midpoint: rotate the experts' index order by one, or none", models: m),
            FieldSpec("window", .int(1...10_000), default: .int(100),
                      help: "samples per window of the routing-accuracy curve and of samples-to-90 %", models: m),
            FieldSpec("router_features", .oneOf(RouterFeatureKind.self), default: .choice(RouterFeatureKind.pixels),
                      help: "router context: 784 pixels, 4×4 mean-pooled 7×7 = 49, or a seeded random projection", models: m),
            FieldSpec("projection_dim", .int(1...784), default: .int(32),
                      help: "d of the random projection (router_features: projected)", models: m),
            FieldSpec("router_learning_rate", .double(0...100, lowerExclusive: true), default: .double(0.05),
                      help: "η of the backprop and three-factor routers", models: m),
            FieldSpec("router_temperature", .double(0...100, lowerExclusive: true), default: .double(1),
                      help: "softmax temperature of the three-factor router without neuromodulators", models: m),
            FieldSpec("neuromodulators", .bool, default: .bool(false),
                      help: "three-factor router: gate and temperature from the neuromodulator orchestra", models: m),
            FieldSpec("explore_epsilon", .double(0...1), default: .double(0.1),
                      help: "ε of ε-greedy and of the STDP router's cluster → expert choice", models: m),
            FieldSpec("exp3_gamma", .double(0...1, lowerExclusive: true), default: .double(0.1), help: "γ of Exp3", models: m),
            FieldSpec("linucb_alpha", .double(0...100), default: .double(1), help: "α of LinUCB and sliding-window LinUCB", models: m),
            FieldSpec("bandit_window", .int(1...10_000), default: .int(500),
                      help: "τ, the plays sw-ucb and sw-linucb keep (older ones are forgotten)", models: m),
            FieldSpec("bandit_discount", .double(0...1, lowerExclusive: true), default: .double(0.99),
                      help: "γ of d-ucb: every statistic decays by γ per play (memory ≈ 1/(1 − γ) plays)", models: m),
            FieldSpec("ucb_xi", .double(0...10, lowerExclusive: true), default: .double(0.6),
                      help: "ξ of sw-ucb and d-ucb's exploration bonus (Garivier & Moulines 2011 take ξ > 1/2)", models: m),
            FieldSpec("exp3s_alpha", .double(0...1), default: .double(0.001),
                      help: "α of Exp3.S: share of the total weight returned to every arm each round (γ is exp3_gamma)", models: m),
            FieldSpec("stdp_neurons", .int(1...1024), default: .int(30), help: "competitive neurons (clusters) of the STDP router", models: m),
            FieldSpec("stdp_steps", .int(1...1000), default: .int(20), help: "time steps per presentation (STDP router)", models: m),
            FieldSpec("stdp_forgetting", .double(0...1, lowerExclusive: true), default: .double(1),
                      help: "STDP router: factor on a cluster's reward table before each update (1 = never forget)", models: m),
            FieldSpec("stdp_weight_sum", .double(0...10_000), default: .double(0),
                      help: "STDP router: each neuron's input weights rescaled to this sum after every presentation (Diehl & Cook 2015: 78 over 784 inputs); 0 = off", models: m),
            FieldSpec("stdp_theta_plus", .double(0...10), default: .double(0.05),
                      help: "STDP router: θ₊, threshold increase per output spike (homeostasis)", models: m),
            FieldSpec("stdp_tau_theta", .double(1...1e9), default: .double(1e4),
                      help: "STDP router: τ_θ in steps, the adaptive threshold's decay (θ ← θ·e^(−1/τ_θ))", models: m),
            FieldSpec("stdp_a_plus", .double(0...1), default: .double(0.05), help: "STDP router: A₊, potentiation per pre-before-post pair", models: m),
            FieldSpec("stdp_a_minus", .double(0...1), default: .double(0.0525), help: "STDP router: A₋, depression per post-before-pre pair", models: m),
            FieldSpec("event_every", .int(1...10_000), default: .int(10),
                      help: "record a routing event (decision, reward, neuromodulators) every N-th sample", models: m),
        ]
    }()
}
