import Tensor

/// Spherical k-means (Dhillon & Modha 2001): k-means on unit vectors with cosine similarity,
/// each centroid the normalised mean of its members. It is the IVF index's coarse quantiser.
///
///     X [N,D]   unit rows (directions)          C [K,D]   unit centroids
///     assign:   a_n = argmax_c X_n · C_c         (S [B,K] = X_block · Cᵀ, sgemm in row blocks)
///     update:   C_c = Σ_{a_n = c} X_n / ‖Σ_{a_n = c} X_n‖
///
/// Determinism: initial centroids are K distinct rows drawn with Philox from the seed (random
/// initialisation, as FAISS does; k-means++ would cost K passes over the data); argmax ties go to
/// the lower centroid; sums run in row order; iterations are a fixed count. An empty cluster (or
/// one whose members cancel to zero) is re-seeded with the row least similar to its own centroid
/// (ties → lower row), each row used at most once per iteration — the point the quantiser
/// currently serves worst.
enum SphericalKMeans {
    /// Rows assigned per sgemm call: S [block,K] stays small (1024·K floats).
    static let assignmentBlock = 1024

    /// Trains K centroids on the N rows of `rows` ([N,D] directions); N ≥ K.
    static func train(rows: UnsafeBufferPointer<Float>, count N: Int, dimension D: Int, clusters K: Int,
                      iterations: Int, generator: inout Philox4x32_10) -> [Float] {
        precondition(N >= K && K >= 1 && rows.count == N * D, "SphericalKMeans.train needs N ≥ K ≥ 1 rows of D")
        var centroids = [Float](repeating: 0, count: K * D)
        // Initial centroids: the first K entries of a partial Fisher–Yates shuffle of the rows.
        var order = Array(0..<N)
        for i in 0..<K {
            let j = i + generator.uniformInt(below: N - i)
            order.swapAt(i, j)
            for d in 0..<D { centroids[i * D + d] = rows[order[i] * D + d] }
        }
        var assignment = [Int32](repeating: 0, count: N)
        var similarity = [Float](repeating: 0, count: N)
        var sums = [Double](repeating: 0, count: K * D)
        var members = [Int](repeating: 0, count: K)
        for _ in 0..<iterations {
            assign(rows: rows, count: N, dimension: D, centroids: centroids, clusters: K,
                   assignment: &assignment, similarity: &similarity)
            centroids.withUnsafeMutableBufferPointer { C in
                sums.withUnsafeMutableBufferPointer { S in
                    members.withUnsafeMutableBufferPointer { M in
                        similarity.withUnsafeMutableBufferPointer { best in
                            assignment.withUnsafeBufferPointer { a in
                                update(centroids: C, sums: S, members: M, similarity: best, rows: rows, assignment: a, N: N, D: D, K: K)
                            }
                        }
                    }
                }
            }
        }
        return centroids
    }

    /// C_c = Σ_{a_n = c} X_n / ‖Σ_{a_n = c} X_n‖, summed in Double in row order; empty clusters
    /// re-seeded as described above (`similarity` marks used rows with +∞).
    private static func update(centroids C: UnsafeMutableBufferPointer<Float>, sums S: UnsafeMutableBufferPointer<Double>,
                               members M: UnsafeMutableBufferPointer<Int>, similarity best: UnsafeMutableBufferPointer<Float>,
                               rows X: UnsafeBufferPointer<Float>, assignment a: UnsafeBufferPointer<Int32>, N: Int, D: Int, K: Int) {
        precondition(C.count == K * D && S.count == K * D && M.count == K && best.count >= N && a.count >= N && X.count >= N * D,
                     "SphericalKMeans.update: buffer sizes do not match N=\(N) D=\(D) K=\(K)")
        S.update(repeating: 0)
        M.update(repeating: 0)
        for n in 0..<N {
            let c = Int(a[n])
            M[c] += 1
            for d in 0..<D { S[c * D + d] += Double(X[n * D + d]) }
        }
        for c in 0..<K {
            var sumOfSquares = 0.0
            for d in 0..<D { sumOfSquares += S[c * D + d] * S[c * D + d] }
            if M[c] == 0 || sumOfSquares == 0 {
                // Re-seed: the row least similar to its own centroid, not yet used.
                var worst = -1
                for n in 0..<N where best[n] != .infinity {
                    if worst < 0 || best[n] < best[worst] { worst = n }
                }
                if worst >= 0 {
                    best[worst] = .infinity
                    for d in 0..<D { C[c * D + d] = X[worst * D + d] }
                }
                continue
            }
            let scale = 1 / sumOfSquares.squareRoot()
            for d in 0..<D { C[c * D + d] = Float(S[c * D + d] * scale) }
        }
    }

    /// a_n = argmax_c X_n · C_c for every row (ties → lower c), and that similarity.
    static func assign(rows: UnsafeBufferPointer<Float>, count N: Int, dimension D: Int, centroids: [Float], clusters K: Int,
                       assignment: inout [Int32], similarity: inout [Float]) {
        precondition(rows.count >= N * D && centroids.count == K * D && assignment.count >= N && similarity.count >= N,
                     "SphericalKMeans.assign: buffer sizes do not match N=\(N) D=\(D) K=\(K)")
        guard N > 0, let x = rows.baseAddress else { return }
        let block = min(assignmentBlock, N)
        var scores = [Float](repeating: 0, count: block * K)
        centroids.withUnsafeBufferPointer { C in
            scores.withUnsafeMutableBufferPointer { S in
                assignment.withUnsafeMutableBufferPointer { a in
                    similarity.withUnsafeMutableBufferPointer { best in
                        guard let c = C.baseAddress, let s = S.baseAddress else { return }
                        var start = 0
                        while start < N {
                            let B = min(block, N - start)
                            // S [B,K] = X[start..<start+B] · Cᵀ
                            sgemm(transA: false, transB: true, m: B, n: K, k: D, alpha: 1,
                                  a: x + start * D, lda: D, b: c, ldb: D, beta: 0, c: s, ldc: K)
                            for b in 0..<B {
                                var bestCluster = 0
                                var bestScore = S[b * K]
                                for k in 1..<max(1, K) where S[b * K + k] > bestScore {
                                    bestScore = S[b * K + k]
                                    bestCluster = k
                                }
                                a[start + b] = Int32(bestCluster)
                                best[start + b] = bestScore
                            }
                            start += B
                        }
                    }
                }
            }
        }
    }
}
