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
///     y       = attention(q, k, v)                               (linear or softmax, causal)
///     out     = y · o_projᵀ
public final class AttentionMixer: SequenceMixer {
    public let kind: AttentionKind
    public let C: Int, H: Int
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
    /// Step state. Linear: S [maxTokens,H,E,E] and z [maxTokens,H,E]. Softmax: a key and value
    /// cache [maxTokens/maxT, maxT, C] each, filled up to `position`.
    private let stateA, stateB: UnsafeMutableBufferPointer<Float>
    private var position = 0

    /// Parameter names and shapes under `prefix`: q_proj, k_proj, v_proj, o_proj weights [C,C].
    public static func parameterShapes(C: Int, prefix: String) -> [(name: String, shape: [Int])] {
        ["q_proj", "k_proj", "v_proj", "o_proj"].map { (prefix + $0 + ".weight", [C, C]) }
    }

    public init(kind: AttentionKind, C: Int, H: Int, parameters: ParameterTable, prefix: String, maxTokens: Int, maxT: Int) throws {
        precondition(C > 0 && H > 0 && C % H == 0, "AttentionMixer: C = \(C) must be a positive multiple of H = \(H)")
        precondition(maxTokens > 0 && maxT > 0, "AttentionMixer needs maxTokens, maxT > 0")
        self.kind = kind
        self.C = C
        self.H = H
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
        arena = ActivationArena([M * C, M * C, M * C, M * C, M * C, M * C, M * C, M * C, M * H, attCount,
                                 max(E * E + E, maxT), state.0, state.1])
        let b = arena.buffers
        (q, k, v, y, dq, dk, dv, dy, den, att, scratch, stateA, stateB) =
            (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12])
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
            softmaxAttentionForward(y: y.prefix(count: BT * C), att: att.prefix(count: B * H * T * T),
                                    q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C), B: B, T: T, C: C, H: H)
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
            softmaxAttentionBackward(dq: dq.prefix(count: BT * C), dk: dk.prefix(count: BT * C), dv: dv.prefix(count: BT * C),
                                     dy: dy.input(BT * C), q: q.input(BT * C), k: k.input(BT * C), v: v.input(BT * C),
                                     att: att.input(B * H * T * T), scratch: scratch, B: B, T: T, C: C, H: H)
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
