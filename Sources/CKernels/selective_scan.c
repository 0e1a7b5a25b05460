// The selective scan's forward and backward with AVX2 (see CKernels.h): the eight-channel
// blocks of Sequence's `selectiveScanForwardSIMD` / `selectiveScanBackwardSIMD`, with their exp,
// log and softplus polynomials, operation for operation in the same order. Every operation is
// IEEE single precision and FP contraction is off, so the bits equal the Swift lanes form, which
// baseline x86-64 builds compile to pairs of SSE halves.
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"
#include <stdint.h>
#include <stdlib.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include "vector_math_avx2.h"

__attribute__((target("avx2")))
void biomoe_scan_forward_block_avx2(float *y, float *delta, const float *u, const float *deltaRaw,
                                    const float *ssmB, const float *ssmC, const float *At,
                                    const float *deltaBias, const float *skip,
                                    size_t b, size_t block, size_t T, size_t D, size_t N, float *h) {
    const size_t blocks = (D + 7) / 8, d0 = block * 8, width = D - d0 < 8 ? D - d0 : 8;
    for (size_t n = 0; n < N; n++) _mm256_storeu_ps(h + 8 * n, _mm256_setzero_ps());
    const __m256 bias = load(deltaBias + d0, width), skipD = load(skip + d0, width);
    for (size_t t = 0; t < T; t++) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        // Δ = softplus(deltaRaw + deltaBias)
        __m256 dt = softplus(add(load(deltaRaw + i, width), bias));
        store(delta + i, dt, width);
        __m256 ut = load(u + i, width), sum = _mm256_setzero_ps();
        // h[n] = exp(Δ·A[n]) · h[n] + Δ · B[t,n] · u;  y = Σ_n h[n] · C[t,n] + skip · u
        for (size_t n = 0; n < N; n++) {
            __m256 a = _mm256_loadu_ps(At + 8 * (n * blocks + block));
            __m256 hn = add(mul(expNonPositive(mul(dt, a)), _mm256_loadu_ps(h + 8 * n)), mul(mul(dt, set1(ssmB[bt + n])), ut));
            _mm256_storeu_ps(h + 8 * n, hn);
            sum = add(sum, mul(hn, set1(ssmC[bt + n])));
        }
        store(y + i, add(sum, mul(skipD, ut)), width);
    }
}

__attribute__((target("avx2")))
void biomoe_scan_backward_block_avx2(float *du, float *ddeltaRaw, float *dBLanes, float *dCLanes, float *partial,
                                     const float *dy, const float *u, const float *delta,
                                     const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                     size_t b, size_t block, size_t T, size_t D, size_t N,
                                     float *states, float *decays, float *carry, float *dAacc) {
    const size_t blocks = (D + 7) / 8, d0 = block * 8, width = D - d0 < 8 ? D - d0 : 8;
    const __m256 skipD = load(skip + d0, width);
    for (size_t n = 0; n < N; n++) _mm256_storeu_ps(states + 8 * n, _mm256_setzero_ps());
    for (size_t t = 0; t < T; t++) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        __m256 dt = load(delta + i, width), ut = load(u + i, width);
        for (size_t n = 0; n < N; n++) {
            __m256 decay = expNonPositive(mul(dt, _mm256_loadu_ps(At + 8 * (n * blocks + block))));
            _mm256_storeu_ps(decays + 8 * (t * N + n), decay);
            __m256 next = add(mul(decay, _mm256_loadu_ps(states + 8 * (t * N + n))), mul(mul(dt, set1(ssmB[bt + n])), ut));
            _mm256_storeu_ps(states + 8 * ((t + 1) * N + n), next);
        }
    }
    for (size_t n = 0; n < N; n++) {
        _mm256_storeu_ps(carry + 8 * n, _mm256_setzero_ps());
        _mm256_storeu_ps(dAacc + 8 * n, _mm256_setzero_ps());
    }
    __m256 dskipAcc = _mm256_setzero_ps(), dbiasAcc = _mm256_setzero_ps();
    for (size_t t = T; t-- > 0;) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        __m256 dt = load(delta + i, width), ut = load(u + i, width), dyt = load(dy + i, width);
        // y_t = Σ_n h_t C_t + skip·u_t
        __m256 duAcc = mul(dyt, skipD);
        dskipAcc = add(dskipAcc, mul(dyt, ut));
        __m256 ddelta = _mm256_setzero_ps();
        for (size_t n = 0; n < N; n++) {
            const size_t tn = 8 * (t * N + n);
            __m256 h = _mm256_loadu_ps(states + 8 * ((t + 1) * N + n)), hPrev = _mm256_loadu_ps(states + tn);
            __m256 decay = _mm256_loadu_ps(decays + tn), a = _mm256_loadu_ps(At + 8 * (n * blocks + block));
            __m256 bn = set1(ssmB[bt + n]);
            _mm256_storeu_ps(dCLanes + tn, add(_mm256_loadu_ps(dCLanes + tn), mul(dyt, h)));
            // g_t = dy_t · C_t + g_{t+1} · ā_{t+1}
            __m256 g = add(mul(dyt, set1(ssmC[bt + n])), _mm256_loadu_ps(carry + 8 * n));
            ddelta = add(ddelta, mul(g, add(mul(mul(decay, a), hPrev), mul(bn, ut))));
            _mm256_storeu_ps(dAacc + 8 * n, add(_mm256_loadu_ps(dAacc + 8 * n), mul(mul(mul(g, decay), dt), hPrev)));
            _mm256_storeu_ps(dBLanes + tn, add(_mm256_loadu_ps(dBLanes + tn), mul(mul(g, dt), ut)));
            duAcc = add(duAcc, mul(mul(g, dt), bn));
            _mm256_storeu_ps(carry + 8 * n, mul(g, decay));
        }
        store(du + i, add(load(du + i, width), duAcc), width);
        // Δ = softplus(raw + bias): d raw = dΔ · (1 − e^(−Δ))
        __m256 draw = mul(ddelta, softplusDerivative(dt));
        store(ddeltaRaw + i, add(load(ddeltaRaw + i, width), draw), width);
        dbiasAcc = add(dbiasAcc, draw);
    }
    for (size_t n = 0; n < N; n++) _mm256_storeu_ps(partial + 8 * (block * N + n), _mm256_loadu_ps(dAacc + 8 * n));
    _mm256_storeu_ps(partial + 8 * (blocks * N + block), dbiasAcc);
    _mm256_storeu_ps(partial + 8 * (blocks * (N + 1) + block), dskipAcc);
}

