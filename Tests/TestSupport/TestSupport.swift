import Tensor
import NN

/// Helpers shared by the kernel test targets (NN, Spiking, MoE, Sequence, Learning), so each
/// target's tests draw the same fixed numbers the same way.

/// SplitMix64: a tiny, fully specified generator so tests do not depend on the library's RNG.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` values in [lo, hi) from a seeded SplitMix64.
public func testValues(_ count: Int, seed: UInt64, in range: (Float, Float) = (-1, 1)) -> [Float] {
    var g = SplitMix64(seed: seed)
    return (0..<count).map { _ in range.0 + (range.1 - range.0) * g.unitUniformFloat() }
}

/// Σ_i x[i] · w[i] in Double: a loss whose gradient with respect to x is exactly w, used to
/// turn a layer's vector output into a scalar for finite differences.
public func projectedLoss(_ x: UnsafeMutableBufferPointer<Float>, _ w: [Float]) -> Double {
    precondition(x.count == w.count)
    var sum = 0.0
    for i in 0..<x.count { sum += Double(x[i]) * Double(w[i]) }
    return sum
}

/// An allocated buffer holding `values`; the caller deallocates.
public func makeBuffer(_ values: [Float]) -> UnsafeMutableBufferPointer<Float> {
    let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: values.count)
    _ = buffer.initialize(from: values)
    return buffer
}

/// An allocated, zero-filled buffer; the caller deallocates.
public func makeBuffer(zeros count: Int) -> UnsafeMutableBufferPointer<Float> {
    let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
    buffer.initialize(repeating: 0)
    return buffer
}

extension UnsafeMutableBufferPointer where Element == Float {
    public var readOnly: UnsafeBufferPointer<Float> { UnsafeBufferPointer(self) }
}
