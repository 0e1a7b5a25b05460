/// Expert weights learned from past accuracy: each expert's smoothed mean reciprocal rank on the
/// queries it answered.
///
///     w_e = (Σ_q RR_e(q) + m·μ) / (n_e + m)
///
/// with prior mean μ and prior strength m (defaults 0.1 and 5 queries), so an expert with few
/// observed queries keeps a weight near μ instead of 0 or 1 from one lucky answer. Fed with
/// outcomes on a period before the one being predicted (the validation period of a temporal
/// split), never on the test commits.
public struct ExpertWeights: Sendable, Codable, Equatable {
    public var priorMean: Double
    public var priorStrength: Double
    public private(set) var reciprocalRankSums: [String: Double] = [:]
    public private(set) var queryCounts: [String: Double] = [:]

    public init(priorMean: Double = 0.1, priorStrength: Double = 5) {
        self.priorMean = priorMean
        self.priorStrength = priorStrength
    }

    /// Records one answer: the rank (1-based) of the first relevant item, or nil if none was listed.
    public mutating func record(expertID: String, firstRelevantRank: Int?) {
        queryCounts[expertID, default: 0] += 1
        if let rank = firstRelevantRank { reciprocalRankSums[expertID, default: 0] += 1 / Double(rank) }
    }

    public func weight(_ expertID: String) -> Double {
        let n = queryCounts[expertID] ?? 0
        return ((reciprocalRankSums[expertID] ?? 0) + priorStrength * priorMean) / (n + priorStrength)
    }

    /// Every recorded expert's weight.
    public var weights: [String: Double] {
        var result: [String: Double] = [:]
        for id in queryCounts.keys { result[id] = weight(id) }
        return result
    }
}
