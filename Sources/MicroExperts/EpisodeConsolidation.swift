import Foundation

/// How episode experts merge into a domain expert, spelled as in config.
public enum ConsolidationStrategy: String, Sendable, Codable, CaseIterable {
    /// Counts summed with recency weights w_k = 2^(−(K−1−k)/h) / Σ_j 2^(−(K−1−j)/h) for episode k
    /// of K (oldest first, half-life h episodes): recent episodes count more.
    case weightedMerge = "weighted_merge"
    /// Counts summed with weight 1: every pattern of every episode kept (a larger model).
    case union
    /// Only (token, file) and (file, file) patterns present in every episode, counts summed: the
    /// patterns that held throughout (a smaller, more confident model).
    case intersection
}

/// Consolidates episode experts into one domain expert, the design's periodic merge.
public enum EpisodeConsolidation {
    /// The recency weights of `count` episodes, oldest first, summing to 1.
    public static func recencyWeights(count: Int, halfLife: Double) -> [Double] {
        guard count > 0 else { return [] }
        let raw = (0..<count).map { exp2(-Double(count - 1 - $0) / halfLife) }
        var total = 0.0
        for w in raw { total += w }
        return raw.map { $0 / total }
    }

    /// The merged expert. Episodes must be in time order: each episode's renames are applied to
    /// what the earlier ones learned before its own counts are added, and its deletions remove
    /// files from the merged file set.
    public static func consolidate(_ episodes: [EpisodeExpert], strategy: ConsolidationStrategy,
                                   halfLife: Double = 4, id: String = "domain") -> EpisodeExpert {
        let weights: [Double]
        switch strategy {
        case .weightedMerge: weights = recencyWeights(count: episodes.count, halfLife: halfLife)
        case .union, .intersection: weights = Array(repeating: 1, count: episodes.count)
        }
        var merged = EpisodeExpert(id: id)
        var patternEpisodes: [String: [String: Int]] = [:]
        var pairEpisodes: [String: [String: Int]] = [:]
        for (k, episode) in episodes.enumerated() {
            for r in episode.renames {
                EpisodeExpert.rename(&merged.queryPatterns, r.old, r.new)
                EpisodeExpert.rename(&merged.fileCooccurrence, r.old, r.new)
                renameCounts(&patternEpisodes, r.old, r.new)
                renameCounts(&pairEpisodes, r.old, r.new)
                if merged.alive.remove(r.old) != nil { merged.alive.insert(r.new) }
            }
            merged.alive.subtract(episode.removed)
            merged.alive.formUnion(episode.alive)
            for (t, row) in episode.queryPatterns {
                for (f, n) in row {
                    merged.queryPatterns[t, default: [:]][f, default: 0] += weights[k] * n
                    patternEpisodes[t, default: [:]][f, default: 0] += 1
                }
            }
            for (a, row) in episode.fileCooccurrence {
                for (b, n) in row {
                    merged.fileCooccurrence[a, default: [:]][b, default: 0] += weights[k] * n
                    pairEpisodes[a, default: [:]][b, default: 0] += 1
                }
            }
        }
        if strategy == .intersection {
            merged.queryPatterns = keep(merged.queryPatterns, seenIn: patternEpisodes, count: episodes.count)
            merged.fileCooccurrence = keep(merged.fileCooccurrence, seenIn: pairEpisodes, count: episodes.count)
        }
        return merged
    }

    private static func keep(_ table: [String: [String: Double]], seenIn: [String: [String: Int]], count: Int)
        -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for (a, row) in table {
            let kept = row.filter { seenIn[a]?[$0.key] == count }
            if !kept.isEmpty { result[a] = kept }
        }
        return result
    }

    /// An episode's count of a renamed pattern keeps the larger of the two names' counts (an
    /// episode that saw both names still saw the pattern once).
    private static func renameCounts(_ table: inout [String: [String: Int]], _ old: String, _ new: String) {
        if let row = table.removeValue(forKey: old) {
            var target = table[new] ?? [:]
            for (k, n) in row where k != new { target[k] = max(target[k] ?? 0, n) }
            table[new] = target
        }
        for key in Array(table.keys) {
            guard var row = table[key], let n = row.removeValue(forKey: old) else { continue }
            if key != new { row[new] = max(row[new] ?? 0, n) }
            table[key] = row
        }
    }
}
