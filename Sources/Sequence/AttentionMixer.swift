#if canImport(Glibc)
import Tensor
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NN

/// Which attention an `AttentionMixer` computes.
public enum AttentionKind: Equatable, Sendable {
    /// Causal linear attention, φ = elu + 1; `normalize` selects y = φ(q)ᵀS / (φ(q)ᵀz + ε)
    /// (Katharopoulos et al.) over the unnormalised y = φ(q)ᵀS (flash-linear-attention's default).
    case linear(normalize: Bool)
    /// Causal softmax attention scaled by 1/√E.
    case softmax
}

/// Multi-head attention with q/k/v/o projections (no bias), names as PyTorch modules use them:
///
///     q, k, v = inp · q_projᵀ, inp · k_projᵀ, inp · v_projᵀ      [B,T,C] each, H heads of E = C/H
///     q, k    = rope(q), rope(k)                                 (softmax with `rope` only)
///     y       = attention(q, k, v)                               (linear or softmax, causal)
///     out     = y · o_projᵀ
public final class AttentionMixer: SequenceMixer {
    public let kind: AttentionKind
    public let C: Int, H: Int
    /// Rotates q and k by their position (`rotaryEmbeddingForward`, base 10000) before softmax
    /// attention; no parameters.
    public let rope: Bool
    public let parameters: ParameterTable
    public let maxTokens: Int, maxT: Int
    public var epsilon: Float = 1e-6
    /// Run the reference scalar linear-attention kernels instead of the SIMD ones (which need
    /// E = C/H a multiple of 8; other sizes always use the reference): the perf suite times both.
    public var referenceKernels = false
    private var simdLinear: Bool { !referenceKernels && (C / H) % 8 == 0 }
    private let qProj, kProj, vProj, oProj: Int
    private let arena: ActivationArena
    private let q, k, v, y, dq, dk, dv, dy, den, att, scratch: UnsafeMutableBufferPointer<Float>
    /// With `rope`: the rotated q and k [maxTokens, C] attention reads, their gradients, and the
    /// angle tables cos, sin [maxT, E/2]; empty otherwise.
    private let qRotated, kRotated, dqRotated, dkRotated, ropeCos, ropeSin: UnsafeMutableBufferPointer<Float>
    /// Step state. Linear: S [maxTokens,H,E,E] and z [maxTokens,H,E]. Softmax: a key and value
    /// cache [maxTokens/maxT, maxT, C] each, filled up to `position`.
    private let stateA, stateB: UnsafeMutableBufferPointer<Float>
    private var position = 0

    /// Parameter names and shapes under `prefix`: q_proj, k_proj, v_proj, o_proj weights [C,C].
    public static func parameterShapes(C: Int, prefix: String) -> [(name: String, shape: [Int])] {
        ["q_proj", "k_proj", "v_proj", "o_proj"].map { (prefix + $0 + ".weight", [C, C]) }
    }

