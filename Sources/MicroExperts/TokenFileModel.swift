import Foundation

/// Multinomial naive Bayes from message words to files, with a recency prior: the model behind
/// the file and error experts.
///
/// Each training commit adds its message's tokens to every file it touched:
/// n(t, f) = Σ over commits touching f of the count of token t in the message. A file's own path
/// tokens count as β extra observations, so a message naming `HelpGenerator` points at
/// `HelpGenerator.swift` even if they never met in a commit:
///
///     n′(t, f) = n(t, f) + β·[t ∈ pathTokens(f)]        N′(f) = Σ_t n′(t, f)
///     log P(t | f) = log (n′(t, f) + α) − log (N′(f) + α·|V|)        (Laplace smoothing α)
///     log P(f)     = log (r(f) + ε) − log (Σ_g r(g) + ε·F)            (r: `DecayedCounts`)
///     s(f | q)     = w·log P(f) + (1/|q|) Σ_{t ∈ q} log P(t | f)
///     confidence(f) = softmax_f s(f | q)  over the candidate files
///
/// Why the 1/|q| (a geometric mean of the token likelihoods instead of their product): with the
/// product, a ten-word message makes the posterior of one file ≈ 1 and the prior irrelevant;
/// averaging keeps prior and evidence on one scale and the confidences less extreme (they are
/// calibrated afterwards anyway). Tokens never seen in training (q ∩ V empty) leave the prior.
public struct TokenFileModel: Sendable, Codable, Equatable {
    public struct Settings: Sendable, Codable, Equatable {
        /// α, Laplace smoothing of token counts.
        public var smoothing: Double
        /// β, how many observations each of a file's own path tokens counts as.
        public var pathTokenWeight: Double
        /// w, weight of the log prior against the mean log likelihood.
        public var priorWeight: Double
        /// Training commits after which a file's contribution to the prior has halved.
        public var halfLife: Double

        public init(smoothing: Double = 0.1, pathTokenWeight: Double = 2, priorWeight: Double = 0.5, halfLife: Double = 150) {
            self.smoothing = smoothing
            self.pathTokenWeight = pathTokenWeight
            self.priorWeight = priorWeight
            self.halfLife = halfLife
        }
    }

    public let settings: Settings
    /// token → file → n(t, f) from messages.
    public private(set) var tokenFile: [String: [String: Double]] = [:]
    /// file → Σ_t n(t, f) from messages.
    public private(set) var fileTotals: [String: Double] = [:]
    /// token → files whose path has that token.
    public private(set) var pathIndex: [String: Set<String>] = [:]
    /// file → number of distinct tokens in its path.
    public private(set) var pathTokenCounts: [String: Int] = [:]
    public private(set) var recency: DecayedCounts
    /// Training commits seen.
    public private(set) var steps = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
        self.recency = DecayedCounts(halfLife: settings.halfLife)
    }

    /// One training commit: its message tokens (repeats count) and the files it touched.
    public mutating func add(tokens: [String], files: [String]) {
        steps += 1
        for file in Set(files) {
            recency.add(file, step: steps)
            indexPath(file)
            for t in tokens { tokenFile[t, default: [:]][file, default: 0] += 1 }
            fileTotals[file, default: 0] += Double(tokens.count)
        }
    }

    public mutating func rename(_ old: String, to new: String) {
        recency.rename(old, to: new, step: steps)
        for t in Set(Tokenizer.pathTokens(old)) { pathIndex[t]?.remove(old) }
        pathTokenCounts[old] = nil
        indexPath(new)
        if let total = fileTotals.removeValue(forKey: old) { fileTotals[new, default: 0] += total }
        for t in tokenFile.keys {
            if let n = tokenFile[t]?.removeValue(forKey: old) { tokenFile[t]?[new, default: 0] += n }
        }
    }

    private mutating func indexPath(_ file: String) {
        guard pathTokenCounts[file] == nil else { return }
        let tokens = Set(Tokenizer.pathTokens(file))
        pathTokenCounts[file] = tokens.count
        for t in tokens { pathIndex[t, default: []].insert(file) }
    }

    /// s(f | q) for every candidate, before the softmax.
    public func logScores(query: [String], candidates: Set<String>) -> [String: Double] {
        let α = settings.smoothing, β = settings.pathTokenWeight
        let vocabulary = Double(Set(tokenFile.keys).union(pathIndex.keys).count)
        let known = query.filter { tokenFile[$0] != nil || pathIndex[$0] != nil }
        let F = Double(candidates.count)
        var recencyTotal = 0.0
        var prior: [String: Double] = [:]
        for f in candidates {
            let r = recency.value(f, at: steps)
            prior[f] = r
            recencyTotal += r
        }
        let ε = 1e-3
        var scores: [String: Double] = [:]
        let weight = known.isEmpty ? 0 : 1 / Double(known.count)
        for f in candidates {
            // w·log P(f) + (1/|q|) Σ_t log(α / (N′(f) + α|V|)), the part every token shares
            let pathCount = Double(pathTokenCounts[f] ?? 0)
            let total = (fileTotals[f] ?? 0) + β * pathCount
            let logPrior = log((prior[f] ?? 0) + ε) - log(recencyTotal + ε * F)
            scores[f] = settings.priorWeight * logPrior + weight * Double(known.count) * (log(α) - log(total + α * vocabulary))
        }
        for t in known {
            var counts = tokenFile[t] ?? [:]
            for f in pathIndex[t] ?? [] { counts[f, default: 0] += β }
            for (f, n) in counts {
                // replace log α by log(n′ + α) for the files that have the token
                if let s = scores[f] { scores[f] = s + weight * (log(n + α) - log(α)) }
            }
        }
        return scores
    }

    /// softmax over `logScores`, as confidences.
    public static func softmax(_ scores: [String: Double]) -> [String: Double] {
        guard let maximum = scores.values.max() else { return [:] }
        // keys sorted so the sum is taken in one fixed order
        let terms = scores.sorted { $0.key < $1.key }.map { ($0.key, exp($0.value - maximum)) }
        var total = 0.0
        for (_, e) in terms { total += e }
        var result: [String: Double] = [:]
        for (key, e) in terms { result[key] = e / total }
        return result
    }
}
