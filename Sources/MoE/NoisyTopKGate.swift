import Tensor
import NN
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Noisy top-k gate (Shazeer et al. 2017, "Outrageously large neural networks"):
///
///     clean = x · W_gᵀ;   s = softplus(x · W_noiseᵀ);   H = clean + n ⊙ s,  n ~ N(0,1) in training, 0 otherwise
///     G = softmax(KeepTopK(H, k))        (zero outside the top k of H; ties: smaller index)
///
/// Shapes: x [B,D], W_g `router.gate.weight` [E,D], W_noise `router.noise.weight` [E,D], all of
/// clean, s, n, H, G [B,E]; no biases, as in the paper. Both weights start at ZERO as the paper
/// recommends: the router then begins uniform, and in training the noise (s = softplus(0) ≈ 0.69)
/// breaks the symmetry. The noise drawn in forward is kept, so backward (and a gradient check that
/// reuses the same generator state) sees the same n.
///
/// Balancing losses (`importanceAndLoadLoss`), with CV² from `coefficientOfVariationSquared`:
///
///     Importance_i = Σ_b G[b,i];   L_importance = w_imp · CV²(Importance)
///     P[b,i] = Φ((clean[b,i] − kth_excluding(H[b], k, i)) / s[b,i]);   Load_i = Σ_b P[b,i];   L_load = w_load · CV²(Load)
///
/// where kth_excluding(H, k, i) is the k-th largest of H without component i: the (k+1)-th
/// largest of H when i is in the top k, the k-th largest otherwise. Its gradient flows into the
/// H component it selects, as in the paper's implementation. The load loss needs k < E.
public final class NoisyTopKGate: Router {
    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let decision: RoutingDecision
    private var table: ParameterTable?
    private var gateIndex = 0, noiseIndex = 0
    private let workspace: Workspace
    /// [maxBatch,E] each: clean, raw noise logits, s, n, H and the gradients of clean and s,
    /// which the load loss and `backward` both add into.
    private let clean, rawNoise, noiseScale, noise, noisyLogits, dclean, dnoiseScale: UnsafeMutableBufferPointer<Float>
    /// [E] scratch for Importance / Load and their gradients.
    private let perExpert, dperExpert: UnsafeMutableBufferPointer<Float>
    /// The top k+1 of H per row [maxBatch, min(k+1, E)], for kth_excluding.
    private let order: UnsafeMutableBufferPointer<Int32>
    private let orderWidth: Int

