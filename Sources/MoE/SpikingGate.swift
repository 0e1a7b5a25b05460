import NN
import Spiking

/// A router whose logits are spike counts of leaky integrate-and-fire populations, one
/// population of P neurons per expert (N = E·P neurons), driven by a direct encoding of the input:
///
///     I = x · W_inᵀ + b_in                          (the same current at every step t < T)
///
/// or, with `encoding = .rate`, by Bernoulli spikes of the input clamped to [0, 1]:
///
///     s_t ~ Bernoulli(clamp(x, 0, 1));   I_t = s_t · W_inᵀ + b_in
///
/// Rate coding makes the input synapses spike-driven accumulates (NeuroBench SynOps: input spikes
/// × N) instead of dense MACs; its backward treats ∂s_t/∂x as 1 (straight-through), so on binary
/// inputs it equals the direct encoding's exactly. Then, for either encoding:
///
///     U, S = LIF(I over T steps)                    (snnTorch Leaky semantics, see `lifForward`)
///     count[b,e] = Σ_t Σ_{p<P} S[t, b, e·P + p]
///     z[b,e] = count[b,e] / τ + bias[e];   p = softmax(z);   indices = topK(z)
///
/// Shapes: x [B,D], W_in `router.input.weight` [N,D], b_in `router.input.bias` [N], I [B,N],
/// U and S [T,B,N], count and z [B,E], `logitBias` [E]. Counts are integers, so ties are common:
/// they are broken by the larger final-step membrane Σ_p U[T−1, b, e·P + p], then by the smaller
/// index. `logitBias` is an input, not a parameter (no gradient): the hook for affect modulation.
///
/// Backward uses the surrogate gradient of `parameters.surrogate` for dS/dU:
/// dz → dcount = dz/τ → dS[t,b,e·P+p] = dcount[b,e] → `lifBackward` → dI = Σ_t dI[t] → Linear.
/// With `smoothSpikes` the forward emits `surrogate.smoothStep` instead of hard spikes, making it
/// exactly the function backward differentiates (for finite-difference checks only).
public final class SpikingGate: Router {
    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let population: Int
    public let timeSteps: Int
    public let parameters: LIFParameters
    public let temperature: Float
    public let decision: RoutingDecision
    /// Added to every row's logits before the softmax [E]; zero unless a modulator sets it.
    public let logitBias: UnsafeMutableBufferPointer<Float>
    public var smoothSpikes = false
    /// How the input drives the neurons: constant current, or Bernoulli rate-coded spikes.
    public let encoding: SpikeEncoding
    /// Input spikes × N of the last forward pass, summed over the batch (rate encoding; 0 for
    /// direct encoding, whose input is analog and whose own spikes feed only a counter).
    public private(set) var lastSynapticOperations = 0
    private var table: ParameterTable?
    private var weightIndex = 0, biasIndex = 0
    private let workspace: Workspace
    /// I and dI [maxBatch,N]; currents, spikes, membrane, dcurrents, dspikes [T,maxBatch,N];
    /// logits, dlogits and final membrane per expert [maxBatch,E].
    private let current, dcurrent, currents, spikes, membrane, dcurrents, dspikes: UnsafeMutableBufferPointer<Float>
    private let logits, dlogits, finalMembrane: UnsafeMutableBufferPointer<Float>
    /// Input spikes s [T,maxBatch,D] and firing probabilities [maxBatch,D] (rate encoding only).
    private let inputSpikes, inputProbabilities: UnsafeMutableBufferPointer<Float>

