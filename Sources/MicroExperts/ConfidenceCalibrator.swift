import Foundation

/// Which map is fitted to make confidences calibrated, spelled as in config.
public enum CalibrationMethod: String, Sendable, Codable, CaseIterable {
    case none
    /// One parameter T: c′ = σ(logit(c) / T) (Guo et al. 2017's temperature scaling, for a
    /// binary outcome). Keeps the ranking; fixes over- or under-confidence of one kind only.
    case temperature
    /// A non-decreasing step function fitted by pool-adjacent-violators (Zadrozny & Elkan 2002).
    /// Fits any monotone distortion, but can merge distinct confidences into ties.
    case isotonic
}

/// A fitted map from an expert's raw confidence to a calibrated one.
///
/// Fit it on (confidence, outcome) pairs from a validation period that precedes the test period
/// (one outcome per listed item: was it really touched), then apply it to test predictions.
public enum ConfidenceCalibrator: Sendable, Codable, Equatable {
    case identity
    case temperature(Double)
    /// Block upper edges (raw confidence, ascending) and each block's calibrated value.
    case isotonic(thresholds: [Double], values: [Double])

    /// Confidences are clamped to [ε, 1 − ε] before a logit, so 0 and 1 stay finite.
    public static let logitClamp = 1e-6

    public static func fit(_ method: CalibrationMethod, confidences: [Double], outcomes: [Bool]) -> ConfidenceCalibrator {
        precondition(confidences.count == outcomes.count, "\(confidences.count) confidences but \(outcomes.count) outcomes")
        guard !confidences.isEmpty else { return .identity }
        switch method {
        case .none: return .identity
        case .temperature: return .temperature(fitTemperature(confidences: confidences, outcomes: outcomes))
        case .isotonic: return fitIsotonic(confidences: confidences, outcomes: outcomes)
        }
    }

    public func apply(_ confidence: Double) -> Double {
        switch self {
        case .identity:
            return confidence
        case .temperature(let t):
            return Self.sigmoid(Self.logit(confidence) / t)
        case let .isotonic(thresholds, values):
            // the first block whose upper edge is ≥ c; above the last edge, the last value
            var low = 0, high = thresholds.count
            while low < high {
                let mid = (low + high) / 2
                if thresholds[mid] < confidence { low = mid + 1 } else { high = mid }
            }
            return values.isEmpty ? confidence : values[min(low, values.count - 1)]
        }
    }

    /// Calibrated items, re-ranked (isotonic ties are ordered by item, as everywhere).
    public func apply(_ items: [ScoredItem]) -> [ScoredItem] {
        items.map { ScoredItem(item: $0.item, confidence: apply($0.confidence)) }.sorted(by: ScoredItem.precedes)
    }

    static func logit(_ c: Double) -> Double {
        let p = min(max(c, logitClamp), 1 - logitClamp)
        return log(p / (1 - p))
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// Negative log-likelihood of the outcomes under temperature t.
    static func negativeLogLikelihood(temperature t: Double, confidences: [Double], outcomes: [Bool]) -> Double {
        var total = 0.0
        for (c, hit) in zip(confidences, outcomes) {
            let p = min(max(sigmoid(logit(c) / t), 1e-12), 1 - 1e-12)
            total -= hit ? log(p) : log(1 - p)
        }
        return total / Double(confidences.count)
    }

    /// T minimising the NLL, by golden-section search over log T ∈ [−5, 5] (the NLL is unimodal
    /// in 1/T for binary logistic calibration). 100 iterations narrow the interval to 10⁻²⁰ of
    /// its width, far below what changes a confidence.
    static func fitTemperature(confidences: [Double], outcomes: [Bool]) -> Double {
        let φ = (5.0.squareRoot() - 1) / 2
        var a = -5.0, b = 5.0
        func f(_ logT: Double) -> Double { negativeLogLikelihood(temperature: exp(logT), confidences: confidences, outcomes: outcomes) }
        var c = b - φ * (b - a), d = a + φ * (b - a)
        var fc = f(c), fd = f(d)
        for _ in 0..<100 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - φ * (b - a); fc = f(c)
            } else {
                a = c; c = d; fc = fd
                d = a + φ * (b - a); fd = f(d)
            }
        }
        return exp((a + b) / 2)
    }

    /// Pool-adjacent-violators on the pairs sorted by confidence: adjacent blocks whose means
    /// decrease are merged until the means are non-decreasing. Equal confidences form one block
    /// from the start, so the fit does not depend on the order of tied pairs.
    static func fitIsotonic(confidences: [Double], outcomes: [Bool]) -> ConfidenceCalibrator {
        let pairs = zip(confidences, outcomes).sorted { $0.0 < $1.0 }
        var blocks: [(upper: Double, sum: Double, count: Double)] = []
        for (c, hit) in pairs {
            let y = hit ? 1.0 : 0.0
            if let last = blocks.last, last.upper == c {
                blocks[blocks.count - 1] = (c, last.sum + y, last.count + 1)
            } else {
                blocks.append((c, y, 1))
            }
            while blocks.count >= 2 {
                let right = blocks[blocks.count - 1], left = blocks[blocks.count - 2]
                guard left.sum / left.count > right.sum / right.count else { break }
                blocks.removeLast(2)
                blocks.append((right.upper, left.sum + right.sum, left.count + right.count))
            }
        }
        return .isotonic(thresholds: blocks.map(\.upper), values: blocks.map { $0.sum / $0.count })
    }
}
