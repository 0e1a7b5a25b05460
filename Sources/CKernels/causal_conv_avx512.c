// Sequence's causal depthwise convolution (CausalConv1d.swift) for one sequence with AVX-512:
// sixteen channels to a register, the taps in the Swift loops' order (bias, then k ascending;
// each product added on its own, no FMA), so the bits are the same (tested).
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

/// Lanes [0, count) of a register of channels: all but in the last, partial one.
__attribute__((target("avx512f"), always_inline)) static inline __mmask16 channels(size_t d, size_t D) {
    return D - d >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (D - d)) - 1);
}

__attribute__((target("avx512f")))
void biomoe_conv_forward_sequence_avx512(float *out, const float *inp, const float *taps, const float *bias,
                                         size_t b, size_t T, size_t D, size_t K) {
    for (size_t t = 0; t < T; t++) {
        float *row = out + (b * T + t) * D;
        const size_t k0 = t + 1 >= K ? 0 : K - 1 - t;
        for (size_t d = 0; d < D; d += 16) {
            const __mmask16 m = channels(d, D);
            // out[t,d] = bias[d] + Σ_k w[d,k] · inp[t − (K−1) + k, d]
            __m512 sum = _mm512_maskz_loadu_ps(m, bias + d);
            for (size_t k = k0; k < K; k++) {
                const float *src = inp + (b * T + t - (K - 1) + k) * D;
                sum = _mm512_add_ps(sum, _mm512_mul_ps(_mm512_maskz_loadu_ps(m, taps + k * D + d), _mm512_maskz_loadu_ps(m, src + d)));
            }
            _mm512_mask_storeu_ps(row + d, m, sum);
        }
    }
}

__attribute__((target("avx512f")))
void biomoe_conv_backward_sequence_avx512(float *dinp, float *dw, float *db, const float *dout, const float *inp,
                                          const float *taps, size_t b, size_t T, size_t D, size_t K) {
    for (size_t t = 0; t < T; t++) {
        const float *row = dout + (b * T + t) * D;
        const size_t k0 = t + 1 >= K ? 0 : K - 1 - t;
        for (size_t d = 0; d < D; d += 16) {
            const __mmask16 m = channels(d, D);
            const __m512 g = _mm512_maskz_loadu_ps(m, row + d);
            _mm512_mask_storeu_ps(db + d, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, db + d), g));
            for (size_t k = k0; k < K; k++) {
                const size_t offset = (b * T + t - (K - 1) + k) * D + d;
                // dweight[d,k] += dout[t,d] · inp[t−(K−1)+k, d];  dinp[t−(K−1)+k, d] += dout[t,d] · w[d,k]
                float *dwk = dw + k * D + d;
                _mm512_mask_storeu_ps(dwk, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, dwk), _mm512_mul_ps(g, _mm512_maskz_loadu_ps(m, inp + offset))));
                _mm512_mask_storeu_ps(dinp + offset, m,
                                      _mm512_add_ps(_mm512_maskz_loadu_ps(m, dinp + offset), _mm512_mul_ps(g, _mm512_maskz_loadu_ps(m, taps + k * D + d))));
            }
        }
    }
}

#else

void biomoe_conv_forward_sequence_avx512(float *out, const float *inp, const float *taps, const float *bias,
                                         size_t b, size_t T, size_t D, size_t K) {
    (void)out; (void)inp; (void)taps; (void)bias; (void)b; (void)T; (void)D; (void)K;
    __builtin_trap();
}

void biomoe_conv_backward_sequence_avx512(float *dinp, float *dw, float *db, const float *dout, const float *inp,
                                          const float *taps, size_t b, size_t T, size_t D, size_t K) {
    (void)dinp; (void)dw; (void)db; (void)dout; (void)inp; (void)taps; (void)b; (void)T; (void)D; (void)K;
    __builtin_trap();
}

#endif
