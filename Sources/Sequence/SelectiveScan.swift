#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The selective scan (S6) of Mamba, as `selective_scan_ref` in state-spaces/mamba with
/// `delta_bias` and `delta_softplus=True`, variable B and C, and the z gate applied outside.
/// For each batch b and channel d, an N-dimensional state h runs over time:
///
///     Δ[t,d]   = softplus(deltaRaw[t,d] + deltaBias[d])
///     h_t[d,n] = exp(Δ[t,d] · A[d,n]) · h_{t−1}[d,n] + Δ[t,d] · ssmB[t,n] · u[t,d]     (h_{−1} = 0)
///     y[t,d]   = Σ_n h_t[d,n] · ssmC[t,n] + skip[d] · u[t,d]
///
/// Shapes: u, deltaRaw, delta, y [B,T,D]; ssmB, ssmC [B,T,N]; A [D,N]; deltaBias, skip [D]
/// (PyTorch's `D` parameter; called `skip` here because D is the channel count).
/// `delta` receives Δ for the backward pass. The states are not stored: backward recomputes
/// them one channel at a time, so training memory stays O(B·T·D) instead of O(B·T·D·N).
/// `lastState` [B,D,N], if given, receives h_{T−1} (the recurrent state after the sequence).
public func selectiveScanForward(
    y: UnsafeMutableBufferPointer<Float>,
    delta: UnsafeMutableBufferPointer<Float>,
    lastState: UnsafeMutableBufferPointer<Float>?,
    u: UnsafeBufferPointer<Float>,
    deltaRaw: UnsafeBufferPointer<Float>,
    ssmB: UnsafeBufferPointer<Float>,
    ssmC: UnsafeBufferPointer<Float>,
    A: UnsafeBufferPointer<Float>,
    deltaBias: UnsafeBufferPointer<Float>,
    skip: UnsafeBufferPointer<Float>,
    state: UnsafeMutableBufferPointer<Float>,
    B: Int, T: Int, D: Int, N: Int
) {
    checkScanSizes("selectiveScanForward", y.count, delta.count, u.count, deltaRaw.count, ssmB.count, ssmC.count,
                   A.count, deltaBias.count, skip.count, B: B, T: T, D: D, N: N)
    precondition(state.count >= N, "selectiveScanForward: state scratch has \(state.count) elements, needs N = \(N)")
    if let lastState { precondition(lastState.count == B * D * N, "selectiveScanForward: lastState must hold B·D·N = \(B * D * N) elements") }
    // Δ = softplus(deltaRaw + deltaBias)
    for i in 0..<(B * T * D) {
        delta[i] = softplus(deltaRaw[i] + deltaBias[i % D])
    }
    for b in 0..<B {
        for d in 0..<D {
            for n in 0..<N { state[n] = 0 }
            for t in 0..<T {
                let i = (b * T + t) * D + d
                let bt = (b * T + t) * N
                let dt = delta[i], ut = u[i]
                var sum: Float = 0
                // h[n] = exp(Δ·A[d,n]) · h[n] + Δ · B[t,n] · u;  y = Σ_n h[n] · C[t,n] + skip · u
                for n in 0..<N {
                    let h = expf(dt * A[d * N + n]) * state[n] + dt * ssmB[bt + n] * ut
                    state[n] = h
                    sum += h * ssmC[bt + n]
                }
                y[i] = sum + skip[d] * ut
            }
            if let lastState {
                for n in 0..<N { lastState[(b * D + d) * N + n] = state[n] }
            }
        }
    }
}

