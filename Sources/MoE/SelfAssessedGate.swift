import Foundation
import NN

/// A softmax gate whose choice also hears the experts' own confidence (seed 002's expert
/// self-assessment): each expert has a head that predicts, from the input, whether the model will
/// be right when the input is sent to it, and the gate picks on a blend of both, with a penalty
/// for experts already at capacity in the batch.
///
///     z = x · Wᵀ + b;   p = softmax(z / τ)                       (the router, as `SoftmaxGate`)
///     c = σ(x · W_aᵀ + b_a)                                     (self-assessment, one per expert)
///     s_e = 0.6 · p_e + 0.4 · c_e − λ · 1[load_e ≥ C]            (rows in batch order; C = ⌈cf·B·k/E⌉)
///     indices = topK(s);   combine weights from p, as the softmax gate
///
/// Shapes: x [B,D], W `router.weight` [E,D], b `router.bias` [E], W_a `router.assess.weight`
/// [E,D], b_a `router.assess.bias` [E], p, c and s [B,E]. λ = 1 (larger than any score
/// difference, so a full expert is taken only when every expert is full); no capacity factor
/// means no penalty.
///
/// Training: the model calls `recordOutcomes` with whether each row was classified correctly;
/// the heads of the chosen experts then get the binary cross-entropy
/// `β/B · Σ_b Σ_{e chosen} BCE(c_{b,e}, correct_b)`, added to the objective as an auxiliary
/// loss, and `backward` adds its gradient to the task's.
public final class SelfAssessedGate: Router {
    public static let routerShare: Float = 0.6
    public static let assessmentShare: Float = 0.4
    public static let overloadPenalty: Float = 1

    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let temperature: Float
    /// cf in C = ⌈cf·B·k/E⌉; nil means no overload penalty.
    public let capacityFactor: Float?
    /// β, the weight of the self-assessment loss.
    public let assessmentWeight: Float
    public let decision: RoutingDecision
    private var table: ParameterTable?
    private var weightIndex = 0, biasIndex = 0, assessWeightIndex = 0, assessBiasIndex = 0
    private let workspace: Workspace
    /// z, dz, a (assessment logits), c, da and s [maxBatch,E].
    private let logits, dlogits, assessLogits, confidence, dassess, scores: UnsafeMutableBufferPointer<Float>
    private var load: [Int]

