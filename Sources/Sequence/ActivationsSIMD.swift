import Tensor
import CKernels

/// The SiLU kernels of Activations.swift (same equations; results agree to ~3e-7 relative, the
/// difference between `vectorExp` and libm's `expf`), eight lanes at a time and parallel over
/// fixed chunks of the element range.
///
/// Why: Mamba applies SiLU to every channel of every token twice (after the convolution and on
/// the gate), and the scalar loops call `expf` once per element on one core. The chunking is
/// fixed, every element is computed by the same code whatever the chunk, and chunks write
/// disjoint memory, so the thread count changes no bit. With `instructions` AVX-512 (the default
/// on CPUs that have it) each chunk runs in CKernels: the same operations on sixteen lanes, the
/// same bits (tested).
private let activationChunk = 16_384

/// Runs `body(lo, hi)` over fixed chunks of 0..<N on the kernels' threads.
@inline(__always)
private func forEachChunk(_ N: Int, threads: Int?, _ body: (Int, Int) -> Void) {
    let chunks = (N + activationChunk - 1) / activationChunk
    KernelParallel.forEach(chunks, threadCount: threads) { chunk in
        let lo = chunk * activationChunk
        body(lo, min(N, lo + activationChunk))
    }
}

/// σ(x) = 1 / (1 + e^(−x)) on eight lanes. (0 − x rather than −x throughout: the stdlib's prefix
/// minus on SIMD8 is a lane loop that LLVM leaves scalar, taking the exp with it.)
@_transparent
func vectorSigmoid(_ x: FloatLanes) -> FloatLanes {
    1 / (1 + vectorExp(0 - x))
}

/// out = x / (1 + e^(−x)) on eight lanes.
@_transparent
func siluLanes(_ x: FloatLanes) -> FloatLanes { x / (1 + vectorExp(0 - x)) }

/// `siluForward` vectorised: out = x · σ(x).
///
/// Every kernel here runs its full lane blocks and its partial tail as two separate calls of
/// the same lane function: with one shared call, LLVM merged the partial load's lane-by-lane
/// construction into the full path and left the whole exp scalar.
public func siluForwardSIMD(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>,
                            N: Int, threads: Int? = nil, instructions: VectorInstructions = .best) {
    precondition(out.count == N && inp.count == N,
                 "siluForwardSIMD: out has \(out.count) and inp \(inp.count) elements, expected N = \(N)")
    guard N > 0, let o = out.baseAddress, let x = inp.baseAddress else { return }
    let avx512 = instructions.runnable == .avx512
    forEachChunk(N, threads: threads) { lo, hi in
        if avx512 { return biomoe_silu_forward_avx512(o + lo, x + lo, hi - lo) }
        var i = lo
        while i + 8 <= hi {
            siluLanes(FloatLanes.load(x + i)).store(o + i)
            i += 8
        }
        if i < hi { siluLanes(FloatLanes.load(x + i, count: hi - i)).store(o + i, count: hi - i) }
    }
}

/// dinp + dout · σ(x) · (1 + x·(1 − σ(x))) on eight lanes.
@_transparent
func siluBackwardLanes(dinp: FloatLanes, dout: FloatLanes, x: FloatLanes) -> FloatLanes {
    let s = vectorSigmoid(x)
    return dinp + dout * s * (1 + x * (1 - s))
}

/// `siluBackward` vectorised: dinp += dout · σ(x) · (1 + x·(1 − σ(x))).
public func siluBackwardSIMD(dinp: UnsafeMutableBufferPointer<Float>, dout: UnsafeBufferPointer<Float>,
                             inp: UnsafeBufferPointer<Float>, N: Int, threads: Int? = nil,
                             instructions: VectorInstructions = .best) {
    precondition(dinp.count == N && dout.count == N && inp.count == N,
                 "siluBackwardSIMD: dinp \(dinp.count), dout \(dout.count), inp \(inp.count) elements, expected N = \(N)")
    guard N > 0, let di = dinp.baseAddress, let g = dout.baseAddress, let x = inp.baseAddress else { return }
    let avx512 = instructions.runnable == .avx512
    forEachChunk(N, threads: threads) { lo, hi in
        if avx512 { return biomoe_silu_backward_avx512(di + lo, g + lo, x + lo, hi - lo) }
        var i = lo
        while i + 8 <= hi {
            siluBackwardLanes(dinp: .load(di + i), dout: .load(g + i), x: .load(x + i)).store(di + i)
            i += 8
        }
        if i < hi {
            let w = hi - i
            siluBackwardLanes(dinp: .load(di + i, count: w), dout: .load(g + i, count: w), x: .load(x + i, count: w))
                .store(di + i, count: w)
        }
    }
}

