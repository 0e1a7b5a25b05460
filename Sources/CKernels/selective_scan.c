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
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2"), always_inline)) static inline

AVX2 __m256 set1(float x) { return _mm256_set1_ps(x); }
AVX2 __m256 add(__m256 a, __m256 b) { return _mm256_add_ps(a, b); }
AVX2 __m256 sub(__m256 a, __m256 b) { return _mm256_sub_ps(a, b); }
AVX2 __m256 mul(__m256 a, __m256 b) { return _mm256_mul_ps(a, b); }
/// `a` where `mask` is clear, `b` where it is set (Swift's `a.replacing(with: b, where: mask)`).
AVX2 __m256 pick(__m256 a, __m256 b, __m256 mask) { return _mm256_blendv_ps(a, b, mask); }

/// Lanes [0, count) set: the mask of a partial channel block's loads and stores.
AVX2 __m256i laneMask(size_t count) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)count), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
/// `FloatLanes.load(base, count:)`: zeros past `count`.
AVX2 __m256 load(const float *base, size_t count) {
    return count == 8 ? _mm256_loadu_ps(base) : _mm256_maskload_ps(base, laneMask(count));
}
AVX2 void store(float *base, __m256 v, size_t count) {
    if (count == 8) _mm256_storeu_ps(base, v); else _mm256_maskstore_ps(base, laneMask(count), v);
}
/// Swift's `SIMD.sum()`: from −0, lane 0 to lane 7, in order.
AVX2 float laneSum(__m256 v) {
    float lanes[8];
    _mm256_storeu_ps(lanes, v);
    float s = -0.0f;
    for (int i = 0; i < 8; i++) s += lanes[i];
    return s;
}

/// c[0]·xⁿ⁻¹ + … + c[n−1] by Horner, one multiply and one add a step, as the Swift loops write it
/// (x·p − c there is x·p + (−c) here: the same IEEE result).
AVX2 __m256 horner(__m256 x, const float *c, int n) {
    __m256 p = set1(c[0]);
    for (int i = 1; i < n; i++) p = add(mul(p, x), set1(c[i]));
    return p;
}

/// e^r ≈ 1 + r + r²·P(r) and 2ⁿ from `shifted` (Tensor's `vectorExp` core, Cephes expf).
AVX2 __m256 expCore(__m256 clamped) {
    const __m256 magic = set1(12582912.0f);
    __m256 shifted = add(mul(clamped, set1(1.44269504088896341f)), magic);
    __m256 n = sub(shifted, magic);
    __m256 r = sub(clamped, mul(n, set1(0.693359375f)));
    r = sub(r, mul(n, set1(-2.12194440e-4f)));
    static const float P[] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
                              1.6666665459e-1f, 5.0000001201e-1f};
    __m256 p = horner(r, P, 6);
    __m256 er = add(add(mul(p, mul(r, r)), r), set1(1.0f));
    __m256i nBits = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_set1_epi32(0x4B400000));
    __m256i exponent = _mm256_slli_epi32(_mm256_add_epi32(nBits, _mm256_set1_epi32(127)), 23);
    return mul(er, _mm256_castsi256_ps(exponent));
}

/// `vectorExp`: NaN kept, 0 below −87.3, +∞ above 88.7.
AVX2 __m256 expAll(__m256 x) {
    const __m256 lo = set1(-87.3f), hi = set1(88.7f);
    __m256 isNaN = _mm256_cmp_ps(x, x, _CMP_NEQ_UQ);
    __m256 clamped = pick(x, _mm256_setzero_ps(), isNaN);
    clamped = pick(clamped, lo, _mm256_cmp_ps(clamped, lo, _CMP_LT_OQ));
    clamped = pick(clamped, hi, _mm256_cmp_ps(clamped, hi, _CMP_GT_OQ));
    __m256 result = expCore(clamped);
    result = pick(result, _mm256_setzero_ps(), _mm256_cmp_ps(x, lo, _CMP_LT_OQ));
    result = pick(result, set1(__builtin_inff()), _mm256_cmp_ps(x, hi, _CMP_GT_OQ));
    return pick(result, x, isNaN);
}

