/// Causal linear attention of Katharopoulos et al. (2020), per head h of size E = C/H, with the
/// feature map φ(x) = elu(x) + 1:
///
///     S_t = S_{t−1} + φ(k_t) v_tᵀ            [E,E]
///     z_t = z_{t−1} + φ(k_t)                  [E]
///     y_t = φ(q_t)ᵀ S_t / (φ(q_t)ᵀ z_t + ε)   normalised (the paper)
///     y_t = φ(q_t)ᵀ S_t                        unnormalised (flash-linear-attention's default)
///
/// Shapes: q, k, v, y [B,T,C] with C = H·E (head h is columns h·E ..< (h+1)·E, PyTorch's
/// `view(b, t, h, e)`); den [B,T,H] receives φ(q_t)ᵀz_t + ε when normalising (pass nil for
/// the unnormalised form). The recurrence runs in O(T·E²) per head; `scratch` holds S and z,
/// E·E + E floats.
public func linearAttentionForward(
    y: UnsafeMutableBufferPointer<Float>,
    den: UnsafeMutableBufferPointer<Float>?,
    q: UnsafeBufferPointer<Float>,
    k: UnsafeBufferPointer<Float>,
    v: UnsafeBufferPointer<Float>,
    scratch: UnsafeMutableBufferPointer<Float>,
    B: Int, T: Int, C: Int, H: Int, epsilon: Float = 1e-6
) {
    checkLinearAttentionSizes("linearAttentionForward", y.count, q.count, k.count, v.count, den?.count, scratch.count, B: B, T: T, C: C, H: H)
    let E = C / H
    for b in 0..<B {
        for h in 0..<H {
            for i in 0..<(E * E + E) { scratch[i] = 0 }
            let z = E * E
            for t in 0..<T {
                let row = (b * T + t) * C + h * E
                // S += φ(k_t) v_tᵀ;  z += φ(k_t)
                for i in 0..<E {
                    let fk = eluPlusOne(k[row + i])
                    scratch[z + i] += fk
                    for j in 0..<E { scratch[i * E + j] += fk * v[row + j] }
                }
                // y_j = Σ_i φ(q_t)_i S_ij  (÷ (φ(q_t)·z + ε) when normalising)
                var qz: Float = 0
                for j in 0..<E { y[row + j] = 0 }
                for i in 0..<E {
                    let fq = eluPlusOne(q[row + i])
                    qz += fq * scratch[z + i]
                    for j in 0..<E { y[row + j] += fq * scratch[i * E + j] }
                }
                if let den {
                    let d = qz + epsilon
                    den[(b * T + t) * H + h] = d
                    for j in 0..<E { y[row + j] /= d }
                }
            }
        }
    }
}

/// Backward of `linearAttentionForward`; adds into `dq`, `dk`, `dv`. Needs the forward's `y` and
/// `den` (nil for the unnormalised form).
///
/// With n_t = φ(q_t)ᵀS_t (numerator) and d_t = den: y = n/d, so
///
///     dn_t = dy_t / d_t;   dd_t = −Σ_j dy_t,j · y_t,j / d_t            (dn = dy, dd = 0 unnormalised)
///     dφ(q_t) = S_t dn_t + dd_t z_t                                      forward-time sweep
///     G_t = Σ_{s≥t} φ(q_s) dn_sᵀ;   g_t = Σ_{s≥t} dd_s φ(q_s)             reverse-time sweep
///     dφ(k_t) = G_t v_t + g_t;   dv_t = G_tᵀ φ(k_t)
///     dq = dφ(q) · φ'(q),  dk = dφ(k) · φ'(k),   φ'(x) = 1 (x > 0), eˣ otherwise
public func linearAttentionBackward(
    dq: UnsafeMutableBufferPointer<Float>,
    dk: UnsafeMutableBufferPointer<Float>,
    dv: UnsafeMutableBufferPointer<Float>,
    dy: UnsafeBufferPointer<Float>,
    q: UnsafeBufferPointer<Float>,
    k: UnsafeBufferPointer<Float>,
    v: UnsafeBufferPointer<Float>,
    y: UnsafeBufferPointer<Float>,
    den: UnsafeBufferPointer<Float>?,
    scratch: UnsafeMutableBufferPointer<Float>,
    B: Int, T: Int, C: Int, H: Int
) {
    checkLinearAttentionSizes("linearAttentionBackward", dy.count, q.count, k.count, v.count, den?.count, scratch.count, B: B, T: T, C: C, H: H)
    precondition(dq.count == B * T * C && dk.count == B * T * C && dv.count == B * T * C && y.count == B * T * C,
                 "linearAttentionBackward: dq, dk, dv and y must hold B·T·C = \(B * T * C) elements")
    let E = C / H, z = E * E
    /// dn_t,j and dd_t at (b, t, h, j).
    @inline(__always) func scale(_ b: Int, _ t: Int, _ h: Int) -> (dnFactor: Float, dd: Float) {
        guard let den else { return (1, 0) }
        let d = den[(b * T + t) * H + h]
        let row = (b * T + t) * C + h * E
        var dot: Float = 0
        for j in 0..<E { dot += dy[row + j] * y[row + j] }
        return (1 / d, -dot / d)
    }
    for b in 0..<B {
        for h in 0..<H {
            // Forward-time sweep: rebuild S_t, z_t and take dφ(q_t).
            for i in 0..<(E * E + E) { scratch[i] = 0 }
            for t in 0..<T {
                let row = (b * T + t) * C + h * E
                for i in 0..<E {
                    let fk = eluPlusOne(k[row + i])
                    scratch[z + i] += fk
                    for j in 0..<E { scratch[i * E + j] += fk * v[row + j] }
                }
                let (dnFactor, dd) = scale(b, t, h)
                for i in 0..<E {
                    // dφ(q)_i = Σ_j S_ij dn_j + dd · z_i
                    var dfq: Float = 0
                    for j in 0..<E { dfq += scratch[i * E + j] * dy[row + j] }
                    dfq = dfq * dnFactor + dd * scratch[z + i]
                    dq[row + i] += dfq * eluPlusOneDerivative(q[row + i])
                }
            }
            // Reverse-time sweep: G and g accumulate φ(q_s) over s ≥ t.
            for i in 0..<(E * E + E) { scratch[i] = 0 }
            var t = T - 1
            while t >= 0 {
                let row = (b * T + t) * C + h * E
                let (dnFactor, dd) = scale(b, t, h)
                for i in 0..<E {
                    let fq = eluPlusOne(q[row + i])
                    scratch[z + i] += dd * fq
                    for j in 0..<E { scratch[i * E + j] += fq * dy[row + j] * dnFactor }
                }
                for i in 0..<E {
                    let fk = eluPlusOne(k[row + i])
                    // dφ(k)_i = Σ_j G_ij v_j + g_i;  dv_j += φ(k)_i G_ij
                    var dfk = scratch[z + i]
                    for j in 0..<E {
                        dfk += scratch[i * E + j] * v[row + j]
                        dv[row + j] += fk * scratch[i * E + j]
                    }
                    dk[row + i] += dfk * eluPlusOneDerivative(k[row + i])
                }
                t -= 1
            }
        }
    }
}

