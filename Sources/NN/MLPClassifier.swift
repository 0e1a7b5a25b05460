/// A multilayer perceptron classifier: Linear → ReLU → … → Linear → softmax cross-entropy.
///
///     h₀ = x;  zₗ = hₗ · Wₗᵀ + bₗ;  hₗ₊₁ = relu(zₗ) for hidden layers;  p = softmax(z_last)
///
/// `hidden: []` is multinomial logistic (softmax) regression, a single Linear layer; the
/// Fashion-MNIST baseline MLP is `inputSize: 784, hidden: [256], classes: 10`.
/// Parameters live in one `ParameterTable` named like PyTorch's `layers.<i>.weight` [out,in]
/// and `layers.<i>.bias` [out], i counting Linear layers. All activations and their gradients
/// are allocated once for `maxBatch` rows, so `trainStep` and `predictProbabilities` never
/// allocate (apart from the optimizer's state on its very first step).
public final class MLPClassifier {
    /// Layer widths: `[inputSize] + hidden + [classes]`.
    public let widths: [Int]
    public let maxBatch: Int
    public let parameters: ParameterTable

    /// Per Linear layer ℓ: its output z (pre-activation; logits for the last layer), and for
    /// hidden layers the ReLU output h; plus the gradient buffers of both. Each holds
    /// `maxBatch · widths[ℓ+1]` floats inside `workspace`.
    private let preActivations: [UnsafeMutableBufferPointer<Float>]
    private let activations: [UnsafeMutableBufferPointer<Float>]
    private let dpreActivations: [UnsafeMutableBufferPointer<Float>]
    private let dactivations: [UnsafeMutableBufferPointer<Float>]
    /// probs [maxBatch, classes] and losses [maxBatch] of the last training step.
    private let probs: UnsafeMutableBufferPointer<Float>
    private let losses: UnsafeMutableBufferPointer<Float>
    /// One allocation backing every buffer above.
    private let workspace: UnsafeMutableBufferPointer<Float>

    public init<G: RandomNumberGenerator>(inputSize: Int, hidden: [Int], classes: Int, maxBatch: Int, rng: inout G) {
        precondition(inputSize > 0, "MLPClassifier inputSize must be > 0, got \(inputSize)")
        precondition(hidden.allSatisfy { $0 > 0 }, "MLPClassifier hidden widths must be > 0, got \(hidden)")
        precondition(classes > 1, "MLPClassifier needs at least 2 classes, got \(classes)")
        precondition(maxBatch > 0, "MLPClassifier maxBatch must be > 0, got \(maxBatch)")
        let widths = [inputSize] + hidden + [classes]
        self.widths = widths
        self.maxBatch = maxBatch
        let layerCount = widths.count - 1

        var table: [(name: String, shape: [Int])] = []
        for l in 0..<layerCount {
            table.append((name: "layers.\(l).weight", shape: [widths[l + 1], widths[l]]))
            table.append((name: "layers.\(l).bias", shape: [widths[l + 1]]))
        }
        parameters = ParameterTable(table)
        for l in 0..<layerCount {
            initializeLinear(weight: parameters.values(of: 2 * l), bias: parameters.values(of: 2 * l + 1),
                             C: widths[l], OC: widths[l + 1], using: &rng)
        }

        // Workspace layout: for each layer z, dz, then (hidden layers only) h, dh; then probs, losses.
        var total = 0
        for l in 0..<layerCount { total += maxBatch * widths[l + 1] * (l < layerCount - 1 ? 4 : 2) }
        total += maxBatch * classes + maxBatch
        let workspace = UnsafeMutableBufferPointer<Float>.allocate(capacity: total)
        workspace.initialize(repeating: 0)
        self.workspace = workspace
        var offset = 0
        func carve(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
            defer { offset += count }
            return UnsafeMutableBufferPointer(rebasing: workspace[offset..<(offset + count)])
        }
        var z: [UnsafeMutableBufferPointer<Float>] = [], dz: [UnsafeMutableBufferPointer<Float>] = []
        var h: [UnsafeMutableBufferPointer<Float>] = [], dh: [UnsafeMutableBufferPointer<Float>] = []
        for l in 0..<layerCount {
            let size = maxBatch * widths[l + 1]
            z.append(carve(size))
            dz.append(carve(size))
            if l < layerCount - 1 {
                h.append(carve(size))
                dh.append(carve(size))
            }
        }
        preActivations = z
        dpreActivations = dz
        activations = h
        dactivations = dh
        probs = carve(maxBatch * classes)
        losses = carve(maxBatch)
        precondition(offset == total, "MLPClassifier workspace layout is inconsistent")
    }

