#if canImport(Glibc)
import Tensor
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NN

/// Sizes of a Mamba block (mamba_ssm `Mamba`), with the reference defaults.
public struct MambaConfig: Equatable, Sendable {
    public var dModel: Int
    public var dState: Int
    public var dConv: Int
    public var expand: Int
    /// Rank of the Δ projection; ⌈d_model / 16⌉ by default ("auto").
    public var dtRank: Int
    public var dtMin: Float
    public var dtMax: Float
    public var dtInitFloor: Float

    public init(dModel: Int, dState: Int = 16, dConv: Int = 4, expand: Int = 2, dtRank: Int? = nil,
                dtMin: Float = 1e-3, dtMax: Float = 1e-1, dtInitFloor: Float = 1e-4) {
        precondition(dModel > 0 && dState > 0 && dConv > 0 && expand > 0, "MambaConfig sizes must be positive")
        self.dModel = dModel
        self.dState = dState
        self.dConv = dConv
        self.expand = expand
        self.dtRank = dtRank ?? (dModel + 15) / 16
        self.dtMin = dtMin
        self.dtMax = dtMax
        self.dtInitFloor = dtInitFloor
    }

    /// d_inner = expand · d_model.
    public var dInner: Int { expand * dModel }

    /// Parameter names and shapes, identical to PyTorch's `Mamba.state_dict()` under `prefix`.
    public func parameterShapes(prefix: String) -> [(name: String, shape: [Int])] {
        let C = dModel, D = dInner, N = dState, R = dtRank
        return [
            (prefix + "in_proj.weight", [2 * D, C]),
            (prefix + "conv1d.weight", [D, 1, dConv]),
            (prefix + "conv1d.bias", [D]),
            (prefix + "x_proj.weight", [R + 2 * N, D]),
            (prefix + "dt_proj.weight", [D, R]),
            (prefix + "dt_proj.bias", [D]),
            (prefix + "A_log", [D, N]),
            (prefix + "D", [D]),
            (prefix + "out_proj.weight", [C, D]),
        ]
    }
}

/// The Mamba block of Gu & Dao (2023), the reference slow path of mamba_ssm's `Mamba.forward`
/// (`use_fast_path=False`, no inference cache). With C = d_model, D = d_inner, N = d_state,
/// R = dt_rank, K = d_conv, on rows of inp [B,T,C]:
///
///     (x, z)      = split(inp · in_proj.weightᵀ)                  [B,T,D] each
///     u           = silu(causalConv1d(x; conv1d.weight, conv1d.bias))
///     (dt, Bₛ, Cₛ) = split(u · x_proj.weightᵀ)                      [B,T,R], [B,T,N], [B,T,N]
///     y           = selectiveScan(u, dt · dt_proj.weightᵀ, A = −exp(A_log), Bₛ, Cₛ, D, delta_bias = dt_proj.bias)
///     out         = (y · silu(z)) · out_proj.weightᵀ                [B,T,C]
public final class MambaMixer: SequenceMixer {
    public let config: MambaConfig
    public let parameters: ParameterTable
    public let maxTokens: Int
    /// Run the reference scalar kernels (`selectiveScanForward`/`Backward`, the SiLU loops)
    /// instead of the SIMD ones: the perf suite times both, and tests hold them equal.
    public var referenceKernels = false
    /// Indices into `parameters.entries`, in `parameterShapes` order.
    private let inProj, convWeight, convBias, xProj, dtProjWeight, dtProjBias, aLog, skip, outProj: Int
    private let arena: ActivationArena
    // Activations [maxTokens, width] and their gradients.
    private let xz, x, z, xc, u, xdbl, dtIn, ssmB, ssmC, deltaRaw, delta, y, gated: UnsafeMutableBufferPointer<Float>
    private let dxz, dx, dz, dxc, du, dxdbl, ddtIn, dssmB, dssmC, ddeltaRaw, dy, dgated: UnsafeMutableBufferPointer<Float>
    /// A = −exp(A_log) and its gradient [D,N]; scan scratch [(T+2)·N].
    private let A, dA, scanScratch: UnsafeMutableBufferPointer<Float>
    /// Recurrent state for `step`: conv [maxTokens, D, K], ssm [maxTokens, D, N].
    private let convState, ssmState: UnsafeMutableBufferPointer<Float>
    /// The fast scan's saved states, from `forward` to `backward`.
    private let scanCheckpoints: SelectiveScanCheckpoints

