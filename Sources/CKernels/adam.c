// Adam's update with AVX2 intrinsics (see CKernels.h). Every operation is IEEE single precision,
// correctly rounded, in the order of NN's `adamUpdateReference`, so the bits are the same.
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"
#include <math.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

bool biomoe_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

__attribute__((target("avx2")))
void biomoe_adam_update_avx2(float *values, const float *grads, float *m, float *v, size_t n,
                             float b1, float b2, float eps, float l2, float shrink,
                             float stepSize, float bc2Sqrt) {
    const float c1 = 1 - b1, c2 = 1 - b2;
    const __m256 vb1 = _mm256_set1_ps(b1), vb2 = _mm256_set1_ps(b2), vc1 = _mm256_set1_ps(c1), vc2 = _mm256_set1_ps(c2);
    const __m256 veps = _mm256_set1_ps(eps), vl2 = _mm256_set1_ps(l2), vshrink = _mm256_set1_ps(shrink);
    const __m256 vstep = _mm256_set1_ps(stepSize), vbc2 = _mm256_set1_ps(bc2Sqrt);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 p = _mm256_loadu_ps(values + i);
        // g = grad + l2·p
        __m256 g = _mm256_add_ps(_mm256_loadu_ps(grads + i), _mm256_mul_ps(vl2, p));
        __m256 shrunk = _mm256_mul_ps(p, vshrink);
        // m = b1·m + (1 − b1)·g
        __m256 mn = _mm256_add_ps(_mm256_mul_ps(vb1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(vc1, g));
        // v = b2·v + (1 − b2)·g·g
        __m256 vn = _mm256_add_ps(_mm256_mul_ps(vb2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(vc2, g), g));
        _mm256_storeu_ps(m + i, mn);
        _mm256_storeu_ps(v + i, vn);
        // p −= stepSize·m / (√v / √(1 − β2ᵗ) + ε)
        __m256 denom = _mm256_add_ps(_mm256_div_ps(_mm256_sqrt_ps(vn), vbc2), veps);
        _mm256_storeu_ps(values + i, _mm256_sub_ps(shrunk, _mm256_div_ps(_mm256_mul_ps(vstep, mn), denom)));
    }
    for (; i < n; i++) {
        float g = grads[i] + l2 * values[i];
        float shrunk = values[i] * shrink;
        m[i] = b1 * m[i] + c1 * g;
        v[i] = b2 * v[i] + c2 * g * g;
        values[i] = shrunk - stepSize * m[i] / (sqrtf(v[i]) / bc2Sqrt + eps);
    }
}

#else

bool biomoe_cpu_has_avx2(void) { return false; }

void biomoe_adam_update_avx2(float *values, const float *grads, float *m, float *v, size_t n,
                             float b1, float b2, float eps, float l2, float shrink,
                             float stepSize, float bc2Sqrt) {
    (void)values; (void)grads; (void)m; (void)v; (void)n; (void)b1; (void)b2; (void)eps;
    (void)l2; (void)shrink; (void)stepSize; (void)bc2Sqrt;
    __builtin_trap();
}

#endif
