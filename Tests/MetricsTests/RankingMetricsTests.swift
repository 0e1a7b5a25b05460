import Foundation
import Testing
@testable import Metrics

/// Ranked list a b c d e; relevant {b, d, x} (x is never listed).
///
///   MRR: first relevant is b at rank 2 → 1/2
///   recall@1 = 0/3, recall@3 = 1/3 (b), recall@5 = 2/3 (b, d)
///   precision@1 = 0, precision@3 = 1/3, precision@5 = 2/5, precision@10 = 2/10 (list shorter than k)
///   NDCG@5: DCG = 1/log₂3 + 1/log₂5; IDCG = 1/log₂2 + 1/log₂3 + 1/log₂4 = 1 + 0.6309… + 0.5
private let ranked = ["a", "b", "c", "d", "e"]
private let relevant: Set<String> = ["b", "d", "x"]

@Suite("Ranking metrics")
struct RankingMetricsTests {
    @Test("reciprocal rank, recall and precision match the hand-computed values")
    func handComputed() {
        #expect(RankingMetrics.reciprocalRank(ranked: ranked, relevant: relevant) == 0.5)
        #expect(RankingMetrics.recall(at: 1, ranked: ranked, relevant: relevant) == 0)
        #expect(RankingMetrics.recall(at: 3, ranked: ranked, relevant: relevant) == 1.0 / 3)
        #expect(RankingMetrics.recall(at: 5, ranked: ranked, relevant: relevant) == 2.0 / 3)
        #expect(RankingMetrics.precision(at: 1, ranked: ranked, relevant: relevant) == 0)
        #expect(RankingMetrics.precision(at: 3, ranked: ranked, relevant: relevant) == 1.0 / 3)
        #expect(RankingMetrics.precision(at: 5, ranked: ranked, relevant: relevant) == 0.4)
        #expect(RankingMetrics.precision(at: 10, ranked: ranked, relevant: relevant) == 0.2)
        #expect(RankingMetrics.reciprocalRank(ranked: ["a", "c"], relevant: relevant) == 0)
    }

    @Test("NDCG@k discounts by log₂(rank + 1) and normalises by the ideal list")
    func ndcg() throws {
        let dcg = 1 / log2(3.0) + 1 / log2(5.0)           // 0.630930 + 0.430677 = 1.061606
        let ideal = 1 + 1 / log2(3.0) + 0.5                // 2.130930; 1.061606 / 2.130930 = 0.498189
        let value = try #require(RankingMetrics.ndcg(at: 5, ranked: ranked, relevant: relevant))
        #expect(abs(value - dcg / ideal) < 1e-15)
        #expect(abs(value - 0.4981893) < 1e-6)
        // @1: nothing relevant at rank 1 → 0; a perfect list → 1
        #expect(RankingMetrics.ndcg(at: 1, ranked: ranked, relevant: relevant) == 0)
        #expect(RankingMetrics.ndcg(at: 2, ranked: ["b", "d"], relevant: relevant) == 1)
    }

    @Test("a query with no relevant item is excluded from every mean and counted")
    func noRelevantItem() {
        #expect(RankingMetrics.reciprocalRank(ranked: ranked, relevant: []) == nil)
        #expect(RankingMetrics.recall(at: 5, ranked: ranked, relevant: []) == nil)
        #expect(RankingMetrics.precision(at: 5, ranked: ranked, relevant: []) == nil)
        #expect(RankingMetrics.ndcg(at: 5, ranked: ranked, relevant: []) == nil)
        var summary = RankingSummary(cutoffs: [1, 5])
        summary.add(ranked: ranked, relevant: relevant)     // RR 1/2, recall@5 2/3
        summary.add(ranked: ranked, relevant: [])           // excluded
        summary.add(ranked: ["d"], relevant: ["d"])         // RR 1, recall@5 1
        #expect(summary.queries.count == 2 && summary.queriesWithoutRelevant == 1)
        #expect(summary.meanReciprocalRank == 0.75)
        let expectedRecall: Double = (2.0 / 3 + 1) / 2
        #expect(summary.meanRecall(at: 5) == expectedRecall)
        #expect(summary.meanPrecision(at: 1) == 0.5)
        #expect(RankingSummary().meanReciprocalRank.isNaN)
    }

    @Test("tied scores are ranked by item name, so the metrics of a tie are the same every time")
    func ties() {
        // b and a tie at 0.5: a goes first; c is relevant either way at rank 3
        let order = RankingMetrics.ranking([("c", 0.1), ("b", 0.5), ("a", 0.5)])
        #expect(order == ["a", "b", "c"])
        #expect(RankingMetrics.reciprocalRank(ranked: order, relevant: ["b"]) == 0.5)
        // the tie rule decides: with relevant a, RR 1; the input order does not matter
        #expect(RankingMetrics.ranking([("a", 0.5), ("b", 0.5)]) == RankingMetrics.ranking([("b", 0.5), ("a", 0.5)]))
    }

    @Test("an item listed twice counts once, at its first position")
    func duplicates() {
        #expect(RankingMetrics.recall(at: 3, ranked: ["b", "b", "d"], relevant: relevant) == 2.0 / 3)
        #expect(RankingMetrics.precision(at: 2, ranked: ["b", "b", "d"], relevant: relevant) == 1)
    }
}

@Suite("Calibration of yes/no confidences")
struct BinaryCalibrationTests {
    @Test("ECE weighs each bin's gap by its share of the predictions")
    func ece() {
        // 4 bins. (0.25,0.5]: 0.5 twice, one hit → conf 0.5 acc 0.5 gap 0
        // (0.5,0.75]: 0.75 miss → conf 0.75 acc 0 gap 0.75
        // (0.75,1]: 0.875 hit, 1.0 hit → conf 0.9375 acc 1 gap 0.0625
        // ECE = 2/5·0 + 1/5·0.75 + 2/5·0.0625 = 0.15 + 0.025 = 0.175
        let confidences = [0.5, 0.5, 0.75, 0.875, 1.0]
        let outcomes = [true, false, false, true, true]
        let ece = BinaryCalibration.expectedCalibrationError(confidences: confidences, outcomes: outcomes, bins: 4)
        #expect(abs(ece - 0.175) < 1e-15)
        let bins = BinaryCalibration.reliabilityBins(confidences: confidences, outcomes: outcomes, bins: 4)
        #expect(bins.map(\.count) == [0, 2, 1, 2])
        #expect(bins[3].meanConfidence == 0.9375 && bins[3].accuracy == 1)
        #expect(BinaryCalibration.expectedCalibrationError(confidences: [], outcomes: []).isNaN)
        #expect(BinaryCalibration.expectedCalibrationError(confidences: [.nan], outcomes: [true]).isNaN)
    }
}
