/// One bin of a reliability diagram: the rows whose top-1 confidence fell in (lower, upper].
public struct ReliabilityBin: Sendable, Equatable, Codable {
    /// Exclusive lower edge (bin 0 also holds confidence exactly 0).
    public let lower: Double
    /// Inclusive upper edge.
    public let upper: Double
    /// Rows in the bin.
    public let count: Int
    /// Mean top-1 confidence of the rows in the bin; NaN when the bin is empty.
    public let meanConfidence: Double
    /// Fraction of the bin's rows whose top-1 class is right; NaN when the bin is empty.
    public let accuracy: Double

    /// |accuracy − meanConfidence|, the bin's calibration gap; NaN when empty.
    public var gap: Double { abs(accuracy - meanConfidence) }
}

/// Calibration of top-1 confidence with equal-width bins, as in Guo et al. 2017, "On
/// Calibration of Modern Neural Networks".
///
/// Bin b of B covers confidences in (b/B, (b+1)/B]; confidence 0 goes in bin 0. Rows whose
/// probabilities contain NaN fall in no bin, and then ECE and MCE are NaN (see
/// `ClassificationMetrics` on why NaN is kept).
extension ClassificationMetrics {
    /// Per-bin count, mean confidence and accuracy, the data of a reliability diagram.
    public static func reliabilityBins(
        probabilities: UnsafeBufferPointer<Float>, labels: [Int32], classes: Int, bins: Int = 15
    ) -> [ReliabilityBin] {
        binTotals(probabilities: probabilities, labels: labels, classes: classes, bins: bins).bins
    }

