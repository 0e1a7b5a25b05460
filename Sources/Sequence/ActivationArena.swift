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
    // One row at a time as a block copy: the element loop with its bounds checks took 2 % of a
    // Mamba block's training step.
    for r in 0..<R { (to + r * width).update(from: from + r * stride + first, count: width) }
}

/// The reverse of `copyColumns`: writes a [R, width] matrix into columns `first ..< first + width`
/// of a [R, stride] one (assembling the gradient of a split).
func placeColumns(into destination: UnsafeMutableBufferPointer<Float>, from source: UnsafeBufferPointer<Float>,
                  R: Int, stride: Int, first: Int, width: Int) {
    precondition(source.count >= R * width && destination.count >= R * stride && first + width <= stride,
                 "placeColumns: buffers too small for \(R) rows of \(width) of \(stride) columns")
    guard R > 0, width > 0, let to = destination.baseAddress, let from = source.baseAddress else { return }
    for r in 0..<R { (to + r * stride + first).update(from: from + r * width, count: width) }
}
