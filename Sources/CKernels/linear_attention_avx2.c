// Sequence's causal linear attention (LinearAttentionSIMD.swift) for one (sequence, head) with
// AVX2: the Swift lanes' eight-float vectors are registers here, every lane does their operations
// in the same order (no FMA), so the bits are the same (tested). The speed comes from one pass
// over the state matrix per token instead of two: a row is updated and at once added into the
// output, which is the Swift loops' order for each lane, since the output's sum over rows still
// runs over rows in ascending order. Heads of up to 64 channels keep the per-token vectors in
// registers (one inlined body per width).
#pragma STDC FP_CONTRACT OFF
#include "CKernels.h"
#include <stdlib.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include "vector_math_avx2.h"

/// φ(x) = elu(x) + 1 (`eluPlusOneLanes`): x + 1 above 0, eˣ otherwise.
AVX2 __m256 eluPlusOne(__m256 x) {
    return pick(expAll(x), add(x, set1(1.0f)), _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}

/// φ′(x) from φ(x): 1 above 0, φ(x) = eˣ otherwise.
AVX2 __m256 eluPlusOneDerivative(__m256 phi, __m256 x) {
    return pick(phi, set1(1.0f), _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}

/// Up to eight vectors a head keeps in registers; wider heads loop over memory.
#define MAX_INLINE_WIDTH 8

/// The forward of one (b, h) with W = E/8 vectors a row. S [E][W] and z [W] are zeroed scratch;
/// `lanes` holds φ(k_t) and φ(q_t) as floats [2E], to broadcast one at a time, and after them,
/// for heads wider than MAX_INLINE_WIDTH vectors, v_t and the output's sums [2][W].
AVX2 void forwardHead(float *restrict y, float *restrict den, const float *q, const float *k, const float *v,
                      size_t b, size_t h, size_t T, size_t C, size_t H, float epsilon, const size_t W,
                      __m256 *restrict S, __m256 *restrict z, float *restrict lanes) {
    const size_t E = 8 * W;
    float *phiKLanes = lanes, *phiQLanes = lanes + E;
    __m256 values[W > MAX_INLINE_WIDTH ? 1 : W], acc[W > MAX_INLINE_WIDTH ? 1 : W];
    __m256 *vt = W > MAX_INLINE_WIDTH ? (__m256 *)(lanes + 2 * E) : values;
    __m256 *sums = W > MAX_INLINE_WIDTH ? (__m256 *)(lanes + 2 * E) + W : acc;
    for (size_t t = 0; t < T; t++) {
        const size_t row = (b * T + t) * C + h * E;
        // z += φ(k_t);  qz = Σ φ(q_t) z   (z after this token's update, as the Swift loops)
        __m256 qz = _mm256_setzero_ps();
        for (size_t w = 0; w < W; w++) {
            __m256 phiK = eluPlusOne(_mm256_loadu_ps(k + row + 8 * w));
            _mm256_storeu_ps(phiKLanes + 8 * w, phiK);
            vt[w] = _mm256_loadu_ps(v + row + 8 * w);
            z[w] = add(z[w], phiK);
        }
        for (size_t w = 0; w < W; w++) {
            __m256 phiQ = eluPlusOne(_mm256_loadu_ps(q + row + 8 * w));
            _mm256_storeu_ps(phiQLanes + 8 * w, phiQ);
            qz = add(qz, mul(phiQ, z[w]));
            sums[w] = _mm256_setzero_ps();
        }
        for (size_t i = 0; i < E; i++) {
            const __m256 fk = set1(phiKLanes[i]), fq = set1(phiQLanes[i]);
            __m256 *Si = S + i * W;
            for (size_t w = 0; w < W; w++) {
                // S += φ(k_t) v_tᵀ;  y_j = Σ_i φ(q_t)_i S_ij
                Si[w] = add(Si[w], mul(fk, vt[w]));
                sums[w] = add(sums[w], mul(fq, Si[w]));
            }
        }
        if (den) {
            // ÷ (φ(q_t)·z + ε)
            const float d = laneSum(qz) + epsilon;
            den[(b * T + t) * H + h] = d;
            for (size_t w = 0; w < W; w++) _mm256_storeu_ps(y + row + 8 * w, _mm256_div_ps(sums[w], set1(d)));
        } else {
            for (size_t w = 0; w < W; w++) _mm256_storeu_ps(y + row + 8 * w, sums[w]);
        }
    }
}

__attribute__((target("avx2")))
void biomoe_linear_attention_forward_avx2(float *y, float *den, const float *q, const float *k, const float *v,
                                          size_t b, size_t h, size_t T, size_t C, size_t H, float epsilon) {
    const size_t E = C / H, W = E / 8;
    __m256 *S = aligned_alloc(32, 32 * (E * W + W + 2 * W + 2 * W));
    if (!S) abort();
    __m256 *z = S + E * W;
    float *lanes = (float *)(z + W);
    for (size_t i = 0; i < E * W + W; i++) S[i] = _mm256_setzero_ps();
    switch (W) {
#define CASE(n) case n: forwardHead(y, den, q, k, v, b, h, T, C, H, epsilon, n, S, z, lanes); break;
    CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
    default: forwardHead(y, den, q, k, v, b, h, T, C, H, epsilon, W, S, z, lanes);
    }
    free(S);
}

/// The backward of one (b, h). `work` holds φ(q), φ(k) and dn [T][W], dd [T], the state matrices
/// [E][W] twice, z [W] and the accumulators [2][W], as the Swift kernel's scratch.
AVX2 void backwardHead(float *restrict dq, float *restrict dk, float *restrict dv, const float *dy, const float *q,
                       const float *k, const float *v, const float *y, const float *den,
                       size_t b, size_t h, size_t T, size_t C, size_t H, const size_t W, __m256 *restrict work) {
    const size_t E = 8 * W;
    __m256 *phiQ = work, *phiK = work + T * W, *dn = work + 2 * T * W;
    __m256 *G = work + 3 * T * W, *GT = G + E * W, *z = GT + E * W, *mem = z + W;
    float *dd = (float *)(mem + 2 * W);
    const float *phiQLanes = (const float *)phiQ, *phiKLanes = (const float *)phiK, *dnLanes = (const float *)dn;
    __m256 accA[W > MAX_INLINE_WIDTH ? 1 : W], accB[W > MAX_INLINE_WIDTH ? 1 : W];
    __m256 *a1 = W > MAX_INLINE_WIDTH ? mem : accA, *a2 = W > MAX_INLINE_WIDTH ? mem + W : accB;
    for (size_t t = 0; t < T; t++) {
        // dn_t = dy_t / d_t;  dd_t = −(dy_t · y_t) / d_t   (dn = dy, dd = 0 unnormalised)
        const size_t row = (b * T + t) * C + h * E;
        __m256 dot = _mm256_setzero_ps();
        for (size_t w = 0; w < W; w++) {
            phiQ[t * W + w] = eluPlusOne(_mm256_loadu_ps(q + row + 8 * w));
            phiK[t * W + w] = eluPlusOne(_mm256_loadu_ps(k + row + 8 * w));
            dn[t * W + w] = _mm256_loadu_ps(dy + row + 8 * w);
            dot = add(dot, mul(dn[t * W + w], _mm256_loadu_ps(y + row + 8 * w)));
        }
        if (den) {
            const float d = den[(b * T + t) * H + h];
            for (size_t w = 0; w < W; w++) dn[t * W + w] = _mm256_div_ps(dn[t * W + w], set1(d));
            dd[t] = -laneSum(dot) / d;
        } else {
            dd[t] = 0;
        }
    }
    // Forward-time sweep: Sᵀ_j += v_j φ(k_t), z += φ(k_t);  dφ(q_t) = Σ_j dn_j Sᵀ_j + dd · z.
    __m256 *ST = G;
    for (size_t i = 0; i < 2 * E * W + W; i++) G[i] = _mm256_setzero_ps();
    for (size_t t = 0; t < T; t++) {
        const size_t row = (b * T + t) * C + h * E;
        for (size_t w = 0; w < W; w++) z[w] = add(z[w], phiK[t * W + w]);
        for (size_t w = 0; w < W; w++) a1[w] = mul(set1(dd[t]), z[w]);
        for (size_t j = 0; j < E; j++) {
            const __m256 vj = set1(v[row + j]), dnj = set1(dnLanes[t * E + j]);
            __m256 *STj = ST + j * W;
            for (size_t w = 0; w < W; w++) {
                STj[w] = add(STj[w], mul(vj, phiK[t * W + w]));
                a1[w] = add(a1[w], mul(dnj, STj[w]));
            }
        }
        // dq += dφ · φ′(q)
        for (size_t w = 0; w < W; w++) {
            float *out = dq + row + 8 * w;
            __m256 prime = eluPlusOneDerivative(phiQ[t * W + w], _mm256_loadu_ps(q + row + 8 * w));
            _mm256_storeu_ps(out, add(_mm256_loadu_ps(out), mul(a1[w], prime)));
        }
    }
    // Reverse-time sweep: G_i += φ(q_t)_i dn_t, Gᵀ_j += dn_t,j φ(q_t), g += dd_t φ(q_t);
    // dv_t = Σ_i φ(k_t)_i G_i;  dφ(k_t) = Σ_j v_t,j Gᵀ_j + g.
    for (size_t i = 0; i < 2 * E * W + W; i++) G[i] = _mm256_setzero_ps();
    for (size_t t = T; t-- > 0;) {
        const size_t row = (b * T + t) * C + h * E;
        for (size_t w = 0; w < W; w++) {
            z[w] = add(z[w], mul(set1(dd[t]), phiQ[t * W + w]));
            a1[w] = _mm256_setzero_ps();
            a2[w] = z[w];
        }
        for (size_t i = 0; i < E; i++) {
            const __m256 fq = set1(phiQLanes[t * E + i]), dni = set1(dnLanes[t * E + i]);
            const __m256 fk = set1(phiKLanes[t * E + i]), vi = set1(v[row + i]);
            __m256 *Gi = G + i * W, *GTi = GT + i * W;
            for (size_t w = 0; w < W; w++) {
                Gi[w] = add(Gi[w], mul(fq, dn[t * W + w]));
                GTi[w] = add(GTi[w], mul(dni, phiQ[t * W + w]));
                a1[w] = add(a1[w], mul(fk, Gi[w]));
                a2[w] = add(a2[w], mul(vi, GTi[w]));
            }
        }
        for (size_t w = 0; w < W; w++) {
            float *outV = dv + row + 8 * w, *outK = dk + row + 8 * w;
            _mm256_storeu_ps(outV, add(_mm256_loadu_ps(outV), a1[w]));
            __m256 prime = eluPlusOneDerivative(phiK[t * W + w], _mm256_loadu_ps(k + row + 8 * w));
            _mm256_storeu_ps(outK, add(_mm256_loadu_ps(outK), mul(a2[w], prime)));
        }
    }
}

__attribute__((target("avx2")))
void biomoe_linear_attention_backward_avx2(float *dq, float *dk, float *dv, const float *dy, const float *q,
                                           const float *k, const float *v, const float *y, const float *den,
                                           size_t b, size_t h, size_t T, size_t C, size_t H) {
    const size_t E = C / H, W = E / 8;
    __m256 *work = aligned_alloc(32, 32 * (3 * T * W + 2 * E * W + 3 * W + (T + 7) / 8));
    if (!work) abort();
    switch (W) {
#define CASE(n) case n: backwardHead(dq, dk, dv, dy, q, k, v, y, den, b, h, T, C, H, n, work); break;
    CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
    default: backwardHead(dq, dk, dv, dy, q, k, v, y, den, b, h, T, C, H, W, work);
    }
    free(work);
}

#else

void biomoe_linear_attention_forward_avx2(float *y, float *den, const float *q, const float *k, const float *v,
                                          size_t b, size_t h, size_t T, size_t C, size_t H, float epsilon) {
    (void)y; (void)den; (void)q; (void)k; (void)v; (void)b; (void)h; (void)T; (void)C; (void)H; (void)epsilon;
    __builtin_trap();
}

void biomoe_linear_attention_backward_avx2(float *dq, float *dk, float *dv, const float *dy, const float *q,
                                           const float *k, const float *v, const float *y, const float *den,
                                           size_t b, size_t h, size_t T, size_t C, size_t H) {
    (void)dq; (void)dk; (void)dv; (void)dy; (void)q; (void)k; (void)v; (void)y; (void)den;
    (void)b; (void)h; (void)T; (void)C; (void)H;
    __builtin_trap();
}

#endif