    /// Throws `SequenceModelError.ropeNeedsSoftmaxAttention` for `rope` with linear attention
    /// (φ(rope(q))ᵀφ(rope(k)) no longer depends on t − s alone; RoFormer's linear variant rotates
    /// after φ, a different mixer) and `.ropeNeedsEvenHeadSize` for `rope` with an odd C/H.
    public init(kind: AttentionKind, C: Int, H: Int, rope: Bool = false, parameters: ParameterTable, prefix: String,
                maxTokens: Int, maxT: Int) throws {
        precondition(C > 0 && H > 0 && C % H == 0, "AttentionMixer: C = \(C) must be a positive multiple of H = \(H)")
        precondition(maxTokens > 0 && maxT > 0, "AttentionMixer needs maxTokens, maxT > 0")
        if rope {
            guard kind == .softmax else { throw SequenceModelError.ropeNeedsSoftmaxAttention(mixer: .linearAttention) }
            guard (C / H) % 2 == 0 else { throw SequenceModelError.ropeNeedsEvenHeadSize(headSize: C / H, dModel: C, heads: H) }
        }
        self.kind = kind
        self.C = C
        self.H = H
        self.rope = rope
        self.parameters = parameters
        self.maxTokens = maxTokens
        self.maxT = maxT
        var indices: [Int] = []
        for (name, shape) in Self.parameterShapes(C: C, prefix: prefix) {
            let entry = try parameters.entry(named: name)
            guard entry.shape == shape else { throw SequenceModelError.shapeMismatch(name: name, expected: shape, got: entry.shape) }
            indices.append(parameters.index(of: name) ?? -1)
        }
        (qProj, kProj, vProj, oProj) = (indices[0], indices[1], indices[2], indices[3])
        let E = C / H, M = maxTokens
        let attCount = kind == .softmax ? M * H * maxT : 0
        let state: (Int, Int) = kind == .softmax ? (M * C, M * C) : (M * H * E * E, M * H * E)
        let rotated = rope ? M * C : 0, angles = rope ? maxT * E / 2 : 0
        arena = ActivationArena([M * C, M * C, M * C, M * C, M * C, M * C, M * C, M * C, M * H, attCount,
                                 max(E * E + E, maxT), state.0, state.1, rotated, rotated, rotated, rotated, angles, angles])
        let b = arena.buffers
        (q, k, v, y, dq, dk, dv, dy, den, att, scratch, stateA, stateB) =
            (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12])
        (qRotated, kRotated, dqRotated, dkRotated, ropeCos, ropeSin) = (b[13], b[14], b[15], b[16], b[17], b[18])
        if rope { rotaryAngleTables(cos: ropeCos, sin: ropeSin, P: maxT, E: E) }
    }

    /// PyTorch's `nn.Linear` default for every projection: U(±1/√C).
    public func initialize<G: RandomNumberGenerator>(using rng: inout G) {
        for index in [qProj, kProj, vProj, oProj] {
            rng.fillUniform(parameters.values(of: index), bound: 1 / Float(C).squareRoot())
        }
    }

    private func weight(_ index: Int) -> UnsafeBufferPointer<Float> { UnsafeBufferPointer(parameters.values(of: index)) }

    private func project(_ R: Int, _ inp: UnsafeBufferPointer<Float>) {
        linearForward(out: q.prefix(count: R * C), inp: inp, weight: weight(qProj), bias: nil, B: R, C: C, OC: C)
        linearForward(out: k.prefix(count: R * C), inp: inp, weight: weight(kProj), bias: nil, B: R, C: C, OC: C)
        linearForward(out: v.prefix(count: R * C), inp: inp, weight: weight(vProj), bias: nil, B: R, C: C, OC: C)
    }

    /// q, k = rope(q), rope(k) into the rotated buffers, rows [B,T] from position `first`.
    private func rotate(B: Int, T: Int, first: Int) {
        let n = B * T * C
        rotaryEmbeddingForward(out: qRotated.prefix(count: n), inp: q.input(n), cos: ropeCos.readOnly, sin: ropeSin.readOnly,
                               B: B, T: T, C: C, H: H, firstPosition: first)
        rotaryEmbeddingForward(out: kRotated.prefix(count: n), inp: k.input(n), cos: ropeCos.readOnly, sin: ropeSin.readOnly,
                               B: B, T: T, C: C, H: H, firstPosition: first)
    }

    /// The q and k attention reads: rotated with `rope`, the projections otherwise.
    private var attendedQ: UnsafeMutableBufferPointer<Float> { rope ? qRotated : q }
    private var attendedK: UnsafeMutableBufferPointer<Float> { rope ? kRotated : k }

    public func forward(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>, B: Int, T: Int) {
        let BT = B * T
        precondition(BT <= maxTokens && T <= maxT, "AttentionMixer.forward: B·T = \(BT) or T = \(T) exceeds maxTokens \(maxTokens) / maxT \(maxT)")
        project(BT, inp)
        switch kind {
        case let .linear(normalize):
            if simdLinear {
                linearAttentionForwardSIMD(y: y.prefix(count: BT * C), den: normalize ? den.prefix(count: BT * H) : nil,
                                           q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C),
                                           B: B, T: T, C: C, H: H, epsilon: epsilon)
            } else {
                linearAttentionForward(y: y.prefix(count: BT * C), den: normalize ? den.prefix(count: BT * H) : nil,
                                       q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C), scratch: scratch,
                                       B: B, T: T, C: C, H: H, epsilon: epsilon)
            }
        case .softmax:
            if rope { rotate(B: B, T: T, first: 0) }
            softmaxAttentionForward(y: y.prefix(count: BT * C), att: att.prefix(count: B * H * T * T),
                                    q: attendedQ.input(BT * C), k: attendedK.input(BT * C), v: v.input(BT * C), B: B, T: T, C: C, H: H)
        }
        linearForward(out: out, inp: y.input(BT * C), weight: weight(oProj), bias: nil, B: BT, C: C, OC: C)
    }

    public func backward(dinp: UnsafeMutableBufferPointer<Float>, dout: UnsafeBufferPointer<Float>,
                         inp: UnsafeBufferPointer<Float>, B: Int, T: Int) {
        let BT = B * T
        precondition(BT <= maxTokens && T <= maxT, "AttentionMixer.backward: B·T = \(BT) or T = \(T) exceeds the workspace")
        for buffer in [dq, dk, dv, dy] { buffer.prefix(count: BT * C).update(repeating: 0) }
        // out = y · o_projᵀ
        linearBackward(dinp: dy.prefix(count: BT * C), dweight: parameters.grads(of: oProj), dbias: nil, dout: dout,
                       inp: y.input(BT * C), weight: weight(oProj), B: BT, C: C, OC: C)
        switch kind {
        case let .linear(normalize):
            if simdLinear {
                linearAttentionBackwardSIMD(dq: dq.prefix(count: BT * C), dk: dk.prefix(count: BT * C), dv: dv.prefix(count: BT * C),
                                            dy: dy.input(BT * C), q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C),
                                            y: y.input(BT * C), den: normalize ? den.input(BT * H) : nil, B: B, T: T, C: C, H: H)
            } else {
                linearAttentionBackward(dq: dq.prefix(count: BT * C), dk: dk.prefix(count: BT * C), dv: dv.prefix(count: BT * C),
                                        dy: dy.input(BT * C), q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C),
                                        y: y.input(BT * C), den: normalize ? den.input(BT * H) : nil, scratch: scratch,
                                        B: B, T: T, C: C, H: H)
            }
        case .softmax:
            let dqAttended = rope ? dqRotated : dq, dkAttended = rope ? dkRotated : dk
            if rope { for buffer in [dqRotated, dkRotated] { buffer.prefix(count: BT * C).update(repeating: 0) } }
            softmaxAttentionBackward(dq: dqAttended.prefix(count: BT * C), dk: dkAttended.prefix(count: BT * C), dv: dv.prefix(count: BT * C),
                                     dy: dy.input(BT * C), q: attendedQ.input(BT * C), k: attendedK.input(BT * C), v: v.input(BT * C),
                                     att: att.input(B * H * T * T), scratch: scratch, B: B, T: T, C: C, H: H)
            if rope {
                // q, k = rope(q), rope(k)
                rotaryEmbeddingBackward(dinp: dq.prefix(count: BT * C), dout: dqRotated.input(BT * C), cos: ropeCos.readOnly,
                                        sin: ropeSin.readOnly, B: B, T: T, C: C, H: H)
                rotaryEmbeddingBackward(dinp: dk.prefix(count: BT * C), dout: dkRotated.input(BT * C), cos: ropeCos.readOnly,
                                        sin: ropeSin.readOnly, B: B, T: T, C: C, H: H)
            }
        }
        // q, k, v = inp · W_{q,k,v}ᵀ
        for (index, grad) in [(qProj, dq), (kProj, dk), (vProj, dv)] {
            linearBackward(dinp: dinp, dweight: parameters.grads(of: index), dbias: nil, dout: grad.input(BT * C),
                           inp: inp, weight: weight(index), B: BT, C: C, OC: C)
        }
    }

    /// Linear: S and z, H·(E² + E) floats, independent of T. Softmax: the key/value cache, 2·T·C.
    public func recurrentStateFloats(maxT: Int) -> Int {
        let E = C / H
        return kind == .softmax ? 2 * maxT * C : H * (E * E + E)
    }

    public func resetState(B: Int) {
        stateA.update(repeating: 0)
        stateB.update(repeating: 0)
        position = 0
    }

    public func step(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>, B: Int) {
        let E = C / H
        project(B, inp)
        switch kind {
        case let .linear(normalize):
            precondition(B <= maxTokens, "AttentionMixer.step: B = \(B) exceeds maxTokens \(maxTokens)")
            linearAttentionStep(y: y.prefix(count: B * C), stateS: stateA.prefix(count: B * H * E * E), stateZ: stateB.prefix(count: B * H * E),
                                q: q.input(B * C), k: k.input(B * C), v: v.input(B * C), normalize: normalize,
                                B: B, C: C, H: H, epsilon: epsilon)
        case .softmax:
            precondition(B * maxT <= maxTokens && position < maxT,
                         "AttentionMixer.step: softmax attention caches maxT = \(maxT) keys per sequence; B·maxT must be ≤ maxTokens and at most maxT tokens stepped")
            let t = position
            if rope { rotate(B: B, T: 1, first: t) }
            let q = attendedQ, k = attendedK
            for b in 0..<B {
                for c in 0..<C {
                    stateA[(b * maxT + t) * C + c] = k[b * C + c]
                    stateB[(b * maxT + t) * C + c] = v[b * C + c]
                }
            }
            let scale = 1 / Float(E).squareRoot()
            for b in 0..<B {
                for h in 0..<H {
                    let qRow = b * C + h * E
                    var maxScore = -Float.infinity
                    for s in 0...t {
                        let kRow = (b * maxT + s) * C + h * E
                        var dot: Float = 0
                        for j in 0..<E { dot += q[qRow + j] * stateA[kRow + j] }
                        scratch[s] = dot * scale
                        maxScore = max(maxScore, dot * scale)
                    }
                    var sum: Float = 0
                    for s in 0...t { scratch[s] = expf(scratch[s] - maxScore); sum += scratch[s] }
                    for j in 0..<E { y[qRow + j] = 0 }
                    for s in 0...t {
                        let w = scratch[s] / sum
                        let vRow = (b * maxT + s) * C + h * E
                        for j in 0..<E { y[qRow + j] += w * stateB[vRow + j] }
                    }
                }
            }
            position += 1
        }
        linearForward(out: out, inp: y.input(B * C), weight: weight(oProj), bias: nil, B: B, C: C, OC: C)
    }
}
