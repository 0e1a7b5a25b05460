import Tensor

/// A small memory of stored training examples for experience replay: after each task, up to
/// `perClass` examples of each of its classes, chosen uniformly at random without replacement
/// (van de Ven et al. 2022's "ER" with random selection; the budget is per class).
public struct ReplayBuffer: Sendable {
    public let perClass: Int
    public private(set) var samples: [SplitTasks.Sample] = []

    public init(perClass: Int) {
        precondition(perClass > 0, "ReplayBuffer needs perClass > 0, got \(perClass)")
        self.perClass = perClass
    }

    /// Stores up to `perClass` random examples of every class in `task`.
    public mutating func store(task: [SplitTasks.Sample], rng: inout Philox4x32_10) {
        var byClass: [Int: [SplitTasks.Sample]] = [:]
        for sample in task { byClass[sample.withinTask, default: []].append(sample) }
        for within in byClass.keys.sorted() {
            var pool = byClass[within]!
            rng.shuffle(&pool)
            samples.append(contentsOf: pool.prefix(perClass))
        }
    }
}
