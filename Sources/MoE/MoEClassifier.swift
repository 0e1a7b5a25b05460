import NN
import Tensor

/// The classifier of the routing suite: an input projection, one MoE layer with a residual
/// connection, and a linear read-out:
///
///     h = relu(x · W_inᵀ + b_in);   r = h + MoE(h);   z = r · W_outᵀ + b_out;   loss = CE(softmax(z), t) + aux
///
/// Shapes: x [B,I] (I = 784 for Fashion-MNIST), h and r [B,D], z [B,V]. The residual keeps a
/// plain path from input to read-out, so a router that starts badly (or a baseline router that
/// never learns) cannot cut the gradient to the input layer, as in transformer MoE blocks; the
/// router reads h. `aux` is the configured load-balancing loss, added to the objective and
/// reported separately. Parameters: `input.*`, `router.*`, `experts.<e>.*`, `output.*` in ONE
/// table; all buffers are allocated here for `maxBatch` rows, so steps never allocate.
///
/// Without the input projection (`config.inputProjection == false`, D = I): h = x, there are no
/// `input.*` parameters, and only the experts (and the linear read-out of the residual) learn
/// features, so which expert an input reaches decides what it can be classified with. Without
/// the residual (`config.residual == false`), r = MoE(h): no path from input to read-out
/// bypasses the experts, so a shared linear classifier cannot stand in for them.
public final class MoEClassifier {
    public let config: MoEConfig
    public let inputSize: Int
    public let classes: Int
    public let maxBatch: Int
    public let layer: MoELayer
    public let parameters: ParameterTable
    private let inputWeight, inputBias, outputWeight, outputBias: Int
    private let workspace: Workspace
    private let z1, h, m, r, logits, probs, losses, dz1, dh, dr, dlogits: UnsafeMutableBufferPointer<Float>
    /// Draws the randomness inference needs (random routing), so `predictProbabilities` needs no generator.
    private var inferenceGenerator: Philox4x32_10
    /// Whether each row of the last training batch was classified right (self-assessed gate's targets).
    private var correct: [Bool]
    /// Mean over the last forward batch of (nonzero elements of h) × router fan-out.
    public private(set) var lastRouterEffectiveMACsPerSample = 0.0
    /// Mean over the last forward batch of the router's spike-driven synaptic operations (a
    /// rate-coded spiking gate's input spikes × N; 0 for every other router).
    public private(set) var lastRouterSynapticOperationsPerSample = 0.0

    public init<G: RandomNumberGenerator>(config: MoEConfig, inputSize: Int, classes: Int, maxBatch: Int, rng: inout G) throws {
        precondition(inputSize > 0 && classes > 1 && maxBatch > 0,
                     "MoEClassifier needs inputSize > 0, classes > 1, maxBatch > 0; got \(inputSize), \(classes), \(maxBatch)")
        self.config = config
        self.inputSize = inputSize
        self.classes = classes
        self.maxBatch = maxBatch
        layer = try config.makeLayer(maxBatch: maxBatch)
        let D = config.modelWidth
        precondition(config.inputProjection || D == inputSize,
                     "MoEClassifier without an input projection needs modelWidth = inputSize; got \(D) and \(inputSize)")
        var list: [(name: String, shape: [Int])] = config.inputProjection
            ? [(name: "input.weight", shape: [D, inputSize]), (name: "input.bias", shape: [D])] : []
        layer.declareParameters(into: &list)
        list.append((name: "output.weight", shape: [classes, D]))
        list.append((name: "output.bias", shape: [classes]))
        parameters = ParameterTable(list)
        inputWeight = config.inputProjection ? try parameters.requiredIndex(of: "input.weight") : -1
        inputBias = config.inputProjection ? try parameters.requiredIndex(of: "input.bias") : -1
        outputWeight = try parameters.requiredIndex(of: "output.weight")
        outputBias = try parameters.requiredIndex(of: "output.bias")
        try layer.bind(to: parameters)
        // Initialisation order: input layer, router, experts, output layer.
        if config.inputProjection {
            initializeLinear(weight: parameters.values(of: inputWeight), bias: parameters.values(of: inputBias),
                             C: inputSize, OC: D, using: &rng)
        }
        layer.initializeParameters(using: &rng)
        initializeLinear(weight: parameters.values(of: outputWeight), bias: parameters.values(of: outputBias),
                         C: D, OC: classes, using: &rng)
        correct = [Bool](repeating: false, count: maxBatch)
        let seed = rng.next()
        inferenceGenerator = Philox4x32_10(key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))

