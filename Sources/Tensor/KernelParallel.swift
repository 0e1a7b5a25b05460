import Dispatch

/// Parallel loops for biomoe's own kernels, sharing OpenBLAS's thread count.
///
/// Why one knob: a suite pins `OPENBLAS_NUM_THREADS` (recorded with every run), and shards run
/// one process per core with one thread each; a second, independent thread count would
/// oversubscribe the cores. Results never depend on it: callers split work into a fixed set of
/// tasks that write disjoint memory (partial sums are reduced afterwards in task order), so the
/// same bits come out at any thread count.
public enum KernelParallel {
    /// Threads the kernels use: OpenBLAS's count.
    public static var threads: Int { max(1, BLASThreads.count) }

    /// Runs `body(task)` for every task in 0..<tasks, on up to `threads` threads (`threadCount`
    /// overrides it: tests compare thread counts without touching the process-wide setting).
    /// Tasks must not write memory another task reads or writes.
    public static func forEach(_ tasks: Int, threadCount: Int? = nil, _ body: (Int) -> Void) {
        let workers = min(max(1, threadCount ?? threads), tasks)
        if workers <= 1 {
            for task in 0..<tasks { body(task) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var task = worker
            while task < tasks {
                body(task)
                task += workers
            }
        }
    }
}