    deinit {
        workspace.deallocate()
    }

    public var inputSize: Int { widths[0] }
    public var classes: Int { widths[widths.count - 1] }
    private var layerCount: Int { widths.count - 1 }

    /// Number of scalar parameters (weights and biases).
    public var parameterCount: Int { parameters.count }

    /// Multiply-accumulates of one forward pass for one sample: Σₗ in·out over the Linear
    /// layers (bias additions, ReLU and softmax are not counted).
    public var multiplyAccumulatesPerSample: Int {
        (0..<layerCount).reduce(0) { $0 + widths[$1] * widths[$1 + 1] }
    }

    /// One optimisation step on a batch: zero gradients, forward, backward, `optimizer.step`.
    /// `inputs` is [batch, inputSize] row-major, `targets` [batch] class indices.
    /// Returns the mean cross-entropy loss of the batch *before* the update.
    @discardableResult
    public func trainStep(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int,
                          optimizer: inout some Optimizer) -> Float {
        let loss = computeGradients(inputs: inputs, targets: targets, batch: batch)
        optimizer.step(parameters)
        return loss
    }

    /// Mean cross-entropy loss of a batch under the current parameters: forward only, no
    /// gradients. Leaves the batch's probabilities in the workspace for `computeGradients`.
    public func meanLoss(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) -> Float {
        precondition(batch > 0 && batch <= maxBatch, "MLPClassifier batch must be in 1...\(maxBatch), got \(batch)")
        let B = batch, V = classes
        forward(inputs: UnsafeBufferPointer(start: inputs, count: B * inputSize), batch: B)
        let rowLosses = UnsafeMutableBufferPointer(rebasing: losses[0..<B])
        softmaxCrossEntropyForward(losses: rowLosses, probs: rows(probs, B, V),
                                   logits: UnsafeBufferPointer(rows(preActivations[layerCount - 1], B, V)),
                                   targets: UnsafeBufferPointer(start: targets, count: B), B: B, V: V)
        // mean loss = (1/B) Σ_b losses[b], summed in Double in a fixed order
        var sum = 0.0
        for b in 0..<B { sum += Double(rowLosses[b]) }
        return Float(sum / Double(B))
    }

    /// Zeroes `parameters.grads`, then fills them with ∂(mean loss)/∂parameters for the batch
    /// and returns the mean cross-entropy loss. `trainStep` without the update; gradient checks
    /// and gradient-inspecting learners call this directly.
    public func computeGradients(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch: Int) -> Float {
        let loss = meanLoss(inputs: inputs, targets: targets, batch: batch)
        let B = batch, V = classes
        let dlogits = rows(dpreActivations[layerCount - 1], B, V)
        dlogits.update(repeating: 0)
        softmaxCrossEntropyBackward(dlogits: dlogits, probs: UnsafeBufferPointer(rows(probs, B, V)),
                                    targets: UnsafeBufferPointer(start: targets, count: B), B: B, V: V, scale: 1 / Float(B))
        backpropagate(inputs: inputs, batch: B)
        return loss
    }

    /// Forward only: the logits [batch, classes] of `inputs` ([batch, inputSize]). The buffer is
    /// the model's workspace, valid until the next call; `backward(inputs:dlogits:batch:)` uses
    /// the activations this call leaves behind. For learners whose loss is not plain softmax
    /// cross-entropy over every class (masked heads, distillation, weight penalties).
    public func logits(inputs: UnsafePointer<Float>, batch: Int) -> UnsafeBufferPointer<Float> {
        precondition(batch > 0 && batch <= maxBatch, "MLPClassifier batch must be in 1...\(maxBatch), got \(batch)")
        forward(inputs: UnsafeBufferPointer(start: inputs, count: batch * inputSize), batch: batch)
        return UnsafeBufferPointer(rows(preActivations[layerCount - 1], batch, classes))
    }

