import MicroExperts

/// How the pipeline turns the gate's reading into a choice of experts:
///
///     w = p                                          (the learned gate, `QueryRouter`)
///     w ← (1 − β)·w + β·m   when memory hits exist    (m: the domains of similar past requests)
///     w ← AffectModulation(w, v, a)   in `modulate` mode
///     s_e = 0.6·w_e + 0.4·c_e, × 0.5 when load_e ≥ maxLoad   (seed 002, `QueryGate.rank`)
///
/// c_e is expert e's `canHandle`; with `selfAssessment` off the gate decides alone (weights
/// 1 / 0). The blend and the load penalty are MicroExperts' `QueryGate`, the rule the
/// micro-experts suite routes commits with, called here over the domain experts.
/// m_d = Σ_hits sim·[domain = d] / Σ_hits sim over the hits at or above `memoryMinSimilarity`.
public struct RoutingPolicy: Sendable, Equatable {
    public var gate: QueryGate
    public var selfAssessment: Bool
    public var affectMode: AffectMode
    /// β; 0 ignores the long-term memory in routing.
    public var memoryWeight: Double
    public var memoryMinSimilarity: Double

    public init(topK: Int = 2, maximumLoad: Int = 10, selfAssessment: Bool = true, affectMode: AffectMode = .log,
                memoryWeight: Double = 0, memoryMinSimilarity: Double = 0.3) {
        gate = selfAssessment ? QueryGate(maximumLoad: maximumLoad, topK: topK)
                              : QueryGate(gateWeight: 1, selfAssessmentWeight: 0, maximumLoad: maximumLoad, topK: topK)
        self.selfAssessment = selfAssessment
        self.affectMode = affectMode
        self.memoryWeight = memoryWeight
        self.memoryMinSimilarity = memoryMinSimilarity
    }

    public func decide(reading: GateReading, selfScores: [ExpertDomain: Double], valence: Double, arousal: Double,
                       hits: [MemoryHit], load: [ExpertDomain: Int]) -> RoutingTrace {
        var w = reading.probabilities
        let usable = hits.filter { $0.similarity >= memoryMinSimilarity }
        var prior: [Double]?
        if memoryWeight > 0, !usable.isEmpty {
            var m = [Double](repeating: 0, count: w.count)
            let total = usable.reduce(0) { $0 + $1.similarity }
            for hit in usable { m[hit.domain.index] += hit.similarity / total }
            for d in 0..<w.count { w[d] = (1 - memoryWeight) * w[d] + memoryWeight * m[d] }
            prior = m
        }
        if affectMode == .modulate { w = AffectModulation.modulate(w, valence: valence, arousal: arousal) }
        var gateScores: [ExpertDomain: Double] = [:]
        for d in ExpertDomain.allCases { gateScores[d] = w[d.index] }
        let ranked = gate.rank(ExpertDomain.allCases, gate: gateScores, selfAssessment: selfAssessment ? selfScores : [:], load: load)
        return RoutingTrace(gateProbabilities: reading.probabilities, spikeCounts: reading.spikeCounts, memoryPrior: prior,
                            weights: w, selfAssessment: ExpertDomain.allCases.map { selfScores[$0] ?? 0 },
                            chosen: ranked.map { ChosenExpert(domain: $0.key, score: $0.score) })
    }
}

/// Everything the routing stage saw and decided, for the trace, the log and the suite.
public struct RoutingTrace: Sendable, Codable, Equatable {
    /// Per domain, in `ExpertDomain.allCases` order.
    public var gateProbabilities: [Double]
    public var spikeCounts: [Double]?
    public var memoryPrior: [Double]?
    /// After memory and affect modulation.
    public var weights: [Double]
    public var selfAssessment: [Double]
    /// Best first.
    public var chosen: [ChosenExpert]
}

public struct ChosenExpert: Sendable, Codable, Equatable {
    public var domain: ExpertDomain
    public var score: Double
}
