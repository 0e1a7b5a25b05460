#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Every random draw of the project: uniforms, normals, integers, shuffles. Callers pass the
/// generator of a named stream (`RandomStreams.generator(_:)`), so a run's numbers depend only
/// on its seeds and stream names.
///
/// Why written out rather than `Float.random(in:using:)`, `Int.random(in:using:)` or
/// `shuffle(using:)`: the standard library does not promise those algorithms stay the same across
/// releases or platforms, and a seeded run must produce the same numbers everywhere. Each function
/// here fixes how many `next()` calls it makes and the exact float arithmetic; changing either
/// moves published numbers, so a new algorithm gets a new function instead.
///
/// Generic over `RandomNumberGenerator` so tests can drive them with a fixed word sequence; the
/// runs use `Philox4x32_10`.
extension RandomNumberGenerator {
    /// Uniform on [0, 1) from the top 24 bits of one `next()`: `Float(next >> 40) · 2⁻²⁴`.
    /// Every value is exact in Float (24-bit mantissa).
    @inlinable @inline(__always)
    public mutating func unitUniformFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform on [0, 1) from the top 53 bits of one `next()`: `Double(next >> 11) · 2⁻⁵³`.
    @inlinable @inline(__always)
    public mutating func unitUniformDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Fills `buffer` with draws from U(−bound, bound), element 0 first:
    /// `x = (2u − 1) · bound` with u from `unitUniformFloat()`.
    @inlinable
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, bound: Float) {
        precondition(bound >= 0, "fillUniform: bound must be ≥ 0, got \(bound)")
        for i in 0..<buffer.count {
            buffer[i] = (2 * unitUniformFloat() - 1) * bound
        }
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-shift with rejection (unbiased):
    /// one `next()`, more only when the low word falls in the rejection zone.
    @inlinable @inline(__always)
    public mutating func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt: bound must be > 0, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// An index in 0..<bound as the high word of `next() · bound` (multiply-shift without
    /// Lemire's rejection step): exactly one `next()` per index, biased by at most bound/2⁶⁴.
    /// The bootstrap draws its resample indices this way; its intervals were computed with it,
    /// so it stays rather than switching to `uniformInt(below:)`.
    @inlinable @inline(__always)
    public mutating func multiplyShiftIndex(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A standard normal by Box–Muller in Double from two 53-bit uniforms (two `next()` calls),
    /// rounded to Float; no second value is cached, so n draws always consume 2n `next()` calls.
    /// Router noise and the library's normals use this one.
    ///
    /// Why two Box–Muller variants exist: the routing-learning projection was written with
    /// `standardNormalBoxMullerFloat()` and its results are published; both stay, named by how
    /// they compute, so neither stream of numbers moves.
    @inlinable @inline(__always)
    public mutating func standardNormalBoxMuller() -> Float {
        let u1 = 1.0 - Double(next() >> 11) * 0x1p-53   // (0, 1]: log is finite
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2))
    }

    /// A standard normal by Box–Muller in Float from two 24-bit uniforms (two `next()` calls):
    /// u₁ = (top 24 bits + 1)·2⁻²⁴ ∈ (0, 1], u₂ = top 24 bits·2⁻²⁴, z = √(−2 ln u₁)·cos 2πu₂.
    /// Coarser than `standardNormalBoxMuller()` (the tails stop near ±5.6); the routing-learning
    /// random projection (`router_features: projected`) draws its matrix with it.
    @inlinable @inline(__always)
    public mutating func standardNormalBoxMullerFloat() -> Float {
        let u1 = (Float(next() >> 40) + 1) * 0x1p-24  // (0, 1]
        let u2 = Float(next() >> 40) * 0x1p-24
        return (-2 * logf(u1)).squareRoot() * cosf(2 * .pi * u2)
    }

    /// Fisher–Yates shuffle from the last element down, swapping i with `uniformInt(below: i + 1)`.
    @inlinable
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = uniformInt(below: i + 1)
            array.swapAt(i, j)
        }
    }
}

extension Philox4x32_10 {
    /// Uniform on [0, 1) from one 32-bit word (24 bits): `Float(word >> 8) · 2⁻²⁴`. Half the
    /// stream of `unitUniformFloat()`, which takes a whole `next()`; the two give different values.
    public mutating func nextUniformFloat() -> Float {
        Float(nextWord() >> 8) * 0x1p-24
    }
}
