/// R[t][j]: accuracy on task j's test set after training on tasks 0…t (j ≤ t), and the summaries
/// of Lopez-Paz & Ranzato (2017) and Chaudhry et al. (2018) computed from it.
public struct AccuracyMatrix: Sendable, Equatable {
    public private(set) var rows: [[Double]] = []

    public init() {}
    public init(rows: [[Double]]) {
        precondition(rows.enumerated().allSatisfy { $0.element.count == $0.offset + 1 },
                     "AccuracyMatrix: row t must hold the accuracies of tasks 0…t")
        self.rows = rows
    }

    /// Appends the row of the task just trained: accuracies on tasks 0…t.
    public mutating func append(_ row: [Double]) {
        precondition(row.count == rows.count + 1, "AccuracyMatrix: row \(rows.count) needs \(rows.count + 1) accuracies, got \(row.count)")
        rows.append(row)
    }

    /// Mean over all tasks of the accuracy after the last task (van de Ven & Tolias' "average accuracy").
    public var averageAccuracy: Double {
        guard let last = rows.last else { return .nan }
        return last.reduce(0, +) / Double(last.count)
    }

    /// Mean over tasks j < T−1 of (best accuracy on j after any earlier task) − (accuracy on j at the end).
    public var forgetting: Double {
        let T = rows.count
        guard T > 1 else { return .nan }
        var sum = 0.0
        for j in 0..<(T - 1) {
            let best = (j..<(T - 1)).map { rows[$0][j] }.max()!
            sum += best - rows[T - 1][j]
        }
        return sum / Double(T - 1)
    }

    /// Mean over tasks j < T−1 of (accuracy on j at the end) − (accuracy on j right after learning it).
    public var backwardTransfer: Double {
        let T = rows.count
        guard T > 1 else { return .nan }
        var sum = 0.0
        for j in 0..<(T - 1) { sum += rows[T - 1][j] - rows[j][j] }
        return sum / Double(T - 1)
    }
}