__attribute__((target("avx2")))
void biomoe_scan_backward_sequence_avx2(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                        const float *dy, const float *u, const float *delta,
                                        const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                        size_t b, size_t T, size_t D, size_t N) {
    const size_t blocks = (D + 7) / 8, TN = T * N > 0 ? T * N : 1;
    // states[(t+1)·N + n] = h_t[n] (row 0 is h_{−1} = 0); decays[t·N + n] = exp(Δ_t·A[n]);
    // dBLanes, dCLanes: lane-wise sums over channel blocks of dssmB and dssmC at (t, n).
    float *scratch = calloc(8 * ((T + 1) * N + 3 * TN + 2 * N), sizeof(float));
    if (!scratch) abort();
    float *states = scratch, *decays = states + 8 * (T + 1) * N, *dBLanes = decays + 8 * TN;
    float *dCLanes = dBLanes + 8 * TN, *carry = dCLanes + 8 * TN, *dAacc = carry + 8 * N;
    for (size_t block = 0; block < blocks; block++)
        biomoe_scan_backward_block_avx2(du, ddeltaRaw, dBLanes, dCLanes, partial, dy, u, delta, ssmB, ssmC, At, skip,
                                        b, block, T, D, N, states, decays, carry, dAacc);
    for (size_t t = 0; t < T; t++) {
        const size_t bt = (b * T + t) * N;
        for (size_t n = 0; n < N; n++) {
            dssmB[bt + n] += laneSum(_mm256_loadu_ps(dBLanes + 8 * (t * N + n)));
            dssmC[bt + n] += laneSum(_mm256_loadu_ps(dCLanes + 8 * (t * N + n)));
        }
    }
    free(scratch);
}

#else

void biomoe_scan_forward_block_avx2(float *y, float *delta, const float *u, const float *deltaRaw,
                                    const float *ssmB, const float *ssmC, const float *At,
                                    const float *deltaBias, const float *skip,
                                    size_t b, size_t block, size_t T, size_t D, size_t N, float *h) {
    (void)y; (void)delta; (void)u; (void)deltaRaw; (void)ssmB; (void)ssmC; (void)At; (void)deltaBias;
    (void)skip; (void)b; (void)block; (void)T; (void)D; (void)N; (void)h;
    __builtin_trap();
}

void biomoe_scan_backward_sequence_avx2(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                        const float *dy, const float *u, const float *delta,
                                        const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                        size_t b, size_t T, size_t D, size_t N) {
    (void)du; (void)ddeltaRaw; (void)dssmB; (void)dssmC; (void)partial; (void)dy; (void)u; (void)delta;
    (void)ssmB; (void)ssmC; (void)At; (void)skip; (void)b; (void)T; (void)D; (void)N;
    __builtin_trap();
}

#endif
