import Metrics
import Foundation
import MoE
import HarnessConfig
import HarnessStore

/// Collects the routing decisions of one pass over the test set and turns them into the routing
/// metrics of the routing suite.
///
/// Conventions (stated in the report): utilisation of expert i is the fraction of all k routing
/// slots that went to i (so a uniform router gives 1/E); load CV is the population standard
/// deviation of the utilisations over their mean; gate entropy is the mean over inputs of
/// −Σ_i p_i ln p_i of the router's full distribution (nats); stability compares top-1 experts.
struct RoutingObserver {
    let experts: Int
    let topK: Int
    private(set) var topOne: [Int32] = []
    private(set) var slotCounts: [Int]
    private var entropySum = 0.0
    /// Spikes of all E·P gate neurons over T steps, per input (spiking gate only).
    private(set) var spikesPerInput: [Double] = []
    /// Decisions whose top-k set the spike counts alone fix (spiking gate only): every chosen
    /// expert's count is above every unchosen one's, so the membrane tie-break played no part.
    private var spikeDecided = 0
    /// Decisions in which no gate neuron spiked (the tie-break alone chose).
    private var silentDecisions = 0

    init(experts: Int, topK: Int) {
        self.experts = experts
        self.topK = topK
        slotCounts = [Int](repeating: 0, count: experts)
    }

    /// Reads the decision the model left for the batch it just predicted.
    mutating func observe(_ decision: RoutingDecision, batch: Int) {
        let k = decision.topK
        for b in 0..<batch {
            topOne.append(decision.indices[b * k])
            for j in 0..<k { slotCounts[Int(decision.indices[b * k + j])] += 1 }
            var entropy = 0.0
            for e in 0..<experts {
                let p = Double(decision.probabilities[b * experts + e])
                if p > 0 { entropy -= p * log(p) }
            }
            entropySum += entropy
            if let counts = decision.spikeCounts {
                var total = 0.0
                for e in 0..<experts { total += Double(counts[b * experts + e]) }
                spikesPerInput.append(total)
                if total == 0 { silentDecisions += 1 }
                // decided by spikes ⇔ min over chosen counts > max over unchosen counts
                let chosen = decision.indices[(b * k)..<((b + 1) * k)]
                var lowestChosen = Float.infinity, highestOther = -Float.infinity
                for e in 0..<experts {
                    let c = counts[b * experts + e]
                    if chosen.contains(Int32(e)) { lowestChosen = min(lowestChosen, c) } else { highestOther = max(highestOther, c) }
                }
                if lowestChosen > highestOther { spikeDecided += 1 }
            }
        }
    }

    var samples: Int { topOne.count }

    var utilization: [Double] {
        let total = Double(slotCounts.reduce(0, +))
        return slotCounts.map { total > 0 ? Double($0) / total : .nan }
    }

    /// Fraction of decisions the spike counts alone decided; nil for non-spiking routers.
    var spikeDecidedFraction: Double? {
        spikesPerInput.isEmpty ? nil : Double(spikeDecided) / Double(spikesPerInput.count)
    }

    /// Fraction of decisions with no spike at all; nil for non-spiking routers.
    var silentDecisionFraction: Double? {
        spikesPerInput.isEmpty ? nil : Double(silentDecisions) / Double(spikesPerInput.count)
    }

    var gateEntropy: Double { samples > 0 ? entropySum / Double(samples) : .nan }

    /// Spikes per routing decision (all E·P neurons over T steps); nil for non-spiking routers.
    var spikesPerDecision: Double? { spikesPerInput.isEmpty ? nil : spikesPerInput.reduce(0, +) / Double(spikesPerInput.count) }

    var loadCoefficientOfVariation: Double { Statistics.populationCoefficientOfVariation(utilization) }

    var maxOverMeanLoad: Double {
        let u = utilization
        return (u.max() ?? .nan) / (u.reduce(0, +) / Double(u.count))
    }

    /// Fraction of inputs whose top-1 expert differs from `previous` (same inputs, same order).
    func topOneChangeFraction(from previous: [Int32]) -> Double {
        guard previous.count == topOne.count, !topOne.isEmpty else { return .nan }
        var changed = 0
        for i in 0..<topOne.count where topOne[i] != previous[i] { changed += 1 }
        return Double(changed) / Double(topOne.count)
    }

    /// Accuracy over the inputs whose top-1 expert is e (NaN for an expert that got none).
    func routedAccuracy(probabilities: [Float], labels: [Int32], classes: Int) -> [Double] {
        var hits = [Int](repeating: 0, count: experts)
        var counts = [Int](repeating: 0, count: experts)
        for i in 0..<topOne.count {
            let e = Int(topOne[i])
            var best = 0
            for c in 1..<classes where probabilities[i * classes + c] > probabilities[i * classes + best] { best = c }
            counts[e] += 1
            if Int32(best) == labels[i] { hits[e] += 1 }
        }
        return (0..<experts).map { counts[$0] > 0 ? Double(hits[$0]) / Double(counts[$0]) : .nan }
    }
}
