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
/// N·count·16 floats. Inlined per count, so the loops over registers unroll. With
/// `checkpoints`, the states that start each chunk of `interval` steps but the first go there
/// (the layout of biomoe_scan_forward_group_avx512).
AVX512 void forwardGroup(float *restrict y, float *restrict delta, float *restrict checkpoints, const float *u, const float *deltaRaw,
                         const float *ssmB, const float *ssmC, const float *At, const float *deltaBias, const float *skip,
                         size_t b, size_t first, const int count, size_t T, size_t D, size_t N, size_t interval,
                         __m512 *restrict h) {
    const size_t blocks = (D + 7) / 8, d0 = 16 * first, chunks = (T + interval - 1) / interval;
    const bool streamable = (uintptr_t)checkpoints % 64 == 0 && D % 16 == 0;
    for (size_t k = 0; k < N * (size_t)count; k++) h[k] = _mm512_setzero_ps();
    __m512 bias[8], skipD[8];
    for (int j = 0; j < count; j++) {
        bias[j] = _mm512_loadu_ps(deltaBias + d0 + 16 * j);
        skipD[j] = _mm512_loadu_ps(skip + d0 + 16 * j);
    }
    for (size_t t = 0; t < T; t++) {
        const size_t i = (b * T + t) * D + d0, bt = (b * T + t) * N;
        float *row = checkpoints && (t + 1) % interval == 0 && t + 1 < T
                         ? checkpoints + (b * (chunks - 1) + (t + 1) / interval - 1) * N * D + d0 : NULL;
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
            // Streamed past the caches when aligned: the backward reads them after the whole forward.
            if (row && streamable)
                for (int j = 0; j < count; j++) _mm512_stream_ps(row + n * D + 16 * j, h[n * count + j]);
            else if (row)
                for (int j = 0; j < count; j++) _mm512_storeu_ps(row + n * D + 16 * j, h[n * count + j]);
        }
        for (int j = 0; j < count; j++) _mm512_storeu_ps(y + i + 16 * j, add16(sum[j], mul16(skipD[j], ut[j])));
    }
}

__attribute__((target("avx512f,avx2")))
void biomoe_scan_forward_group_avx512(float *y, float *delta, float *checkpoints, const float *u, const float *deltaRaw,
                                      const float *ssmB, const float *ssmC, const float *At,
                                      const float *deltaBias, const float *skip,
                                      size_t b, size_t first, size_t count, size_t T, size_t D, size_t N, size_t interval,
                                      float *h) {
    __m512 *state = (__m512 *)h;
    if (interval == 0) interval = T > 0 ? T : 1;
    switch (count) {
    case 1: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 1, T, D, N, interval, state); break;
    case 2: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 2, T, D, N, interval, state); break;
    case 3: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 3, T, D, N, interval, state); break;
    case 4: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 4, T, D, N, interval, state); break;
    case 5: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 5, T, D, N, interval, state); break;
    case 6: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 6, T, D, N, interval, state); break;
    case 7: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 7, T, D, N, interval, state); break;
    case 8: forwardGroup(y, delta, checkpoints, u, deltaRaw, ssmB, ssmC, At, deltaBias, skip, b, first, 8, T, D, N, interval, state); break;
    default: abort();
    }
    // Streamed stores are weakly ordered: make them visible before the backward's threads read.
    if (checkpoints) _mm_sfence();
}

/// The backward of `count` registers (channels 16·first …) of sequence b over chunk c, steps
/// t0 = c·interval … t0 + L − 1: replay of the chunk's states and decays into `rows` from the
/// state before it (zero for the first chunk, else from `checkpoints`), then the reverse sweep.
/// Row s of `rows` holds h_{t0+s−1} and then exp(Δ_{t0+s}·A), N·count registers each, and row
/// L holds h_{t0+L−1}: the sweep at t reads h_t (row s + 1, which it read at t + 1 as the
/// previous state), h_{t−1} and the decays of row s, one stream instead of two (4 % faster than
/// separate arrays). `carry`, `dAacc` (N·count registers) and `acc` (dskip then dbias, count
/// registers each) carry the sweep from the chunk after this one.
/// dBLanes and dCLanes get the low block's lanes, then the high block's, as the AVX2 kernel adds
/// one block after the other.
AVX512 void backwardChunk(float *restrict du, float *restrict ddeltaRaw, __m256 *restrict dBLanes, __m256 *restrict dCLanes,
                          const float *checkpoints, const float *dy, const float *u, const float *delta,
                          const float *ssmB, const float *ssmC, const float *At, const float *skip, size_t b, size_t first,
                          const int count, size_t T, size_t D, size_t N, size_t interval, size_t c, __m512 *restrict rows,
                          __m512 *restrict carry, __m512 *restrict dAacc, __m512 *restrict acc) {
    const size_t blocks = (D + 7) / 8, d0 = 16 * first, chunks = (T + interval - 1) / interval;
    const size_t t0 = c * interval, L = T - t0 < interval ? T - t0 : interval;
    __m512 skipD[2], dskipAcc[2], dbiasAcc[2];
    for (int j = 0; j < count; j++) {
        skipD[j] = _mm512_loadu_ps(skip + d0 + 16 * j);
        dskipAcc[j] = acc[j];
        dbiasAcc[j] = acc[count + j];
    }
    const float *start = c > 0 ? checkpoints + (b * (chunks - 1) + c - 1) * N * D + d0 : NULL;
    for (size_t n = 0; n < N; n++)
        for (int j = 0; j < count; j++)
            rows[n * count + j] = start ? _mm512_loadu_ps(start + n * D + 16 * j) : _mm512_setzero_ps();
    for (size_t s = 0; s < L; s++) {
        const size_t t = t0 + s, i = (b * T + t) * D + d0, bt = (b * T + t) * N;
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
                const size_t k = (s * N + n) * count + j + s * N * count;
                rows[k + N * count] = decay[j];
                rows[k + 2 * N * count] = add16(mul16(decay[j], rows[k]), mul16(mul16(dt[j], bn), ut[j]));
            }
        }
    }
    for (size_t s = L; s-- > 0;) {
        const size_t t = t0 + s, i = (b * T + t) * D + d0, bt = (b * T + t) * N;
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
                const size_t k = (s * N + n) * count + j + s * N * count;
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
        acc[j] = dskipAcc[j];
        acc[count + j] = dbiasAcc[j];
    }
}

