import CKernels
import Tensor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam, and AdamW when `decoupled` is true, with the semantics of PyTorch's `torch.optim.Adam`
/// and `torch.optim.AdamW` (no AMSGrad). At step t = 1, 2, …:
///
///     g  = grad + weightDecay · p              (Adam: L2 penalty folded into the gradient)
///     p *= 1 − learningRate · weightDecay      (AdamW instead: decay the weights directly)
///     m  = β1 · m + (1 − β1) · g
///     v  = β2 · v + (1 − β2) · g²
///     p -= (learningRate / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
///
/// The bias corrections are computed in Double once per step, as PyTorch does in Python floats.
public struct Adam: Optimizer {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    /// true: AdamW's decoupled weight decay; false: Adam's L2 penalty.
    public var decoupled: Bool
    /// Number of steps taken (t).
    public private(set) var stepCount: Int = 0
    /// First-moment estimate m, one entry per parameter; empty until the first step.
    public private(set) var firstMoment: [Float] = []
    /// Second-moment estimate v, one entry per parameter; empty until the first step.
    public private(set) var secondMoment: [Float] = []
    /// Threads for the update; nil: the kernels' count (OpenBLAS's, see `KernelParallel`). The
    /// result does not depend on it: tests set it to compare counts.
    public var threadCount: Int?

    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupled: Bool = false) {
        precondition(learningRate >= 0, "Adam learningRate must be ≥ 0, got \(learningRate)")
        precondition(beta1 >= 0 && beta1 < 1, "Adam beta1 must be in [0, 1), got \(beta1)")
        precondition(beta2 >= 0 && beta2 < 1, "Adam beta2 must be in [0, 1), got \(beta2)")
        precondition(epsilon >= 0, "Adam epsilon must be ≥ 0, got \(epsilon)")
        precondition(weightDecay >= 0, "Adam weightDecay must be ≥ 0, got \(weightDecay)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
    }

    public mutating func step(values: UnsafeMutableBufferPointer<Float>, grads: UnsafeBufferPointer<Float>) {
        step(values: values, grads: grads, updating: [0..<values.count])
    }

    /// One step that moves only the parameters in `ranges` (and only their moments): the others
    /// stay exactly as they are, like PyTorch parameters with `requires_grad=False`. A zero
    /// gradient is not enough to freeze a parameter under Adam — its moments keep moving it — so
    /// frozen and inactive experts are left out of the ranges instead. t advances once per call.
    public mutating func step(values: UnsafeMutableBufferPointer<Float>, grads: UnsafeBufferPointer<Float>,
                              updating ranges: [Range<Int>]) {
        let n = values.count
        precondition(grads.count == n, "Adam.step: \(n) values but \(grads.count) gradients")
        precondition(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= n }, "Adam.step: a range lies outside the \(n) parameters")
        if firstMoment.isEmpty {
            firstMoment = [Float](repeating: 0, count: n)
            secondMoment = [Float](repeating: 0, count: n)
        }
        precondition(firstMoment.count == n,
                     "Adam.step: this optimizer was used on \(firstMoment.count) parameters, now \(n); use one optimizer per model")
        stepCount += 1
        let t = Double(stepCount)
        let biasCorrection1 = 1 - pow(Double(beta1), t)
        let biasCorrection2Sqrt = (1 - pow(Double(beta2), t)).squareRoot()
        let stepSize = Float(Double(learningRate) / biasCorrection1)
        let bc2Sqrt = Float(biasCorrection2Sqrt)
        let b1 = beta1, b2 = beta2, eps = epsilon
        // Adam folds the decay into g; AdamW multiplies p by (1 − lr·wd) before the update.
        let l2 = decoupled ? 0 : weightDecay
        let shrink: Float = decoupled ? 1 - learningRate * weightDecay : 1
        let constants = AdamConstants(b1: b1, b2: b2, eps: eps, l2: l2, shrink: shrink, stepSize: stepSize, bc2Sqrt: bc2Sqrt)
        let chunk = Self.chunk, threads = threadCount
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                for range in ranges where !range.isEmpty {
                    // Chunks of `chunk` parameters on up to `threads` threads: every parameter's update
                    // reads and writes only its own entries, so the bits are the same at any count.
                    let chunks = (range.count + chunk - 1) / chunk
                    KernelParallel.forEach(chunks, threadCount: threads) { c in
                        let lower = range.lowerBound + c * chunk
                        adamUpdate(lower..<min(lower + chunk, range.upperBound), values, grads, m, v, constants)
                    }
                }
            }
        }
    }

    /// Parameters per parallel task: a multiple of 8, so only a range's last chunk has a tail,
    /// and large enough (256 KiB of the four arrays together) that a task outweighs its dispatch.
    static let chunk = 16_384
}

