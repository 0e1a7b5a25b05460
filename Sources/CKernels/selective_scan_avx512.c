// The selective scan's forward and backward with AVX-512 (see CKernels.h): sixteen channels to a
// register, two of the AVX2 kernels' eight-channel blocks side by side, and several registers in
// flight at once so the exp polynomials of independent channels overlap. Every lane does the
// AVX2 kernel's (and so the Swift lanes') operations in the same order, and the sums over
// channel blocks (dssmB, dssmC) still add block after block, so the bits are the same (tested).
// Channels past the last full sixteen go through the AVX2 block kernels.
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"
#include <stdint.h>
#include <stdlib.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include "vector_math_avx2.h"
#include "vector_math_avx512.h"

/// softplus and its derivative once per step and sixteen channels: the AVX2 forms on each half.
AVX512 __m512 softplus16(__m512 x) { return join8(softplus(low8(x)), softplus(high8(x))); }
AVX512 __m512 softplusDerivative16(__m512 s) { return join8(softplusDerivative(low8(s)), softplusDerivative(high8(s))); }

/// The forward of `count` registers (16·count channels from 16·first) of sequence b; `h` is
/// N·count·16 floats. Inlined per count, so the loops over registers unroll.
AVX512 void forwardGroup(float *restrict y, float *restrict delta, const float *u, const float *deltaRaw, const float *ssmB, const float *ssmC,
                         const float *At, const float *deltaBias, const float *skip,
                         size_t b, size_t first, const int count, size_t T, size_t D, size_t N, __m512 *restrict h) {
    const size_t blocks = (D + 7) / 8, d0 = 16 * first;
    for (size_t k = 0; k < N * (size_t)count; k++) h[k] = _mm512_setzero_ps();
    __m512 bias[8], skipD[8];
    for (int j = 0; j < count; j++) {
        bias[j] = _mm512_loadu_ps(deltaBias + d0 + 16 * j);
        skipD[j] = _mm512_loadu_ps(skip + d0 + 16 * j);
    }
    for (size_t t = 0; t < T; t++) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        __m512 dt[8], ut[8], sum[8];
        for (int j = 0; j < count; j++) {
            // Δ = softplus(deltaRaw + deltaBias)
            dt[j] = softplus16(add16(_mm512_loadu_ps(deltaRaw + i + 16 * j), bias[j]));
            _mm512_storeu_ps(delta + i + 16 * j, dt[j]);
            ut[j] = _mm512_loadu_ps(u + i + 16 * j);
            sum[j] = _mm512_setzero_ps();
        }
        // h[n] = exp(Δ·A[n]) · h[n] + Δ · B[t,n] · u;  y = Σ_n h[n] · C[t,n] + skip · u
        for (size_t n = 0; n < N; n++) {
            const __m512 bn = set16(ssmB[bt + n]), cn = set16(ssmC[bt + n]);
            const float *an = At + 8 * (n * blocks + 2 * first);
            __m512 arg[8], decay[8];
            for (int j = 0; j < count; j++) arg[j] = mul16(dt[j], _mm512_loadu_ps(an + 16 * j));
            expNonPositiveEach(decay, arg, count);
            for (int j = 0; j < count; j++) {
                __m512 hn = add16(mul16(decay[j], h[n * count + j]), mul16(mul16(dt[j], bn), ut[j]));
                h[n * count + j] = hn;
                sum[j] = add16(sum[j], mul16(hn, cn));
            }
        }
        for (int j = 0; j < count; j++) _mm512_storeu_ps(y + i + 16 * j, add16(sum[j], mul16(skipD[j], ut[j])));
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_scan_forward_group_avx512(float *y, float *delta, const float *u, const float *deltaRaw,
                                      const float *ssmB, const float *ssmC, const float *At,
                                      const float *deltaBias, const float *skip,
                                      size_t b, size_t first, size_t count, size_t T, size_t D, size_t N, float *h) {
    __m512 *state = (__m512 *)h;
    switch (count) {
    case 1: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 1, T, D, N, state); break;
    case 2: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 2, T, D, N, state); break;
    case 3: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 3, T, D, N, state); break;
    case 4: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 4, T, D, N, state); break;
    case 5: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 5, T, D, N, state); break;
    case 6: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 6, T, D, N, state); break;
    case 7: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 7, T, D, N, state); break;
    case 8: forwardGroup(y, delta, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 8, T, D, N, state); break;
    default: abort();
    }
}

