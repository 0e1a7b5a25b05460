#if canImport(Glibc)
import Tensor
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NN

/// A language-model backbone over token ids (mamba_ssm's MixerModel + LM head):
///
///     h₀ = embedding[tokens] (+ pos_embedding[t] with `positions: learned`)  [B,T,C]
///     hₗ' = hₗ + mixer(conv(rmsNorm(hₗ)))       every layer; conv = short_conv, or the identity
///     hₗ₊₁ = hₗ' + fc2(silu(fc1(rmsNorm(hₗ'))))      (with `mlp`; otherwise hₗ₊₁ = hₗ')
///     logits = rmsNorm(h_L) · lm_headᵀ    (lm_head = embedding.weight when tied)   [B,T,V]
///
/// (`positions: rope` rotates q and k inside each softmax-attention mixer instead.)
/// One `ParameterTable` holds every parameter under PyTorch-style names (`embedding.weight`,
/// `layers.0.mixer.in_proj.weight`, `norm_f.weight`, `lm_head.weight`); activations are
/// allocated once for maxBatch × maxT, so training and generation steps do not allocate
/// (apart from the optimizer's state on its first step).
public final class SequenceModel {
    public let config: SequenceModelConfig
    public let parameters: ParameterTable
    public let mixers: [SequenceMixer]
    private let embedding, normF, lmHead: Int
    private let norms, norms2, fc1s, fc2s: [Int]
    /// `pos_embedding.weight` (−1 without learned positions); per layer `short_conv` weight and bias.
    private let posEmbedding: Int
    private let shortConvWeights, shortConvBiases: [Int]
    private let arena, shortConvArena: ActivationArena
    /// Per layer: residual input h_l, normed input, rstd, mixer output; with MLP also h_l', norm2,
    /// rstd2, fc1 output, silu output. Then h_L, final norm, its rstd, logits, probs, losses.
    private let residual, normed, rstd, mixed, mid, normed2, rstd2, hidden, activated: [UnsafeMutableBufferPointer<Float>]
    private let finalResidual, finalNormed, finalRstd, logits, probs, losses: UnsafeMutableBufferPointer<Float>
    private let dh, dnormed, dmlp, dhidden, dactivated, dfinal, dlogits: UnsafeMutableBufferPointer<Float>
    /// With `shortConv` k > 0, per layer: the convolved mixer input [M,C] and the step window
    /// [maxBatch·maxT, C, k] (PyTorch's conv_state layout); then the gradient of the mixer input.
    private let convolved, convState: [UnsafeMutableBufferPointer<Float>]
    private let dconvolved: UnsafeMutableBufferPointer<Float>
    /// Position of the next `step` token, from 0 at `resetState`.
    private var stepPosition = 0

    /// Longest sequence the positional encoding covers: the learned table's maxT rows;
    /// nil (unbounded) for none and rope. Softmax attention's `step` also caches at most maxT keys.
    public var maxPositions: Int? { config.positions == .learned ? config.maxT : nil }