/// The batch-sum partials of `count` registers from 16·first: dA, then ddeltaBias, then dskip
/// (the layout of biomoe_scan_backward_sequence_avx2), block by block of eight.
AVX512 void storePartials(float *partial, const __m512 *dAacc, const __m512 *acc, size_t first, const int count,
                          size_t D, size_t N) {
    const size_t blocks = (D + 7) / 8;
    for (int j = 0; j < count; j++) {
        const size_t block = 2 * (first + j);
        for (size_t n = 0; n < N; n++) {
            _mm256_storeu_ps(partial + 8 * (block * N + n), low8(dAacc[n * count + j]));
            _mm256_storeu_ps(partial + 8 * ((block + 1) * N + n), high8(dAacc[n * count + j]));
        }
        _mm256_storeu_ps(partial + 8 * (blocks * N + block), low8(acc[count + j]));
        _mm256_storeu_ps(partial + 8 * (blocks * N + block + 1), high8(acc[count + j]));
        _mm256_storeu_ps(partial + 8 * (blocks * (N + 1) + block), low8(acc[j]));
        _mm256_storeu_ps(partial + 8 * (blocks * (N + 1) + block + 1), high8(acc[j]));
    }
}

/// Asks for the rows of steps t0 … t0 + L − 1 of the five [B,T,D] arrays the backward reads,
/// into L2, while the chunk before them in the sweep is worked on.
AVX512 void prefetchChunk(const float *du, const float *ddeltaRaw, const float *dy, const float *u, const float *delta,
                          size_t b, size_t t0, size_t L, size_t T, size_t D, size_t part, size_t parts) {
    const float *arrays[5] = {du, ddeltaRaw, dy, u, delta};
    const size_t bytes = L * D * sizeof(float), lines = (bytes + 63) / 64;
    const size_t lo = lines * part / parts, hi = lines * (part + 1) / parts;
    for (int a = 0; a < 5; a++) {
        const char *row = (const char *)(arrays[a] + (b * T + t0) * D);
        for (size_t line = lo; line < hi; line++) _mm_prefetch(row + 64 * line, _MM_HINT_T1);
    }
}

/// The three parts of the backward's scratch, in bytes, each a multiple of 64: the rows and
/// sums of the registers, the lane sums of dssmB and dssmC, the AVX2 blocks' rows.
static void scratchParts(size_t T, size_t D, size_t N, size_t interval, size_t part[3]) {
    const size_t registers = D / 16, TN = T * N > 0 ? T * N : 1;
    part[0] = 64 * (2 * (2 * interval + 1) * N + registers * (2 * N + 2) + 1);
    part[1] = 32 * 2 * TN;
    part[2] = (4 * 8 * ((T + 1) * N + TN + 2 * N) + 63) / 64 * 64;
}

/// `interval` as the backward uses it: the whole sequence without checkpoints.
static size_t effectiveInterval(size_t T, size_t interval, bool checkpointed) {
    return !checkpointed || interval == 0 || interval > T ? (T > 0 ? T : 1) : interval;
}

size_t biomoe_scan_backward_scratch_bytes_avx512(size_t T, size_t D, size_t N, size_t interval) {
    size_t part[3];
    scratchParts(T, D, N, effectiveInterval(T, interval, true), part);
    return part[0] + part[1] + part[2];
}

