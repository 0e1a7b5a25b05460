import Tensor

/// Draws batches from a pool as a shuffled data loader with `drop_last` does: the pool is
/// reshuffled at the start of every pass, and a pass ends when fewer than a batch remain.
public struct EpochSampler {
    private(set) var pool: [SplitTasks.Sample]
    private var position = 0
    private var rng: Philox4x32_10

    public init(pool: [SplitTasks.Sample], rng: Philox4x32_10) {
        precondition(!pool.isEmpty, "EpochSampler needs a non-empty pool")
        self.pool = pool
        self.rng = rng
        self.rng.shuffle(&self.pool)
    }

    /// The next `count` samples (all of the pool when it holds fewer).
    public mutating func next(_ count: Int) -> ArraySlice<SplitTasks.Sample> {
        let size = min(count, pool.count)
        if position + size > pool.count {
            rng.shuffle(&pool)
            position = 0
        }
        defer { position += size }
        return pool[position..<(position + size)]
    }
}
