import Spiking

/// Everything that defines an MoE layer and its router, as one value (the harness builds it
/// from a run's config and hashes it as part of the run identity).
public struct MoEConfig: Equatable, Sendable {
    /// The gate of the layer; raw values are the config spelling (`router:` in a suite config).
    public enum RouterKind: String, CaseIterable, Sendable {
        case softmax
        case noisyTopK = "noisy-top-k"
        case spiking, hash, random, dense
        /// Routes by the input's true domain (`DomainOracleRouter`): a routed benchmark's upper reference.
        case oracle
        /// A softmax gate blended with the experts' self-assessed confidence (`SelfAssessedGate`).
        case selfAssessed = "self-assessed"
    }

    /// The expert architecture; raw values are the config spelling (`expert_kind:`).
    public enum ExpertKind: String, CaseIterable, Sendable {
        case mlp, conv1d
    }

    /// The spiking gate's constants.
    public struct SpikingSettings: Equatable, Sendable {
        /// T, the number of LIF steps per routing decision.
        public var timeSteps: Int
        /// β, θ, reset and surrogate of the gate's neurons.
        public var lif: LIFParameters
        /// P, neurons per expert.
        public var population: Int
        /// Direct current or rate-coded input spikes.
        public var encoding: SpikeEncoding = .direct

        public init(timeSteps: Int = 8, lif: LIFParameters = LIFParameters(), population: Int = 4) {
            self.timeSteps = timeSteps
            self.lif = lif
            self.population = population
        }
    }

    public var router: RouterKind
    /// E.
    public var experts: Int
    /// k; ignored by the dense reference, which always uses all E (see `effectiveTopK`).
    public var topK: Int
    /// D, the width the MoE layer reads and writes.
    public var modelWidth: Int
    /// H, the MLP expert's hidden width.
    public var expertHidden: Int
    public var expertKind: ExpertKind
    /// C, channels of the Conv1D expert.
    public var convolutionChannels: Int
    /// τ of the softmax and spiking gates.
    public var temperature: Float
    /// c in capacity = ⌈c·B·k/E⌉; nil means unlimited.
    public var capacityFactor: Float?
    /// See `MoELayer.routedLearning`.
    public var routedLearning: Bool
    /// Renormalise the k combine weights to sum to 1 (see `topKWeightsForward`).
    public var renormalizeWeights: Bool
    public var dispatch: MoELayer.Dispatch
    public var loadBalancing: LoadBalancingLoss
    public var spiking: SpikingSettings
    /// Whether the classifier projects its input to `modelWidth` before the MoE layer (the
    /// routing suite's embedding) or feeds the raw input to router and experts (`modelWidth` is
    /// then the input width): without the shared projection, only the experts can learn features,
    /// so the router's choice decides accuracy on a routed benchmark.
    public var inputProjection: Bool
    /// Whether the classifier adds the MoE layer's input to its output (r = h + MoE(h)) or reads
    /// out the experts alone (r = MoE(h)).
    public var residual: Bool

    /// The defaults equal the suite-config defaults of ExperimentSchema.base (`top_k: 2`, …), so a
    /// library caller and a config that omits a key build the same layer. The harness passes every
    /// schema key explicitly (MixtureOfExpertsClassifier.config), so the schema stays the one
    /// source of a run's values; `convolutionChannels` and `dispatch` have no config key.
    public init(router: RouterKind = .softmax, experts: Int = 8, topK: Int = 2, modelWidth: Int = 256,
                expertHidden: Int = 128, expertKind: ExpertKind = .mlp, convolutionChannels: Int = 8,
                temperature: Float = 1, capacityFactor: Float? = nil, routedLearning: Bool = true,
                renormalizeWeights: Bool = true, dispatch: MoELayer.Dispatch = .sparse,
                loadBalancing: LoadBalancingLoss = .switchDefault, spiking: SpikingSettings = SpikingSettings(),
                inputProjection: Bool = true, residual: Bool = true) {
        self.router = router
        self.experts = experts
        self.topK = topK
        self.modelWidth = modelWidth
        self.expertHidden = expertHidden
        self.expertKind = expertKind
        self.convolutionChannels = convolutionChannels
        self.temperature = temperature
        self.capacityFactor = capacityFactor
        self.routedLearning = routedLearning
        self.renormalizeWeights = renormalizeWeights
        self.dispatch = dispatch
        self.loadBalancing = loadBalancing
        self.spiking = spiking
        self.inputProjection = inputProjection
        self.residual = residual
    }

    /// k as used: E for the dense reference, `topK` otherwise.
    public var effectiveTopK: Int { router == .dense ? experts : topK }

