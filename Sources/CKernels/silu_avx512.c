// Sequence's SiLU kernels (ActivationsSIMD.swift) with AVX-512: sixteen elements to a register,
// two registers in flight, the operations of the Swift lanes form in the same order (σ(x) =
// 1 / (1 + e^(0 − x)) with `vectorExp`), so the bits are the same (tested). The last partial
// register loads zeros past the end and stores only the elements that exist.
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include "vector_math_avx2.h"
#include "vector_math_avx512.h"

/// Elements [i, i + 16·count) of n: the load mask of each register (all set but in the last).
AVX512 void masks(__mmask16 *mask, size_t i, size_t n, const int count) {
    EACH {
        size_t start = i + 16 * (size_t)j, left = start < n ? n - start : 0;
        mask[j] = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
    }
}

/// `numerator` / (1 + e^(0 − x)) of `count` registers: σ(x) with numerator 1, silu(x) with x.
AVX512 void overOnePlusExpMinusEach(__m512 *out, const __m512 *numerator, const __m512 *x, const int count) {
    __m512 minus[2], e[2];
    EACH minus[j] = sub16(_mm512_setzero_ps(), x[j]);
    expEach(e, minus, count);
    EACH out[j] = _mm512_div_ps(numerator[j], add16(set16(1.0f), e[j]));
}

/// σ(x) = 1 / (1 + e^(0 − x)) of `count` registers.
AVX512 void sigmoidEach(__m512 *s, const __m512 *x, const int count) {
    const __m512 ones[2] = {set16(1.0f), set16(1.0f)};
    overOnePlusExpMinusEach(s, ones, x, count);
}

/// x / (1 + e^(0 − x)) of `count` registers.
AVX512 void siluEach(__m512 *out, const __m512 *x, const int count) { overOnePlusExpMinusEach(out, x, x, count); }

#define LOAD(base) _mm512_maskz_loadu_ps(mask[j], (base) + i + 16 * j)
#define STORE(base, v) _mm512_mask_storeu_ps((base) + i + 16 * j, mask[j], (v))

__attribute__((target("avx512f,avx2")))
void biomoe_silu_forward_avx512(float *out, const float *x, size_t n) {
    for (size_t i = 0; i < n; i += 32) {
        __mmask16 mask[2];
        __m512 xv[2], o[2];
        masks(mask, i, n, 2);
        for (int j = 0; j < 2; j++) xv[j] = LOAD(x);
        // out = x · σ(x)
        siluEach(o, xv, 2);
        for (int j = 0; j < 2; j++) STORE(out, o[j]);
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_silu_backward_avx512(float *dinp, const float *dout, const float *x, size_t n) {
    for (size_t i = 0; i < n; i += 32) {
        __mmask16 mask[2];
        __m512 xv[2], s[2];
        masks(mask, i, n, 2);
        for (int j = 0; j < 2; j++) xv[j] = LOAD(x);
        sigmoidEach(s, xv, 2);
        // dinp += dout · σ(x) · (1 + x·(1 − σ(x)))
        for (int j = 0; j < 2; j++) {
            __m512 slope = add16(set16(1.0f), mul16(xv[j], sub16(set16(1.0f), s[j])));
            STORE(dinp, add16(LOAD(dinp), mul16(mul16(LOAD(dout), s[j]), slope)));
        }
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_silu_gate_forward_avx512(float *out, const float *y, const float *z, size_t n) {
    for (size_t i = 0; i < n; i += 32) {
        __mmask16 mask[2];
        __m512 zv[2], g[2];
        masks(mask, i, n, 2);
        for (int j = 0; j < 2; j++) zv[j] = LOAD(z);
        // out = y · (z / (1 + e^(−z)))
        siluEach(g, zv, 2);
        for (int j = 0; j < 2; j++) STORE(out, mul16(LOAD(y), g[j]));
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_silu_gate_backward_avx512(float *dy, float *dz, const float *dout, const float *y, const float *z, size_t n) {
    for (size_t i = 0; i < n; i += 32) {
        __mmask16 mask[2];
        __m512 zv[2], s[2];
        masks(mask, i, n, 2);
        for (int j = 0; j < 2; j++) zv[j] = LOAD(z);
        sigmoidEach(s, zv, 2);
        // dy += dout · z · σ(z);  dz += dout · y · σ(z) · (1 + z·(1 − σ(z)))
        for (int j = 0; j < 2; j++) {
            __m512 g = LOAD(dout);
            STORE(dy, add16(LOAD(dy), mul16(mul16(g, zv[j]), s[j])));
            __m512 slope = add16(set16(1.0f), mul16(zv[j], sub16(set16(1.0f), s[j])));
            STORE(dz, add16(LOAD(dz), mul16(mul16(mul16(g, LOAD(y)), s[j]), slope)));
        }
    }
}

#else

void biomoe_silu_forward_avx512(float *out, const float *x, size_t n) { (void)out; (void)x; (void)n; __builtin_trap(); }
void biomoe_silu_backward_avx512(float *dinp, const float *dout, const float *x, size_t n) {
    (void)dinp; (void)dout; (void)x; (void)n;
    __builtin_trap();
}
void biomoe_silu_gate_forward_avx512(float *out, const float *y, const float *z, size_t n) {
    (void)out; (void)y; (void)z; (void)n;
    __builtin_trap();
}
void biomoe_silu_gate_backward_avx512(float *dy, float *dz, const float *dout, const float *y, const float *z, size_t n) {
    (void)dy; (void)dz; (void)dout; (void)y; (void)z; (void)n;
    __builtin_trap();
}

#endif
