import Tensor

/// Fully connected layer, PyTorch `nn.Linear` layout:
///
///     out[b,o] = Σ_c inp[b,c] · weight[o,c] + bias[o]
///
/// Shapes: inp [B,C], weight [OC,C], bias [OC] (optional), out [B,OC].
/// Both passes are single `sgemm` calls; the bias is a plain loop.
public func linearForward(
    out: UnsafeMutableBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    weight: UnsafeBufferPointer<Float>,
    bias: UnsafeBufferPointer<Float>?,
    B: Int, C: Int, OC: Int
) {
    precondition(B >= 0 && C > 0 && OC > 0, "linearForward needs B ≥ 0, C > 0, OC > 0; got B=\(B) C=\(C) OC=\(OC)")
    precondition(out.count == B * OC, "linearForward: out has \(out.count) elements, expected B·OC = \(B * OC)")
    precondition(inp.count == B * C, "linearForward: inp has \(inp.count) elements, expected B·C = \(B * C)")
    precondition(weight.count == OC * C, "linearForward: weight has \(weight.count) elements, expected OC·C = \(OC * C)")
    if let bias { precondition(bias.count == OC, "linearForward: bias has \(bias.count) elements, expected OC = \(OC)") }
    if B == 0 { return }

    if B == 1 {
        // out = weight · inp   (one row: sgemv, which does not pack the weight as sgemm does)
        sgemv(m: OC, n: C, alpha: 1, a: baseAddress(of: weight, "weight"), lda: C,
              x: baseAddress(of: inp, "inp"), beta: 0, y: baseAddress(of: out, "out"))
    } else {
        // out = inp · weightᵀ   ([B,C] · [C,OC])
        sgemm(transA: false, transB: true, m: B, n: OC, k: C,
              alpha: 1, a: baseAddress(of: inp, "inp"), lda: C,
              b: baseAddress(of: weight, "weight"), ldb: C,
              beta: 0, c: baseAddress(of: out, "out"), ldc: OC)
    }
    guard let bias else { return }
    // out[b,o] += bias[o]
    for b in 0..<B {
        let row = b * OC
        for o in 0..<OC {
            out[row + o] += bias[o]
        }
    }
}

/// Backward of `linearForward`; adds into `dinp`, `dweight`, `dbias`.
///
/// Forward: `out[b,o] = Σ_c inp[b,c] · weight[o,c] + bias[o]`, hence
///
///     dinp[b,c]    += Σ_o dout[b,o] · weight[o,c]     (dinp = dout · weight)
///     dweight[o,c] += Σ_b dout[b,o] · inp[b,c]        (dweight = doutᵀ · inp)
///     dbias[o]     += Σ_b dout[b,o]
///
/// `dinp` is optional because the first layer's input is data and needs no gradient;
/// `dbias` is optional for bias-free layers.
public func linearBackward(
    dinp: UnsafeMutableBufferPointer<Float>?,
    dweight: UnsafeMutableBufferPointer<Float>,
    dbias: UnsafeMutableBufferPointer<Float>?,
    dout: UnsafeBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    weight: UnsafeBufferPointer<Float>,
    B: Int, C: Int, OC: Int
) {
    precondition(B >= 0 && C > 0 && OC > 0, "linearBackward needs B ≥ 0, C > 0, OC > 0; got B=\(B) C=\(C) OC=\(OC)")
    precondition(dout.count == B * OC, "linearBackward: dout has \(dout.count) elements, expected B·OC = \(B * OC)")
    precondition(inp.count == B * C, "linearBackward: inp has \(inp.count) elements, expected B·C = \(B * C)")
    precondition(weight.count == OC * C, "linearBackward: weight has \(weight.count) elements, expected OC·C = \(OC * C)")
    precondition(dweight.count == OC * C, "linearBackward: dweight has \(dweight.count) elements, expected OC·C = \(OC * C)")
    if let dinp { precondition(dinp.count == B * C, "linearBackward: dinp has \(dinp.count) elements, expected B·C = \(B * C)") }
    if let dbias { precondition(dbias.count == OC, "linearBackward: dbias has \(dbias.count) elements, expected OC = \(OC)") }
    if B == 0 { return }

    let doutBase = baseAddress(of: dout, "dout")
    if let dinp {
        // dinp[B,C] += dout[B,OC] · weight[OC,C]
        sgemm(transA: false, transB: false, m: B, n: C, k: OC,
              alpha: 1, a: doutBase, lda: OC,
              b: baseAddress(of: weight, "weight"), ldb: C,
              beta: 1, c: baseAddress(of: dinp, "dinp"), ldc: C)
    }
    // dweight[OC,C] += dout[B,OC]ᵀ · inp[B,C]
    sgemm(transA: true, transB: false, m: OC, n: C, k: B,
          alpha: 1, a: doutBase, lda: OC,
          b: baseAddress(of: inp, "inp"), ldb: C,
          beta: 1, c: baseAddress(of: dweight, "dweight"), ldc: C)
    guard let dbias else { return }
    // dbias[o] += Σ_b dout[b,o]
    for b in 0..<B {
        let row = b * OC
        for o in 0..<OC {
            dbias[o] += dout[row + o]
        }
    }
}