        let BD = maxBatch * D, BV = maxBatch * classes
        workspace = Workspace(count: 7 * BD + 3 * BV + maxBatch)
        z1 = workspace.carve(BD); h = workspace.carve(BD); m = workspace.carve(BD); r = workspace.carve(BD)
        dz1 = workspace.carve(BD); dh = workspace.carve(BD); dr = workspace.carve(BD)
        logits = workspace.carve(BV); probs = workspace.carve(BV); dlogits = workspace.carve(BV)
        losses = workspace.carve(maxBatch)
    }

    /// Tells a domain-oracle router the domains of the next pass's rows; other routers ignore it.
    public func setDomains(_ domains: UnsafeBufferPointer<Int32>) {
        (layer.router as? DomainOracleRouter)?.setDomains(domains)
    }

    /// The routing decision of the last forward pass (indices and probabilities for utilisation,
    /// entropy and per-expert accuracy).
    public var lastDecision: RoutingDecision { layer.decision }

    public var parameterCount: Int { parameters.count }

    /// Multiply-accumulates per inference sample of the non-router layers actually executed:
    /// the input and output Linears plus k experts (all E for the dense reference).
    public var multiplyAccumulatesPerSample: Int {
        let expertMACs = layer.experts.first?.multiplyAccumulatesPerSample ?? 0
        let projection = config.inputProjection ? inputSize * config.modelWidth : 0
        return projection + layer.router.topK * expertMACs + config.modelWidth * classes
    }

    /// Dense multiply-accumulates of one routing decision (D·E for the gates, D·E·P for the
    /// spiking gate's input synapses, 0 for hash / random / dense).
    public var routerMultiplyAccumulatesPerSample: Int { layer.router.multiplyAccumulatesPerSample }

    /// LIF membrane updates per routing decision (T·E·P), 0 for non-spiking routers. The spikes
    /// only feed a count, so they add no synaptic operations.
    public var routerNeuronUpdatesPerSample: Int { (layer.router as? SpikingGate)?.neuronUpdatesPerSample ?? 0 }

    /// One optimisation step; returns the batch's mean cross-entropy and auxiliary loss before the update.
    @discardableResult
    public func trainStep<G: RandomNumberGenerator>(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int,
                                                    optimizer: inout some Optimizer, rng: inout G) throws -> (loss: Float, auxLoss: Float) {
        let result = try computeGradients(inputs: inputs, targets: targets, batch: batch, rng: &rng)
        optimizer.step(parameters)
        return result
    }

    /// Forward only, in training mode (noise from `rng`): mean cross-entropy and auxiliary loss.
    public func meanLoss<G: RandomNumberGenerator>(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch B: Int,
                                                   rng: inout G) throws -> (loss: Float, auxLoss: Float) {
        precondition(B > 0 && B <= maxBatch, "MoEClassifier batch must be in 1...\(maxBatch), got \(B)")
        let aux = try forward(inputs: inputs, batch: B, training: true, generator: &rng)
        let V = classes
        softmaxCrossEntropyForward(losses: prefix(losses, B), probs: prefix(probs, B * V), logits: prefix(UnsafeBufferPointer(logits), B * V),
                                   targets: UnsafeBufferPointer(start: targets, count: B), B: B, V: V)
        var sum = 0.0
        for b in 0..<B { sum += Double(losses[b]) }
        var auxLoss = aux
        if let gate = layer.router as? SelfAssessedGate {
            // the self-assessment target: was the row's arg-max the label?
            for b in 0..<B {
                var best = 0
                for v in 1..<V where probs[b * V + v] > probs[b * V + best] { best = v }
                correct[b] = Int32(best) == targets[b]
            }
            auxLoss += correct.withUnsafeBufferPointer { gate.recordOutcomes(correct: UnsafeBufferPointer(rebasing: $0[0..<B])) }
        }
        return (Float(sum / Double(B)), auxLoss)
    }

    /// Zeroes the grads and fills them with ∂(mean CE + aux)/∂parameters for the batch.
    public func computeGradients<G: RandomNumberGenerator>(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch B: Int,
                                                           rng: inout G) throws -> (loss: Float, auxLoss: Float) {
        let result = try meanLoss(inputs: inputs, targets: targets, batch: B, rng: &rng)
        let D = config.modelWidth, V = classes
        parameters.zeroGrads()
        let dz = prefix(dlogits, B * V), drB = prefix(dr, B * D), dhB = prefix(dh, B * D), dz1B = prefix(dz1, B * D)
        dz.update(repeating: 0); drB.update(repeating: 0); dhB.update(repeating: 0); dz1B.update(repeating: 0)
        softmaxCrossEntropyBackward(dlogits: dz, probs: prefix(UnsafeBufferPointer(probs), B * V),
                                    targets: UnsafeBufferPointer(start: targets, count: B), B: B, V: V, scale: 1 / Float(B))
        // "z = r · W_outᵀ + b_out"
        linearBackward(dinp: drB, dweight: parameters.grads(of: outputWeight), dbias: parameters.grads(of: outputBias),
                       dout: UnsafeBufferPointer(dz), inp: prefix(UnsafeBufferPointer(r), B * D),
                       weight: UnsafeBufferPointer(parameters.values(of: outputWeight)), B: B, C: D, OC: V)
        // "r = h + MoE(h)"  ⇒  dh = dr + MoE'ᵀ dr   (without the residual: dh = MoE'ᵀ dr)
        if config.residual { for i in 0..<(B * D) { dhB[i] = drB[i] } }
        try layer.backward(dinp: dhB, dout: UnsafeBufferPointer(drB), inp: prefix(UnsafeBufferPointer(h), B * D), B: B)
        guard config.inputProjection else { return result }
        // "h = relu(z1)",  "z1 = x · W_inᵀ + b_in"
        reluBackward(dinp: dz1B, dout: UnsafeBufferPointer(dhB), inp: prefix(UnsafeBufferPointer(z1), B * D), N: B * D)
        linearBackward(dinp: nil, dweight: parameters.grads(of: inputWeight), dbias: parameters.grads(of: inputBias),
                       dout: UnsafeBufferPointer(dz1B), inp: UnsafeBufferPointer(start: inputs, count: B * inputSize),
                       weight: UnsafeBufferPointer(parameters.values(of: inputWeight)), B: B, C: inputSize, OC: D)
        return result
    }

    /// Class probabilities [batch, classes] in inference mode (no noise, top-k routing).
    public func predictProbabilities(inputs: UnsafePointer<Float>, batch B: Int, into out: UnsafeMutablePointer<Float>) throws {
        precondition(B > 0 && B <= maxBatch, "MoEClassifier batch must be in 1...\(maxBatch), got \(B)")
        var generator = inferenceGenerator
        defer { inferenceGenerator = generator }
        // A few rows are a few hundred kFLOP: OpenBLAS's second thread costs more to wake than it
        // saves (batch-1 p50 68 µs on two threads against 22 µs on one, measured in the perf suite).
        try BLASThreads.with(B <= Self.singleThreadRows ? 1 : BLASThreads.count) {
            try forward(inputs: inputs, batch: B, training: false, generator: &generator)
        }
        softmaxForward(probs: UnsafeMutableBufferPointer(start: out, count: B * classes),
                       logits: prefix(UnsafeBufferPointer(logits), B * classes), B: B, V: classes)
    }

    /// Largest batch `predictProbabilities` runs on one OpenBLAS thread whatever the count.
    static let singleThreadRows = 8

    /// The router's input h [batch, D] of the last forward pass (valid until the next one):
    /// feed a row of it to `routeOnly` to time the routing decision alone on real inputs.
    public func lastRouterInputs(batch B: Int) -> UnsafeBufferPointer<Float> {
        precondition(B > 0 && B <= maxBatch, "batch must be in 1...\(maxBatch), got \(B)")
        return prefix(UnsafeBufferPointer(h), B * config.modelWidth)
    }

    /// The routing decision alone for one row of the router's input h [D] (D = modelWidth), in
    /// inference mode: no input layer, no experts. Allocation-free; for the routing-latency metric.
    @discardableResult
    public func routeOnly(input: UnsafePointer<Float>) -> RoutingDecision {
        layer.routeOnly(input: input, generator: &inferenceGenerator)
    }

    /// Input layer, MoE with residual, output layer; leaves logits in `logits`; returns aux.
    @discardableResult
    private func forward<G: RandomNumberGenerator>(inputs: UnsafePointer<Float>, batch B: Int, training: Bool,
                                                   generator: inout G) throws -> Float {
        let D = config.modelWidth, V = classes
        let z1B = prefix(z1, B * D), hB = prefix(h, B * D), mB = prefix(m, B * D), rB = prefix(r, B * D)
        if config.inputProjection {
            linearForward(out: z1B, inp: UnsafeBufferPointer(start: inputs, count: B * inputSize),
                          weight: UnsafeBufferPointer(parameters.values(of: inputWeight)),
                          bias: UnsafeBufferPointer(parameters.values(of: inputBias)), B: B, C: inputSize, OC: D)
            reluForward(out: hB, inp: UnsafeBufferPointer(z1B), N: B * D)
        } else {
            // h = x
            hB.baseAddress!.update(from: inputs, count: B * D)
        }
        let aux = try layer.forward(out: mB, inp: UnsafeBufferPointer(hB), B: B, training: training, generator: &generator)
        // r = h + MoE(h)   (r = MoE(h) without the residual)
        if config.residual { for i in 0..<(B * D) { rB[i] = hB[i] + mB[i] } } else { rB.baseAddress!.update(from: mB.baseAddress!, count: B * D) }
        linearForward(out: prefix(logits, B * V), inp: UnsafeBufferPointer(rB),
                      weight: UnsafeBufferPointer(parameters.values(of: outputWeight)),
                      bias: UnsafeBufferPointer(parameters.values(of: outputBias)), B: B, C: D, OC: V)
        // effective router MACs: nonzero inputs × fan-out (NeuroBench's effective MACs)
        let fanOut = layer.router.multiplyAccumulatesPerSample / D
        var nonzero = 0
        for i in 0..<(B * D) where hB[i] != 0 { nonzero += 1 }
        lastRouterEffectiveMACsPerSample = Double(nonzero * fanOut) / Double(B)
        lastRouterSynapticOperationsPerSample = Double((layer.router as? SpikingGate)?.lastSynapticOperations ?? 0) / Double(B)
        return aux
    }
}
