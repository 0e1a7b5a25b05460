/// How the ensemble picks the experts to ask, spelled as in config.
public enum RoutingMode: String, Sendable, Codable, CaseIterable {
    /// `KeywordIntentRules` → the intent's row of the routing table.
    case keywordRules = "keyword-rules"
    /// `IntentClassifier`'s most probable intent → its row.
    case learnedClassifier = "learned-classifier"
    /// `QueryGate`: 0.6 learned gate + 0.4 self-assessment with load penalty, top-k.
    case gateAndSelfAssessment = "gate-and-self-assessment"
    /// Every domain expert, whatever the message.
    case allExperts = "all-experts"
}

/// The domain experts of one repository, routed and voted: the whole micro-expert pipeline of
/// query → intent → experts → aggregated ranking.
///
/// Experts that start from files (test, doc, refactor) get, when the query has no files, the
/// file expert's top `seedFileCount` answers as their files: the design's sequential use of
/// experts, so that a message alone can still reach them.
public struct ExpertEnsemble: Sendable, Codable, Equatable {
    public var file = FileExpert()
    public var test = TestExpert()
    public var doc = DocExpert()
    public var refactor = RefactorExpert()
    public var error = ErrorExpert()
    public var classifier = IntentClassifier()
    public var routing: RoutingMode
    public var gate = QueryGate()
    public var aggregator: VotingAggregator
    /// Learned from past accuracy (`ExpertWeights`), keyed by `ExpertKind.rawValue`.
    public var weights = ExpertWeights()
    /// Per-expert maps from raw to calibrated confidence, fitted on a validation period. Why
    /// before voting: the experts' raw confidences are on different scales (a softmax over all
    /// files, a co-change frequency), so summing them raw lets the most overconfident expert
    /// decide; calibrated, each is an estimate of the same thing, the chance the file is touched.
    public var calibrators: [ExpertKind: ConfidenceCalibrator] = [:]
    public var seedFileCount: Int

    public init(routing: RoutingMode = .keywordRules, aggregator: VotingAggregator = .init(), seedFileCount: Int = 3) {
        self.routing = routing
        self.aggregator = aggregator
        self.seedFileCount = seedFileCount
    }

    public mutating func train(_ commits: [Commit]) {
        file.train(commits)
        test.train(commits)
        doc.train(commits)
        refactor.train(commits)
        error.train(commits)
        classifier.train(commits)
    }

    /// One expert's answer, calibrated where a calibrator was fitted; file-based experts get
    /// seed files when the query has none.
    public func predict(_ kind: ExpertKind, _ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let raw = uncalibratedPrediction(kind, query, limit: limit)
        return calibrators[kind]?.apply(raw) ?? raw
    }

    /// One expert's answer with its raw confidences (what a calibrator is fitted on).
    public func uncalibratedPrediction(_ kind: ExpertKind, _ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        var seeded = query
        if query.files.isEmpty, [.test, .doc, .refactor].contains(kind) {
            seeded.files = file.predict(query, limit: seedFileCount).map(\.item)
        }
        switch kind {
        case .file: return file.predict(seeded, limit: limit)
        case .test: return test.predict(seeded, limit: limit)
        case .doc: return doc.predict(seeded, limit: limit)
        case .refactor: return refactor.predict(seeded, limit: limit)
        case .error: return error.predict(seeded, limit: limit)
        case .mostRecent, .mostFrequent, .random, .coChangeRules, .episode: return []
        }
    }

    /// The experts this query goes to, in routing order.
    public func route(_ query: ExpertQuery, load: [ExpertKind: Int] = [:]) -> [ExpertKind] {
        switch routing {
        case .keywordRules:
            return KeywordIntentRules.classify(query.message).experts
        case .learnedClassifier:
            return classifier.classify(query.message).experts
        case .allExperts:
            return [.file, .error, .test, .doc, .refactor]
        case .gateAndSelfAssessment:
            let gate = QueryGate.gateProbabilities(intentPosterior: classifier.posterior(query.message))
            var selfAssessment: [ExpertKind: Double] = [:]
            for kind in [ExpertKind.file, .error, .test, .doc, .refactor] {
                selfAssessment[kind] = predict(kind, query, limit: 1).first?.confidence ?? 0
            }
            return self.gate.route(gate: gate, selfAssessment: selfAssessment, load: load).map(\.expert)
        }
    }

    /// Routed, asked and aggregated; also the per-expert answers (for weights and disagreement).
    public func predict(_ query: ExpertQuery, limit: Int) -> (aggregated: AggregatedPrediction, experts: [ExpertPrediction]) {
        let kinds = route(query)
        let predictions = kinds.map { ExpertPrediction(expertID: $0.rawValue, items: predict($0, query, limit: limit)) }
        let aggregated = aggregator.aggregate(predictions, weights: weights.weights, limit: limit)
        return (aggregated, predictions)
    }
}
