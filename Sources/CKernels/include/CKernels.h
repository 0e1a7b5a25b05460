// biomoe's C kernels: loops whose Swift form the compiler cannot vectorise for the machine it
// runs on (Swift code is built for baseline x86-64, SSE2). Each function here has a Swift
// reference beside its caller and is tested to give the reference's bits: the same IEEE
// operations in the same order, no FMA contraction.
#ifndef BIOMOE_CKERNELS_H
#define BIOMOE_CKERNELS_H

#include <stdbool.h>
#include <stddef.h>

/// Whether this CPU runs the AVX2 kernels below (x86-64 with AVX2; false elsewhere).
bool biomoe_cpu_has_avx2(void);

/// Whether this CPU runs the AVX-512 kernels below (x86-64 with AVX-512F and AVX2).
bool biomoe_cpu_has_avx512(void);

/// One Adam / AdamW update of n parameters, eight at a time with AVX2, then the tail one by one:
///   g = grad + l2·p;  p' = p·shrink;  m = b1·m + (1−b1)·g;  v = b2·v + ((1−b2)·g)·g;
///   p = p' − (stepSize·m) / (√v / bc2Sqrt + eps)
/// Call only when biomoe_cpu_has_avx2() is true.
void biomoe_adam_update_avx2(float *values, const float *grads, float *m, float *v, size_t n,
                             float b1, float b2, float eps, float l2, float shrink,
                             float stepSize, float bc2Sqrt);

/// Sequence's selective scan, forward, for one sequence b and one block of eight channels
/// (block·8 …, fewer in the last block): Δ = softplus(deltaRaw + deltaBias) into `delta`, the
/// recurrence h = exp(Δ·A)·h + Δ·B·u, and y = Σ_n h·C + skip·u into `y`. `At` holds A as
/// lanes [N][⌈D/8⌉][8]; `h` is N·8 floats of scratch. Call only when biomoe_cpu_has_avx2().
void biomoe_scan_forward_block_avx2(float *y, float *delta, const float *u, const float *deltaRaw,
                                    const float *ssmB, const float *ssmC, const float *At,
                                    const float *deltaBias, const float *skip,
                                    size_t b, size_t block, size_t T, size_t D, size_t N, float *h);

/// The selective scan's backward for one sequence b, every channel block in order: adds into
/// du, ddeltaRaw, dssmB and dssmC, and writes the sequence's partial sums of dA, ddeltaBias and
/// dskip as lanes into `partial` ([⌈D/8⌉·N] dA, then [⌈D/8⌉] ddeltaBias, then [⌈D/8⌉] dskip,
/// 8 floats each). Call only when biomoe_cpu_has_avx2().
void biomoe_scan_backward_sequence_avx2(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                        const float *dy, const float *u, const float *delta,
                                        const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                        size_t b, size_t T, size_t D, size_t N);

/// The forward of biomoe_scan_forward_block_avx2 for `count` (1–8) registers of sixteen channels
/// at once, channels 16·first … 16·(first + count) − 1 of sequence b, which must all exist (D ≥
/// 16·(first + count)); the same bits. `h` is N·count·16 floats, 64-byte aligned. Unless
/// `checkpoints` is NULL, the state before step c·interval (c = 1 … ⌈T/interval⌉ − 1) goes to
/// checkpoints[((b·(⌈T/interval⌉ − 1) + c − 1)·N + n)·D + d] for these channels; interval 0 means
/// T. Call only when biomoe_cpu_has_avx512().
void biomoe_scan_forward_group_avx512(float *y, float *delta, float *checkpoints, const float *u, const float *deltaRaw,
                                      const float *ssmB, const float *ssmC, const float *At,
                                      const float *deltaBias, const float *skip,
                                      size_t b, size_t first, size_t count, size_t T, size_t D, size_t N, size_t interval,
                                      float *h);

/// biomoe_scan_backward_sequence_avx2 with sixteen channels to a register (the channels past
/// the last full sixteen in the AVX2 blocks); the same outputs, the same bits. With the
/// `checkpoints` the forward wrote at the same `interval` (every full register of sequence b),
/// it replays the states a chunk at a time instead of all T at once: the same bits, in less
/// memory. NULL (or interval 0) replays from the start. `scratch`, if not NULL, holds
/// biomoe_scan_backward_scratch_bytes_avx512(T, D, N, interval) bytes, 64-byte aligned, and is
/// used only with checkpoints; else the kernel allocates its own. Call only when
/// biomoe_cpu_has_avx512().
void biomoe_scan_backward_sequence_avx512(float *du, float *ddeltaRaw, float *dssmB, float *dssmC, float *partial,
                                          const float *checkpoints, const float *dy, const float *u, const float *delta,
                                          const float *ssmB, const float *ssmC, const float *At, const float *skip,
                                          size_t b, size_t T, size_t D, size_t N, size_t interval, void *scratch);

/// The scratch biomoe_scan_backward_sequence_avx512 needs with checkpoints at this interval.
size_t biomoe_scan_backward_scratch_bytes_avx512(size_t T, size_t D, size_t N, size_t interval);

/// Sequence's causal depthwise convolution of sequence b with AVX-512, the bits of the Swift
/// loops: `taps` is the weight transposed to [K,D]; the forward writes out [B,T,D] rows of b, the
/// backward adds into dinp's rows of b and into the sequence's partial sums dw [K,D] and db [D].
/// Call only when biomoe_cpu_has_avx512().
void biomoe_conv_forward_sequence_avx512(float *out, const float *inp, const float *taps, const float *bias,
                                         size_t b, size_t T, size_t D, size_t K);
void biomoe_conv_backward_sequence_avx512(float *dinp, float *dw, float *db, const float *dout, const float *inp,
                                          const float *taps, size_t b, size_t T, size_t D, size_t K);

/// Sequence's causal linear attention (LinearAttentionSIMD.swift) of sequence b, head h with AVX2,
/// the bits of the Swift lanes: q, k, v, y [B,T,C] with C = H·E, E a multiple of 8; den [B,T,H]
/// or NULL (unnormalised). The forward writes y (and den) of (b, h); the backward adds into dq,
/// dk and dv there. Call only when biomoe_cpu_has_avx2().
void biomoe_linear_attention_forward_avx2(float *y, float *den, const float *q, const float *k, const float *v,
                                          size_t b, size_t h, size_t T, size_t C, size_t H, float epsilon);
void biomoe_linear_attention_backward_avx2(float *dq, float *dk, float *dv, const float *dy, const float *q,
                                           const float *k, const float *v, const float *y, const float *den,
                                           size_t b, size_t h, size_t T, size_t C, size_t H);

/// Sequence's SiLU kernels on n floats with AVX-512, the bits of the Swift lanes:
///   silu_forward:        out = x · σ(x)
///   silu_backward:       dinp += dout · σ(x) · (1 + x·(1 − σ(x)))
///   silu_gate_forward:   out = y · z · σ(z)
///   silu_gate_backward:  dy += dout · z · σ(z);  dz += dout · y · σ(z) · (1 + z·(1 − σ(z)))
/// Call only when biomoe_cpu_has_avx512().
void biomoe_silu_forward_avx512(float *out, const float *x, size_t n);
void biomoe_silu_backward_avx512(float *dinp, const float *dout, const float *x, size_t n);
void biomoe_silu_gate_forward_avx512(float *out, const float *y, const float *z, size_t n);
void biomoe_silu_gate_backward_avx512(float *dy, float *dz, const float *dout, const float *y, const float *z, size_t n);

#endif