    /// Throws `MoEError.invalidConfig` naming the first bad field and what would be right.
    public func validate() throws {
        func bad(_ field: String, _ value: Any, _ expected: String) -> MoEError {
            .invalidConfig(field: field, value: "\(value)", expected: expected)
        }
        guard experts >= 1 else { throw bad("experts", experts, "at least 1") }
        guard router == .dense || (1...experts).contains(topK) else { throw bad("topK", topK, "in 1...\(experts) (the number of experts)") }
        guard modelWidth > 0 else { throw bad("modelWidth", modelWidth, "> 0") }
        guard expertHidden > 0 else { throw bad("expertHidden", expertHidden, "> 0") }
        guard convolutionChannels > 0 else { throw bad("convolutionChannels", convolutionChannels, "> 0") }
        guard temperature > 0 && temperature.isFinite else { throw bad("temperature", temperature, "a finite number > 0") }
        if let c = capacityFactor, !(c > 0 && c.isFinite) { throw bad("capacityFactor", c, "a finite number > 0, or none") }
        guard spiking.timeSteps > 0 else { throw bad("spiking.timeSteps", spiking.timeSteps, "> 0") }
        guard spiking.population > 0 else { throw bad("spiking.population", spiking.population, "> 0") }
        guard (0...1).contains(spiking.lif.beta) else { throw bad("spiking.beta", spiking.lif.beta, "in [0, 1]") }
        switch loadBalancing {
        case .importanceAndLoad:
            guard router == .noisyTopK else {
                throw bad("loadBalancing", "importanceAndLoad with router \(router.rawValue)",
                          "router \(RouterKind.noisyTopK.rawValue), or switchTransformer / variance / none")
            }
            guard topK < experts else { throw bad("topK", topK, "< experts (\(experts)) for the load loss") }
        case let .switchTransformer(alpha) where !(alpha >= 0), let .switchAllSlots(alpha) where !(alpha >= 0):
            throw bad("loadBalancing.alpha", alpha, "≥ 0")
        case let .variance(coefficient) where !(coefficient >= 0):
            throw bad("loadBalancing.coefficient", coefficient, "≥ 0")
        default:
            break
        }
    }

    /// The router this config describes, reading rows of `modelWidth`.
    public func makeRouter(maxBatch: Int) -> any Router {
        let D = modelWidth, E = experts, k = effectiveTopK
        switch router {
        case .softmax: return SoftmaxGate(inputSize: D, experts: E, topK: k, temperature: temperature, maxBatch: maxBatch)
        case .noisyTopK: return NoisyTopKGate(inputSize: D, experts: E, topK: k, maxBatch: maxBatch)
        case .spiking:
            return SpikingGate(inputSize: D, experts: E, topK: k, population: spiking.population, timeSteps: spiking.timeSteps,
                               parameters: spiking.lif, temperature: temperature, encoding: spiking.encoding, maxBatch: maxBatch)
        case .hash: return HashRouter(inputSize: D, experts: E, topK: k, maxBatch: maxBatch)
        case .random: return RandomRouter(inputSize: D, experts: E, topK: k, maxBatch: maxBatch)
        case .dense: return DenseReferenceRouter(inputSize: D, experts: E, maxBatch: maxBatch)
        case .oracle: return DomainOracleRouter(inputSize: D, experts: E, topK: k, maxBatch: maxBatch)
        case .selfAssessed:
            return SelfAssessedGate(inputSize: D, experts: E, topK: k, temperature: temperature, capacityFactor: capacityFactor,
                                    maxBatch: maxBatch)
        }
    }

    /// E experts named `experts.<e>`, each D → D.
    public func makeExperts(maxBatch: Int) -> [any Expert] {
        (0..<experts).map { e -> any Expert in
            switch expertKind {
            case .mlp:
                return MLPExpert(name: "experts.\(e)", inputSize: modelWidth, hiddenSize: expertHidden,
                                 outputSize: modelWidth, maxBatch: maxBatch)
            case .conv1d:
                return Conv1DExpert(name: "experts.\(e)", inputSize: modelWidth, channels: convolutionChannels,
                                    outputSize: modelWidth, maxBatch: maxBatch)
            }
        }
    }

    /// The layer (router + experts), not yet bound to a parameter table.
    public func makeLayer(maxBatch: Int) throws -> MoELayer {
        try validate()
        let router = makeRouter(maxBatch: maxBatch)
        router.decision.renormalizesWeights = renormalizeWeights
        return MoELayer(router: router, experts: makeExperts(maxBatch: maxBatch), maxBatch: maxBatch, dispatch: dispatch,
                        capacityFactor: capacityFactor, routedLearning: routedLearning, loadBalancing: loadBalancing)
    }
}
