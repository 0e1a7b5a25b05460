/// Calibration of confidences in yes/no outcomes: "this file will be touched, with confidence
/// c". Each (confidence, outcome) pair is one prediction; a calibrated predictor's confidence-c
/// predictions come true a fraction c of the time.
///
/// Same bins as `ClassificationMetrics` (Guo et al. 2017): bin b of B covers (b/B, (b+1)/B],
/// confidence 0 in bin 0. A NaN confidence makes ECE NaN; no pairs give NaN.
public enum BinaryCalibration {
    public static func reliabilityBins(confidences: [Double], outcomes: [Bool], bins: Int = 15) -> [ReliabilityBin] {
        ClassificationMetrics.reliabilityBins(totals: totals(confidences: confidences, outcomes: outcomes, bins: bins))
    }

    /// ECE = Σ_b (n_b / N) · |acc_b − conf_b|.
    public static func expectedCalibrationError(confidences: [Double], outcomes: [Bool], bins: Int = 15) -> Double {
        guard !confidences.isEmpty, !confidences.contains(where: \.isNaN) else { return .nan }
        var ece = 0.0
        for bin in reliabilityBins(confidences: confidences, outcomes: outcomes, bins: bins) where bin.count > 0 {
            ece += Double(bin.count) / Double(confidences.count) * bin.gap
        }
        return ece
    }

    /// Per-bin sums (they add across evaluations; see `ReliabilityTotal`). NaN confidences are skipped.
    public static func totals(confidences: [Double], outcomes: [Bool], bins: Int = 15) -> [ReliabilityTotal] {
        precondition(confidences.count == outcomes.count,
                     "\(confidences.count) confidences but \(outcomes.count) outcomes")
        precondition(bins > 0, "bins must be positive, got \(bins)")
        var totals = [ReliabilityTotal](repeating: ReliabilityTotal(), count: bins)
        for (c, hit) in zip(confidences, outcomes) where !c.isNaN {
            let b = ClassificationMetrics.binIndex(confidence: c, bins: bins)
            totals[b].count += 1
            totals[b].confidenceSum += c
            if hit { totals[b].correct += 1 }
        }
        return totals
    }
}
