import Datasets

/// The model's answers on an image set: class probabilities [N,V], each image's first-choice
/// expert and the gate's entropy (nats), with the summaries the report reads.
public struct GrowthEvaluation: Sendable {
    public let probabilities: [Float]
    public let labels: [Int32]
    public let classes: Int
    public let topOne: [Int]
    public let entropy: [Double]
    public let slots: Int
    /// How far the gate signals move the gate's logits: the mean over images of the mean absolute
    /// deviation of their bias over the active experts (nil when no signal is on).
    public let signalBias: Double?

    init(model: GrowingMixture, set: ImageClassificationSet, batch: Int) {
        var probabilities = [Float](repeating: 0, count: set.count * set.classes)
        var topOne = [Int](repeating: 0, count: set.count), entropy = [Double](repeating: 0, count: set.count)
        var signalBiasSum = 0.0
        set.pixels.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                var start = 0
                while start < set.count {
                    let count = min(batch, set.count - start)
                    model.predictProbabilities(inputs: x.baseAddress! + start * set.pixelsPerImage, batch: count,
                                               into: p.baseAddress! + start * set.classes)
                    for b in 0..<count {
                        topOne[start + b] = model.gate.topOne(row: b)
                        entropy[start + b] = model.gate.entropy(row: b)
                    }
                    if let signals = model.signals { signalBiasSum += signals.biasSpread(B: count, active: model.active) * Double(count) }
                    start += count
                }
            }
        }
        self.probabilities = probabilities
        labels = set.labels
        classes = set.classes
        self.topOne = topOne
        self.entropy = entropy
        slots = model.maxExperts
        signalBias = model.signals == nil ? nil : signalBiasSum / Double(max(set.count, 1))
    }

    private func predicted(_ i: Int) -> Int {
        var best = 0
        for v in 1..<classes where probabilities[i * classes + v] > probabilities[i * classes + best] { best = v }
        return best
    }

    /// Share of images classified correctly.
    public var accuracy: Double {
        guard !labels.isEmpty else { return .nan }
        return Double(labels.indices.filter { predicted($0) == Int(labels[$0]) }.count) / Double(labels.count)
    }

    /// Share of images whose first choice is each slot.
    public var utilization: [Double] {
        var counts = [Double](repeating: 0, count: slots)
        for e in topOne { counts[e] += 1 }
        return counts.map { $0 / Double(max(topOne.count, 1)) }
    }

    /// Mean gate entropy, nats.
    public var meanEntropy: Double { entropy.reduce(0, +) / Double(max(entropy.count, 1)) }

    /// Accuracy on the images routed first to each slot (nil for a slot that got none).
    public var routedAccuracy: [Double?] {
        var right = [Int](repeating: 0, count: slots), total = right
        for i in labels.indices {
            total[topOne[i]] += 1
            if predicted(i) == Int(labels[i]) { right[topOne[i]] += 1 }
        }
        return (0..<slots).map { total[$0] == 0 ? nil : Double(right[$0]) / Double(total[$0]) }
    }
}
