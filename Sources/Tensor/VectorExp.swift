/// The lane width of biomoe's portable SIMD kernels. Eight floats: two SSE registers on the
/// x86-64 baseline every build targets (no `-target-cpu`, so one binary gives the same bits on
/// every x86-64 machine), one AVX register where the compiler may use it.
public typealias FloatLanes = SIMD8<Float>

/// eˣ on eight lanes, without a libm call per element: the Cephes `expf` scheme.
///
///     n = round(x · log₂e),  r = x − n·ln2  (ln2 split hi + lo, so r is exact to ~1 ulp)
///     eʳ ≈ 1 + r + r²·P(r)   (degree-5 minimax P on |r| ≤ ln2/2)
///     eˣ = 2ⁿ · eʳ           (2ⁿ built in the exponent bits)
///
/// Relative error ≤ 2·10⁻⁷ on [−87.3, 88.7] (tested against `expf` on a dense grid); 0 below
/// −87.3 (where `expf` is subnormal or 0), +∞ above 88.7. NaN lanes give NaN.
@_transparent
public func vectorExp(_ x: FloatLanes) -> FloatLanes {
    let log2e: Float = 1.44269504088896341
    let ln2Hi: Float = 0.693359375, ln2Lo: Float = -2.12194440e-4
    // 1.5 · 2²³: adding and subtracting it rounds to the nearest integer (ties to even) without
    // SSE4.1's roundps, which the x86-64 baseline lacks.
    let magic: Float = 12_582_912
    // NaN lanes are computed as 0 and restored at the end.
    var clamped = x.replacing(with: 0, where: x .!= x)
    clamped.replace(with: -87.3, where: clamped .< -87.3)
    clamped.replace(with: 88.7, where: clamped .> 88.7)
    let shifted = clamped * log2e + magic
    let n = shifted - magic
    var r = clamped - n * ln2Hi
    r = r - n * ln2Lo
    // P(r) by Horner, Cephes expf coefficients
    var p = FloatLanes(repeating: 1.9875691500e-4)
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let er = p * (r * r) + r + 1
    // 2ⁿ: n sits in the low mantissa bits of `shifted` (its bits minus magic's bits, |n| < 2²²);
    // (n + 127) goes in the exponent field. No float→int conversion, which has no SSE2 vector form.
    let nBits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- magic.bitPattern
    let exponent = (nBits &+ 127) &<< 23
    var result = er * unsafeBitCast(exponent, to: FloatLanes.self)
    result.replace(with: 0, where: x .< -87.3)
    result.replace(with: .infinity, where: x .> 88.7)
    result.replace(with: x, where: x .!= x)
    return result
}

/// eˣ for x ≤ 0 (or NaN) on eight lanes: the same bits as `vectorExp` there, without its NaN
/// masking and upper clamp. The selective scan's decays exp(Δ·A) have Δ ≥ 0 and A < 0, and
/// they are most of a Mamba block's exps, so the saved work is worth a second entry point.
/// NaN needs no mask: it flows through the arithmetic into the product. Positive x give
/// garbage; callers guarantee x ≤ 0.
@_transparent
public func vectorExpNonPositive(_ x: FloatLanes) -> FloatLanes {
    let log2e: Float = 1.44269504088896341
    let ln2Hi: Float = 0.693359375, ln2Lo: Float = -2.12194440e-4
    let magic: Float = 12_582_912
    let clamped = x.replacing(with: -87.3, where: x .< -87.3)
    let shifted = clamped * log2e + magic
    let n = shifted - magic
    var r = clamped - n * ln2Hi
    r = r - n * ln2Lo
    var p = FloatLanes(repeating: 1.9875691500e-4)
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let er = p * (r * r) + r + 1
    let nBits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- magic.bitPattern
    let exponent = (nBits &+ 127) &<< 23
    return (er * unsafeBitCast(exponent, to: FloatLanes.self)).replacing(with: 0, where: x .< -87.3)
}