/// Backward of `selectiveScanForward` by a reverse-time recurrence; adds into every `d…` buffer.
///
/// With dy the incoming gradient and g_t[n] = ∂L/∂h_t[n] (carried backwards in time):
///
///     y_t = Σ_n h_t[n] C_t[n] + skip · u_t     ⇒ dC_t[n] += dy_t · h_t[n];  dskip += dy_t · u_t;  du_t += dy_t · skip
///                                                 g_t[n] = dy_t · C_t[n] + g_{t+1}[n] · ā_{t+1}[n]
///     h_t = ā_t ⊙ h_{t−1} + Δ_t B_t u_t,  ā_t = exp(Δ_t A)
///                                              ⇒ dΔ_t += Σ_n g_t[n] (ā_t[n] A[n] h_{t−1}[n] + B_t[n] u_t)
///                                                 dA[n] += g_t[n] ā_t[n] Δ_t h_{t−1}[n]
///                                                 dB_t[n] += g_t[n] Δ_t u_t;  du_t += Σ_n g_t[n] Δ_t B_t[n]
///     Δ = softplus(deltaRaw + deltaBias)       ⇒ ddeltaRaw += dΔ · σ(·) = dΔ · (1 − e^(−Δ));  ddeltaBias += the same
///
/// `states` is scratch for one channel's forward states and the carry, at least (T+2)·N floats: each (b, d) channel
/// first replays its forward recurrence into it, then runs backwards.
public func selectiveScanBackward(
    du: UnsafeMutableBufferPointer<Float>,
    ddeltaRaw: UnsafeMutableBufferPointer<Float>,
    dssmB: UnsafeMutableBufferPointer<Float>,
    dssmC: UnsafeMutableBufferPointer<Float>,
    dA: UnsafeMutableBufferPointer<Float>,
    ddeltaBias: UnsafeMutableBufferPointer<Float>,
    dskip: UnsafeMutableBufferPointer<Float>,
    dy: UnsafeBufferPointer<Float>,
    u: UnsafeBufferPointer<Float>,
    delta: UnsafeBufferPointer<Float>,
    ssmB: UnsafeBufferPointer<Float>,
    ssmC: UnsafeBufferPointer<Float>,
    A: UnsafeBufferPointer<Float>,
    skip: UnsafeBufferPointer<Float>,
    states: UnsafeMutableBufferPointer<Float>,
    B: Int, T: Int, D: Int, N: Int
) {
    checkScanSizes("selectiveScanBackward", dy.count, delta.count, u.count, du.count, ssmB.count, ssmC.count,
                   A.count, ddeltaBias.count, skip.count, B: B, T: T, D: D, N: N)
    precondition(ddeltaRaw.count == B * T * D, "selectiveScanBackward: ddeltaRaw must hold B·T·D = \(B * T * D) elements")
    precondition(dssmB.count == B * T * N && dssmC.count == B * T * N, "selectiveScanBackward: dssmB and dssmC must hold B·T·N = \(B * T * N) elements")
    precondition(dA.count == D * N && dskip.count == D, "selectiveScanBackward: dA must hold D·N and dskip D elements")
    precondition(states.count >= (T + 2) * N, "selectiveScanBackward: states scratch has \(states.count) elements, needs (T+2)·N = \((T + 2) * N)")
    // states[(t+1)·N + n] = h_t[n]; states[0..<N] = h_{−1} = 0; the row after h_{T−1} is the carry.
    for b in 0..<B {
        for d in 0..<D {
            for n in 0..<N { states[n] = 0 }
            for t in 0..<T {
                let i = (b * T + t) * D + d
                let bt = (b * T + t) * N
                let dt = delta[i], ut = u[i]
                let previous = t * N, current = (t + 1) * N
                for n in 0..<N {
                    states[current + n] = expf(dt * A[d * N + n]) * states[previous + n] + dt * ssmB[bt + n] * ut
                }
            }
            // Reverse time. carry[n] = g_{t+1}[n] · ā_{t+1}[n], zero after the last step.
            let carry = (T + 1) * N
            for n in 0..<N { states[carry + n] = 0 }
            var t = T - 1
            while t >= 0 {
                let i = (b * T + t) * D + d
                let bt = (b * T + t) * N
                let dt = delta[i], ut = u[i], dyt = dy[i]
                let previous = t * N, current = (t + 1) * N
                // y_t = Σ_n h_t C_t + skip·u_t
                du[i] += dyt * skip[d]
                dskip[d] += dyt * ut
                var ddelta: Float = 0
                for n in 0..<N {
                    dssmC[bt + n] += dyt * states[current + n]
                    // g_t = dy_t · C_t + g_{t+1} · ā_{t+1}
                    let g = dyt * ssmC[bt + n] + states[carry + n]
                    let a = A[d * N + n]
                    let decay = expf(dt * a)
                    let hPrev = states[previous + n]
                    ddelta += g * (decay * a * hPrev + ssmB[bt + n] * ut)
                    dA[d * N + n] += g * decay * dt * hPrev
                    dssmB[bt + n] += g * dt * ut
                    du[i] += g * dt * ssmB[bt + n]
                    states[carry + n] = g * decay
                }
                // Δ = softplus(raw + bias): d raw = dΔ · (1 − e^(−Δ))
                let draw = ddelta * softplusDerivative(output: dt)
                ddeltaRaw[i] += draw
                ddeltaBias[d] += draw
                t -= 1
            }
        }
    }
}

