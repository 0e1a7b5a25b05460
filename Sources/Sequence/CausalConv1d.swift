import Tensor
import CKernels

/// Causal depthwise 1-D convolution along time, as PyTorch
/// `Conv1d(D, D, kernel_size: K, groups: D, padding: K − 1)` truncated to the first T outputs
/// (Mamba's `conv1d`, K = d_conv = 4):
///
///     out[b,t,d] = bias[d] + Σ_{k<K} weight[d,k] · inp[b, t − (K−1) + k, d]   (inp = 0 before t = 0)
///
/// Shapes: inp, out [B,T,D] (time-major rows, channels last), weight [D,K] (PyTorch's
/// [D,1,K]), bias [D]. With `instructions` AVX-512 (the default on CPUs that have it) each
/// sequence runs in CKernels, the same operations on sixteen channels at once (same bits, tested).
public func causalConv1dDepthwiseForward(
    out: UnsafeMutableBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    weight: UnsafeBufferPointer<Float>,
    bias: UnsafeBufferPointer<Float>,
    B: Int, T: Int, D: Int, K: Int, threads: Int? = nil, instructions: VectorInstructions = .best
) {
    precondition(B >= 0 && T >= 0 && D > 0 && K > 0, "causalConv1dDepthwiseForward needs B, T ≥ 0 and D, K > 0; got B=\(B) T=\(T) D=\(D) K=\(K)")
    precondition(out.count == B * T * D && inp.count == B * T * D,
                 "causalConv1dDepthwiseForward: out \(out.count), inp \(inp.count) elements, expected B·T·D = \(B * T * D)")
    precondition(weight.count == D * K, "causalConv1dDepthwiseForward: weight has \(weight.count) elements, expected D·K = \(D * K)")
    precondition(bias.count == D, "causalConv1dDepthwiseForward: bias has \(bias.count) elements, expected D = \(D)")
    guard B > 0, T > 0, let o = out.baseAddress, let x = inp.baseAddress, let bs = bias.baseAddress else { return }
    // The taps transposed to [K,D], so the channel loop reads them contiguously and vectorises.
    let taps = transposedTaps(weight, D: D, K: K)
    defer { taps.deallocate() }
    // Sequences are independent and each element keeps its summation order (bias, then k
    // ascending), so the bits do not depend on the thread count.
    let avx512 = instructions.runnable == .avx512
    KernelParallel.forEach(B, threadCount: threads) { b in
        if avx512 { return biomoe_conv_forward_sequence_avx512(o, x, taps, bs, b, T, D, K) }
        for t in 0..<T {
            let row = o + (b * T + t) * D
            for d in 0..<D { row[d] = bs[d] }
            // out[t,d] += w[d,k] · inp[t − (K−1) + k, d]
            for k in max(0, K - 1 - t)..<K {
                let src = x + (b * T + t - (K - 1) + k) * D, tap = taps + k * D
                for d in 0..<D { row[d] += tap[d] * src[d] }
            }
        }
    }
}

/// weight [D,K] → [K,D].
private func transposedTaps(_ weight: UnsafeBufferPointer<Float>, D: Int, K: Int) -> UnsafeMutablePointer<Float> {
    let taps = UnsafeMutablePointer<Float>.allocate(capacity: D * K)
    for d in 0..<D { for k in 0..<K { taps[k * D + d] = weight[d * K + k] } }
    return taps
}