    /// Throws `SequenceModelError.ropeNeedsSoftmaxAttention` for `positions: rope` with Mamba or
    /// linear attention and `.ropeNeedsEvenHeadSize` for rope with an odd d_model / heads.
    public init<G: RandomNumberGenerator>(config: SequenceModelConfig, rng: inout G) throws {
        if config.positions == .rope && config.mixer.name != .softmaxAttention {
            throw SequenceModelError.ropeNeedsSoftmaxAttention(mixer: config.mixer.name)
        }
        self.config = config
        let table = ParameterTable(config.parameterShapes())
        parameters = table
        let C = config.dModel, V = config.vocabSize, M = config.maxBatch * config.maxT, L = config.layers
        func index(_ name: String) -> Int { table.index(of: name) ?? -1 }
        embedding = index("embedding.weight")
        normF = index("norm_f.weight")
        lmHead = config.tieEmbeddings ? embedding : index("lm_head.weight")
        norms = (0..<L).map { index("layers.\($0).norm.weight") }
        norms2 = (0..<L).map { index("layers.\($0).norm2.weight") }
        fc1s = (0..<L).map { index("layers.\($0).mlp.fc1.weight") }
        fc2s = (0..<L).map { index("layers.\($0).mlp.fc2.weight") }
        posEmbedding = index("pos_embedding.weight")
        shortConvWeights = (0..<L).map { index("layers.\($0).short_conv.weight") }
        shortConvBiases = (0..<L).map { index("layers.\($0).short_conv.bias") }
        var mixers: [SequenceMixer] = []
        for l in 0..<L {
            let prefix = "layers.\(l).mixer."
            switch config.mixer {
            case .mamba:
                guard let mamba = config.mambaConfig else { preconditionFailure("mamba mixer without a Mamba config") }
                mixers.append(try MambaMixer(config: mamba, parameters: table, prefix: prefix, maxTokens: M, maxT: config.maxT))
            case let .linearAttention(heads, normalize):
                mixers.append(try AttentionMixer(kind: .linear(normalize: normalize), C: C, H: heads, parameters: table,
                                                 prefix: prefix, maxTokens: M, maxT: config.maxT))
            case let .softmaxAttention(heads):
                mixers.append(try AttentionMixer(kind: .softmax, C: C, H: heads, rope: config.positions == .rope, parameters: table,
                                                 prefix: prefix, maxTokens: M, maxT: config.maxT))
            }
        }
        self.mixers = mixers
        let mlpC = config.mlp ? M * C : 0, mlpH = config.mlp ? M * 4 * C : 0, mlpR = config.mlp ? M : 0
        var sizes: [Int] = []
        for _ in 0..<L { sizes += [M * C, M * C, M, M * C, mlpC, mlpC, mlpR, mlpH, mlpH] }
        sizes += [M * C, M * C, M, M * V, M * V, M]
        sizes += [M * C, M * C, mlpC, mlpH, mlpH, M * C, M * V]
        arena = ActivationArena(sizes)
        let b = arena.buffers
        func layerBuffers(_ k: Int) -> [UnsafeMutableBufferPointer<Float>] { (0..<L).map { b[$0 * 9 + k] } }
        (residual, normed, rstd, mixed, mid, normed2, rstd2, hidden, activated) =
            (layerBuffers(0), layerBuffers(1), layerBuffers(2), layerBuffers(3), layerBuffers(4),
             layerBuffers(5), layerBuffers(6), layerBuffers(7), layerBuffers(8))
        let f = L * 9
        (finalResidual, finalNormed, finalRstd, logits, probs, losses) = (b[f], b[f + 1], b[f + 2], b[f + 3], b[f + 4], b[f + 5])
        (dh, dnormed, dmlp, dhidden, dactivated, dfinal, dlogits) = (b[f + 6], b[f + 7], b[f + 8], b[f + 9], b[f + 10], b[f + 11], b[f + 12])
        let K = config.shortConv, convC = K > 0 ? M * C : 0
        shortConvArena = ActivationArena(Array(repeating: [convC, convC * K], count: L).flatMap { $0 } + [convC])
        let s = shortConvArena.buffers
        (convolved, convState, dconvolved) = ((0..<L).map { s[2 * $0] }, (0..<L).map { s[2 * $0 + 1] }, s[2 * L])
        initialize(using: &rng)
    }

