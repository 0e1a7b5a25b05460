import MoE
import NN
import Spiking
import Tensor
import HarnessConfig
import HarnessStore

/// What the image-classification training loop needs from a model, so the dense MLP and every
/// MoE variant run through the same loop, with the same data order and the same measurements.
protocol TrainableClassifier: AnyObject {
    var parameterCount: Int { get }
    var multiplyAccumulatesPerSample: Int { get }
    /// One optimisation step; returns the mean task loss of the batch.
    func trainBatch(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) throws -> Float
    func predict(inputs: UnsafePointer<Float>, batch: Int, into probabilities: UnsafeMutablePointer<Float>) throws
}

/// Builds the optimizer a run's config names (`optimizer`, `learning_rate`, …).
func makeOptimizer(_ spec: RunSpec) -> any Optimizer {
    let lr = Float(spec.double("learning_rate"))
    let decay = Float(spec.double("weight_decay"))
    switch spec.string("optimizer") {
    case "sgd":
        return SGD(learningRate: lr, momentum: Float(spec.double("momentum")), weightDecay: decay)
    default:
        return Adam(learningRate: lr, beta1: Float(spec.double("beta1")), beta2: Float(spec.double("beta2")),
                    epsilon: Float(spec.double("epsilon")), weightDecay: decay,
                    decoupled: spec.string("optimizer") == "adamw")
    }
}

final class DenseClassifier: TrainableClassifier {
    let model: MLPClassifier
    var optimizer: any Optimizer

    init(spec: RunSpec, inputSize: Int, classes: Int, maxBatch: Int, streams: RandomStreams) {
        var initRNG = streams.generator("init")
        model = MLPClassifier(inputSize: inputSize, hidden: spec.intList("hidden"), classes: classes,
                              maxBatch: maxBatch, rng: &initRNG)
        optimizer = makeOptimizer(spec)
    }

    var parameterCount: Int { model.parameterCount }
    var multiplyAccumulatesPerSample: Int { model.multiplyAccumulatesPerSample }

    func trainBatch(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) throws -> Float {
        model.trainStep(inputs: inputs, targets: targets, batch: batch, optimizer: &optimizer)
    }

    func predict(inputs: UnsafePointer<Float>, batch: Int, into probabilities: UnsafeMutablePointer<Float>) throws {
        model.predictProbabilities(inputs: inputs, batch: batch, into: probabilities)
    }
}

final class MixtureOfExpertsClassifier: TrainableClassifier {
    let model: MoEClassifier
    var optimizer: any Optimizer
    /// Router noise and random routing during training: its own stream, so it never shifts init.
    var routingRNG: Philox4x32_10

    init(spec: RunSpec, inputSize: Int, classes: Int, maxBatch: Int, streams: RandomStreams) throws {
        var initRNG = streams.generator("init")
        model = try MoEClassifier(config: Self.config(spec), inputSize: inputSize, classes: classes,
                                  maxBatch: maxBatch, rng: &initRNG)
        optimizer = makeOptimizer(spec)
        routingRNG = streams.generator("routing")
    }

    /// Maps config keys onto `MoEConfig` (see ExperimentSchema for their meaning).
    static func config(_ spec: RunSpec) throws -> MoEConfig {
        let router: MoEConfig.RouterKind
        switch spec.string("router") {
        case "noisy-top-k": router = .noisyTopK
        case "spiking": router = .spiking
        case "hash": router = .hash
        case "random": router = .random
        case "dense": router = .dense
        default: router = .softmax
        }
        let alpha = Float(spec.double("balance_coefficient"))
        let balancing: LoadBalancingLoss
        switch spec.string("load_balancing") {
        case "none": balancing = .none
        case "variance": balancing = .variance(coefficient: alpha)
        case "importance-load": balancing = .importanceAndLoad(importance: alpha, load: alpha)
        case "switch-all-slots": balancing = .switchAllSlots(alpha: alpha)
        default: balancing = .switchTransformer(alpha: alpha)
        }
        let reset = ResetMechanism(rawValue: spec.string("reset")) ?? .subtract
        let surrogate: SurrogateGradient = spec.string("surrogate") == "fast-sigmoid" ? .fastSigmoid(slope: 25) : .arctan(alpha: 2)
        let capacity = spec.double("capacity_factor")
        let config = MoEConfig(
            router: router, experts: spec.int("experts"), topK: spec.int("top_k"), modelWidth: spec.int("model_width"),
            expertHidden: spec.int("expert_hidden"), expertKind: spec.string("expert_kind") == "conv1d" ? .conv1d : .mlp,
            temperature: Float(spec.double("temperature")), capacityFactor: capacity > 0 ? Float(capacity) : nil,
            routedLearning: spec.model["routed_learning"]?.boolValue ?? true, loadBalancing: balancing,
            spiking: MoEConfig.SpikingSettings(
                timeSteps: spec.int("time_steps"),
                lif: LIFParameters(beta: Float(spec.double("beta")), threshold: Float(spec.double("threshold")),
                                   reset: reset, surrogate: surrogate),
                population: spec.int("population")))
        try config.validate()
        return config
    }

    var parameterCount: Int { model.parameterCount }
    var multiplyAccumulatesPerSample: Int { model.multiplyAccumulatesPerSample }

    func trainBatch(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) throws -> Float {
        try model.trainStep(inputs: inputs, targets: targets, batch: batch, optimizer: &optimizer, rng: &routingRNG).loss
    }

    func predict(inputs: UnsafePointer<Float>, batch: Int, into probabilities: UnsafeMutablePointer<Float>) throws {
        try model.predictProbabilities(inputs: inputs, batch: batch, into: probabilities)
    }
}
