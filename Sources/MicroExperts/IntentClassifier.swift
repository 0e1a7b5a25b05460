import Foundation

/// Message → intent by multinomial naive Bayes, learned from labelled commits.
///
///     P(i | q) ∝ P(i) Π_{t ∈ q} P(t | i),   P(t | i) = (n(t, i) + α) / (N(i) + α·|V|),
///     P(i) = (n(i) + 1) / (Σ n + |I|)
///
/// Trained on the commits `Intent.label(of:)` labels (the rest are skipped), so it can only learn
/// the intents the history's labels contain; the posterior also serves as the learned gate of
/// `QueryGate`. Intents never seen in training keep the smoothed prior and the likelihood of an
/// empty class.
public struct IntentClassifier: Sendable, Codable, Equatable {
    public var smoothing: Double
    public private(set) var tokenCounts: [Intent: [String: Double]] = [:]
    public private(set) var tokenTotals: [Intent: Double] = [:]
    public private(set) var labelCounts: [Intent: Double] = [:]
    public private(set) var vocabulary: Set<String> = []

    public init(smoothing: Double = 1) {
        self.smoothing = smoothing
    }

    /// Adds one labelled example.
    public mutating func add(message: String, intent: Intent) {
        labelCounts[intent, default: 0] += 1
        for t in Tokenizer.tokens(message) {
            tokenCounts[intent, default: [:]][t, default: 0] += 1
            tokenTotals[intent, default: 0] += 1
            vocabulary.insert(t)
        }
    }

    /// Trains on the commits that have a label; returns how many did.
    @discardableResult
    public mutating func train(_ commits: [Commit]) -> Int {
        var labelled = 0
        for commit in commits {
            guard let intent = Intent.label(of: commit) else { continue }
            add(message: commit.message, intent: intent)
            labelled += 1
        }
        return labelled
    }

    /// P(i | q) for every intent, in `Intent.allCases` order, summing to 1.
    public func posterior(_ message: String) -> [Intent: Double] {
        let α = smoothing
        let V = Double(vocabulary.count)
        let total = labelCounts.values.reduce(0, +)
        let tokens = Tokenizer.tokens(message).filter { vocabulary.contains($0) }
        var logs: [(Intent, Double)] = []
        for intent in Intent.allCases {
            var score = log((labelCounts[intent] ?? 0) + 1) - log(total + Double(Intent.allCases.count))
            let N = tokenTotals[intent] ?? 0
            for t in tokens { score += log((tokenCounts[intent]?[t] ?? 0) + α) - log(N + α * V) }
            logs.append((intent, score))
        }
        let maximum = logs.map(\.1).max() ?? 0
        let exps = logs.map { ($0.0, exp($0.1 - maximum)) }
        var sum = 0.0
        for (_, e) in exps { sum += e }
        var result: [Intent: Double] = [:]
        for (intent, e) in exps { result[intent] = e / sum }
        return result
    }

    /// The most probable intent; ties go to the earlier case of `Intent.allCases`.
    public func classify(_ message: String) -> Intent {
        let p = posterior(message)
        var best = Intent.implementFeature
        var bestP = -1.0
        for intent in Intent.allCases where (p[intent] ?? 0) > bestP {
            best = intent
            bestP = p[intent] ?? 0
        }
        return best
    }
}