public extension FloatLanes {
    /// Loads `count` ≤ 8 floats from `base`, zeros in the lanes past `count`.
    @inlinable @inline(__always)
    static func load(_ base: UnsafePointer<Float>, count: Int = 8) -> FloatLanes {
        if count == 8 { return UnsafeRawPointer(base).loadUnaligned(as: FloatLanes.self) }
        var v = FloatLanes()
        for lane in 0..<count { v[lane] = base[lane] }
        return v
    }

    /// Stores the first `count` ≤ 8 lanes at `base`.
    @inlinable @inline(__always)
    func store(_ base: UnsafeMutablePointer<Float>, count: Int = 8) {
        if count == 8 { UnsafeMutableRawPointer(base).storeBytes(of: self, as: FloatLanes.self); return }
        for lane in 0..<count { base[lane] = self[lane] }
    }
}

/// ln x on eight lanes (x > 0), the Cephes `logf` scheme: x = m·2ᵉ with m ∈ [√½, √2), then
/// ln m = f − f²/2 + f³·P(f) with f = m − 1 (degree-8 P), plus e·ln2 (split hi + lo).
/// Relative error ≤ 2·10⁻⁷ on normal floats (tested against `log`); the callers pass x ≥ 1.
@_transparent
public func vectorLog(_ x: FloatLanes) -> FloatLanes {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
    // frexp: mantissa in [0.5, 1) and the exponent to go with it
    var exponent = FloatLanes(SIMD8<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xff) &- 126)
    var m = unsafeBitCast((bits & 0x807f_ffff) | 0x3f00_0000, to: FloatLanes.self)
    let small = m .< 0.707106781186547524
    exponent.replace(with: exponent - 1, where: small)
    m = m.replacing(with: m + m, where: small) - 1
    let z = m * m
    var p = FloatLanes(repeating: 7.0376836292e-2)
    p = p * m - 1.1514610310e-1
    p = p * m + 1.1676998740e-1
    p = p * m - 1.2420140846e-1
    p = p * m + 1.4249322787e-1
    p = p * m - 1.6668057665e-1
    p = p * m + 2.0000714765e-1
    p = p * m - 2.4999993993e-1
    p = p * m + 3.3333331174e-1
    var y = p * m * z
    y = y + exponent * -2.12194440e-4
    y = y - 0.5 * z
    return m + y + exponent * 0.693359375
}

/// softplus(x) = ln(1 + eˣ) on eight lanes, x itself above 20 (as `softplus` and PyTorch do).
/// ln(1 + u) is taken as ln(w)·u/(w − 1) with w = 1 + u (Goldberg's log1p), so tiny eˣ keep
/// their relative precision; agrees with `log1pf(expf(x))` to ~3·10⁻⁷ relative.
@_transparent
public func vectorSoftplus(_ x: FloatLanes) -> FloatLanes {
    let u = vectorExp(x.replacing(with: 0, where: x .> 20))
    let w = u + 1
    let wm1 = w - 1
    var log1p = vectorLog(w) * (u / wm1.replacing(with: 1, where: wm1 .== 0))
    log1p.replace(with: u, where: wm1 .== 0)
    return log1p.replacing(with: x, where: x .> 20)
}

/// 1 − e^(−s) on eight lanes, the softplus derivative from its output s ≥ 0 (as
/// `softplusDerivative`), by Kahan's expm1: (u − 1)·s/ln u with u = e^(−s), exact for tiny s.
@_transparent
public func vectorSoftplusDerivative(output s: FloatLanes) -> FloatLanes {
    // 0 − s, not −s: the stdlib's prefix minus on SIMD8 is a lane loop that LLVM leaves scalar,
    // and everything downstream of it with it.
    let u = vectorExp(0 - s)
    let um1 = u - 1
    let safeLog = vectorLog(u.replacing(with: 0.5, where: um1 .== 0))
    var expm1 = um1 * ((0 - s) / safeLog)
    expm1.replace(with: -s, where: um1 .== 0)
    expm1.replace(with: -1, where: u .== 0)
    return 0 - expm1
}