/// `vectorExpNonPositive`: x ≤ 0 (or NaN).
AVX2 __m256 expNonPositive(__m256 x) {
    const __m256 lo = set1(-87.3f);
    __m256 below = _mm256_cmp_ps(x, lo, _CMP_LT_OQ);
    return pick(expCore(pick(x, lo, below)), _mm256_setzero_ps(), below);
}

/// `vectorLog` (Cephes logf), x > 0.
AVX2 __m256 logPositive(__m256 x) {
    __m256i bits = _mm256_castps_si256(x);
    __m256i e = _mm256_sub_epi32(_mm256_and_si256(_mm256_srli_epi32(bits, 23), _mm256_set1_epi32(0xff)), _mm256_set1_epi32(126));
    __m256 exponent = _mm256_cvtepi32_ps(e);
    __m256 m = _mm256_castsi256_ps(_mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi32((int)0x807fffff)),
                                                   _mm256_set1_epi32(0x3f000000)));
    __m256 small = _mm256_cmp_ps(m, set1(0.707106781186547524f), _CMP_LT_OQ);
    exponent = pick(exponent, sub(exponent, set1(1.0f)), small);
    m = sub(pick(m, add(m, m), small), set1(1.0f));
    __m256 z = mul(m, m);
    static const float P[] = {7.0376836292e-2f, -1.1514610310e-1f, 1.1676998740e-1f, -1.2420140846e-1f, 1.4249322787e-1f,
                              -1.6668057665e-1f, 2.0000714765e-1f, -2.4999993993e-1f, 3.3333331174e-1f};
    __m256 p = horner(m, P, 9);
    __m256 y = mul(mul(p, m), z);
    y = add(y, mul(exponent, set1(-2.12194440e-4f)));
    y = sub(y, mul(set1(0.5f), z));
    return add(add(m, y), mul(exponent, set1(0.693359375f)));
}

/// `vectorSoftplus`: ln(1 + eˣ), x itself above 20.
AVX2 __m256 softplus(__m256 x) {
    __m256 big = _mm256_cmp_ps(x, set1(20.0f), _CMP_GT_OQ);
    __m256 u = expAll(pick(x, _mm256_setzero_ps(), big));
    __m256 w = add(u, set1(1.0f));
    __m256 wm1 = sub(w, set1(1.0f));
    __m256 zero = _mm256_cmp_ps(wm1, _mm256_setzero_ps(), _CMP_EQ_OQ);
    __m256 log1p = mul(logPositive(w), _mm256_div_ps(u, pick(wm1, set1(1.0f), zero)));
    log1p = pick(log1p, u, zero);
    return pick(log1p, x, big);
}

/// `vectorSoftplusDerivative`: 1 − e^(−s) from the output s ≥ 0.
AVX2 __m256 softplusDerivative(__m256 s) {
    __m256 minusS = sub(_mm256_setzero_ps(), s);
    __m256 u = expAll(minusS);
    __m256 um1 = sub(u, set1(1.0f));
    __m256 one = _mm256_cmp_ps(um1, _mm256_setzero_ps(), _CMP_EQ_OQ);
    __m256 safeLog = logPositive(pick(u, set1(0.5f), one));
    __m256 expm1 = mul(um1, _mm256_div_ps(minusS, safeLog));
    expm1 = pick(expm1, _mm256_xor_ps(s, set1(-0.0f)), one);
    expm1 = pick(expm1, set1(-1.0f), _mm256_cmp_ps(u, _mm256_setzero_ps(), _CMP_EQ_OQ));
    return sub(_mm256_setzero_ps(), expm1);
}

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
    for (size_t block = 0; block < blocks; block++) {
        const size_t d0 = block * 8, width = D - d0 < 8 ? D - d0 : 8;
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
