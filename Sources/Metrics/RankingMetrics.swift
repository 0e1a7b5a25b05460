import Foundation

/// Scores of one ranked list against the set of items that were really relevant: the
/// recommender-system metrics for "which files will this change touch".
///
/// Conventions, the same in every function:
/// - **No relevant item**: a query whose relevant set is empty has no defined recall, reciprocal
///   rank or NDCG (0/0), so every function returns nil for it, and `RankingSummary` leaves it out
///   of the means and counts it in `queriesWithoutRelevant`. Scoring it 0 would punish a model
///   for a commit that touched no known file; scoring it 1 would reward it.
/// - **Ties**: the list is taken in the order given. `ranking(_:)` turns scored items into that
///   order by decreasing score, equal scores by item in ascending code-point order, so a list
///   with ties always gets the same metrics (which may depend on the names of the tied items).
/// - **Short lists**: a relevant item missing from the list counts as not retrieved (reciprocal
///   rank 0 if none is listed); precision@k divides by k even when the list is shorter.
/// - Relevance is binary; duplicates in the list count once, at their first position.
public enum RankingMetrics {
    /// Items by decreasing score, equal scores by item (code-point order): the tie rule.
    public static func ranking(_ scored: [(item: String, score: Double)]) -> [String] {
        scored.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.item.unicodeScalars.lexicographicallyPrecedes(b.item.unicodeScalars)
        }.map(\.item)
    }

    /// 1 / rank of the first relevant item (ranks from 1), 0 if none is listed.
    public static func reciprocalRank(ranked: [String], relevant: Set<String>) -> Double? {
        guard !relevant.isEmpty else { return nil }
        guard let position = deduplicated(ranked).firstIndex(where: relevant.contains) else { return 0 }
        return 1 / Double(position + 1)
    }

    /// |top-k ∩ relevant| / |relevant|.
    public static func recall(at k: Int, ranked: [String], relevant: Set<String>) -> Double? {
        guard !relevant.isEmpty else { return nil }
        return Double(hits(at: k, ranked: ranked, relevant: relevant)) / Double(relevant.count)
    }

    /// |top-k ∩ relevant| / k.
    public static func precision(at k: Int, ranked: [String], relevant: Set<String>) -> Double? {
        precondition(k > 0, "precision@k needs k ≥ 1, got \(k)")
        guard !relevant.isEmpty else { return nil }
        return Double(hits(at: k, ranked: ranked, relevant: relevant)) / Double(k)
    }

    /// Normalised discounted cumulative gain with binary relevance (Järvelin & Kekäläinen 2002):
    ///
    ///     DCG@k = Σ_{i=1}^{k} rel_i / log₂(i + 1),   IDCG@k = Σ_{i=1}^{min(k, |relevant|)} 1 / log₂(i + 1)
    public static func ndcg(at k: Int, ranked: [String], relevant: Set<String>) -> Double? {
        precondition(k > 0, "NDCG@k needs k ≥ 1, got \(k)")
        guard !relevant.isEmpty else { return nil }
        var dcg = 0.0
        for (i, item) in deduplicated(ranked).prefix(k).enumerated() where relevant.contains(item) {
            dcg += 1 / log2(Double(i + 2))
        }
        var ideal = 0.0
        for i in 0..<min(k, relevant.count) { ideal += 1 / log2(Double(i + 2)) }
        return dcg / ideal
    }

    static func hits(at k: Int, ranked: [String], relevant: Set<String>) -> Int {
        deduplicated(ranked).prefix(k).filter(relevant.contains).count
    }

    static func deduplicated(_ ranked: [String]) -> [String] {
        var seen = Set<String>()
        return ranked.filter { seen.insert($0).inserted }
    }
}

/// The ranking metrics of one query.
public struct QueryRankingScores: Sendable, Codable, Equatable {
    public let reciprocalRank: Double
    /// k → value, for each k asked.
    public let recall: [Int: Double]
    public let precision: [Int: Double]
    public let ndcg: [Int: Double]

    /// nil for a query without relevant items (see `RankingMetrics`).
    public init?(ranked: [String], relevant: Set<String>, cutoffs: [Int]) {
        guard let rr = RankingMetrics.reciprocalRank(ranked: ranked, relevant: relevant) else { return nil }
        reciprocalRank = rr
        var recall: [Int: Double] = [:], precision: [Int: Double] = [:], ndcg: [Int: Double] = [:]
        for k in cutoffs {
            recall[k] = RankingMetrics.recall(at: k, ranked: ranked, relevant: relevant)
            precision[k] = RankingMetrics.precision(at: k, ranked: ranked, relevant: relevant)
            ndcg[k] = RankingMetrics.ndcg(at: k, ranked: ranked, relevant: relevant)
        }
        self.recall = recall
        self.precision = precision
        self.ndcg = ndcg
    }
}

/// Per-query scores of an evaluation and their means, with the excluded queries counted.
public struct RankingSummary: Sendable, Codable, Equatable {
    public let cutoffs: [Int]
    /// One entry per query that had a relevant item, in the order added.
    public private(set) var queries: [QueryRankingScores] = []
    /// Queries left out because nothing relevant existed.
    public private(set) var queriesWithoutRelevant = 0

    public init(cutoffs: [Int] = [1, 5, 10]) {
        self.cutoffs = cutoffs
    }

    public mutating func add(ranked: [String], relevant: Set<String>) {
        if let scores = QueryRankingScores(ranked: ranked, relevant: relevant, cutoffs: cutoffs) {
            queries.append(scores)
        } else {
            queriesWithoutRelevant += 1
        }
    }

    /// Per-query reciprocal ranks, for a bootstrap over queries.
    public var reciprocalRanks: [Double] { queries.map(\.reciprocalRank) }
    public func recalls(at k: Int) -> [Double] { queries.map { $0.recall[k] ?? .nan } }
    public func precisions(at k: Int) -> [Double] { queries.map { $0.precision[k] ?? .nan } }
    public func ndcgs(at k: Int) -> [Double] { queries.map { $0.ndcg[k] ?? .nan } }

    /// Mean reciprocal rank over the scored queries; NaN when there are none.
    public var meanReciprocalRank: Double { Statistics.mean(reciprocalRanks) }
    public func meanRecall(at k: Int) -> Double { Statistics.mean(recalls(at: k)) }
    public func meanPrecision(at k: Int) -> Double { Statistics.mean(precisions(at: k)) }
    public func meanNDCG(at k: Int) -> Double { Statistics.mean(ndcgs(at: k)) }
}
