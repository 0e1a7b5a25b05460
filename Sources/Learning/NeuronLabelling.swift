/// Diehl & Cook's read-out of an unsupervised spiking layer: every neuron is labelled with the
/// class it answers most on average, and an input is classified as the class whose labelled
/// neurons fire most on average.
///
/// Why no learned read-out: the paper's point is that the layer learns without labels; labels
/// enter only through this vote, so the accuracy measures the features STDP found.
public struct NeuronLabelling: Sendable, Equatable {
    public let classes: Int
    public let neurons: Int
    /// Σ spike counts per class and neuron, class-major (classes × neurons).
    public private(set) var sums: [Double]
    /// Inputs seen per class.
    public private(set) var examples: [Int]

    public init(classes: Int, neurons: Int) {
        precondition(classes > 0 && neurons > 0, "classes and neurons must be > 0")
        self.classes = classes
        self.neurons = neurons
        sums = [Double](repeating: 0, count: classes * neurons)
        examples = [Int](repeating: 0, count: classes)
    }

    /// Adds one input's spike counts under its true class.
    public mutating func add(counts: [Int32], label: Int) {
        precondition(counts.count == neurons && label >= 0 && label < classes, "counts must hold one value per neuron and label a class")
        examples[label] += 1
        for j in 0..<neurons { sums[label * neurons + j] += Double(counts[j]) }
    }

    /// The class of every neuron: argmax over classes of its mean count, as the reference's
    /// `get_new_assignments` computes it — a strict `>` against a running maximum that starts
    /// at 0, so a neuron that never fired (and ties go to the lower class) is labelled class 0.
    public func assignments() -> [Int] {
        var labels = [Int](repeating: 0, count: neurons)
        var best = [Double](repeating: 0, count: neurons)
        for c in 0..<classes where examples[c] > 0 {
            for j in 0..<neurons {
                let rate = sums[c * neurons + j] / Double(examples[c])
                if rate > best[j] { best[j] = rate; labels[j] = c }
            }
        }
        return labels
    }

    /// The predicted class of one input: the class with the highest mean count over the neurons
    /// labelled with it (classes with no neuron score 0); the first such class on ties.
    public static func predict(counts: [Int32], assignments: [Int], classes: Int) -> Int {
        precondition(counts.count == assignments.count, "counts and assignments must have one value per neuron")
        var total = [Double](repeating: 0, count: classes)
        var members = [Int](repeating: 0, count: classes)
        for (j, c) in assignments.enumerated() {
            total[c] += Double(counts[j])
            members[c] += 1
        }
        var bestClass = 0
        var bestRate = -1.0
        for c in 0..<classes {
            let rate = members[c] > 0 ? total[c] / Double(members[c]) : 0
            if rate > bestRate { bestRate = rate; bestClass = c }
        }
        return bestClass
    }
}