    /// Binds to the entries named `prefix + …` of `parameters` (which must contain
    /// `config.parameterShapes(prefix:)`); `maxTokens` bounds B·T of forward/backward and B of `step`,
    /// `maxT` bounds T.
    public init(config: MambaConfig, parameters: ParameterTable, prefix: String, maxTokens: Int, maxT: Int) throws {
        precondition(maxTokens > 0 && maxT > 0, "MambaMixer needs maxTokens, maxT > 0")
        self.config = config
        self.parameters = parameters
        self.maxTokens = maxTokens
        var indices: [Int] = []
        for (name, shape) in config.parameterShapes(prefix: prefix) {
            let entry = try parameters.entry(named: name)
            guard entry.shape == shape else { throw SequenceModelError.shapeMismatch(name: name, expected: shape, got: entry.shape) }
            indices.append(parameters.index(of: name) ?? -1)
        }
        (inProj, convWeight, convBias, xProj, dtProjWeight, dtProjBias, aLog, skip, outProj) =
            (indices[0], indices[1], indices[2], indices[3], indices[4], indices[5], indices[6], indices[7], indices[8])
        let M = maxTokens, D = config.dInner, N = config.dState, R = config.dtRank, K = config.dConv
        let P = R + 2 * N
        let widths = [2 * D, D, D, D, D, P, R, N, N, D, D, D, D,   // activations
                      2 * D, D, D, D, D, P, R, N, N, D, D, D]      // gradients
        arena = ActivationArena(widths.map { $0 * M } + [D * N, D * N, (maxT + 2) * N, M * D * K, M * D * N])
        let b = arena.buffers
        (xz, x, z, xc, u, xdbl, dtIn, ssmB, ssmC, deltaRaw, delta, y, gated) =
            (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12])
        (dxz, dx, dz, dxc, du, dxdbl, ddtIn, dssmB, dssmC, ddeltaRaw, dy, dgated) =
            (b[13], b[14], b[15], b[16], b[17], b[18], b[19], b[20], b[21], b[22], b[23], b[24])
        (A, dA, scanScratch, convState, ssmState) = (b[25], b[26], b[27], b[28], b[29])
        scanCheckpoints = SelectiveScanCheckpoints(maxTokens: M, D: D, N: N)
    }

    /// The reference initialisation (`Mamba.__init__`): PyTorch Linear/Conv1d defaults
    /// (U(±1/√fan_in)), dt_proj.weight ~ U(±dt_rank^−½), dt_proj.bias = softplus⁻¹(dt) with
    /// dt log-uniform in [dt_min, dt_max] floored at dt_init_floor, A_log[d,n] = log(n+1), D = 1.
    public func initialize<G: RandomNumberGenerator>(using rng: inout G) {
        let C = config.dModel, D = config.dInner, N = config.dState, R = config.dtRank, K = config.dConv
        rng.fillUniform(parameters.values(of: inProj), bound: 1 / Float(C).squareRoot())
        rng.fillUniform(parameters.values(of: convWeight), bound: 1 / Float(K).squareRoot())
        rng.fillUniform(parameters.values(of: convBias), bound: 1 / Float(K).squareRoot())
        rng.fillUniform(parameters.values(of: xProj), bound: 1 / Float(D).squareRoot())
        rng.fillUniform(parameters.values(of: dtProjWeight), bound: 1 / Float(R).squareRoot())
        let bias = parameters.values(of: dtProjBias)
        let logMin = logf(config.dtMin), logMax = logf(config.dtMax)
        for d in 0..<D {
            // dt = max(exp(u·(log dt_max − log dt_min) + log dt_min), floor);  bias = dt + log(−expm1(−dt))
            let dt = max(expf(rng.unitUniformFloat() * (logMax - logMin) + logMin), config.dtInitFloor)
            bias[d] = dt + logf(-expm1f(-dt))
        }
        let aLogValues = parameters.values(of: aLog)
        for d in 0..<D { for n in 0..<N { aLogValues[d * N + n] = logf(Float(n + 1)) } }
        parameters.values(of: skip).update(repeating: 1)
        rng.fillUniform(parameters.values(of: outProj), bound: 1 / Float(D).squareRoot())
    }

    private func weight(_ index: Int) -> UnsafeBufferPointer<Float> { UnsafeBufferPointer(parameters.values(of: index)) }
    private func grad(_ index: Int) -> UnsafeMutableBufferPointer<Float> { parameters.grads(of: index) }

    /// A = −exp(A_log), recomputed from the current parameters.
    private func computeA() {
        let aLogValues = parameters.values(of: aLog)
        for i in 0..<A.count { A[i] = -expf(aLogValues[i]) }
    }

    public func forward(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>, B: Int, T: Int) {
        let BT = B * T, C = config.dModel, D = config.dInner, N = config.dState, R = config.dtRank, K = config.dConv
        let P = R + 2 * N
        precondition(BT <= maxTokens && T + 2 <= scanScratch.count / N, "MambaMixer.forward: B·T = \(BT) exceeds maxTokens \(maxTokens) or T = \(T) exceeds maxT")
        precondition(out.count == BT * C && inp.count == BT * C, "MambaMixer.forward: inp and out must hold B·T·C = \(BT * C) elements")
        linearForward(out: xz.prefix(count: BT * 2 * D), inp: inp, weight: weight(inProj), bias: nil, B: BT, C: C, OC: 2 * D)
        copyColumns(to: x, from: xz.readOnly, R: BT, stride: 2 * D, first: 0, width: D)
        copyColumns(to: z, from: xz.readOnly, R: BT, stride: 2 * D, first: D, width: D)
        causalConv1dDepthwiseForward(out: xc.prefix(count: BT * D), inp: x.input(BT * D), weight: weight(convWeight),
                                     bias: weight(convBias), B: B, T: T, D: D, K: K)
        if referenceKernels {
            siluForward(out: u.prefix(count: BT * D), inp: xc.input(BT * D), N: BT * D)
        } else {
            siluForwardSIMD(out: u.prefix(count: BT * D), inp: xc.input(BT * D), N: BT * D)
        }
        linearForward(out: xdbl.prefix(count: BT * P), inp: u.input(BT * D), weight: weight(xProj), bias: nil, B: BT, C: D, OC: P)
        copyColumns(to: dtIn, from: xdbl.readOnly, R: BT, stride: P, first: 0, width: R)
        copyColumns(to: ssmB, from: xdbl.readOnly, R: BT, stride: P, first: R, width: N)
        copyColumns(to: ssmC, from: xdbl.readOnly, R: BT, stride: P, first: R + N, width: N)
        linearForward(out: deltaRaw.prefix(count: BT * D), inp: dtIn.input(BT * R), weight: weight(dtProjWeight), bias: nil, B: BT, C: R, OC: D)
        computeA()
        if referenceKernels {
            scanCheckpoints.invalidate()
            selectiveScanForward(y: y.prefix(count: BT * D), delta: delta.prefix(count: BT * D), lastState: nil,
                                 u: u.input(BT * D), deltaRaw: deltaRaw.input(BT * D), ssmB: ssmB.input(BT * N), ssmC: ssmC.input(BT * N),
                                 A: A.readOnly, deltaBias: weight(dtProjBias), skip: weight(skip), state: scanScratch,
                                 B: B, T: T, D: D, N: N)
        } else {
            selectiveScanForwardSIMD(y: y.prefix(count: BT * D), delta: delta.prefix(count: BT * D),
                                     u: u.input(BT * D), deltaRaw: deltaRaw.input(BT * D), ssmB: ssmB.input(BT * N), ssmC: ssmC.input(BT * N),
                                     A: A.readOnly, deltaBias: weight(dtProjBias), skip: weight(skip), B: B, T: T, D: D, N: N,
                                     checkpoints: scanCheckpoints)
        }
        if referenceKernels {
            siluGateForward(out: gated.prefix(count: BT * D), y: y.input(BT * D), z: z.input(BT * D), N: BT * D)
        } else {
            siluGateForwardSIMD(out: gated.prefix(count: BT * D), y: y.input(BT * D), z: z.input(BT * D), N: BT * D)
        }
        linearForward(out: out, inp: gated.input(BT * D), weight: weight(outProj), bias: nil, B: BT, C: D, OC: C)
    }

    public func backward(dinp: UnsafeMutableBufferPointer<Float>, dout: UnsafeBufferPointer<Float>,
                         inp: UnsafeBufferPointer<Float>, B: Int, T: Int) {
        let BT = B * T, C = config.dModel, D = config.dInner, N = config.dState, R = config.dtRank, K = config.dConv
        let P = R + 2 * N
        precondition(BT <= maxTokens, "MambaMixer.backward: B·T = \(BT) exceeds maxTokens \(maxTokens)")
        // The buffers the kernels add into; dxdbl and dxz are assembled whole by placeColumns.
        let cleared = [dx, dz, dxc, du, ddtIn, dssmB, dssmC, ddeltaRaw, dy, dgated]
        zeroPrefixes(cleared, counts: cleared.map { BT * ($0.count / maxTokens) })
        dA.update(repeating: 0)
        // out = gated · out_projᵀ
        linearBackward(dinp: dgated.prefix(count: BT * D), dweight: grad(outProj), dbias: nil, dout: dout,
                       inp: gated.input(BT * D), weight: weight(outProj), B: BT, C: D, OC: C)
        // gated = y · silu(z)
        if referenceKernels {
            siluGateBackward(dy: dy.prefix(count: BT * D), dz: dz.prefix(count: BT * D), dout: dgated.input(BT * D),
                             y: y.input(BT * D), z: z.input(BT * D), N: BT * D)
        } else {
            siluGateBackwardSIMD(dy: dy.prefix(count: BT * D), dz: dz.prefix(count: BT * D), dout: dgated.input(BT * D),
                                 y: y.input(BT * D), z: z.input(BT * D), N: BT * D)
        }
        // y = selectiveScan(u, Δ, A, Bₛ, Cₛ, D)
        if referenceKernels {
            selectiveScanBackward(du: du.prefix(count: BT * D), ddeltaRaw: ddeltaRaw.prefix(count: BT * D),
                                  dssmB: dssmB.prefix(count: BT * N), dssmC: dssmC.prefix(count: BT * N), dA: dA,
                                  ddeltaBias: grad(dtProjBias), dskip: grad(skip), dy: dy.input(BT * D),
                                  u: u.input(BT * D), delta: delta.input(BT * D), ssmB: ssmB.input(BT * N), ssmC: ssmC.input(BT * N),
                                  A: A.readOnly, skip: weight(skip), states: scanScratch, B: B, T: T, D: D, N: N)
        } else {
            selectiveScanBackwardSIMD(du: du.prefix(count: BT * D), ddeltaRaw: ddeltaRaw.prefix(count: BT * D),
                                      dssmB: dssmB.prefix(count: BT * N), dssmC: dssmC.prefix(count: BT * N), dA: dA,
                                      ddeltaBias: grad(dtProjBias), dskip: grad(skip), dy: dy.input(BT * D),
                                      u: u.input(BT * D), delta: delta.input(BT * D), ssmB: ssmB.input(BT * N), ssmC: ssmC.input(BT * N),
                                      A: A.readOnly, skip: weight(skip), B: B, T: T, D: D, N: N, checkpoints: scanCheckpoints)
        }
        // A = −exp(A_log)  ⇒  dA_log = dA · A
        let dALog = grad(aLog)
        for i in 0..<A.count { dALog[i] += dA[i] * A[i] }
        // deltaRaw = dt · dt_projᵀ
        linearBackward(dinp: ddtIn.prefix(count: BT * R), dweight: grad(dtProjWeight), dbias: nil, dout: ddeltaRaw.input(BT * D),
                       inp: dtIn.input(BT * R), weight: weight(dtProjWeight), B: BT, C: R, OC: D)
        // (dt, Bₛ, Cₛ) = split(xdbl)
        placeColumns(into: dxdbl, from: ddtIn.readOnly, R: BT, stride: P, first: 0, width: R)
        placeColumns(into: dxdbl, from: dssmB.readOnly, R: BT, stride: P, first: R, width: N)
        placeColumns(into: dxdbl, from: dssmC.readOnly, R: BT, stride: P, first: R + N, width: N)
        // xdbl = u · x_projᵀ
        linearBackward(dinp: du.prefix(count: BT * D), dweight: grad(xProj), dbias: nil, dout: dxdbl.input(BT * P),
                       inp: u.input(BT * D), weight: weight(xProj), B: BT, C: D, OC: P)
        // u = silu(xc)
        if referenceKernels {
            siluBackward(dinp: dxc.prefix(count: BT * D), dout: du.input(BT * D), inp: xc.input(BT * D), N: BT * D)
        } else {
            siluBackwardSIMD(dinp: dxc.prefix(count: BT * D), dout: du.input(BT * D), inp: xc.input(BT * D), N: BT * D)
        }
        // xc = conv(x)
        causalConv1dDepthwiseBackward(dinp: dx.prefix(count: BT * D), dweight: grad(convWeight), dbias: grad(convBias),
                                      dout: dxc.input(BT * D), inp: x.input(BT * D), weight: weight(convWeight),
                                      B: B, T: T, D: D, K: K)
        // (x, z) = split(inp · in_projᵀ)
        placeColumns(into: dxz, from: dx.readOnly, R: BT, stride: 2 * D, first: 0, width: D)
        placeColumns(into: dxz, from: dz.readOnly, R: BT, stride: 2 * D, first: D, width: D)
        linearBackward(dinp: dinp, dweight: grad(inProj), dbias: nil, dout: dxz.input(BT * 2 * D),
                       inp: inp, weight: weight(inProj), B: BT, C: C, OC: 2 * D)
    }

    /// Conv window [D,K] plus SSM state [D,N] per sequence; independent of T.
    public func recurrentStateFloats(maxT: Int) -> Int {
        config.dInner * (config.dConv + config.dState)
    }

    /// Also computes A = −exp(A_log) for the steps that follow: A depends only on the
    /// parameters, which do not change while a sequence is generated, so `step` does not redo
    /// D·N exponentials per token.
    public func resetState(B: Int) {
        let D = config.dInner
        convState.prefix(count: B * D * config.dConv).update(repeating: 0)
        ssmState.prefix(count: B * D * config.dState).update(repeating: 0)
        computeA()
    }

    /// Mamba's `step`: one token per sequence through the block, updating conv and SSM state.
    public func step(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>, B: Int) {
        let C = config.dModel, D = config.dInner, N = config.dState, R = config.dtRank, K = config.dConv
        let P = R + 2 * N
        precondition(B <= maxTokens, "MambaMixer.step: B = \(B) exceeds maxTokens \(maxTokens)")
        linearForward(out: xz.prefix(count: B * 2 * D), inp: inp, weight: weight(inProj), bias: nil, B: B, C: C, OC: 2 * D)
        copyColumns(to: x, from: xz.readOnly, R: B, stride: 2 * D, first: 0, width: D)
        copyColumns(to: z, from: xz.readOnly, R: B, stride: 2 * D, first: D, width: D)
        causalConv1dDepthwiseStep(out: xc.prefix(count: B * D), state: convState.prefix(count: B * D * K), inp: x.input(B * D),
                                  weight: weight(convWeight), bias: weight(convBias), B: B, D: D, K: K)
        siluForward(out: u.prefix(count: B * D), inp: xc.input(B * D), N: B * D)
        linearForward(out: xdbl.prefix(count: B * P), inp: u.input(B * D), weight: weight(xProj), bias: nil, B: B, C: D, OC: P)
        copyColumns(to: dtIn, from: xdbl.readOnly, R: B, stride: P, first: 0, width: R)
        copyColumns(to: ssmB, from: xdbl.readOnly, R: B, stride: P, first: R, width: N)
        copyColumns(to: ssmC, from: xdbl.readOnly, R: B, stride: P, first: R + N, width: N)
        linearForward(out: deltaRaw.prefix(count: B * D), inp: dtIn.input(B * R), weight: weight(dtProjWeight), bias: nil, B: B, C: R, OC: D)
        // A was computed by resetState
        selectiveScanStep(y: y.prefix(count: B * D), state: ssmState.prefix(count: B * D * N), u: u.input(B * D),
                          deltaRaw: deltaRaw.input(B * D), ssmB: ssmB.input(B * N), ssmC: ssmC.input(B * N),
                          A: A.readOnly, deltaBias: weight(dtProjBias), skip: weight(skip), B: B, D: D, N: N)
        siluGateForward(out: gated.prefix(count: B * D), y: y.input(B * D), z: z.input(B * D), N: B * D)
        linearForward(out: out, inp: gated.input(B * D), weight: weight(outProj), bias: nil, B: B, C: D, OC: C)
    }
}