    /// Embedding ~ N(0, 0.02²) as mamba_ssm's `_init_weights`; norms 1; mixers their reference
    /// init; MLP and an untied head PyTorch's Linear default U(±1/√fan_in). (mamba_ssm also
    /// rescales out_proj by 1/√n_layer; we do not.) Learned positions ~ N(0, 0.02²) like the
    /// tokens, short_conv PyTorch's Conv1d default U(±1/√k), both drawn after everything else, so
    /// turning them on leaves every other parameter's initial value as it was. `init_scheme:
    /// zoology` then redraws or rescales the matrices `InitScheme.zoology` names.
    public func initialize<G: RandomNumberGenerator>(using rng: inout G) {
        let C = config.dModel
        Self.fillNormal(parameters.values(of: embedding), standardDeviation: 0.02, using: &rng)
        for l in 0..<config.layers {
            parameters.values(of: norms[l]).update(repeating: 1)
            if let mamba = mixers[l] as? MambaMixer { mamba.initialize(using: &rng) }
            if let attention = mixers[l] as? AttentionMixer { attention.initialize(using: &rng) }
            if config.mlp {
                parameters.values(of: norms2[l]).update(repeating: 1)
                rng.fillUniform(parameters.values(of: fc1s[l]), bound: 1 / Float(C).squareRoot())
                rng.fillUniform(parameters.values(of: fc2s[l]), bound: 1 / Float(4 * C).squareRoot())
            }
        }
        parameters.values(of: normF).update(repeating: 1)
        if !config.tieEmbeddings { rng.fillUniform(parameters.values(of: lmHead), bound: 1 / Float(C).squareRoot()) }
        if config.positions == .learned { Self.fillNormal(parameters.values(of: posEmbedding), standardDeviation: 0.02, using: &rng) }
        for l in 0..<config.layers where config.shortConv > 0 {
            let bound = 1 / Float(config.shortConv).squareRoot()
            rng.fillUniform(parameters.values(of: shortConvWeights[l]), bound: bound)
            rng.fillUniform(parameters.values(of: shortConvBiases[l]), bound: bound)
        }
        if config.initScheme == .zoology { applyZoologyInit(using: &rng) }
    }

    /// N(0, σ²) in place, by Box–Muller: two normals from two uniforms (u₁ shifted off 0).
    static func fillNormal<G: RandomNumberGenerator>(_ values: UnsafeMutableBufferPointer<Float>, standardDeviation: Double,
                                                             using rng: inout G) {
        var i = 0
        while i < values.count {
            let u1 = Double(rng.unitUniformFloat()) + 0x1p-25, u2 = Double(rng.unitUniformFloat())
            let radius = (-2 * Foundation.log(u1)).squareRoot() * standardDeviation
            values[i] = Float(radius * Foundation.cos(2 * Double.pi * u2))
            if i + 1 < values.count { values[i + 1] = Float(radius * Foundation.sin(2 * Double.pi * u2)) }
            i += 2
        }
    }

    private func weight(_ index: Int) -> UnsafeBufferPointer<Float> { UnsafeBufferPointer(parameters.values(of: index)) }

    /// Forward pass over tokens [B,T]; leaves logits [B·T, V] in the workspace and returns them.
    @discardableResult
    public func forward(tokens: UnsafeBufferPointer<Int32>, B: Int, T: Int) -> UnsafeBufferPointer<Float> {
        precondition(B > 0 && B <= config.maxBatch && T > 0 && T <= config.maxT,
                     "SequenceModel.forward: B = \(B), T = \(T) must be within 1...\(config.maxBatch), 1...\(config.maxT)")
        precondition(tokens.count == B * T, "SequenceModel.forward: \(tokens.count) tokens, expected B·T = \(B * T)")
        let BT = B * T, C = config.dModel, K = config.shortConv
        embed(into: config.layers > 0 ? residual[0] : finalResidual, tokens: tokens, R: BT, T: T, firstPosition: 0)
        runLayers(R: BT) { l, out, inp in
            // conv(rmsNorm(h))
            causalConv1dDepthwiseForward(out: out, inp: inp, weight: weight(shortConvWeights[l]), bias: weight(shortConvBiases[l]),
                                         B: B, T: T, D: C, K: K)
        } mix: { l, out, inp in
            mixers[l].forward(out: out, inp: inp, B: B, T: T)
        }
        return logits.input(BT * config.vocabSize)
    }

    /// h₀[r] = embedding[token r] (+ pos_embedding[firstPosition + r mod T] with learned positions).
    private func embed(into h: UnsafeMutableBufferPointer<Float>, tokens: UnsafeBufferPointer<Int32>, R: Int, T: Int, firstPosition: Int) {
        let C = config.dModel, V = config.vocabSize
        let emb = parameters.values(of: embedding)
        for r in 0..<R {
            let token = Int(tokens[r])
            precondition(token >= 0 && token < V, "SequenceModel: token \(token) at position \(r) is outside the vocabulary 0..<\(V)")
            for c in 0..<C { h[r * C + c] = emb[token * C + c] }
        }
        guard config.positions == .learned else { return }
        let pos = parameters.values(of: posEmbedding)
        for r in 0..<R {
            let t = firstPosition + r % T
            for c in 0..<C { h[r * C + c] += pos[t * C + c] }
        }
    }