/// One recurrent step of the selective scan for generation (Mamba's `step`), O(1) in T:
///
///     Δ[b,d]    = softplus(deltaRaw[b,d] + deltaBias[d])
///     h[b,d,n]  = exp(Δ · A[d,n]) · h[b,d,n] + Δ · ssmB[b,n] · u[b,d]
///     y[b,d]    = Σ_n h[b,d,n] · ssmC[b,n] + skip[d] · u[b,d]
///
/// Shapes: y, u, deltaRaw [B,D]; ssmB, ssmC [B,N]; state [B,D,N] updated in place.
public func selectiveScanStep(
    y: UnsafeMutableBufferPointer<Float>,
    state: UnsafeMutableBufferPointer<Float>,
    u: UnsafeBufferPointer<Float>,
    deltaRaw: UnsafeBufferPointer<Float>,
    ssmB: UnsafeBufferPointer<Float>,
    ssmC: UnsafeBufferPointer<Float>,
    A: UnsafeBufferPointer<Float>,
    deltaBias: UnsafeBufferPointer<Float>,
    skip: UnsafeBufferPointer<Float>,
    B: Int, D: Int, N: Int
) {
    checkScanSizes("selectiveScanStep", y.count, deltaRaw.count, u.count, deltaRaw.count, ssmB.count, ssmC.count,
                   A.count, deltaBias.count, skip.count, B: B, T: 1, D: D, N: N)
    precondition(state.count == B * D * N, "selectiveScanStep: state has \(state.count) elements, expected B·D·N = \(B * D * N)")
    for b in 0..<B {
        for d in 0..<D {
            let i = b * D + d
            let dt = softplus(deltaRaw[i] + deltaBias[d]), ut = u[i]
            var sum: Float = 0
            for n in 0..<N {
                let s = i * N + n
                let h = expf(dt * A[d * N + n]) * state[s] + dt * ssmB[b * N + n] * ut
                state[s] = h
                sum += h * ssmC[b * N + n]
            }
            y[i] = sum + skip[d] * ut
        }
    }
}

/// Shared count checks of the scan kernels (reference and SIMD): `bt·d` buffers hold B·T·D, `bt·n` ones B·T·N.
func checkScanSizes(_ kernel: StaticString, _ y: Int, _ delta: Int, _ u: Int, _ deltaRaw: Int,
                            _ ssmB: Int, _ ssmC: Int, _ A: Int, _ deltaBias: Int, _ skip: Int,
                            B: Int, T: Int, D: Int, N: Int) {
    precondition(B >= 0 && T >= 0 && D > 0 && N > 0, "\(kernel) needs B, T ≥ 0 and D, N > 0; got B=\(B) T=\(T) D=\(D) N=\(N)")
    let btd = B * T * D, btn = B * T * N
    precondition(y == btd && delta == btd && u == btd && deltaRaw == btd,
                 "\(kernel): the [B,T,D] buffers hold \(y), \(delta), \(u), \(deltaRaw) elements, expected B·T·D = \(btd)")
    precondition(ssmB == btn && ssmC == btn, "\(kernel): ssmB and ssmC hold \(ssmB), \(ssmC) elements, expected B·T·N = \(btn)")
    precondition(A == D * N, "\(kernel): A has \(A) elements, expected D·N = \(D * N)")
    precondition(deltaBias == D && skip == D, "\(kernel): deltaBias and skip hold \(deltaBias), \(skip) elements, expected D = \(D)")
}