/// `siluGateForward` vectorised: out = y · z · σ(z).
public func siluGateForwardSIMD(out: UnsafeMutableBufferPointer<Float>, y: UnsafeBufferPointer<Float>,
                                z: UnsafeBufferPointer<Float>, N: Int, threads: Int? = nil,
                                instructions: VectorInstructions = .best) {
    precondition(out.count == N && y.count == N && z.count == N,
                 "siluGateForwardSIMD: out \(out.count), y \(y.count), z \(z.count) elements, expected N = \(N)")
    guard N > 0, let o = out.baseAddress, let yp = y.baseAddress, let zp = z.baseAddress else { return }
    let avx512 = instructions.runnable == .avx512
    forEachChunk(N, threads: threads) { lo, hi in
        if avx512 { return biomoe_silu_gate_forward_avx512(o + lo, yp + lo, zp + lo, hi - lo) }
        var i = lo
        // out = y · (z / (1 + e^(−z)))
        while i + 8 <= hi {
            (FloatLanes.load(yp + i) * siluLanes(FloatLanes.load(zp + i))).store(o + i)
            i += 8
        }
        if i < hi {
            let w = hi - i
            (FloatLanes.load(yp + i, count: w) * siluLanes(FloatLanes.load(zp + i, count: w))).store(o + i, count: w)
        }
    }
}

/// (dy + dout · z · σ(z), dz + dout · y · σ(z) · (1 + z·(1 − σ(z)))) on eight lanes.
@_transparent
func siluGateBackwardLanes(dy: FloatLanes, dz: FloatLanes, dout: FloatLanes, y: FloatLanes,
                                   z: FloatLanes) -> (dy: FloatLanes, dz: FloatLanes) {
    let s = vectorSigmoid(z)
    return (dy + dout * z * s, dz + dout * y * s * (1 + z * (1 - s)))
}

/// `siluGateBackward` vectorised: dy += dout · silu(z); dz += dout · y · σ(z) · (1 + z·(1 − σ(z))).
public func siluGateBackwardSIMD(dy: UnsafeMutableBufferPointer<Float>, dz: UnsafeMutableBufferPointer<Float>,
                                 dout: UnsafeBufferPointer<Float>, y: UnsafeBufferPointer<Float>,
                                 z: UnsafeBufferPointer<Float>, N: Int, threads: Int? = nil,
                                 instructions: VectorInstructions = .best) {
    precondition(dy.count == N && dz.count == N && dout.count == N && y.count == N && z.count == N,
                 "siluGateBackwardSIMD: every buffer must hold N = \(N) elements")
    guard N > 0, let dyp = dy.baseAddress, let dzp = dz.baseAddress, let gp = dout.baseAddress,
          let yp = y.baseAddress, let zp = z.baseAddress else { return }
    let avx512 = instructions.runnable == .avx512
    forEachChunk(N, threads: threads) { lo, hi in
        if avx512 { return biomoe_silu_gate_backward_avx512(dyp + lo, dzp + lo, gp + lo, yp + lo, zp + lo, hi - lo) }
        var i = lo
        while i + 8 <= hi {
            let r = siluGateBackwardLanes(dy: .load(dyp + i), dz: .load(dzp + i), dout: .load(gp + i), y: .load(yp + i), z: .load(zp + i))
            r.dy.store(dyp + i)
            r.dz.store(dzp + i)
            i += 8
        }
        if i < hi {
            let w = hi - i
            let r = siluGateBackwardLanes(dy: .load(dyp + i, count: w), dz: .load(dzp + i, count: w), dout: .load(gp + i, count: w),
                                          y: .load(yp + i, count: w), z: .load(zp + i, count: w))
            r.dy.store(dyp + i, count: w)
            r.dz.store(dzp + i, count: w)
        }
    }
}