    /// Norm (→ short conv) → mixer → residual (→ norm → MLP → residual) for every layer, then the
    /// final norm and head, over R rows; `convolve` and `mix` run layer l's short conv (only with
    /// `shortConv` > 0) and mixer, as a parallel forward or one recurrent step.
    private func runLayers(R: Int, convolve: (Int, UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void,
                           mix: (Int, UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void) {
        let C = config.dModel, V = config.vocabSize, RC = R * C
        for l in 0..<config.layers {
            let h = residual[l].input(RC)
            rmsNormForward(out: normed[l].prefix(count: RC), rstd: rstd[l].prefix(count: R), inp: h, weight: weight(norms[l]), R: R, C: C)
            if config.shortConv > 0 {
                convolve(l, convolved[l].prefix(count: RC), normed[l].input(RC))
                mix(l, mixed[l].prefix(count: RC), convolved[l].input(RC))
            } else {
                mix(l, mixed[l].prefix(count: RC), normed[l].input(RC))
            }
            let next = l + 1 < config.layers ? residual[l + 1] : finalResidual
            let afterMixer = config.mlp ? mid[l] : next
            // h' = h + mixer(conv(norm(h)))
            for i in 0..<RC { afterMixer[i] = h[i] + mixed[l][i] }
            if config.mlp {
                rmsNormForward(out: normed2[l].prefix(count: RC), rstd: rstd2[l].prefix(count: R), inp: mid[l].input(RC),
                               weight: weight(norms2[l]), R: R, C: C)
                linearForward(out: hidden[l].prefix(count: R * 4 * C), inp: normed2[l].input(RC), weight: weight(fc1s[l]), bias: nil, B: R, C: C, OC: 4 * C)
                siluForward(out: activated[l].prefix(count: R * 4 * C), inp: hidden[l].input(R * 4 * C), N: R * 4 * C)
                linearForward(out: next.prefix(count: RC), inp: activated[l].input(R * 4 * C), weight: weight(fc2s[l]), bias: nil, B: R, C: 4 * C, OC: C)
                // h_{l+1} = h' + fc2(silu(fc1(norm2(h'))))
                for i in 0..<RC { next[i] += mid[l][i] }
            }
        }
        rmsNormForward(out: finalNormed.prefix(count: RC), rstd: finalRstd.prefix(count: R), inp: finalResidual.input(RC),
                       weight: weight(normF), R: R, C: C)
        linearForward(out: logits.prefix(count: R * V), inp: finalNormed.input(RC), weight: weight(lmHead), bias: nil, B: R, C: C, OC: V)
    }

    /// Cross-entropy of `targets` [B,T] under the current parameters, averaged over the positions
    /// whose `mask` weight is non-zero (all positions without a mask; MQAR scores only queries).
    /// Zeroes and fills `parameters.grads`; returns the loss before any update.
    public func computeGradients(tokens: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>,
                                 mask: UnsafeBufferPointer<Float>?, B: Int, T: Int) -> Float {
        let BT = B * T, V = config.vocabSize
        precondition(targets.count == BT, "SequenceModel: \(targets.count) targets, expected B·T = \(BT)")
        if let mask { precondition(mask.count == BT, "SequenceModel: mask has \(mask.count) weights, expected B·T = \(BT)") }
        forward(tokens: tokens, B: B, T: T)
        if let mask {
            // Only the scored rows (MQAR: K of T per sequence): the others' softmax over V is never used.
            for r in 0..<BT where mask[r] != 0 {
                softmaxCrossEntropyForward(losses: UnsafeMutableBufferPointer(rebasing: losses[r..<(r + 1)]),
                                           probs: UnsafeMutableBufferPointer(rebasing: probs[(r * V)..<((r + 1) * V)]),
                                           logits: UnsafeBufferPointer(rebasing: logits[(r * V)..<((r + 1) * V)]),
                                           targets: UnsafeBufferPointer(rebasing: targets[r..<(r + 1)]), B: 1, V: V)
            }
        } else {
            softmaxCrossEntropyForward(losses: losses.prefix(count: BT), probs: probs.prefix(count: BT * V), logits: logits.input(BT * V),
                                       targets: targets, B: BT, V: V)
        }
        var total = 0.0, counted = 0.0
        for r in 0..<BT {
            let w = Double(mask?[r] ?? 1)
            guard w != 0 else { continue }
            total += w * Double(losses[r])
            counted += w
        }
        precondition(counted > 0, "SequenceModel: the mask selects no positions")
        parameters.zeroGrads()
        dlogits.prefix(count: BT * V).update(repeating: 0)
        for r in 0..<BT where (mask?[r] ?? 1) != 0 {
            softmaxCrossEntropyBackward(dlogits: UnsafeMutableBufferPointer(rebasing: dlogits[(r * V)..<((r + 1) * V)]),
                                        probs: UnsafeBufferPointer(rebasing: probs[(r * V)..<((r + 1) * V)]),
                                        targets: UnsafeBufferPointer(rebasing: targets[r..<(r + 1)]), B: 1, V: V,
                                        scale: Float(Double(mask?[r] ?? 1) / counted))
        }
        backward(B: B, T: T, tokens: tokens)
        return Float(total / counted)
    }

    /// One optimisation step: `computeGradients`, then `optimizer.step`. Returns the loss before the update.
    @discardableResult
    public func trainStep(tokens: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>, mask: UnsafeBufferPointer<Float>?,
                          B: Int, T: Int, optimizer: inout some Optimizer) -> Float {
        let loss = computeGradients(tokens: tokens, targets: targets, mask: mask, B: B, T: T)
        optimizer.step(parameters)
        return loss
    }

    private func backward(B: Int, T: Int, tokens: UnsafeBufferPointer<Int32>) {
        let BT = B * T, C = config.dModel, V = config.vocabSize, RC = BT * C
        let dhR = dh.prefix(count: RC)
        dhR.update(repeating: 0)
        dfinal.prefix(count: RC).update(repeating: 0)
        // logits = finalNormed · lm_headᵀ
        linearBackward(dinp: dfinal.prefix(count: RC), dweight: parameters.grads(of: lmHead), dbias: nil, dout: dlogits.input(BT * V),
                       inp: finalNormed.input(RC), weight: weight(lmHead), B: BT, C: C, OC: V)
        rmsNormBackward(dinp: dhR, dweight: parameters.grads(of: normF), dout: dfinal.input(RC), inp: finalResidual.input(RC),
                        weight: weight(normF), rstd: finalRstd.input(BT), R: BT, C: C)
        for l in stride(from: config.layers - 1, through: 0, by: -1) {
            if config.mlp {
                // h_{l+1} = h' + fc2(silu(fc1(norm2(h')))): dh flows to h' directly and through the MLP.
                let H4 = BT * 4 * C
                dactivated.prefix(count: H4).update(repeating: 0)
                dhidden.prefix(count: H4).update(repeating: 0)
                dmlp.prefix(count: RC).update(repeating: 0)
                linearBackward(dinp: dactivated.prefix(count: H4), dweight: parameters.grads(of: fc2s[l]), dbias: nil, dout: dh.input(RC),
                               inp: activated[l].input(H4), weight: weight(fc2s[l]), B: BT, C: 4 * C, OC: C)
                siluBackward(dinp: dhidden.prefix(count: H4), dout: dactivated.input(H4), inp: hidden[l].input(H4), N: H4)
                linearBackward(dinp: dmlp.prefix(count: RC), dweight: parameters.grads(of: fc1s[l]), dbias: nil, dout: dhidden.input(H4),
                               inp: normed2[l].input(RC), weight: weight(fc1s[l]), B: BT, C: C, OC: 4 * C)
                rmsNormBackward(dinp: dhR, dweight: parameters.grads(of: norms2[l]), dout: dmlp.input(RC), inp: mid[l].input(RC),
                                weight: weight(norms2[l]), rstd: rstd2[l].input(BT), R: BT, C: C)
            }
            // h' = h + mixer(conv(norm(h)))
            dnormed.prefix(count: RC).update(repeating: 0)
            if config.shortConv > 0 {
                dconvolved.prefix(count: RC).update(repeating: 0)
                mixers[l].backward(dinp: dconvolved.prefix(count: RC), dout: dh.input(RC), inp: convolved[l].input(RC), B: B, T: T)
                causalConv1dDepthwiseBackward(dinp: dnormed.prefix(count: RC), dweight: parameters.grads(of: shortConvWeights[l]),
                                              dbias: parameters.grads(of: shortConvBiases[l]), dout: dconvolved.input(RC),
                                              inp: normed[l].input(RC), weight: weight(shortConvWeights[l]), B: B, T: T, D: C, K: config.shortConv)
            } else {
                mixers[l].backward(dinp: dnormed.prefix(count: RC), dout: dh.input(RC), inp: normed[l].input(RC), B: B, T: T)
            }
            rmsNormBackward(dinp: dhR, dweight: parameters.grads(of: norms[l]), dout: dnormed.input(RC), inp: residual[l].input(RC),
                            weight: weight(norms[l]), rstd: rstd[l].input(BT), R: BT, C: C)
        }
        // h₀ = embedding[tokens] (+ pos_embedding[t])
        let demb = parameters.grads(of: embedding)
        for r in 0..<BT {
            let token = Int(tokens[r])
            for c in 0..<C { demb[token * C + c] += dh[r * C + c] }
        }
        guard config.positions == .learned else { return }
        let dpos = parameters.grads(of: posEmbedding)
        for r in 0..<BT {
            let t = r % T
            for c in 0..<C { dpos[t * C + c] += dh[r * C + c] }
        }
    }

    // MARK: Recurrent generation

    /// Clears every layer's recurrent state (mixers, short-conv windows, the position) for B sequences.
    public func resetState(B: Int) {
        precondition(B > 0 && B <= config.maxBatch * config.maxT, "SequenceModel.resetState: B = \(B) exceeds the workspace")
        for mixer in mixers { mixer.resetState(B: B) }
        for window in convState { window.prefix(count: B * config.dModel * config.shortConv).update(repeating: 0) }
        stepPosition = 0
    }

    /// Feeds one token per sequence (tokens [B]) through the recurrent form; returns logits [B,V].
    /// O(1) per token for Mamba and linear attention; softmax attention reads its growing cache.
    /// All B sequences are at the same position, counted from `resetState`.
    @discardableResult
    public func step(tokens: UnsafeBufferPointer<Int32>, B: Int) -> UnsafeBufferPointer<Float> {
        precondition(tokens.count == B && B > 0 && B <= config.maxBatch * config.maxT, "SequenceModel.step: \(tokens.count) tokens for B = \(B)")
        if let maxPositions {
            precondition(stepPosition < maxPositions,
                         "SequenceModel.step: position \(stepPosition) is past the \(maxPositions) rows of the learned pos_embedding (maxPositions = maxT); generate at most maxT tokens after resetState, or train with a larger maxT")
        }
        let C = config.dModel, K = config.shortConv
        embed(into: residual[0], tokens: tokens, R: B, T: 1, firstPosition: stepPosition)
        runLayers(R: B) { l, out, inp in
            causalConv1dDepthwiseStep(out: out, state: convState[l].prefix(count: B * C * K), inp: inp, weight: weight(shortConvWeights[l]),
                                      bias: weight(shortConvBiases[l]), B: B, D: C, K: K)
        } mix: { l, out, inp in
            mixers[l].step(out: out, inp: inp, B: B)
        }
        stepPosition += 1
        return logits.input(B * config.vocabSize)
    }

    /// Floats of recurrent state per sequence over all layers at sequence length T (with the
    /// short conv's window of C·k per layer).
    public func recurrentStateFloats(T: Int) -> Int {
        mixers.reduce(0) { $0 + $1.recurrentStateFloats(maxT: T) } + config.layers * config.dModel * config.shortConv
    }
}