    public init(inputSize D: Int, experts E: Int, topK k: Int, temperature: Float = 1, capacityFactor: Float? = nil,
                assessmentWeight: Float = 1, maxBatch: Int) {
        precondition(D > 0 && temperature > 0, "SelfAssessedGate needs D > 0 and τ > 0; got D=\(D) τ=\(temperature)")
        inputSize = D
        experts = E
        topK = k
        self.temperature = temperature
        self.capacityFactor = capacityFactor
        self.assessmentWeight = assessmentWeight
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch)
        workspace = Workspace(count: 6 * maxBatch * E)
        logits = workspace.carve(maxBatch * E); dlogits = workspace.carve(maxBatch * E)
        assessLogits = workspace.carve(maxBatch * E); confidence = workspace.carve(maxBatch * E)
        dassess = workspace.carve(maxBatch * E); scores = workspace.carve(maxBatch * E)
        load = [Int](repeating: 0, count: E)
    }

    public func declareParameters(into list: inout [(name: String, shape: [Int])]) {
        list.append((name: "router.weight", shape: [experts, inputSize]))
        list.append((name: "router.bias", shape: [experts]))
        list.append((name: "router.assess.weight", shape: [experts, inputSize]))
        list.append((name: "router.assess.bias", shape: [experts]))
    }

    public func bind(to table: ParameterTable) throws {
        weightIndex = try table.requiredIndex(of: "router.weight")
        biasIndex = try table.requiredIndex(of: "router.bias")
        assessWeightIndex = try table.requiredIndex(of: "router.assess.weight")
        assessBiasIndex = try table.requiredIndex(of: "router.assess.bias")
        self.table = table
    }

    public func initializeParameters<G: RandomNumberGenerator>(using generator: inout G) {
        guard let table else { preconditionFailure("SelfAssessedGate: bind(to:) before initializeParameters") }
        initializeLinear(weight: table.values(of: weightIndex), bias: table.values(of: biasIndex), C: inputSize, OC: experts, using: &generator)
        initializeLinear(weight: table.values(of: assessWeightIndex), bias: table.values(of: assessBiasIndex),
                         C: inputSize, OC: experts, using: &generator)
    }

    /// The self-assessed confidences c [B,E] of the last forward pass.
    public var lastConfidence: UnsafeBufferPointer<Float> { UnsafeBufferPointer(prefix(confidence, decision.batch * experts)) }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        guard let table else { preconditionFailure("SelfAssessedGate: bind(to:) before forward") }
        precondition(B > 0 && B <= decision.maxBatch, "SelfAssessedGate batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts, k = topK, x = prefix(inputs, B * inputSize)
        let z = prefix(logits, B * E), a = prefix(assessLogits, B * E)
        linearForward(out: z, inp: x, weight: UnsafeBufferPointer(table.values(of: weightIndex)),
                      bias: UnsafeBufferPointer(table.values(of: biasIndex)), B: B, C: inputSize, OC: E)
        linearForward(out: a, inp: x, weight: UnsafeBufferPointer(table.values(of: assessWeightIndex)),
                      bias: UnsafeBufferPointer(table.values(of: assessBiasIndex)), B: B, C: inputSize, OC: E)
        // p = softmax(z / τ)
        if temperature != 1 { for i in 0..<(B * E) { z[i] /= temperature } }
        let p = prefix(decision.probabilities, B * E)
        softmaxForward(probs: p, logits: UnsafeBufferPointer(z), B: B, V: E)
        // c = σ(a)
        for i in 0..<(B * E) { confidence[i] = 1 / (1 + exp(-a[i])) }
        let capacity = capacityFactor.map { Int((($0 * Float(B * k)) / Float(E)).rounded(.up)) } ?? Int.max
        for e in 0..<E { load[e] = 0 }
        for b in 0..<B {
            // s_e = 0.6·p_e + 0.4·c_e − λ·1[load_e ≥ C]
            for e in 0..<E {
                let full: Float = load[e] >= capacity ? Self.overloadPenalty : 0
                scores[b * E + e] = Self.routerShare * p[b * E + e] + Self.assessmentShare * confidence[b * E + e] - full
            }
            selectTopK(indices: UnsafeMutableBufferPointer(rebasing: decision.indices[(b * k)..<((b + 1) * k)]),
                       scores: UnsafeBufferPointer(rebasing: scores[(b * E)..<((b + 1) * E)]), tieBreak: nil, B: 1, E: E, k: k)
            for j in 0..<k { load[Int(decision.indices[b * k + j])] += 1 }
        }
        prefix(dassess, B * E).update(repeating: 0)
        decision.finish(batch: B)
    }

    /// Sets the self-assessment targets of the last forward pass (`correct[b]`: row b was
    /// classified right) and returns the loss β/B · Σ_b Σ_{e chosen} BCE(c_{b,e}, correct_b).
    @discardableResult
    public func recordOutcomes(correct: UnsafeBufferPointer<Bool>) -> Float {
        let B = decision.batch, E = experts, k = topK
        precondition(correct.count == B, "SelfAssessedGate.recordOutcomes: \(correct.count) outcomes for a batch of \(B)")
        var loss = 0.0
        for b in 0..<B {
            let y: Float = correct[b] ? 1 : 0
            for j in 0..<k {
                let i = b * E + Int(decision.indices[b * k + j])
                let a = assessLogits[i]
                // BCE(σ(a), y) = softplus(a) − y·a;   ∂/∂a = σ(a) − y
                let softplus = max(a, 0) + log1p(exp(-abs(a)))
                loss += Double(softplus - y * a)
                dassess[i] = assessmentWeight * (confidence[i] - y) / Float(B)
            }
        }
        return assessmentWeight * Float(loss / Double(B))
    }

    public func backward(dinputs: UnsafeMutableBufferPointer<Float>?, dprobabilities: UnsafeBufferPointer<Float>,
                         inputs: UnsafeBufferPointer<Float>, batch B: Int) {
        guard let table else { preconditionFailure("SelfAssessedGate: bind(to:) before backward") }
        let E = experts, x = prefix(inputs, B * inputSize)
        let dz = prefix(dlogits, B * E)
        dz.update(repeating: 0)
        // "p = softmax(z / τ)"  ⇒  dz_e = p_e (dp_e − Σ p·dp) / τ
        softmaxBackward(dlogits: dz, dprobs: dprobabilities, probs: UnsafeBufferPointer(decision.probabilities), B: B, V: E,
                        temperature: temperature)
        linearBackward(dinp: dinputs.map { prefix($0, B * inputSize) }, dweight: table.grads(of: weightIndex),
                       dbias: table.grads(of: biasIndex), dout: UnsafeBufferPointer(dz), inp: x,
                       weight: UnsafeBufferPointer(table.values(of: weightIndex)), B: B, C: inputSize, OC: E)
        // "c = σ(x · W_aᵀ + b_a)" with da from `recordOutcomes` (zero for experts not chosen)
        linearBackward(dinp: dinputs.map { prefix($0, B * inputSize) }, dweight: table.grads(of: assessWeightIndex),
                       dbias: table.grads(of: assessBiasIndex), dout: UnsafeBufferPointer(prefix(dassess, B * E)), inp: x,
                       weight: UnsafeBufferPointer(table.values(of: assessWeightIndex)), B: B, C: inputSize, OC: E)
    }

    /// Two linear maps of the input: the router and the self-assessment heads (2·D·E).
    public var multiplyAccumulatesPerSample: Int { 2 * inputSize * experts }
}
