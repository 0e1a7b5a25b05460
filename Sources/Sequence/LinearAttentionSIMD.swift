import Tensor
import CKernels

/// Causal linear attention, the recurrence of `linearAttentionForward` (same equations, shapes
/// and results to ~1e-6 relative) with the head dimension in vectors of eight and one task per
/// (batch, head) on the kernel threads. Needs E = C/H a multiple of 8; `AttentionMixer` uses the
/// reference kernel otherwise.
///
/// Why the recurrent form and not chunks: at the sizes biomoe trains (E ≤ 64, T ≤ a few
/// thousand) the recurrence costs 2·E² multiply-adds per token and head, fewer than a chunked
/// form's 2·L·E + 2·E² (chunk L ≥ E), and with S held as rows of vectors it streams from L1
/// without any per-chunk GEMM call overhead. Tasks write disjoint heads, so the thread count
/// changes no bit. With `instructions` AVX2 or AVX-512 (the default on CPUs that have them) each
/// head runs in CKernels' AVX2 kernel: the same lane operations in the same order, one pass over
/// S per token instead of two (same bits, tested; the perf suite's block trains 1.6× faster).
public func linearAttentionForwardSIMD(
    y: UnsafeMutableBufferPointer<Float>,
    den: UnsafeMutableBufferPointer<Float>?,
    q: UnsafeBufferPointer<Float>,
    k: UnsafeBufferPointer<Float>,
    v: UnsafeBufferPointer<Float>,
    B: Int, T: Int, C: Int, H: Int, epsilon: Float = 1e-6, threads: Int? = nil,
    instructions: VectorInstructions = .best
) {
    let E = C / H, W = E / 8
    precondition(H > 0 && C % H == 0 && E % 8 == 0, "linearAttentionForwardSIMD: E = C/H = \(C)/\(H) must be a multiple of 8")
    checkLinearAttentionSizes("linearAttentionForwardSIMD", y.count, q.count, k.count, v.count, den?.count, nil, B: B, T: T, C: C, H: H)
    let vectorC = instructions.runnable != .swiftLanes
    KernelParallel.forEach(B * H, threadCount: threads) { task in
        let b = task / H, h = task % H
        if vectorC {
            return biomoe_linear_attention_forward_avx2(y.baseAddress, den?.baseAddress, q.baseAddress, k.baseAddress, v.baseAddress,
                                                        b, h, T, C, H, epsilon)
        }
        // S[i][jv]: row i of S as W vectors over j; z as W vectors over i.
        let S = UnsafeMutablePointer<FloatLanes>.allocate(capacity: E * W + 3 * W)
        defer { S.deallocate() }
        S.initialize(repeating: FloatLanes(), count: E * W + 3 * W)
        let z = S + E * W, phi = z + W, values = phi + W
        for t in 0..<T {
            let row = (b * T + t) * C + h * E
            // S += φ(k_t) v_tᵀ;  z += φ(k_t)
            for w in 0..<W {
                phi[w] = eluPlusOneLanes(FloatLanes.load(k.baseAddress! + row + 8 * w))
                values[w] = FloatLanes.load(v.baseAddress! + row + 8 * w)
                z[w] += phi[w]
            }
            for i in 0..<E {
                let fk = phi[i / 8][i % 8]
                for w in 0..<W { S[i * W + w] += fk * values[w] }
            }
            // y_j = Σ_i φ(q_t)_i S_ij  (÷ (φ(q_t)·z + ε) when normalising)
            var qz = FloatLanes()
            for w in 0..<W {
                phi[w] = eluPlusOneLanes(FloatLanes.load(q.baseAddress! + row + 8 * w))
                qz += phi[w] * z[w]
                values[w] = FloatLanes()
            }
            for i in 0..<E {
                let fq = phi[i / 8][i % 8]
                for w in 0..<W { values[w] += fq * S[i * W + w] }
            }
            if let den {
                let d = qz.sum() + epsilon
                den[(b * T + t) * H + h] = d
                for w in 0..<W { (values[w] / d).store(y.baseAddress! + row + 8 * w) }
            } else {
                for w in 0..<W { values[w].store(y.baseAddress! + row + 8 * w) }
            }
        }
    }
}

