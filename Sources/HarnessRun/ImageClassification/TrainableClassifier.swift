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
    var parameters: ParameterTable { get }
    /// The optimizer's step size (a decay schedule sets it before each step).
    var learningRate: Float { get set }
    /// The model's name in checkpoint metadata (`format`: biomoe.MLPClassifier, …) and its
    /// config spelling (`model`: mlp, moe).
    var checkpointFormat: (format: String, model: String) { get }
}

extension TrainableClassifier {
    /// The parameters as safetensors, with what a reader needs to rebuild the model: its kind and
    /// input and output sizes (the rest of its settings are the run's config, added by the runner).
    func checkpoint(inputSize: Int, classes: Int) -> SafetensorsFile {
        parameters.safetensors(metadata: ["format": checkpointFormat.format, "format_version": "1",
                                          "model": checkpointFormat.model,
                                          "input_size": String(inputSize), "classes": String(classes)])
    }
}

/// Builds the optimizer a run's config names (`optimizer`, `learning_rate`, …).
func makeOptimizer(_ spec: RunSpec) throws -> any Optimizer {
    let lr = Float(try spec.double("learning_rate"))
    let decay = Float(try spec.double("weight_decay"))
    let kind = try spec.choice("optimizer", as: OptimizerKind.self)
    switch kind {
    case .sgd:
        return SGD(learningRate: lr, momentum: Float(try spec.double("momentum")), weightDecay: decay)
    case .adam, .adamw:
        return Adam(learningRate: lr, beta1: Float(try spec.double("beta1")), beta2: Float(try spec.double("beta2")),
                    epsilon: Float(try spec.double("epsilon")), weightDecay: decay, decoupled: kind == .adamw)
    }
}

final class DenseClassifier: TrainableClassifier {
    let model: MLPClassifier
    var optimizer: any Optimizer

    init(spec: RunSpec, inputSize: Int, classes: Int, maxBatch: Int, streams: RandomStreams) throws {
        var initRNG = streams.generator("init")
        model = MLPClassifier(inputSize: inputSize, hidden: try spec.intList("hidden"), classes: classes,
                              maxBatch: maxBatch, rng: &initRNG)
        optimizer = try makeOptimizer(spec)
    }

    var parameterCount: Int { model.parameterCount }
    var multiplyAccumulatesPerSample: Int { model.multiplyAccumulatesPerSample }
    var parameters: ParameterTable { model.parameters }
    var learningRate: Float { get { optimizer.learningRate } set { optimizer.learningRate = newValue } }
    var checkpointFormat: (format: String, model: String) { ("biomoe.MLPClassifier", ModelKind.mlp.rawValue) }

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
        model = try MoEClassifier(config: Self.config(spec, inputSize: inputSize), inputSize: inputSize, classes: classes,
                                  maxBatch: maxBatch, rng: &initRNG)
        optimizer = try makeOptimizer(spec)
        routingRNG = streams.generator("routing")
    }

    /// Maps config keys onto `MoEConfig` (see ExperimentSchema for their meaning and defaults:
    /// every key of the schema is read here, so no MoEConfig default stands in for one).
    static func config(_ spec: RunSpec, inputSize: Int) throws -> MoEConfig {
        var spiking = MoEConfig.SpikingSettings(
            timeSteps: try spec.int("time_steps"),
            lif: LIFParameters(beta: Float(try spec.double("beta")), threshold: Float(try spec.double("threshold")),
                               reset: try spec.choice("reset", as: ResetMechanism.self),
                               surrogate: try spec.choice("surrogate", as: SurrogateKind.self).gradient),
            population: try spec.int("population"))
        spiking.encoding = try spec.choice("spike_encoding", as: SpikeEncoding.self)
        let balancing = LoadBalancingLoss(kind: try spec.choice("load_balancing", as: LoadBalancingKind.self),
                                          coefficient: Float(try spec.double("balance_coefficient")))
        let capacity = try spec.double("capacity_factor")
        let projection = try spec.bool("input_projection")
        let config = MoEConfig(
            router: try spec.choice("router", as: MoEConfig.RouterKind.self), experts: try spec.int("experts"),
            topK: try spec.int("top_k"), modelWidth: projection ? try spec.int("model_width") : inputSize, expertHidden: try spec.int("expert_hidden"),
            expertKind: try spec.choice("expert_kind", as: MoEConfig.ExpertKind.self),
            temperature: Float(try spec.double("temperature")), capacityFactor: capacity > 0 ? Float(capacity) : nil,
            routedLearning: try spec.bool("routed_learning"), renormalizeWeights: try spec.bool("renormalize_weights"),
            loadBalancing: balancing,
            spiking: spiking,
            inputProjection: projection, residual: try spec.bool("residual"))
        try config.validate()
        return config
    }

    var parameterCount: Int { model.parameterCount }
    var multiplyAccumulatesPerSample: Int { model.multiplyAccumulatesPerSample }
    var parameters: ParameterTable { model.parameters }
    var learningRate: Float { get { optimizer.learningRate } set { optimizer.learningRate = newValue } }
    var checkpointFormat: (format: String, model: String) { ("biomoe.MoEClassifier", ModelKind.moe.rawValue) }

    func trainBatch(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) throws -> Float {
        try model.trainStep(inputs: inputs, targets: targets, batch: batch, optimizer: &optimizer, rng: &routingRNG).loss
    }

    func predict(inputs: UnsafePointer<Float>, batch: Int, into probabilities: UnsafeMutablePointer<Float>) throws {
        try model.predictProbabilities(inputs: inputs, batch: batch, into: probabilities)
    }
}
