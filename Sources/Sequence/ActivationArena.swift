import Tensor

/// One allocation carved into named activation buffers, made once per model for the largest
/// batch (llm.c's `ActivationTensors`), so forward, backward and step never allocate.
final class ActivationArena {
    private let storage: UnsafeMutableBufferPointer<Float>
    /// The carved buffers, in the order of the sizes given to `init`.
    let buffers: [UnsafeMutableBufferPointer<Float>]

    init(_ sizes: [Int]) {
        precondition(sizes.allSatisfy { $0 >= 0 }, "ActivationArena: sizes must be non-negative, got \(sizes)")
        let storage = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, sizes.reduce(0, +)))
        storage.initialize(repeating: 0)
        self.storage = storage
        var offset = 0
        var buffers: [UnsafeMutableBufferPointer<Float>] = []
        for size in sizes {
            buffers.append(UnsafeMutableBufferPointer(rebasing: storage[offset..<(offset + size)]))
            offset += size
        }
        self.buffers = buffers
    }

    deinit { storage.deallocate() }

    /// Floats held, for memory accounting.
    var count: Int { storage.count }
}

extension UnsafeMutableBufferPointer where Element == Float {
    /// The first `count` elements (the rows in use when B·T is below the maximum).
    @inline(__always)
    func prefix(count: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: self[0..<count])
    }

    /// The first `count` elements, read-only.
    @inline(__always)
    func input(_ count: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(rebasing: self[0..<count])
    }

    var readOnly: UnsafeBufferPointer<Float> { UnsafeBufferPointer(self) }
}

/// Copies columns `first ..< first + width` of a [R, stride] matrix into a [R, width] one
/// (splitting x_proj's output into dt, B, C, or in_proj's into x and z).
func copyColumns(to destination: UnsafeMutableBufferPointer<Float>, from source: UnsafeBufferPointer<Float>,
                 R: Int, stride: Int, first: Int, width: Int) {
    precondition(destination.count >= R * width && source.count >= R * stride && first + width <= stride,
                 "copyColumns: buffers too small for \(R) rows of \(width) of \(stride) columns")
    guard R > 0, width > 0, let to = destination.baseAddress, let from = source.baseAddress else { return }
    // One row at a time as a block copy (the element loop with its bounds checks took 2 % of a
    // Mamba block's training step), in chunks of rows on the kernels' threads.
    forEachRowChunk(R) { lo, hi in
        for r in lo..<hi { (to + r * width).update(from: from + r * stride + first, count: width) }
    }
}

/// The reverse of `copyColumns`: writes a [R, width] matrix into columns `first ..< first + width`
/// of a [R, stride] one (assembling the gradient of a split).
func placeColumns(into destination: UnsafeMutableBufferPointer<Float>, from source: UnsafeBufferPointer<Float>,
                  R: Int, stride: Int, first: Int, width: Int) {
    precondition(source.count >= R * width && destination.count >= R * stride && first + width <= stride,
                 "placeColumns: buffers too small for \(R) rows of \(width) of \(stride) columns")
    guard R > 0, width > 0, let to = destination.baseAddress, let from = source.baseAddress else { return }
    forEachRowChunk(R) { lo, hi in
        for r in lo..<hi { (to + r * stride + first).update(from: from + r * width, count: width) }
    }
}

/// Sets the first `count` floats of each buffer to zero, in chunks on the kernels' threads: a
/// Mamba block's backward clears ten [B·T, ≥ d_inner] gradients, which on one thread kept the
/// second thread idle for 2 % of the step.
func zeroPrefixes(_ buffers: [UnsafeMutableBufferPointer<Float>], counts: [Int]) {
    precondition(buffers.count == counts.count, "zeroPrefixes: one count per buffer")
    let chunk = 1 << 16
    var pieces: [UnsafeMutableBufferPointer<Float>] = []
    for (buffer, count) in zip(buffers, counts) {
        precondition(count <= buffer.count, "zeroPrefixes: \(count) exceeds the buffer's \(buffer.count) floats")
        var lo = 0
        while lo < count {
            pieces.append(UnsafeMutableBufferPointer(rebasing: buffer[lo..<min(count, lo + chunk)]))
            lo += chunk
        }
    }
    KernelParallel.forEach(pieces.count) { pieces[$0].update(repeating: 0) }
}

/// Runs `body(lo, hi)` over fixed chunks of 256 rows of 0..<R on the kernels' threads; the
/// chunks write disjoint rows, so the thread count changes nothing.
private func forEachRowChunk(_ R: Int, _ body: (Int, Int) -> Void) {
    let rows = 256, chunks = (R + rows - 1) / rows
    KernelParallel.forEach(chunks) { chunk in body(chunk * rows, min(R, (chunk + 1) * rows)) }
}
