/// Chooses experts for a query by the query-level mixture-of-experts rule: a learned gate's
/// probability and the expert's own assessment, combined 0.6 / 0.4, halved for an overloaded
/// expert, top-k kept.
///
///     s_e = (g·gate_e + a·self_e) · (load_e ≥ maxLoad ? loadPenalty : 1)
///
/// `gate_e` comes from the intent classifier's posterior spread over the routing table
/// (`gateProbabilities`); `self_e` from the expert (its top-1 confidence, the analogue of the
/// design's `can_handle`). Equal scores keep `ExpertKind.allCases` order.
public struct QueryGate: Sendable, Codable, Equatable {
    public var gateWeight: Double
    public var selfAssessmentWeight: Double
    /// Factor for an expert whose load has reached `maximumLoad`.
    public var loadPenalty: Double
    public var maximumLoad: Int
    public var topK: Int

    public init(gateWeight: Double = 0.6, selfAssessmentWeight: Double = 0.4, loadPenalty: Double = 0.5,
                maximumLoad: Int = 10, topK: Int = 2) {
        self.gateWeight = gateWeight
        self.selfAssessmentWeight = selfAssessmentWeight
        self.loadPenalty = loadPenalty
        self.maximumLoad = maximumLoad
        self.topK = topK
    }

    /// P(expert) = Σ_i P(i | q) · [e ∈ experts(i)] / |experts(i)|: each intent's probability
    /// shared equally among the experts its table row lists.
    public static func gateProbabilities(intentPosterior: [Intent: Double]) -> [ExpertKind: Double] {
        var result: [ExpertKind: Double] = [:]
        for intent in Intent.allCases {
            let p = intentPosterior[intent] ?? 0
            guard p > 0 else { continue }
            let experts = intent.experts
            for e in experts { result[e, default: 0] += p / Double(experts.count) }
        }
        return result
    }

    /// The top-k experts and their scores, best first.
    public func route(gate: [ExpertKind: Double], selfAssessment: [ExpertKind: Double],
                      load: [ExpertKind: Int] = [:]) -> [(expert: ExpertKind, score: Double)] {
        rank(ExpertKind.allCases, gate: gate, selfAssessment: selfAssessment, load: load)
            .map { (expert: $0.key, score: $0.score) }
    }

    /// The rule over any set of experts (the request pipeline's domain experts use it too): the
    /// top-k of `keys` that have a gate or self-assessment score, best first; equal scores keep
    /// the order of `keys`.
    public func rank<Key: Hashable>(_ keys: [Key], gate: [Key: Double], selfAssessment: [Key: Double],
                                    load: [Key: Int] = [:]) -> [(key: Key, score: Double)] {
        var scored: [(key: Key, score: Double)] = []
        for e in keys where gate[e] != nil || selfAssessment[e] != nil {
            var s = gateWeight * (gate[e] ?? 0) + selfAssessmentWeight * (selfAssessment[e] ?? 0)
            if (load[e] ?? 0) >= maximumLoad { s *= loadPenalty }
            scored.append((e, s))
        }
        // stable: equal scores keep the order of keys
        let ordered = scored.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        return Array(ordered.prefix(topK))
    }
}
