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

/// One Adam / AdamW update of n parameters, eight at a time with AVX2, then the tail one by one:
///   g = grad + l2·p;  p' = p·shrink;  m = b1·m + (1−b1)·g;  v = b2·v + ((1−b2)·g)·g;
///   p = p' − (stepSize·m) / (√v / bc2Sqrt + eps)
/// Call only when biomoe_cpu_has_avx2() is true.
void biomoe_adam_update_avx2(float *values, const float *grads, float *m, float *v, size_t n,
                             float b1, float b2, float eps, float l2, float shrink,
                             float stepSize, float bc2Sqrt);

#endif
