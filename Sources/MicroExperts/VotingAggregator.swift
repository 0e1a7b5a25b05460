import Foundation

/// One expert's answer to a query.
public struct ExpertPrediction: Sendable, Codable, Equatable {
    /// Which expert (an episode or a domain expert's name); weights are keyed by it.
    public let expertID: String
    public let items: [ScoredItem]

    public init(expertID: String, items: [ScoredItem]) {
        self.expertID = expertID
        self.items = items
    }
}

/// The combined answer of several experts.
public struct AggregatedPrediction: Sendable, Codable, Equatable {
    public let items: [ScoredItem]
    /// Experts that answered with at least one item, sorted.
    public let contributingExperts: [String]
    /// Normalised entropy of the experts' top-1 votes, in [0, 1] (see `VotingAggregator.disagreement`).
    public let disagreement: Double
    /// The top item's combined score divided by the number of experts asked (the design's
    /// consensus measure); 0 when nothing was predicted.
    public let confidence: Double
}

/// How several rankings become one, spelled as in config.
public enum AggregationStrategy: String, Sendable, Codable, CaseIterable {
    /// Confidence-weighted voting: score(i) = Σ_e w_e · conf_e(i).
    case weighted
    /// Each expert's top-k items get one vote of weight w_e: score(i) = Σ_e w_e · [i ∈ top-k(e)];
    /// equal vote totals are ordered by the weighted score.
    case voting
    /// The experts in the order given: the first expert's ranking, then each later expert's
    /// items not yet listed, appended below. An item's confidence is w_e · conf_e(i), lowered where
    /// needed so the list stays in non-increasing order.
    case sequential
}

/// Combines experts' rankings (the design's confidence-weighted voting with disagreement).
public struct VotingAggregator: Sendable, Codable, Equatable {
    public var strategy: AggregationStrategy
    /// How many of each expert's items count as its votes under `voting`.
    public var votesPerExpert: Int

    public init(strategy: AggregationStrategy = .weighted, votesPerExpert: Int = 10) {
        self.strategy = strategy
        self.votesPerExpert = votesPerExpert
    }

    /// The combined ranking; `weights` default to 1 for experts they do not name.
    public func aggregate(_ predictions: [ExpertPrediction], weights: [String: Double] = [:], limit: Int) -> AggregatedPrediction {
        func weight(_ p: ExpertPrediction) -> Double { weights[p.expertID] ?? 1 }
        var weighted: [String: Double] = [:]
        for p in predictions {
            for item in p.items { weighted[item.item, default: 0] += weight(p) * item.confidence }
        }
        var items: [ScoredItem]
        switch strategy {
        case .weighted:
            items = ScoredItem.ranked(weighted, limit: limit)
        case .voting:
            var votes: [String: Double] = [:]
            for p in predictions {
                for item in p.items.prefix(votesPerExpert) { votes[item.item, default: 0] += weight(p) }
            }
            let ordered = votes.keys.sorted { a, b in
                if votes[a] != votes[b] { return (votes[a] ?? 0) > (votes[b] ?? 0) }
                if weighted[a] != weighted[b] { return (weighted[a] ?? 0) > (weighted[b] ?? 0) }
                return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }
            // confidence: the vote share of the total vote weight
            let totalWeight = predictions.reduce(0) { $0 + weight($1) }
            items = ordered.prefix(limit).map { ScoredItem(item: $0, confidence: (votes[$0] ?? 0) / max(totalWeight, .leastNonzeroMagnitude)) }
        case .sequential:
            items = []
            var listed = Set<String>()
            var ceiling = Double.infinity
            for p in predictions {
                for item in p.items where !listed.contains(item.item) && items.count < limit {
                    let confidence = min(ceiling, weight(p) * item.confidence)
                    items.append(ScoredItem(item: item.item, confidence: confidence))
                    listed.insert(item.item)
                    ceiling = confidence
                }
            }
        }
        let top = strategy == .weighted ? (items.first?.confidence ?? 0) : (items.first.map { weighted[$0.item] ?? 0 } ?? 0)
        return AggregatedPrediction(
            items: items,
            contributingExperts: predictions.filter { !$0.items.isEmpty }.map(\.expertID).sorted(),
            disagreement: Self.disagreement(predictions, weights: weights),
            confidence: predictions.isEmpty ? 0 : top / Double(predictions.count))
    }

    /// Normalised entropy of the experts' top-1 votes:
    ///
    ///     p(i) = Σ_{e: top1(e) = i} w_e / Σ_e w_e,     D = −Σ_i p(i) ln p(i) / ln E
    ///
    /// over the E experts that predicted anything. 0 when they all put the same item first, 1
    /// when each puts a different item first with equal weight; 0 for fewer than two experts
    /// (nobody to disagree with).
    public static func disagreement(_ predictions: [ExpertPrediction], weights: [String: Double] = [:]) -> Double {
        let voters = predictions.compactMap { p in p.items.first.map { (item: $0.item, weight: weights[p.expertID] ?? 1) } }
        guard voters.count >= 2 else { return 0 }
        var mass: [String: Double] = [:]
        var total = 0.0
        for v in voters {
            mass[v.item, default: 0] += v.weight
            total += v.weight
        }
        guard total > 0 else { return 0 }
        var entropy = 0.0
        for key in mass.keys.sorted() {
            let p = (mass[key] ?? 0) / total
            if p > 0 { entropy -= p * log(p) }
        }
        return entropy / log(Double(voters.count))
    }
}
