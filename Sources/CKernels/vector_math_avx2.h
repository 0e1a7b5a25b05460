// The vector math of the scan kernels with AVX2 (selective_scan.c, selective_scan_avx512.c):
// Sequence's `vectorExp`, `vectorLog`, `vectorSoftplus` and their helpers, operation for
// operation, so every kernel that uses them gives the Swift lanes' bits. Private to CKernels.
#ifndef BIOMOE_VECTOR_MATH_AVX2_H
#define BIOMOE_VECTOR_MATH_AVX2_H
#pragma STDC FP_CONTRACT OFF
#include <immintrin.h>
#include <stddef.h>

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

/// The backward of one block of eight channels (block·8 …) of sequence b: replays the block's
/// states into `states` [(T+1)·N·8] and `decays` [T·N·8], then sweeps t backwards, adding into
/// du, ddeltaRaw, the lane sums `dBLanes`, `dCLanes` [T·N·8] and writing the block's dA,
/// ddeltaBias and dskip lanes into `partial` (the layout of biomoe_scan_backward_sequence_avx2).
void biomoe_scan_backward_block_avx2(float *du, float *ddeltaRaw, float *dBLanes, float *dCLanes, float *partial,
                                     const float *dy, const float *u, const float *delta,
                                     const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                     size_t b, size_t block, size_t T, size_t D, size_t N,
                                     float *states, float *decays, float *carry, float *dAacc);

#endif