    public init(inputSize D: Int, experts E: Int, topK k: Int, maxBatch: Int) {
        precondition(D > 0, "NoisyTopKGate inputSize must be > 0, got \(D)")
        inputSize = D
        experts = E
        topK = k
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch)
        workspace = Workspace(count: 7 * maxBatch * E + 2 * E)
        clean = workspace.carve(maxBatch * E)
        rawNoise = workspace.carve(maxBatch * E)
        noiseScale = workspace.carve(maxBatch * E)
        noise = workspace.carve(maxBatch * E)
        noisyLogits = workspace.carve(maxBatch * E)
        dclean = workspace.carve(maxBatch * E)
        dnoiseScale = workspace.carve(maxBatch * E)
        perExpert = workspace.carve(E)
        dperExpert = workspace.carve(E)
        orderWidth = min(k + 1, E)
        order = .allocate(capacity: maxBatch * orderWidth)
        order.initialize(repeating: 0)
    }

    deinit { order.deallocate() }

    public func declareParameters(into list: inout [(name: String, shape: [Int])]) {
        list.append((name: "router.gate.weight", shape: [experts, inputSize]))
        list.append((name: "router.noise.weight", shape: [experts, inputSize]))
    }

    public func bind(to table: ParameterTable) throws {
        gateIndex = try table.requiredIndex(of: "router.gate.weight")
        noiseIndex = try table.requiredIndex(of: "router.noise.weight")
        self.table = table
    }

    /// Zero, per the paper (draws nothing).
    public func initializeParameters<G: RandomNumberGenerator>(using generator: inout G) {
        guard let table else { preconditionFailure("NoisyTopKGate: bind(to:) before initializeParameters") }
        table.values(of: gateIndex).update(repeating: 0)
        table.values(of: noiseIndex).update(repeating: 0)
    }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        guard let table else { preconditionFailure("NoisyTopKGate: bind(to:) before forward") }
        precondition(B > 0 && B <= decision.maxBatch, "NoisyTopKGate batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts, k = topK, n = B * E
        let x = prefix(inputs, B * inputSize)
        linearForward(out: prefix(clean, n), inp: x, weight: UnsafeBufferPointer(table.values(of: gateIndex)),
                      bias: nil, B: B, C: inputSize, OC: E)
        linearForward(out: prefix(rawNoise, n), inp: x, weight: UnsafeBufferPointer(table.values(of: noiseIndex)),
                      bias: nil, B: B, C: inputSize, OC: E)
        // H = clean + n ⊙ softplus(raw),  n ~ N(0,1) only in training (row-major draw order)
        for i in 0..<n {
            noiseScale[i] = softplus(rawNoise[i])
            noise[i] = training ? generator.standardNormalBoxMuller() : 0
            noisyLogits[i] = clean[i] + noise[i] * noiseScale[i]
        }
        selectTopK(indices: order, scores: UnsafeBufferPointer(noisyLogits), tieBreak: nil, B: B, E: E, k: orderWidth)
        // G = softmax over the k chosen H values, 0 elsewhere
        let p = decision.probabilities
        for b in 0..<B {
            let row = b * E
            for e in 0..<E { p[row + e] = 0 }
            let top = noisyLogits[row + Int(order[b * orderWidth])]
            var sum: Float = 0
            for j in 0..<k {
                let e = Int(order[b * orderWidth + j])
                decision.indices[b * k + j] = Int32(e)
                let g = expf(noisyLogits[row + e] - top)
                p[row + e] = g
                sum += g
            }
            for j in 0..<k { p[row + Int(order[b * orderWidth + j])] /= sum }
        }
        prefix(dclean, n).update(repeating: 0)
        prefix(dnoiseScale, n).update(repeating: 0)
        decision.finish(batch: B)
    }

    public func backward(dinputs: UnsafeMutableBufferPointer<Float>?, dprobabilities: UnsafeBufferPointer<Float>,
                         inputs: UnsafeBufferPointer<Float>, batch B: Int) {
        guard let table else { preconditionFailure("NoisyTopKGate: bind(to:) before backward") }
        let E = experts, k = topK, n = B * E
        let p = decision.probabilities
        for b in 0..<B {
            let row = b * E
            var dot: Float = 0
            for j in 0..<k { let e = row + Int(decision.indices[b * k + j]); dot += p[e] * dprobabilities[e] }
            for j in 0..<k {
                let e = row + Int(decision.indices[b * k + j])
                // "G = softmax(H over the top k)"  ⇒  dH_e = G_e (dG_e − Σ G·dG);  "H = clean + n·s"  ⇒  dclean += dH, ds += n·dH
                let dH = p[e] * (dprobabilities[e] - dot)
                dclean[e] += dH
                dnoiseScale[e] += noise[e] * dH
            }
        }
        // "s = softplus(raw)"  ⇒  draw = ds · σ(raw); reuse dnoiseScale in place
        for i in 0..<n { dnoiseScale[i] *= sigmoid(rawNoise[i]) }
        let x = prefix(inputs, B * inputSize)
        let dx = dinputs.map { prefix($0, B * inputSize) }
        linearBackward(dinp: dx, dweight: table.grads(of: gateIndex), dbias: nil, dout: prefix(UnsafeBufferPointer(dclean), n),
                       inp: x, weight: UnsafeBufferPointer(table.values(of: gateIndex)), B: B, C: inputSize, OC: E)
        linearBackward(dinp: dx, dweight: table.grads(of: noiseIndex), dbias: nil, dout: prefix(UnsafeBufferPointer(dnoiseScale), n),
                       inp: x, weight: UnsafeBufferPointer(table.values(of: noiseIndex)), B: B, C: inputSize, OC: E)
    }

    /// Inference only evaluates the clean gate (the noise branch is skipped at test time).
    public var multiplyAccumulatesPerSample: Int { inputSize * experts }

    /// w_imp · CV²(Importance) + w_load · CV²(Load) for the last forward batch (see the type's doc).
    public func importanceAndLoadLoss(importanceWeight: Float, loadWeight: Float) -> Float {
        let B = decision.batch, E = experts
        precondition(B > 0, "NoisyTopKGate: forward before importanceAndLoadLoss")
        var loss: Float = 0
        if importanceWeight != 0 {
            importance(into: perExpert, B: B)
            loss += importanceWeight * coefficientOfVariationSquared(UnsafeBufferPointer(perExpert))
        }
        if loadWeight != 0 {
            precondition(topK < E, "the load loss needs k < E (kth_excluding has no (k+1)-th logit); got k=\(topK) E=\(E)")
            perExpert.update(repeating: 0)
            for b in 0..<B { for i in 0..<E { perExpert[i] += loadTerm(b: b, i: i).probability } }
            loss += loadWeight * coefficientOfVariationSquared(UnsafeBufferPointer(perExpert))
        }
        return loss
    }

    /// Backward of `importanceAndLoadLoss`: the importance part adds into `dprobabilities` [B,E]
    /// (it is a function of G), the load part into this gate's own gradients of clean and s,
    /// which the next `backward` call consumes.
    public func importanceAndLoadBackward(dprobabilities: UnsafeMutableBufferPointer<Float>,
                                          importanceWeight: Float, loadWeight: Float) {
        let B = decision.batch, E = experts
        precondition(B > 0, "NoisyTopKGate: forward before importanceAndLoadBackward")
        if importanceWeight != 0 {
            importance(into: perExpert, B: B)
            dperExpert.update(repeating: 0)
            coefficientOfVariationSquaredBackward(dx: dperExpert, x: UnsafeBufferPointer(perExpert), scale: importanceWeight)
            // "Importance_i = Σ_b G[b,i]"  ⇒  dG[b,i] += dImportance_i
            for b in 0..<B { for i in 0..<E { dprobabilities[b * E + i] += dperExpert[i] } }
        }
        if loadWeight != 0 {
            perExpert.update(repeating: 0)
            for b in 0..<B { for i in 0..<E { perExpert[i] += loadTerm(b: b, i: i).probability } }
            dperExpert.update(repeating: 0)
            coefficientOfVariationSquaredBackward(dx: dperExpert, x: UnsafeBufferPointer(perExpert), scale: loadWeight)
            for b in 0..<B {
                for i in 0..<E {
                    let term = loadTerm(b: b, i: i)
                    let e = b * E + i, t = b * E + term.thresholdExpert
                    // "P = Φ(z), z = (clean_i − H_t) / s_i"  ⇒  dz = dLoad_i · φ(z)
                    let dz = dperExpert[i] * standardNormalPDF(term.z)
                    let s = noiseScale[e]
                    dclean[e] += dz / s
                    dnoiseScale[e] -= dz * term.z / s
                    // the threshold H_t = clean_t + n_t s_t:  dH_t = −dz / s_i
                    let dThreshold = -dz / s
                    dclean[t] += dThreshold
                    dnoiseScale[t] += noise[t] * dThreshold
                }
            }
        }
    }

    /// Importance_i = Σ_b G[b,i].
    private func importance(into out: UnsafeMutableBufferPointer<Float>, B: Int) {
        let E = experts
        out.update(repeating: 0)
        for b in 0..<B { for i in 0..<E { out[i] += decision.probabilities[b * E + i] } }
    }

    /// P[b,i] of the load loss, with z and which expert's H is the threshold.
    private func loadTerm(b: Int, i: Int) -> (probability: Float, z: Float, thresholdExpert: Int) {
        let E = experts, k = topK
        var isIn = false
        for j in 0..<k where Int(order[b * orderWidth + j]) == i { isIn = true }
        let t = Int(order[b * orderWidth + (isIn ? k : k - 1)])
        let e = b * E + i
        let z = (clean[e] - noisyLogits[b * E + t]) / noiseScale[e]
        return (standardNormalCDF(z), z, t)
    }
}