/// Backward of `causalConv1dDepthwiseForward`; adds into `dinp`, `dweight`, `dbias`.
///
/// Forward: `out[t,d] = bias[d] + Σ_k w[d,k] · inp[t−(K−1)+k, d]`, hence
///
///     dbias[d]               += Σ_{b,t} dout[b,t,d]
///     dweight[d,k]           += Σ_{b,t} dout[b,t,d] · inp[b, t−(K−1)+k, d]
///     dinp[b,t−(K−1)+k, d]   += dout[b,t,d] · w[d,k]
public func causalConv1dDepthwiseBackward(
    dinp: UnsafeMutableBufferPointer<Float>,
    dweight: UnsafeMutableBufferPointer<Float>,
    dbias: UnsafeMutableBufferPointer<Float>,
    dout: UnsafeBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    weight: UnsafeBufferPointer<Float>,
    B: Int, T: Int, D: Int, K: Int, threads: Int? = nil, instructions: VectorInstructions = .best
) {
    precondition(B >= 0 && T >= 0 && D > 0 && K > 0, "causalConv1dDepthwiseBackward needs B, T ≥ 0 and D, K > 0")
    precondition(dinp.count == B * T * D && dout.count == B * T * D && inp.count == B * T * D,
                 "causalConv1dDepthwiseBackward: dinp, dout and inp must hold B·T·D = \(B * T * D) elements")
    precondition(dweight.count == D * K && weight.count == D * K, "causalConv1dDepthwiseBackward: weight and dweight must hold D·K = \(D * K) elements")
    precondition(dbias.count == D, "causalConv1dDepthwiseBackward: dbias has \(dbias.count) elements, expected D = \(D)")
    guard B > 0, T > 0, let di = dinp.baseAddress, let g = dout.baseAddress, let x = inp.baseAddress else { return }
    let taps = transposedTaps(weight, D: D, K: K)
    // Per-sequence partial sums of dweight [K,D] and dbias [D], added in b order afterwards: a
    // fixed summation order whatever the thread count.
    let stride = (K + 1) * D
    let partials = UnsafeMutablePointer<Float>.allocate(capacity: B * stride)
    partials.initialize(repeating: 0, count: B * stride)
    defer { taps.deallocate(); partials.deallocate() }
    let avx512 = instructions.runnable == .avx512
    KernelParallel.forEach(B, threadCount: threads) { b in
        let dw = partials + b * stride, db = dw + K * D
        if avx512 { return biomoe_conv_backward_sequence_avx512(di, dw, db, g, x, taps, b, T, D, K) }
        for t in 0..<T {
            let row = g + (b * T + t) * D
            for d in 0..<D { db[d] += row[d] }
            for k in max(0, K - 1 - t)..<K {
                let offset = (b * T + t - (K - 1) + k) * D, tap = taps + k * D, dwk = dw + k * D
                let src = x + offset, dsrc = di + offset
                for d in 0..<D {
                    // dweight[d,k] += dout[t,d] · inp[t−(K−1)+k, d];  dinp[t−(K−1)+k, d] += dout[t,d] · w[d,k]
                    dwk[d] += row[d] * src[d]
                    dsrc[d] += row[d] * tap[d]
                }
            }
        }
    }
    for b in 0..<B {
        let dw = partials + b * stride, db = dw + K * D
        for d in 0..<D {
            for k in 0..<K { dweight[d * K + k] += dw[k * D + d] }
            dbias[d] += db[d]
        }
    }
}

/// One recurrent step of the causal depthwise convolution (Mamba's `step`, no causal_conv1d
/// kernel): shift the window left, append the new input, take the dot product.
///
///     state[b,d,:] ← (state[b,d,1...], inp[b,d])
///     out[b,d]      = bias[d] + Σ_k weight[d,k] · state[b,d,k]
///
/// Shapes: inp, out [B,D]; state [B,D,K] (PyTorch's conv_state layout), updated in place.
public func causalConv1dDepthwiseStep(
    out: UnsafeMutableBufferPointer<Float>,
    state: UnsafeMutableBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    weight: UnsafeBufferPointer<Float>,
    bias: UnsafeBufferPointer<Float>,
    B: Int, D: Int, K: Int
) {
    precondition(out.count == B * D && inp.count == B * D, "causalConv1dDepthwiseStep: out and inp must hold B·D = \(B * D) elements")
    precondition(state.count == B * D * K, "causalConv1dDepthwiseStep: state has \(state.count) elements, expected B·D·K = \(B * D * K)")
    precondition(weight.count == D * K && bias.count == D, "causalConv1dDepthwiseStep: weight must hold D·K and bias D elements")
    for b in 0..<B {
        for d in 0..<D {
            let s = (b * D + d) * K
            for k in 0..<(K - 1) { state[s + k] = state[s + k + 1] }
            state[s + K - 1] = inp[b * D + d]
            var sum = bias[d]
            for k in 0..<K { sum += weight[d * K + k] * state[s + k] }
            out[b * D + d] = sum
        }
    }
}
