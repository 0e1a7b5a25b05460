/// States of a selective scan saved by its forward every `interval` steps, so that its backward
/// replays the states one chunk of steps at a time instead of the whole sequence at once.
///
/// Why: the AVX-512 backward replays each pair of channel registers' states before its reverse
/// sweep. Over a whole sequence (T = 256) a pair's replay fills 1 MB and its sweep walks the
/// rows of the [B,T,D] inputs and gradients from memory, pair after pair; chunk by chunk, every
/// pair works on the same few rows while they are in cache, and the next chunk's rows are
/// fetched meanwhile. At the perf suite's shape (batch 16, T 256, d_inner 256, d_state 16, one
/// thread, C micro-benchmark) the scan's backward took 19.3–19.7 ms over whole sequences and
/// 15.5–15.9 ms this way; the forward's saving of the states costs under 0.3 ms. The replay
/// from a checkpoint computes the states the forward computed, with the same operations, so the
/// bits do not change (tested).
///
/// Only the AVX-512 kernels write and read them. A forward records which scan they hold; a
/// backward uses them only for a scan of the same shape, and the caller must hand it the
/// outputs of that same forward (as it already does with Δ). Any other forward clears them.
public final class SelectiveScanCheckpoints: @unchecked Sendable {
    /// Steps between saved states: the backward's chunk length. Measured at the perf shape: 8
    /// steps 15.5–15.9 ms, 16 steps 16.0–16.1 ms, 32 steps 17.0–17.3 ms, whole sequences
    /// 19.3–19.7 ms.
    public static let interval = 8

    /// [B, ⌈T/interval⌉ − 1, N, D]: the state before steps interval, 2·interval, …
    let storage: UnsafeMutableBufferPointer<Float>
    /// The (B, T, D, N) of the forward that wrote them; nil until one has.
    private(set) var scan: [Int]?

    /// Room for any scan with B·T ≤ `maxTokens` and these D, N.
    public init(maxTokens: Int, D: Int, N: Int) {
        precondition(maxTokens > 0 && D > 0 && N > 0, "SelectiveScanCheckpoints needs maxTokens, D and N > 0")
        let count = Self.floats(maxTokens: maxTokens, D: D, N: N)
        // 64-byte aligned: the kernel streams whole registers past the caches when it can.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        storage = UnsafeMutableBufferPointer(start: raw.bindMemory(to: Float.self, capacity: max(1, count)), count: count)
    }

    deinit {
        UnsafeMutableRawPointer(storage.baseAddress!).deallocate()
        scratchRegions.forEach { $0.deallocate() }
    }

    /// B·(⌈T/interval⌉ − 1) ≤ B·T / interval for every T, so this bounds every scan's need.
    static func floats(maxTokens: Int, D: Int, N: Int) -> Int { maxTokens / interval * N * D }

    /// Floats a scan of this shape saves.
    static func floats(B: Int, T: Int, D: Int, N: Int) -> Int { B * max(0, (T + interval - 1) / interval - 1) * N * D }

    /// Where a forward of this shape writes, remembering the shape; nil (and forgotten) when they
    /// do not fit.
    func beginForward(B: Int, T: Int, D: Int, N: Int) -> UnsafeMutablePointer<Float>? {
        guard Self.floats(B: B, T: T, D: D, N: N) <= storage.count else {
            scan = nil
            return nil
        }
        scan = [B, T, D, N]
        return storage.baseAddress
    }

    /// A forward that did not write them: they no longer hold its scan.
    func invalidate() { scan = nil }

    /// The saved states, if they are of a scan of this shape.
    func states(B: Int, T: Int, D: Int, N: Int) -> UnsafePointer<Float>? {
        scan == [B, T, D, N] ? UnsafePointer(storage.baseAddress) : nil
    }

    /// The backward's working memory, one region of at least `bytes` per worker, kept from call
    /// to call. Why kept: allocated per sequence, its half megabyte went back to the system at
    /// each free (it is below glibc's trim threshold only while a larger block has been freed
    /// before), and the page faults of taking it again cost as much as the chunks saved.
    func scratch(workers: Int, bytes: Int) -> [UnsafeMutableRawPointer] {
        if workers > scratchRegions.count || bytes > scratchBytes {
            scratchRegions.forEach { $0.deallocate() }
            scratchBytes = max(bytes, scratchBytes)
            scratchRegions = (0..<max(workers, scratchRegions.count)).map { _ in
                UnsafeMutableRawPointer.allocate(byteCount: max(1, scratchBytes), alignment: 64)
            }
        }
        return scratchRegions
    }

    private var scratchRegions: [UnsafeMutableRawPointer] = []
    private var scratchBytes = 0
}