    /// Expected calibration error: ECE = Σ_b (n_b / N) · |acc_b − conf_b| over the bins.
    public static func expectedCalibrationError(
        probabilities: UnsafeBufferPointer<Float>, labels: [Int32], classes: Int, bins: Int = 15
    ) -> Double {
        let totals = binTotals(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
        if totals.rowsWithNaN > 0 || labels.isEmpty { return .nan }
        // ECE = Σ_b (n_b/N)·|acc_b − conf_b|, bins in order
        var ece = 0.0
        for bin in totals.bins where bin.count > 0 {
            ece += Double(bin.count) / Double(labels.count) * bin.gap
        }
        return ece
    }

    /// Maximum calibration error: MCE = max over non-empty bins of |acc_b − conf_b|.
    public static func maximumCalibrationError(
        probabilities: UnsafeBufferPointer<Float>, labels: [Int32], classes: Int, bins: Int = 15
    ) -> Double {
        let totals = binTotals(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
        if totals.rowsWithNaN > 0 || labels.isEmpty { return .nan }
        var mce = 0.0
        for bin in totals.bins where bin.count > 0 {
            mce = Swift.max(mce, bin.gap)
        }
        return mce
    }

    /// Bin index of a confidence: b with c in (b/B, (b+1)/B], clamped to 0..<B.
    static func binIndex(confidence: Double, bins: Int) -> Int {
        // b = ⌈c·B⌉ − 1
        let b = Int((confidence * Double(bins)).rounded(.up)) - 1
        return Swift.min(Swift.max(b, 0), bins - 1)
    }

    private static func binTotals(
        probabilities: UnsafeBufferPointer<Float>, labels: [Int32], classes: Int, bins: Int
    ) -> (bins: [ReliabilityBin], rowsWithNaN: Int) {
        let totals = reliabilityTotals(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
        return (reliabilityBins(totals: totals.totals), totals.rowsWithNaN)
    }

    /// Per-bin count, confidence sum and correct count: the sums behind a reliability diagram.
    /// Unlike means they add, so diagrams pooled over several evaluations can be built from each
    /// evaluation's totals (``reliabilityBins(totals:)`` after ``ReliabilityTotal/adding(_:)``).
    public static func reliabilityTotals(
        probabilities: UnsafeBufferPointer<Float>, labels: [Int32], classes: Int, bins: Int
    ) -> (totals: [ReliabilityTotal], rowsWithNaN: Int) {
        checkShapes(probabilities: probabilities, labels: labels, classes: classes)
        precondition(bins > 0, "bins must be positive, got \(bins)")
        var totals = [ReliabilityTotal](repeating: ReliabilityTotal(), count: bins)
        var rowsWithNaN = 0
        for n in 0..<labels.count {
            let top = topOne(probabilities, row: n, classes: classes)
            if top.confidence.isNaN {
                rowsWithNaN += 1
                continue
            }
            let b = binIndex(confidence: top.confidence, bins: bins)
            totals[b].count += 1
            totals[b].confidenceSum += top.confidence
            if top.predicted == Int(labels[n]) { totals[b].correct += 1 }
        }
        return (totals, rowsWithNaN)
    }

    /// The diagram of per-bin totals: bin b of `totals.count` covers (b/B, (b+1)/B].
    public static func reliabilityBins(totals: [ReliabilityTotal]) -> [ReliabilityBin] {
        let bins = totals.count
        return totals.enumerated().map { b, total in
            ReliabilityBin(
                lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: total.count,
                meanConfidence: total.count > 0 ? total.confidenceSum / Double(total.count) : .nan,
                accuracy: total.count > 0 ? Double(total.correct) / Double(total.count) : .nan)
        }
    }
}

/// The sums of one reliability bin: rows, their summed top-1 confidence, and how many were right.
public struct ReliabilityTotal: Sendable, Equatable, Codable {
    public var count: Int
    public var confidenceSum: Double
    public var correct: Int

    public init(count: Int = 0, confidenceSum: Double = 0, correct: Int = 0) {
        self.count = count
        self.confidenceSum = confidenceSum
        self.correct = correct
    }

    /// Both bins' rows together (the confidence sums add in the order given).
    public func adding(_ other: ReliabilityTotal) -> ReliabilityTotal {
        ReliabilityTotal(count: count + other.count, confidenceSum: confidenceSum + other.confidenceSum,
                         correct: correct + other.correct)
    }
}

// Array forms, for callers that hold a [Float].
extension ClassificationMetrics {
    public static func reliabilityBins(probabilities: [Float], labels: [Int32], classes: Int, bins: Int = 15) -> [ReliabilityBin] {
        probabilities.withUnsafeBufferPointer { reliabilityBins(probabilities: $0, labels: labels, classes: classes, bins: bins) }
    }

    public static func expectedCalibrationError(probabilities: [Float], labels: [Int32], classes: Int, bins: Int = 15) -> Double {
        probabilities.withUnsafeBufferPointer {
            expectedCalibrationError(probabilities: $0, labels: labels, classes: classes, bins: bins)
        }
    }

    public static func maximumCalibrationError(probabilities: [Float], labels: [Int32], classes: Int, bins: Int = 15) -> Double {
        probabilities.withUnsafeBufferPointer {
            maximumCalibrationError(probabilities: $0, labels: labels, classes: classes, bins: bins)
        }
    }

    public static func reliabilityTotals(probabilities: [Float], labels: [Int32], classes: Int, bins: Int = 15)
        -> (totals: [ReliabilityTotal], rowsWithNaN: Int) {
        probabilities.withUnsafeBufferPointer {
            reliabilityTotals(probabilities: $0, labels: labels, classes: classes, bins: bins)
        }
    }
}

/// Every classification metric of one evaluation, computed once and stored together.
public struct ClassificationReport: Sendable, Codable {
    public let count: Int
    public let accuracy: Double
    public let expectedCalibrationError: Double
    public let maximumCalibrationError: Double
    public let brierScore: Double
    public let negativeLogLikelihood: Double
    /// The reliability diagram behind ECE and MCE.
    public let reliabilityBins: [ReliabilityBin]

    public init(probabilities: [Float], labels: [Int32], classes: Int, bins: Int = 15) {
        typealias M = ClassificationMetrics
        count = labels.count
        accuracy = M.accuracy(probabilities: probabilities, labels: labels, classes: classes)
        expectedCalibrationError = M.expectedCalibrationError(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
        maximumCalibrationError = M.maximumCalibrationError(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
        brierScore = M.brierScore(probabilities: probabilities, labels: labels, classes: classes)
        negativeLogLikelihood = M.negativeLogLikelihood(probabilities: probabilities, labels: labels, classes: classes)
        reliabilityBins = M.reliabilityBins(probabilities: probabilities, labels: labels, classes: classes, bins: bins)
    }
}
