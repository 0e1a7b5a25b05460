import HarnessConfig
import MicroExperts

/// One model of a micro-experts run, trained on a period of history: a query's ranked files and,
/// for the voted ensemble, how much its experts disagreed.
struct MicroExpertsRanker {
    struct Answer {
        let items: [ScoredItem]
        /// Normalised entropy of the experts' top-1 votes (`VotingAggregator.disagreement`); nil
        /// for a single model.
        let disagreement: Double?
    }

    /// The voted ensemble's settings and what was fitted for it on the validation period.
    struct EnsembleSettings {
        var routing: RoutingMode
        var aggregation: AggregationStrategy
        /// Expert weights from validation reciprocal ranks; the prior alone when there was none.
        var weights = ExpertWeights()
        /// Per-expert calibration fitted on validation, applied before voting.
        var calibrators: [ExpertKind: ConfidenceCalibrator] = [:]
    }

    /// The five experts, in the order the ensemble asks them when it asks all.
    static let domainExperts: [ExpertKind] = [.file, .error, .test, .doc, .refactor]
    /// Items per answer: deep enough that no file a commit touched is cut off in practice.
    static let limit = 1000

    let answer: (ExpertQuery) -> Answer

    /// `model` trained on `commits` (oldest first).
    static func train(_ model: MicroExpertsModel, on commits: [Commit], ensemble settings: EnsembleSettings, seed: UInt32) -> MicroExpertsRanker {
        switch model {
        case .file, .test, .doc, .refactor, .error:
            // The ensemble's own experts, so the test, doc and refactor experts get the file
            // expert's top answers as their files when a query has none (the design's sequential use).
            var ensemble = ExpertEnsemble()
            ensemble.train(commits)
            let kind = expertKind(model)
            return MicroExpertsRanker { [ensemble] in Answer(items: ensemble.uncalibratedPrediction(kind, $0, limit: limit), disagreement: nil) }
        case .voted:
            return voted(trainedEnsemble(on: commits), settings: settings)
        case .mostRecent:
            var baseline = MostRecentBaseline()
            baseline.train(commits)
            return MicroExpertsRanker { [baseline] in Answer(items: baseline.predict($0, limit: limit), disagreement: nil) }
        case .mostFrequent:
            var baseline = MostFrequentBaseline()
            baseline.train(commits)
            return MicroExpertsRanker { [baseline] in Answer(items: baseline.predict($0, limit: limit), disagreement: nil) }
        case .random:
            var baseline = RandomBaseline(seed: seed)
            baseline.train(commits)
            return MicroExpertsRanker { [baseline] in Answer(items: baseline.predict($0, limit: limit), disagreement: nil) }
        case .coChangeRules:
            var baseline = CoChangeRules()
            baseline.train(commits)
            return MicroExpertsRanker { [baseline] in Answer(items: baseline.predict($0, limit: limit), disagreement: nil) }
        }
    }

    static func trainedEnsemble(on commits: [Commit]) -> ExpertEnsemble {
        var ensemble = ExpertEnsemble()
        ensemble.train(commits)
        return ensemble
    }

    /// The trained `ensemble` routed, calibrated, weighted and aggregated as `settings` say.
    static func voted(_ ensemble: ExpertEnsemble, settings: EnsembleSettings) -> MicroExpertsRanker {
        var configured = ensemble
        configured.routing = settings.routing
        configured.aggregator = VotingAggregator(strategy: settings.aggregation)
        configured.weights = settings.weights
        configured.calibrators = settings.calibrators
        return MicroExpertsRanker { [configured] query in
            let prediction = configured.predict(query, limit: limit).aggregated
            return Answer(items: prediction.items, disagreement: prediction.disagreement)
        }
    }

    static func expertKind(_ model: MicroExpertsModel) -> ExpertKind {
        switch model {
        case .file: return .file
        case .test: return .test
        case .doc: return .doc
        case .refactor: return .refactor
        case .error: return .error
        case .voted, .mostRecent, .mostFrequent, .random, .coChangeRules:
            preconditionFailure("\(model.rawValue) is not one of the five experts")
        }
    }
}
