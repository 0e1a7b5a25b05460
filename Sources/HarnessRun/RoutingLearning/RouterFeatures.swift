import Foundation
import Tensor
import HarnessConfig
import HarnessStore

/// What the online router sees of an image (`router_features`).
///
///  - pixels: the 784 intensities in [0, 1];
///  - pooled: 4×4 mean pooling of the 28×28 image → 7×7 = 49 values in [0, 1];
///  - projected: y = R·x with R [d, 784] fixed per seed (stream `router-projection`), entries
///    N(0, 1)/√784 via `standardNormalBoxMullerFloat`, so each y_k has variance ‖x‖²/784 (the scale of one pixel).
///
/// The contextual bandit (LinUCB) costs O(K·d²) per sample, so it runs on pooled or projected
/// features; d = 784 would be ~300× slower. Every kind may be followed by a constant 1 (`bias`)
/// so that linear models can learn an offset per expert.
struct RouterFeatures {
    let kind: RouterFeatureKind
    let inputSize: Int
    let rows: Int
    let cols: Int
    let bias: Bool
    let dimension: Int
    private let projection: [Float]

    init(kind: RouterFeatureKind, rows: Int, cols: Int, projectionDim: Int, bias: Bool, streams: RandomStreams) {
        self.kind = kind
        self.rows = rows
        self.cols = cols
        self.inputSize = rows * cols
        self.bias = bias
        let base: Int
        switch kind {
        case .pooled:
            base = ((rows + 3) / 4) * ((cols + 3) / 4)
            projection = []
        case .projected:
            base = projectionDim
            var rng = streams.generator("router-projection")
            let scale = 1 / Float(rows * cols).squareRoot()
            projection = (0..<(projectionDim * rows * cols)).map { _ in rng.standardNormalBoxMullerFloat() * scale }
        case .pixels:
            base = rows * cols
            projection = []
        }
        dimension = base + (bias ? 1 : 0)
    }

    /// Writes the features of one image into `out` (`dimension` values).
    func extract(out: UnsafeMutableBufferPointer<Float>, image x: UnsafeBufferPointer<Float>) {
        precondition(x.count == inputSize && out.count == dimension, "RouterFeatures: image \(x.count) / out \(out.count), expected \(inputSize) / \(dimension)")
        let base = dimension - (bias ? 1 : 0)
        switch kind {
        case .pooled:
            let pr = (rows + 3) / 4, pc = (cols + 3) / 4
            for i in 0..<base { out[i] = 0 }
            // out[r/4, c/4] = mean of its 4×4 block (edge blocks divide by their own size)
            for r in 0..<rows { for c in 0..<cols { out[(r / 4) * pc + c / 4] += x[r * cols + c] } }
            for br in 0..<pr {
                for bc in 0..<pc {
                    let h = min(4, rows - br * 4), w = min(4, cols - bc * 4)
                    out[br * pc + bc] /= Float(h * w)
                }
            }
        case .projected:
            let n = inputSize
            // y_k = Σ_p R[k,p]·x_p
            for k in 0..<base {
                var s: Float = 0
                for p in 0..<n { s += projection[k * n + p] * x[p] }
                out[k] = s
            }
        case .pixels:
            for i in 0..<base { out[i] = x[i] }
        }
        if bias { out[base] = 1 }
    }
}

