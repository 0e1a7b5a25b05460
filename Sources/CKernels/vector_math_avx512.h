// The vector math of the AVX-512 kernels (selective_scan_avx512.c, silu_avx512.c): Sequence's
// `vectorExp` and `vectorExpNonPositive` on sixteen lanes, operation for operation, so the
// kernels that use them give the Swift lanes' bits. Private to CKernels; include after
// vector_math_avx2.h.
#ifndef BIOMOE_VECTOR_MATH_AVX512_H
#define BIOMOE_VECTOR_MATH_AVX512_H
#pragma STDC FP_CONTRACT OFF
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f,avx2"), always_inline)) static inline

AVX512 __m512 set16(float x) { return _mm512_set1_ps(x); }
AVX512 __m512 add16(__m512 a, __m512 b) { return _mm512_add_ps(a, b); }
AVX512 __m512 sub16(__m512 a, __m512 b) { return _mm512_sub_ps(a, b); }
AVX512 __m512 mul16(__m512 a, __m512 b) { return _mm512_mul_ps(a, b); }
/// Lanes 0–7 (the first eight-channel block) and 8–15 (the second).
AVX512 __m256 low8(__m512 v) { return _mm512_castps512_ps256(v); }
AVX512 __m256 high8(__m512 v) { return _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)); }
AVX512 __m512 join8(__m256 low, __m256 high) {
    return _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castps_pd(_mm512_castps256_ps512(low)), _mm256_castps_pd(high), 1));
}

/// Each step of the exps below for every register before the next step.
#define EACH for (int j = 0; j < count; j++)

/// The core both exps share, on `count` ≤ 8 clamped registers: e^r ≈ 1 + r + r²·P(r) into `er`
/// and 2ⁿ (from the bits of the rounding shift) into `scale`; the caller multiplies them with the
/// mask its range needs.
AVX512 void expCoreEach(__m512 *er, __m512 *scale, const __m512 *clamped, const int count) {
    const __m512 magic = set16(12582912.0f);
    __m512 shifted[8], n[8], r[8];
    EACH shifted[j] = add16(mul16(clamped[j], set16(1.44269504088896341f)), magic);
    EACH n[j] = sub16(shifted[j], magic);
    EACH r[j] = sub16(clamped[j], mul16(n[j], set16(0.693359375f)));
    EACH r[j] = sub16(r[j], mul16(n[j], set16(-2.12194440e-4f)));
    // P(r) by Horner
    static const float P[] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
                              1.6666665459e-1f, 5.0000001201e-1f};
    EACH er[j] = set16(P[0]);
    for (int i = 1; i < 6; i++) EACH er[j] = add16(mul16(er[j], r[j]), set16(P[i]));
    EACH er[j] = add16(add16(mul16(er[j], mul16(r[j], r[j])), r[j]), set16(1.0f));
    EACH scale[j] = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_sub_epi32(_mm512_castps_si512(shifted[j]),
                                                                                            _mm512_set1_epi32(0x4B400000)),
                                                                           _mm512_set1_epi32(127)), 23));
}

/// `expNonPositive` of vector_math_avx2.h (Cephes expf: e^r ≈ 1 + r + r²·P(r), times 2ⁿ; 0 below
/// −87.3) on `count` ≤ 8 registers, each step for every register before the next: the steps of
/// one exp depend on each other, those of different registers do not, and interleaving them
/// keeps the scheduler fed (5–8 % faster than one exp after the other at four registers). The
/// last multiply zeroes the lanes below −87.3 through its mask, as the AVX2 form's blend after it
/// does.
AVX512 void expNonPositiveEach(__m512 *out, const __m512 *x, const int count) {
    const __m512 lo = set16(-87.3f);
    __mmask16 below[8];
    __m512 clamped[8], er[8], scale[8];
    EACH below[j] = _mm512_cmp_ps_mask(x[j], lo, _CMP_LT_OQ);
    EACH clamped[j] = _mm512_mask_blend_ps(below[j], x[j], lo);
    expCoreEach(er, scale, clamped, count);
    EACH out[j] = _mm512_maskz_mul_ps((__mmask16)~below[j], er[j], scale[j]);
}

/// `expAll` of vector_math_avx2.h (`vectorExp`: NaN kept, 0 below −87.3, +∞ above 88.7) on
/// `count` ≤ 8 registers, interleaved as `expNonPositiveEach`.
AVX512 void expEach(__m512 *out, const __m512 *x, const int count) {
    const __m512 lo = set16(-87.3f), hi = set16(88.7f);
    __mmask16 isNaN[8];
    __m512 clamped[8], er[8], scale[8];
    EACH isNaN[j] = _mm512_cmp_ps_mask(x[j], x[j], _CMP_NEQ_UQ);
    EACH clamped[j] = _mm512_mask_blend_ps(isNaN[j], x[j], _mm512_setzero_ps());
    EACH clamped[j] = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(clamped[j], lo, _CMP_LT_OQ), clamped[j], lo);
    EACH clamped[j] = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(clamped[j], hi, _CMP_GT_OQ), clamped[j], hi);
    expCoreEach(er, scale, clamped, count);
    EACH out[j] = _mm512_maskz_mul_ps((__mmask16)~_mm512_cmp_ps_mask(x[j], lo, _CMP_LT_OQ), er[j], scale[j]);
    EACH out[j] = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x[j], hi, _CMP_GT_OQ), out[j], set16(__builtin_inff()));
    EACH out[j] = _mm512_mask_blend_ps(isNaN[j], out[j], x[j]);
}

#endif