/// Backward of `linearAttentionForwardSIMD` (the equations of `linearAttentionBackward`); adds
/// into `dq`, `dk`, `dv`.
///
/// Each sum over an index is kept in the layout whose vectors run over the *result's* index, so
/// no step needs a horizontal sum: the forward sweep rebuilds Sᵀ (rows j, vectors over i) for
/// dφ(q) = Σ_j dn_j Sᵀ_j; the reverse sweep keeps G (rows i) for dv = Σ_i φ(k)_i G_i and Gᵀ
/// (rows j) for dφ(k) = Σ_j v_j Gᵀ_j. φ(q), φ(k) are computed once per head; φ′ = 1 above 0 and
/// φ itself below, so the derivatives cost nothing more.
public func linearAttentionBackwardSIMD(
    dq: UnsafeMutableBufferPointer<Float>,
    dk: UnsafeMutableBufferPointer<Float>,
    dv: UnsafeMutableBufferPointer<Float>,
    dy: UnsafeBufferPointer<Float>,
    q: UnsafeBufferPointer<Float>,
    k: UnsafeBufferPointer<Float>,
    v: UnsafeBufferPointer<Float>,
    y: UnsafeBufferPointer<Float>,
    den: UnsafeBufferPointer<Float>?,
    B: Int, T: Int, C: Int, H: Int, threads: Int? = nil, instructions: VectorInstructions = .best
) {
    let E = C / H, W = E / 8, btc = B * T * C
    precondition(H > 0 && C % H == 0 && E % 8 == 0, "linearAttentionBackwardSIMD: E = C/H = \(C)/\(H) must be a multiple of 8")
    checkLinearAttentionSizes("linearAttentionBackwardSIMD", dy.count, q.count, k.count, v.count, den?.count, nil, B: B, T: T, C: C, H: H)
    precondition(dq.count == btc && dk.count == btc && dv.count == btc && y.count == btc,
                 "linearAttentionBackwardSIMD: dq, dk, dv and y must hold B·T·C = \(btc) elements")
    let vectorC = instructions.runnable != .swiftLanes
    KernelParallel.forEach(B * H, threadCount: threads) { task in
        let b = task / H, h = task % H
        if vectorC {
            return biomoe_linear_attention_backward_avx2(dq.baseAddress, dk.baseAddress, dv.baseAddress, dy.baseAddress, q.baseAddress,
                                                         k.baseAddress, v.baseAddress, y.baseAddress, den?.baseAddress, b, h, T, C, H)
        }
        // Per head: φ(q), φ(k) [T][W]; dn [T][W]; dd [T]; state matrices Sᵀ or G, Gᵀ [E][W]; z or g [W].
        let work = UnsafeMutablePointer<FloatLanes>.allocate(capacity: 3 * T * W + 2 * E * W + 2 * W)
        let dd = UnsafeMutablePointer<Float>.allocate(capacity: max(1, T))
        defer { work.deallocate(); dd.deallocate() }
        let phiQ = work, phiK = work + T * W, dn = work + 2 * T * W
        let G = work + 3 * T * W, GT = G + E * W, z = GT + E * W, acc = z + W
        let address = { (p: UnsafeBufferPointer<Float>, t: Int, w: Int) in p.baseAddress! + (b * T + t) * C + h * E + 8 * w }
        for t in 0..<T {
            // dn_t = dy_t / d_t;  dd_t = −(dy_t · y_t) / d_t   (dn = dy, dd = 0 unnormalised)
            var dot = FloatLanes()
            for w in 0..<W {
                phiQ[t * W + w] = eluPlusOneLanes(FloatLanes.load(address(q, t, w)))
                phiK[t * W + w] = eluPlusOneLanes(FloatLanes.load(address(k, t, w)))
                dn[t * W + w] = FloatLanes.load(address(dy, t, w))
                dot += dn[t * W + w] * FloatLanes.load(address(y, t, w))
            }
            if let den {
                let d = den[(b * T + t) * H + h]
                for w in 0..<W { dn[t * W + w] = dn[t * W + w] / d }
                dd[t] = -dot.sum() / d
            } else {
                dd[t] = 0
            }
        }
        /// dx += dφ · φ′(x), φ′ = 1 above 0 and φ(x) = eˣ below.
        func addThroughPhi(_ target: UnsafeMutableBufferPointer<Float>, _ input: UnsafeBufferPointer<Float>,
                           _ phi: FloatLanes, _ dphi: FloatLanes, _ t: Int, _ w: Int) {
            let x = FloatLanes.load(address(input, t, w))
            let out = target.baseAddress! + (b * T + t) * C + h * E + 8 * w
            (FloatLanes.load(out) + dphi * phi.replacing(with: 1, where: x .> 0)).store(out)
        }
        // Forward-time sweep: Sᵀ_j += v_j φ(k_t), z += φ(k_t);  dφ(q_t) = Σ_j dn_j Sᵀ_j + dd · z.
        G.initialize(repeating: FloatLanes(), count: 2 * E * W + 2 * W)
        let ST = G
        for t in 0..<T {
            for w in 0..<W { z[w] += phiK[t * W + w] }
            for j in 0..<E {
                let vj = v[(b * T + t) * C + h * E + j]
                for w in 0..<W { ST[j * W + w] += vj * phiK[t * W + w] }
            }
            for w in 0..<W { acc[w] = dd[t] * z[w] }
            for j in 0..<E {
                let dnj = dn[t * W + j / 8][j % 8]
                for w in 0..<W { acc[w] += dnj * ST[j * W + w] }
            }
            for w in 0..<W { addThroughPhi(dq, q, phiQ[t * W + w], acc[w], t, w) }
        }
        // Reverse-time sweep: G_i += φ(q_t)_i dn_t, Gᵀ_j += dn_t,j φ(q_t), g += dd_t φ(q_t);
        // dv_t = Σ_i φ(k_t)_i G_i;  dφ(k_t) = Σ_j v_t,j Gᵀ_j + g.
        G.update(repeating: FloatLanes(), count: 2 * E * W + 2 * W)
        var t = T - 1
        while t >= 0 {
            for i in 0..<E {
                let fq = phiQ[t * W + i / 8][i % 8], dni = dn[t * W + i / 8][i % 8]
                for w in 0..<W {
                    G[i * W + w] += fq * dn[t * W + w]
                    GT[i * W + w] += dni * phiQ[t * W + w]
                }
            }
            for w in 0..<W { z[w] += dd[t] * phiQ[t * W + w] }
            for w in 0..<W { acc[w] = FloatLanes() }
            for i in 0..<E {
                let fk = phiK[t * W + i / 8][i % 8]
                for w in 0..<W { acc[w] += fk * G[i * W + w] }
            }
            for w in 0..<W {
                let out = dv.baseAddress! + (b * T + t) * C + h * E + 8 * w
                (FloatLanes.load(out) + acc[w]).store(out)
                acc[w] = z[w]
            }
            for j in 0..<E {
                let vj = v[(b * T + t) * C + h * E + j]
                for w in 0..<W { acc[w] += vj * GT[j * W + w] }
            }
            for w in 0..<W { addThroughPhi(dk, k, phiK[t * W + w], acc[w], t, w) }
            t -= 1
        }
    }
}

/// φ(x) = elu(x) + 1 on eight lanes: x + 1 above 0, eˣ otherwise.
@_transparent
func eluPlusOneLanes(_ x: FloatLanes) -> FloatLanes {
    vectorExp(x).replacing(with: x + 1, where: x .> 0)
}

/// dφ/dx on eight lanes: 1 above 0, eˣ otherwise.
@_transparent
func eluPlusOneDerivativeLanes(_ x: FloatLanes) -> FloatLanes {
    vectorExp(x).replacing(with: 1, where: x .> 0)
}
