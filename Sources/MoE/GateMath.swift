import Tensor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// softplus(x) = log(1 + eˣ), computed without overflow for large x.
@inline(__always)
func softplus(_ x: Float) -> Float {
    x > 20 ? x : log1pf(expf(x))
}

/// σ(x) = 1 / (1 + e⁻ˣ), the derivative of `softplus`.
@inline(__always)
func sigmoid(_ x: Float) -> Float {
    1 / (1 + expf(-x))
}

/// Φ(z), the standard normal CDF: ½·erfc(−z/√2).
@inline(__always)
func standardNormalCDF(_ z: Float) -> Float {
    0.5 * erfcf(-z * 0.70710678118654752)
}

/// φ(z) = e^(−z²/2) / √(2π), the standard normal density (dΦ/dz).
@inline(__always)
func standardNormalPDF(_ z: Float) -> Float {
    expf(-0.5 * z * z) * 0.39894228040143268
}

/// The squared coefficient of variation used by Shazeer et al. (2017) for the importance and
/// load losses, with the population variance over the E entries:
///
///     μ = (1/E) Σ_i x_i,   v = (1/E) Σ_i (x_i − μ)²,   CV² = v / (μ² + 1e-10)
public func coefficientOfVariationSquared(_ x: UnsafeBufferPointer<Float>) -> Float {
    let E = x.count
    precondition(E > 0, "coefficientOfVariationSquared needs at least one value")
    var mean: Float = 0
    for i in 0..<E { mean += x[i] }
    mean /= Float(E)
    var variance: Float = 0
    for i in 0..<E { variance += (x[i] - mean) * (x[i] - mean) }
    variance /= Float(E)
    return variance / (mean * mean + 1e-10)
}

/// Backward of `coefficientOfVariationSquared` for a loss `scale · CV²(x)`; adds into `dx`.
///
/// Forward: `CV² = v / (μ² + ε)`, hence with dv/dx_i = 2(x_i − μ)/E and dμ/dx_i = 1/E
///
///     dx_i += scale · [2(x_i − μ) / (E(μ² + ε)) − v · 2μ / (E(μ² + ε)²)]
public func coefficientOfVariationSquaredBackward(
    dx: UnsafeMutableBufferPointer<Float>,
    x: UnsafeBufferPointer<Float>,
    scale: Float
) {
    let E = x.count
    precondition(E > 0 && dx.count == E, "coefficientOfVariationSquaredBackward: dx has \(dx.count) elements, x \(E)")
    var mean: Float = 0
    for i in 0..<E { mean += x[i] }
    mean /= Float(E)
    var variance: Float = 0
    for i in 0..<E { variance += (x[i] - mean) * (x[i] - mean) }
    variance /= Float(E)
    let denominator = mean * mean + 1e-10
    let meanTerm = variance * 2 * mean / (Float(E) * denominator * denominator)
    for i in 0..<E {
        dx[i] += scale * (2 * (x[i] - mean) / (Float(E) * denominator) - meanTerm)
    }
}