    /// Zeroes `parameters.grads`, then fills them with ∂L/∂parameters given `dlogits` = ∂L/∂logits
    /// ([batch, classes]) for the same `inputs` and `batch` as the last `logits` call.
    public func backward(inputs: UnsafePointer<Float>, dlogits: UnsafePointer<Float>, batch: Int) {
        precondition(batch > 0 && batch <= maxBatch, "MLPClassifier batch must be in 1...\(maxBatch), got \(batch)")
        let last = rows(dpreActivations[layerCount - 1], batch, classes)
        _ = last.update(from: UnsafeBufferPointer(start: dlogits, count: batch * classes))
        backpropagate(inputs: inputs, batch: batch)
    }

    /// Backward through the Linear/ReLU stack from the logit gradients already in
    /// `dpreActivations[last]`; zeroes and fills `parameters.grads`.
    private func backpropagate(inputs: UnsafePointer<Float>, batch B: Int) {
        let x = UnsafeBufferPointer(start: inputs, count: B * inputSize)
        parameters.zeroGrads()
        for l in 0..<(layerCount - 1) {
            rows(dpreActivations[l], B, widths[l + 1]).update(repeating: 0)
            rows(dactivations[l], B, widths[l + 1]).update(repeating: 0)
        }
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let C = widths[l], OC = widths[l + 1]
            let layerInput = l == 0 ? x : UnsafeBufferPointer(rows(activations[l - 1], B, C))
            linearBackward(dinp: l == 0 ? nil : rows(dactivations[l - 1], B, C),
                           dweight: parameters.grads(of: 2 * l), dbias: parameters.grads(of: 2 * l + 1),
                           dout: UnsafeBufferPointer(rows(dpreActivations[l], B, OC)), inp: layerInput,
                           weight: UnsafeBufferPointer(parameters.values(of: 2 * l)),
                           B: B, C: C, OC: OC)
            if l > 0 {
                reluBackward(dinp: rows(dpreActivations[l - 1], B, C),
                             dout: UnsafeBufferPointer(rows(dactivations[l - 1], B, C)),
                             inp: UnsafeBufferPointer(rows(preActivations[l - 1], B, C)), N: B * C)
            }
        }
    }

    /// Class probabilities for `batch` rows of `inputs` ([batch, inputSize]) into `probs`
    /// ([batch, classes]); `batch` ≤ `maxBatch`. Does not touch gradients; no allocation.
    public func predictProbabilities(inputs: UnsafePointer<Float>, batch: Int, into probs: UnsafeMutablePointer<Float>) {
        precondition(batch > 0 && batch <= maxBatch, "MLPClassifier batch must be in 1...\(maxBatch), got \(batch)")
        let V = classes
        forward(inputs: UnsafeBufferPointer(start: inputs, count: batch * inputSize), batch: batch)
        softmaxForward(probs: UnsafeMutableBufferPointer(start: probs, count: batch * V),
                       logits: UnsafeBufferPointer(rows(preActivations[layerCount - 1], batch, V)), B: batch, V: V)
    }

    /// Runs the Linear/ReLU stack, leaving logits in `preActivations[last]`.
    private func forward(inputs x: UnsafeBufferPointer<Float>, batch B: Int) {
        var layerInput = x
        for l in 0..<layerCount {
            let C = widths[l], OC = widths[l + 1]
            let z = rows(preActivations[l], B, OC)
            linearForward(out: z, inp: layerInput,
                          weight: UnsafeBufferPointer(parameters.values(of: 2 * l)),
                          bias: UnsafeBufferPointer(parameters.values(of: 2 * l + 1)),
                          B: B, C: C, OC: OC)
            if l < layerCount - 1 {
                let h = rows(activations[l], B, OC)
                reluForward(out: h, inp: UnsafeBufferPointer(z), N: B * OC)
                layerInput = UnsafeBufferPointer(h)
            }
        }
    }

    /// The first `B` rows of a [maxBatch, width] workspace buffer.
    @inline(__always)
    private func rows(_ buffer: UnsafeMutableBufferPointer<Float>, _ B: Int, _ width: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: buffer[0..<(B * width)])
    }
}