/// The backward of `count` registers (channels 16·first …) of sequence b: replay of the states
/// and decays into `rows`, then the reverse sweep. Row t of `rows` holds h_{t−1} (h_{−1} = 0)
/// and then exp(Δ_t·A), N·count registers each, and row T holds h_{T−1}: the sweep at t reads
/// h_t (row t + 1, which it read at t + 1 as the previous state), h_{t−1} and the decays of row
/// t, one stream instead of two (4 % faster than separate arrays).
/// dBLanes and dCLanes get the low block's lanes, then the high block's, as the AVX2 kernel adds
/// one block after the other.
AVX512 void backwardGroup(float *restrict du, float *restrict ddeltaRaw, __m256 *restrict dBLanes, __m256 *restrict dCLanes,
                          float *restrict partial,
                          const float *dy, const float *u, const float *delta, const float *ssmB, const float *ssmC,
                          const float *At, const float *skip, size_t b, size_t first, const int count,
                          size_t T, size_t D, size_t N, __m512 *restrict rows, __m512 *restrict carry,
                          __m512 *restrict dAacc) {
    const size_t blocks = (D + 7) / 8, d0 = 16 * first;
    __m512 skipD[2], dskipAcc[2], dbiasAcc[2];
    for (int j = 0; j < count; j++) {
        skipD[j] = _mm512_loadu_ps(skip + d0 + 16 * j);
        dskipAcc[j] = dbiasAcc[j] = _mm512_setzero_ps();
    }
    for (size_t k = 0; k < N * (size_t)count; k++) rows[k] = carry[k] = dAacc[k] = _mm512_setzero_ps();
    for (size_t t = 0; t < T; t++) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        __m512 dt[2], ut[2];
        for (int j = 0; j < count; j++) {
            dt[j] = _mm512_loadu_ps(delta + i + 16 * j);
            ut[j] = _mm512_loadu_ps(u + i + 16 * j);
        }
        for (size_t n = 0; n < N; n++) {
            const __m512 bn = set16(ssmB[bt + n]);
            const float *an = At + 8 * (n * blocks + 2 * first);
            __m512 arg[2], decay[2];
            for (int j = 0; j < count; j++) arg[j] = mul16(dt[j], _mm512_loadu_ps(an + 16 * j));
            expNonPositiveEach(decay, arg, count);
            for (int j = 0; j < count; j++) {
                const size_t k = (t * N + n) * count + j + t * N * count;
                rows[k + N * count] = decay[j];
                rows[k + 2 * N * count] = add16(mul16(decay[j], rows[k]), mul16(mul16(dt[j], bn), ut[j]));
            }
        }
    }
    for (size_t t = T; t-- > 0;) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        __m512 dt[2], ut[2], dyt[2], duAcc[2], ddelta[2];
        for (int j = 0; j < count; j++) {
            dt[j] = _mm512_loadu_ps(delta + i + 16 * j);
            ut[j] = _mm512_loadu_ps(u + i + 16 * j);
            dyt[j] = _mm512_loadu_ps(dy + i + 16 * j);
            // y_t = Σ_n h_t C_t + skip·u_t
            duAcc[j] = mul16(dyt[j], skipD[j]);
            dskipAcc[j] = add16(dskipAcc[j], mul16(dyt[j], ut[j]));
            ddelta[j] = _mm512_setzero_ps();
        }
        for (size_t n = 0; n < N; n++) {
            const size_t tn = t * N + n;
            const __m512 bn = set16(ssmB[bt + n]), cn = set16(ssmC[bt + n]);
            const float *an = At + 8 * (n * blocks + 2 * first);
            __m256 sumC = dCLanes[tn], sumB = dBLanes[tn];
            for (int j = 0; j < count; j++) {
                const size_t k = (tn * count + j) + t * N * count;
                __m512 h = rows[k + 2 * N * count], hPrev = rows[k], decay = rows[k + N * count], a = _mm512_loadu_ps(an + 16 * j);
                __m512 dC = mul16(dyt[j], h);
                sumC = add(add(sumC, low8(dC)), high8(dC));
                // g_t = dy_t · C_t + g_{t+1} · ā_{t+1}
                __m512 g = add16(mul16(dyt[j], cn), carry[n * count + j]);
                ddelta[j] = add16(ddelta[j], mul16(g, add16(mul16(mul16(decay, a), hPrev), mul16(bn, ut[j]))));
                dAacc[n * count + j] = add16(dAacc[n * count + j], mul16(mul16(mul16(g, decay), dt[j]), hPrev));
                __m512 gdt = mul16(g, dt[j]), dB = mul16(gdt, ut[j]);
                sumB = add(add(sumB, low8(dB)), high8(dB));
                duAcc[j] = add16(duAcc[j], mul16(gdt, bn));
                carry[n * count + j] = mul16(g, decay);
            }
            dCLanes[tn] = sumC;
            dBLanes[tn] = sumB;
        }
        for (int j = 0; j < count; j++) {
            _mm512_storeu_ps(du + i + 16 * j, add16(_mm512_loadu_ps(du + i + 16 * j), duAcc[j]));
            // Δ = softplus(raw + bias): d raw = dΔ · (1 − e^(−Δ))
            __m512 draw = mul16(ddelta[j], softplusDerivative16(dt[j]));
            _mm512_storeu_ps(ddeltaRaw + i + 16 * j, add16(_mm512_loadu_ps(ddeltaRaw + i + 16 * j), draw));
            dbiasAcc[j] = add16(dbiasAcc[j], draw);
        }
    }
    for (int j = 0; j < count; j++) {
        const size_t block = 2 * (first + j);
        for (size_t n = 0; n < N; n++) {
            _mm256_storeu_ps(partial + 8 * (block * N + n), low8(dAacc[n * count + j]));
            _mm256_storeu_ps(partial + 8 * ((block + 1) * N + n), high8(dAacc[n * count + j]));
        }
        _mm256_storeu_ps(partial + 8 * (blocks * N + block), low8(dbiasAcc[j]));
        _mm256_storeu_ps(partial + 8 * (blocks * N + block + 1), high8(dbiasAcc[j]));
        _mm256_storeu_ps(partial + 8 * (blocks * (N + 1) + block), low8(dskipAcc[j]));
        _mm256_storeu_ps(partial + 8 * (blocks * (N + 1) + block + 1), high8(dskipAcc[j]));
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_scan_backward_sequence_avx512(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                          const float *dy, const float *u, const float *delta,
                                          const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                          size_t b, size_t T, size_t D, size_t N) {
    const size_t blocks = (D + 7) / 8, registers = D / 16, TN = T * N > 0 ? T * N : 1;
    // Two registers (32 channels) at a time: their replayed states and decays, 2·(2T+1)·N·64
    // bytes (1 MB at T = 256, N = 16; one register at a time is slower, for want of overlap).
    __m512 *wide = aligned_alloc(64, 64 * (2 * (2 * T + 1) * N + 4 * N));
    __m256 *lanes = aligned_alloc(64, 32 * 2 * TN);
    float *narrow = calloc(8 * ((T + 1) * N + TN + 2 * N), sizeof(float));
    if (!wide || !lanes || !narrow) abort();
    __m512 *rows = wide, *carry = rows + 2 * (2 * T + 1) * N, *dAacc = carry + 2 * N;
    __m256 *dBLanes = lanes, *dCLanes = lanes + TN;
    for (size_t k = 0; k < 2 * TN; k++) lanes[k] = _mm256_setzero_ps();
    for (size_t first = 0; first < registers; first += 2) {
        if (registers - first >= 2)
            backwardGroup(du, ddeltaRaw, dBLanes, dCLanes, partial, dy, u, delta, ssmB, ssmC, At, skip, b, first, 2,
                          T, D, N, rows, carry, dAacc);
        else
            backwardGroup(du, ddeltaRaw, dBLanes, dCLanes, partial, dy, u, delta, ssmB, ssmC, At, skip, b, first, 1,
                          T, D, N, rows, carry, dAacc);
    }
    // The channels past the last full register, one eight-channel block at a time.
    float *nStates = narrow, *nDecays = nStates + 8 * (T + 1) * N, *nCarry = nDecays + 8 * TN, *nAacc = nCarry + 8 * N;
    for (size_t block = 2 * registers; block < blocks; block++)
        biomoe_scan_backward_block_avx2(du, ddeltaRaw, (float *)dBLanes, (float *)dCLanes, partial, dy, u, delta, ssmB, ssmC,
                                        At, skip, b, block, T, D, N, nStates, nDecays, nCarry, nAacc);
    for (size_t t = 0; t < T; t++) {
        const size_t bt = (b * T + t) * N;
        for (size_t n = 0; n < N; n++) {
            dssmB[bt + n] += laneSum(dBLanes[t * N + n]);
            dssmC[bt + n] += laneSum(dCLanes[t * N + n]);
        }
    }
    free(wide);
    free(lanes);
    free(narrow);
}

bool biomoe_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2");
}

#else

bool biomoe_cpu_has_avx512(void) { return false; }

void biomoe_scan_forward_group_avx512(float *y, float *delta, const float *u, const float *deltaRaw,
                                      const float *ssmB, const float *ssmC, const float *At,
                                      const float *deltaBias, const float *skip,
                                      size_t b, size_t first, size_t count, size_t T, size_t D, size_t N, float *h) {
    (void)y; (void)delta; (void)u; (void)deltaRaw; (void)ssmB; (void)ssmC; (void)At; (void)deltaBias;
    (void)skip; (void)b; (void)first; (void)count; (void)T; (void)D; (void)N; (void)h;
    __builtin_trap();
}

void biomoe_scan_backward_sequence_avx512(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                          const float *dy, const float *u, const float *delta,
                                          const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                          size_t b, size_t T, size_t D, size_t N) {
    (void)du; (void)ddeltaRaw; (void)dssmB; (void)dssmC; (void)partial; (void)dy; (void)u; (void)delta;
    (void)ssmB; (void)ssmC; (void)At; (void)skip; (void)b; (void)T; (void)D; (void)N;
    __builtin_trap();
}

#endif