/// `Adam.step`'s update on one range: eight parameters per vector, then the tail one by one —
/// the same IEEE operations in the same order as `adamUpdateReference`, so the same bits (tested).
/// On CPUs with AVX2, CKernels' intrinsics do it: Swift's build targets baseline x86-64, where
/// these eight lanes become two SSE halves and the divides and square roots ran at a quarter of
/// the C kernel's speed (1.9 ms against 0.34 ms for the routing MoE's 732 k parameters).
private func adamUpdate(_ range: Range<Int>, _ values: UnsafeMutableBufferPointer<Float>, _ grads: UnsafeBufferPointer<Float>,
                        _ m: UnsafeMutableBufferPointer<Float>, _ v: UnsafeMutableBufferPointer<Float>, _ constants: AdamConstants) {
    if adamUsesAVX2 {
        let c = constants, i = range.lowerBound
        biomoe_adam_update_avx2(values.baseAddress! + i, grads.baseAddress! + i, m.baseAddress! + i, v.baseAddress! + i,
                                range.count, c.b1, c.b2, c.eps, c.l2, c.shrink, c.stepSize, c.bc2Sqrt)
        return
    }
    adamUpdateSwift(range, values, grads, m, v, constants)
}

/// Whether `Adam.step` runs CKernels' AVX2 update (this CPU has AVX2).
public let adamUsesAVX2 = biomoe_cpu_has_avx2()

/// The Swift form of `adamUpdate` (CPUs without AVX2): eight lanes at a time, then the tail.
func adamUpdateSwift(_ range: Range<Int>, _ values: UnsafeMutableBufferPointer<Float>, _ grads: UnsafeBufferPointer<Float>,
                     _ m: UnsafeMutableBufferPointer<Float>, _ v: UnsafeMutableBufferPointer<Float>, _ constants: AdamConstants) {
    let full = range.lowerBound + range.count / 8 * 8
    var i = range.lowerBound
    while i < full {
        adamUpdateLanes(values.baseAddress! + i, grads.baseAddress! + i, m.baseAddress! + i, v.baseAddress! + i, constants)
        i += 8
    }
    adamUpdateReference(values: UnsafeMutableBufferPointer(rebasing: values[full..<range.upperBound]),
                        grads: UnsafeBufferPointer(rebasing: grads[full..<range.upperBound]),
                        m: UnsafeMutableBufferPointer(rebasing: m[full..<range.upperBound]),
                        v: UnsafeMutableBufferPointer(rebasing: v[full..<range.upperBound]), constants)
}

/// The per-step constants of one Adam update.
public struct AdamConstants: Sendable {
    public let b1, b2, eps, l2, shrink, stepSize, bc2Sqrt: Float

    public init(b1: Float, b2: Float, eps: Float, l2: Float, shrink: Float, stepSize: Float, bc2Sqrt: Float) {
        (self.b1, self.b2, self.eps, self.l2, self.shrink, self.stepSize, self.bc2Sqrt) = (b1, b2, eps, l2, shrink, stepSize, bc2Sqrt)
    }
}

/// The update of `Adam.step` for one parameter at a time: the reference the vector form is
/// tested equal to, bit for bit.
public func adamUpdateReference(values: UnsafeMutableBufferPointer<Float>, grads: UnsafeBufferPointer<Float>,
                                m: UnsafeMutableBufferPointer<Float>, v: UnsafeMutableBufferPointer<Float>, _ c: AdamConstants) {
    for i in 0..<values.count {
        let g = grads[i] + c.l2 * values[i]
        let p = values[i] * c.shrink
        m[i] = c.b1 * m[i] + (1 - c.b1) * g
        v[i] = c.b2 * v[i] + (1 - c.b2) * g * g
        // p -= stepSize · m / (√v / √(1 − β2ᵗ) + ε)
        values[i] = p - c.stepSize * m[i] / (v[i].squareRoot() / c.bc2Sqrt + c.eps)
    }
}

/// The same update on eight parameters (SSE sqrt and divide are correctly rounded, like the scalar ones).
@inline(__always)
func adamUpdateLanes(_ values: UnsafeMutablePointer<Float>, _ grads: UnsafePointer<Float>,
                     _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, _ c: AdamConstants) {
    let p0 = FloatLanes.load(values), g0 = FloatLanes.load(grads)
    let g = g0 + c.l2 * p0
    let p = p0 * c.shrink
    let mNew = c.b1 * FloatLanes.load(m) + (1 - c.b1) * g
    let vNew = c.b2 * FloatLanes.load(v) + (1 - c.b2) * g * g
    mNew.store(m)
    vNew.store(v)
    (p - c.stepSize * mNew / (vNew.squareRoot() / c.bc2Sqrt + c.eps)).store(values)
}

