import CBLAS

/// Row-major single-precision matrix multiply through OpenBLAS:
/// C[m,n] = alpha · op(A)[m,k] · op(B)[k,n] + beta · C[m,n], where op(X) is X or Xᵀ.
///
/// A thin wrapper so that callers above Tensor never see CBLAS's enums or `Int32` sizes.
/// Leading dimensions are those of the matrices *as stored* (row-major): A is stored [m,k]
/// (lda ≥ k) when `transA` is false and [k,m] (lda ≥ m) when it is true; likewise B is stored
/// [k,n] or [n,k]; C is [m,n] (ldc ≥ n). With `beta = 1` the product is *added* to C, which is
/// what backward passes use to accumulate gradients.
public func sgemm(
    transA: Bool, transB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    checkGemmArguments(transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
    if m == 0 || n == 0 { return }
    cblas_sgemm(CblasRowMajor,
                transA ? CblasTrans : CblasNoTrans,
                transB ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k),
                alpha, a, blasint(lda), b, blasint(ldb),
                beta, c, blasint(ldc))
}

/// y[m] = alpha · A[m,n] · x[n] + beta · y (A row-major, lda ≥ n) through OpenBLAS's sgemv.
///
/// Why beside `sgemm`: for a single row OpenBLAS's sgemm still packs the whole other operand
/// (a 784×256 weight is 800 KB per call), so a batch-1 linear layer took ~90 µs through sgemm and
/// ~16 µs through sgemv on the same machine.
public func sgemv(
    m: Int, n: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    x: UnsafePointer<Float>,
    beta: Float,
    y: UnsafeMutablePointer<Float>
) {
    precondition(m >= 0 && n >= 0 && lda >= max(1, n), "sgemv needs m, n ≥ 0 and lda ≥ n; got m=\(m) n=\(n) lda=\(lda)")
    if m == 0 { return }
    cblas_sgemv(CblasRowMajor, CblasNoTrans, blasint(m), blasint(n), alpha, a, blasint(lda), x, 1, beta, y, 1)
}

/// The obviously-correct triple loop that `sgemm` is tested against; same contract, same
/// argument order. Accumulates each dot product in Float in increasing-k order.
public func sgemmReference(
    transA: Bool, transB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    checkGemmArguments(transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
    // C[i,j] = alpha · Σ_p op(A)[i,p] · op(B)[p,j] + beta · C[i,j]
    for i in 0..<m {
        for j in 0..<n {
            var sum: Float = 0
            for p in 0..<k {
                let aip = transA ? a[p * lda + i] : a[i * lda + p]
                let bpj = transB ? b[j * ldb + p] : b[p * ldb + j]
                sum += aip * bpj
            }
            // BLAS semantics: beta == 0 means C is not read (it may hold NaN).
            let old = beta == 0 ? 0 : beta * c[i * ldc + j]
            c[i * ldc + j] = alpha * sum + old
        }
    }
}

/// Shared size checks: BLAS would otherwise print to stderr and carry on (or read out of bounds).
func checkGemmArguments(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int) {
    precondition(m >= 0 && n >= 0 && k >= 0, "sgemm sizes must be non-negative, got m=\(m) n=\(n) k=\(k)")
    let aColumns = transA ? m : k
    let bColumns = transB ? k : n
    precondition(lda >= max(1, aColumns), "sgemm lda=\(lda) must be at least \(max(1, aColumns)) (columns of A as stored)")
    precondition(ldb >= max(1, bColumns), "sgemm ldb=\(ldb) must be at least \(max(1, bColumns)) (columns of B as stored)")
    precondition(ldc >= max(1, n), "sgemm ldc=\(ldc) must be at least \(max(1, n)) (columns of C)")
    precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max)
                 && lda <= Int(Int32.max) && ldb <= Int(Int32.max) && ldc <= Int(Int32.max),
                 "sgemm sizes exceed the 32-bit BLAS interface")
}