    public init(inputSize D: Int, experts E: Int, topK k: Int, population P: Int = 4, timeSteps T: Int = 8,
                parameters: LIFParameters = LIFParameters(), temperature: Float = 1, encoding: SpikeEncoding = .direct,
                maxBatch: Int) {
        precondition(D > 0 && P > 0 && T > 0, "SpikingGate needs D, P, T > 0; got D=\(D) P=\(P) T=\(T)")
        precondition(temperature > 0, "SpikingGate temperature must be > 0, got \(temperature)")
        inputSize = D
        experts = E
        topK = k
        population = P
        timeSteps = T
        self.parameters = parameters
        self.temperature = temperature
        self.encoding = encoding
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch, hasSpikeCounts: true)
        let N = E * P
        let rateCount = encoding == .rate ? (T + 1) * maxBatch * D : 0
        workspace = Workspace(count: 2 * maxBatch * N + 5 * T * maxBatch * N + 3 * maxBatch * E + E + rateCount)
        current = workspace.carve(maxBatch * N)
        dcurrent = workspace.carve(maxBatch * N)
        currents = workspace.carve(T * maxBatch * N)
        spikes = workspace.carve(T * maxBatch * N)
        membrane = workspace.carve(T * maxBatch * N)
        dcurrents = workspace.carve(T * maxBatch * N)
        dspikes = workspace.carve(T * maxBatch * N)
        logits = workspace.carve(maxBatch * E)
        dlogits = workspace.carve(maxBatch * E)
        finalMembrane = workspace.carve(maxBatch * E)
        logitBias = workspace.carve(E)
        inputSpikes = workspace.carve(encoding == .rate ? T * maxBatch * D : 0)
        inputProbabilities = workspace.carve(encoding == .rate ? maxBatch * D : 0)
    }

    /// N = E·P.
    public var neurons: Int { experts * population }

    public func declareParameters(into list: inout [(name: String, shape: [Int])]) {
        list.append((name: "router.input.weight", shape: [neurons, inputSize]))
        list.append((name: "router.input.bias", shape: [neurons]))
    }

    public func bind(to table: ParameterTable) throws {
        weightIndex = try table.requiredIndex(of: "router.input.weight")
        biasIndex = try table.requiredIndex(of: "router.input.bias")
        self.table = table
    }

    /// PyTorch nn.Linear initialisation of the input synapses.
    public func initializeParameters<G: RandomNumberGenerator>(using generator: inout G) {
        guard let table else { preconditionFailure("SpikingGate: bind(to:) before initializeParameters") }
        initializeLinear(weight: table.values(of: weightIndex), bias: table.values(of: biasIndex),
                         C: inputSize, OC: neurons, using: &generator)
    }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        guard let table else { preconditionFailure("SpikingGate: bind(to:) before forward") }
        precondition(B > 0 && B <= decision.maxBatch, "SpikingGate batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts, P = population, N = neurons, T = timeSteps, BN = B * N
        let weight = UnsafeBufferPointer(table.values(of: weightIndex)), bias = UnsafeBufferPointer(table.values(of: biasIndex))
        switch encoding {
        case .direct:
            let I = prefix(current, BN)
            linearForward(out: I, inp: prefix(inputs, B * inputSize), weight: weight, bias: bias, B: B, C: inputSize, OC: N)
            // direct encoding: currents[t] = I for every t
            for t in 0..<T { for i in 0..<BN { currents[t * BN + i] = I[i] } }
            lastSynapticOperations = 0
        case .rate:
            let BD = B * inputSize
            let p = prefix(inputProbabilities, BD), s = prefix(inputSpikes, T * BD)
            // p = clamp(x, 0, 1)
            for i in 0..<BD { p[i] = min(max(inputs[i], 0), 1) }
            rateEncoding(out: s, probabilities: UnsafeBufferPointer(p), T: T, B: B, N: inputSize, using: &generator)
            var inputSpikeCount = 0
            for i in 0..<(T * BD) where s[i] != 0 { inputSpikeCount += 1 }
            lastSynapticOperations = inputSpikeCount * N
            for t in 0..<T {
                // I_t = s_t · W_inᵀ + b_in
                linearForward(out: UnsafeMutableBufferPointer(rebasing: currents[(t * BN)..<((t + 1) * BN)]),
                              inp: UnsafeBufferPointer(rebasing: s[(t * BD)..<((t + 1) * BD)]), weight: weight, bias: bias,
                              B: B, C: inputSize, OC: N)
            }
        }
        let U = prefix(membrane, T * BN), S = prefix(spikes, T * BN)
        lifForward(spikes: S, membrane: U, currents: prefix(UnsafeBufferPointer(currents), T * BN),
                   parameters: parameters, T: T, B: B, N: N, smooth: smoothSpikes)
        guard let counts = decision.spikeCounts else { preconditionFailure("SpikingGate decision has no spike counts") }
        for b in 0..<B {
            for e in 0..<E {
                // count[b,e] = Σ_t Σ_p S[t,b,e·P+p];  final[b,e] = Σ_p U[T−1,b,e·P+p]
                var count: Float = 0, final: Float = 0
                for t in 0..<T { for p in 0..<P { count += S[t * BN + b * N + e * P + p] } }
                for p in 0..<P { final += U[(T - 1) * BN + b * N + e * P + p] }
                counts[b * E + e] = count
                finalMembrane[b * E + e] = final
                // z = count / τ + bias
                logits[b * E + e] = count / temperature + logitBias[e]
            }
        }
        softmaxForward(probs: prefix(decision.probabilities, B * E), logits: prefix(UnsafeBufferPointer(logits), B * E), B: B, V: E)
        selectTopK(indices: decision.indices, scores: UnsafeBufferPointer(logits), tieBreak: UnsafeBufferPointer(finalMembrane),
                   B: B, E: E, k: topK)
        decision.finish(batch: B)
    }

    public func backward(dinputs: UnsafeMutableBufferPointer<Float>?, dprobabilities: UnsafeBufferPointer<Float>,
                         inputs: UnsafeBufferPointer<Float>, batch B: Int) {
        guard let table else { preconditionFailure("SpikingGate: bind(to:) before backward") }
        let E = experts, P = population, N = neurons, T = timeSteps, BN = B * N
        let dz = prefix(dlogits, B * E)
        dz.update(repeating: 0)
        // "p = softmax(z)"  ⇒  dz = p (dp − Σ p·dp)
        softmaxBackward(dlogits: dz, dprobs: dprobabilities, probs: UnsafeBufferPointer(decision.probabilities), B: B, V: E, temperature: 1)
        // "z = count / τ"  and  "count = Σ_t Σ_p S"  ⇒  dS[t,b,e·P+p] = dz[b,e] / τ
        let dS = prefix(dspikes, T * BN)
        for t in 0..<T {
            for b in 0..<B {
                for e in 0..<E {
                    let d = dz[b * E + e] / temperature
                    for p in 0..<P { dS[t * BN + b * N + e * P + p] = d }
                }
            }
        }
        let dIt = prefix(dcurrents, T * BN)
        dIt.update(repeating: 0)
        lifBackward(dcurrents: dIt, dspikes: UnsafeBufferPointer(dS), dmembrane: nil,
                    membrane: prefix(UnsafeBufferPointer(membrane), T * BN), parameters: parameters, T: T, B: B, N: N)
        let weight = UnsafeBufferPointer(table.values(of: weightIndex))
        switch encoding {
        case .direct:
            // "currents[t] = I"  ⇒  dI = Σ_t dcurrents[t]
            let dI = prefix(dcurrent, BN)
            dI.update(repeating: 0)
            for t in 0..<T { for i in 0..<BN { dI[i] += dIt[t * BN + i] } }
            linearBackward(dinp: dinputs.map { prefix($0, B * inputSize) }, dweight: table.grads(of: weightIndex),
                           dbias: table.grads(of: biasIndex), dout: UnsafeBufferPointer(dI), inp: prefix(inputs, B * inputSize),
                           weight: weight, B: B, C: inputSize, OC: N)
        case .rate:
            // "I_t = s_t · W_inᵀ + b_in"  ⇒  dW += Σ_t dI_tᵀ s_t,  db += Σ_t dI_t,  dx += Σ_t dI_t · W_in (∂s/∂x := 1)
            let BD = B * inputSize
            for t in 0..<T {
                linearBackward(dinp: dinputs.map { prefix($0, BD) }, dweight: table.grads(of: weightIndex),
                               dbias: table.grads(of: biasIndex), dout: UnsafeBufferPointer(rebasing: dIt[(t * BN)..<((t + 1) * BN)]),
                               inp: UnsafeBufferPointer(rebasing: inputSpikes[(t * BD)..<((t + 1) * BD)]),
                               weight: weight, B: B, C: inputSize, OC: N)
            }
        }
    }

    /// The input synapses as a dense layer (D·N); the LIF updates (T·N) are not MACs and the
    /// spikes feed only a count, so they cost no synaptic operations downstream. With rate
    /// encoding the input synapses are spike-driven accumulates (`lastSynapticOperations`), not MACs.
    public var multiplyAccumulatesPerSample: Int { encoding == .rate ? 0 : inputSize * neurons }

    /// Membrane updates per routed input: T·N.
    public var neuronUpdatesPerSample: Int { timeSteps * neurons }
}

/// How a spiking gate's input drives its neurons; raw values are the config spelling (`spike_encoding:`).
public enum SpikeEncoding: String, CaseIterable, Sendable {
    /// The input as a constant current at every step (analog input, dense MACs).
    case direct
    /// Bernoulli spikes with probability clamp(x, 0, 1) at every step (snnTorch `spikegen.rate`).
    case rate
}