/// One recurrent step of linear attention for generation: updates S [B,H,E,E] and z [B,H,E]
/// in place with token t's k, v and reads y with its q. Shapes: q, k, v, y [B,C].
public func linearAttentionStep(
    y: UnsafeMutableBufferPointer<Float>,
    stateS: UnsafeMutableBufferPointer<Float>,
    stateZ: UnsafeMutableBufferPointer<Float>,
    q: UnsafeBufferPointer<Float>,
    k: UnsafeBufferPointer<Float>,
    v: UnsafeBufferPointer<Float>,
    normalize: Bool,
    B: Int, C: Int, H: Int, epsilon: Float = 1e-6
) {
    precondition(H > 0 && C % H == 0, "linearAttentionStep: C = \(C) must be a multiple of H = \(H)")
    let E = C / H
    precondition(y.count == B * C && q.count == B * C && k.count == B * C && v.count == B * C, "linearAttentionStep: q, k, v, y must hold B·C elements")
    precondition(stateS.count == B * H * E * E && stateZ.count == B * H * E, "linearAttentionStep: state S must hold B·H·E², z B·H·E elements")
    for b in 0..<B {
        for h in 0..<H {
            let row = b * C + h * E, s = (b * H + h) * E * E, zs = (b * H + h) * E
            for i in 0..<E {
                let fk = eluPlusOne(k[row + i])
                stateZ[zs + i] += fk
                for j in 0..<E { stateS[s + i * E + j] += fk * v[row + j] }
            }
            var qz: Float = 0
            for j in 0..<E { y[row + j] = 0 }
            for i in 0..<E {
                let fq = eluPlusOne(q[row + i])
                qz += fq * stateZ[zs + i]
                for j in 0..<E { y[row + j] += fq * stateS[s + i * E + j] }
            }
            if normalize {
                let d = qz + epsilon
                for j in 0..<E { y[row + j] /= d }
            }
        }
    }
}

/// Shared count checks of the linear-attention kernels (reference and SIMD; the SIMD ones pass no scratch).
func checkLinearAttentionSizes(_ kernel: StaticString, _ y: Int, _ q: Int, _ k: Int, _ v: Int, _ den: Int?, _ scratch: Int?,
                                       B: Int, T: Int, C: Int, H: Int) {
    precondition(B >= 0 && T >= 0 && H > 0 && C > 0 && C % H == 0, "\(kernel): needs C = \(C) a positive multiple of H = \(H)")
    let btc = B * T * C, E = C / H
    precondition(y == btc && q == btc && k == btc && v == btc, "\(kernel): q, k, v, y hold \(q), \(k), \(v), \(y) elements, expected B·T·C = \(btc)")
    if let den { precondition(den == B * T * H, "\(kernel): den holds \(den) elements, expected B·T·H = \(B * T * H)") }
    if let scratch { precondition(scratch >= E * E + E, "\(kernel): scratch holds \(scratch) elements, needs E² + E = \(E * E + E)") }
}