/// Chunk by chunk from the last, and in each chunk every pair of registers in order: each
/// (t, n) still gets its dssmB and dssmC lanes from the registers in channel order, and each
/// register's sums run over t from the last step, so the chunk length changes no bit. With
/// chunks of 8 steps a chunk's rows of dy, u, Δ, du and d raw (fetched while the chunk after it
/// is worked on) stay in cache from one pair of registers to the next, and a pair's replay
/// takes 35 KB instead of 1 MB: 15.5–15.9 ms against 19.3–19.7 ms for whole sequences at the
/// perf suite's shape (16 sequences of 256 steps, 256 channels, N = 16, one thread).
__attribute__((target("avx512f,avx2")))
void biomoe_scan_backward_sequence_avx512(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                          const float *checkpoints, const float *dy, const float *u, const float *delta,
                                          const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                          size_t b, size_t T, size_t D, size_t N, size_t interval, void *scratch) {
    const size_t blocks = (D + 7) / 8, registers = D / 16, TN = T * N > 0 ? T * N : 1;
    interval = effectiveInterval(T, interval, checkpoints != NULL);
    const size_t chunks = (T + interval - 1) / interval;
    // Two registers (32 channels) at a time: the replayed states and decays of one chunk,
    // 2·(2L+1)·N·64 bytes (35 KB at L = 8, N = 16; one register at a time is slower, for want
    // of overlap); and every register's carry, dA sums and dskip, dbias sums between chunks.
    size_t part[3];
    scratchParts(T, D, N, interval, part);
    // The caller's scratch was sized for the checkpointed chunks.
    const bool given = scratch && checkpoints;
    char *owned = given ? NULL : aligned_alloc(64, part[0] + part[1] + part[2]);
    char *base = given ? (char *)scratch : owned;
    if (!base) abort();
    __m512 *rows = (__m512 *)base;
    __m256 *lanes = (__m256 *)(base + part[0]);
    float *narrow = (float *)(base + part[0] + part[1]);
    __m512 *carry = rows + 2 * (2 * interval + 1) * N, *dAacc = carry + registers * N, *acc = dAacc + registers * N;
    __m256 *dBLanes = lanes, *dCLanes = lanes + TN;
    for (size_t k = 0; k < 2 * TN; k++) lanes[k] = _mm256_setzero_ps();
    for (size_t k = 0; k < registers * (2 * N + 2); k++) carry[k] = _mm512_setzero_ps();
    for (size_t c = chunks; c-- > 0;) {
        for (size_t first = 0; first < registers; first += 2) {
            if (c > 0) prefetchChunk(du, ddeltaRaw, dy, u, delta, b, (c - 1) * interval, interval, T, D, first / 2, (registers + 1) / 2);
            __m512 *state[3] = {carry + first * N, dAacc + first * N, acc + 2 * first};
            if (registers - first >= 2)
                backwardChunk(du, ddeltaRaw, dBLanes, dCLanes, checkpoints, dy, u, delta, ssmB, ssmC, At, skip, b, first,
                              2, T, D, N, interval, c, rows, state[0], state[1], state[2]);
            else
                backwardChunk(du, ddeltaRaw, dBLanes, dCLanes, checkpoints, dy, u, delta, ssmB, ssmC, At, skip, b, first,
                              1, T, D, N, interval, c, rows, state[0], state[1], state[2]);
        }
    }
    for (size_t first = 0; first < registers; first += 2)
        storePartials(partial, dAacc + first * N, acc + 2 * first, first, registers - first >= 2 ? 2 : 1, D, N);
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
    free(owned);
}

bool biomoe_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2");
}

#else

bool biomoe_cpu_has_avx512(void) { return false; }

size_t biomoe_scan_backward_scratch_bytes_avx512(size_t T, size_t D, size_t N, size_t interval) {
    (void)T; (void)D; (void)N; (void)interval;
    return 0;
}

void biomoe_scan_forward_group_avx512(float *y, float *delta, float *checkpoints, const float *u, const float *deltaRaw,
                                      const float *ssmB, const float *ssmC, const float *At,
                                      const float *deltaBias, const float *skip,
                                      size_t b, size_t first, size_t count, size_t T, size_t D, size_t N, size_t interval,
                                      float *h) {
    (void)y; (void)delta; (void)checkpoints; (void)u; (void)deltaRaw; (void)ssmB; (void)ssmC; (void)At; (void)deltaBias;
    (void)skip; (void)b; (void)first; (void)count; (void)T; (void)D; (void)N; (void)interval; (void)h;
    __builtin_trap();
}

void biomoe_scan_backward_sequence_avx512(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                          const float *checkpoints, const float *dy, const float *u, const float *delta,
                                          const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                          size_t b, size_t T, size_t D, size_t N, size_t interval, void *scratch) {
    (void)du; (void)ddeltaRaw; (void)dssmB; (void)dssmC; (void)partial; (void)checkpoints; (void)dy; (void)u; (void)delta;
    (void)ssmB; (void)ssmC; (void)At; (void)skip; (void)b; (void)T; (void)D; (void)N; (void)interval; (void)scratch;
    __builtin_trap();
}

#endif
