import Foundation
import Metrics
import Testing
@testable import MicroExperts

/// Not a unit test: the evaluation of every expert against the baselines on real histories,
/// printed, for a developer to read. Runs only when BIOMOE_MICRO_EVAL names repositories
/// (colon-separated paths, each optionally `path@revision`), e.g.
///
///     BIOMOE_MICRO_EVAL=/tmp/sap@main:/work/main swift test --filter HistoryEvaluationCheck
///
/// Protocol: first-parent history, first 80 % for training and the rest for testing. Weights
/// and calibrators are fitted on the last 10 % of the training part by models trained on what
/// precedes it; the models scored on the test period are then trained on the whole 80 %.
@Suite("History evaluation check")
struct HistoryEvaluationCheck {
    static let repositories: [String] = (ProcessInfo.processInfo.environment["BIOMOE_MICRO_EVAL"] ?? "")
        .split(separator: ":").map(String.init)

    @Test("prints MRR and recall@10 of every expert and baseline on the 80/20 temporal split",
          .enabled(if: !repositories.isEmpty))
    func evaluate() async throws {
        for spec in Self.repositories {
            let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
            let mined = try await GitMiner().mine(repository: parts[0], revision: parts.count > 1 ? parts[1] : "HEAD")
            print(HistoryEvaluation(commits: mined.commits, name: spec, seed: 17).report())
        }
    }
}

/// The models of the comparison, trained on one period.
struct ModelSet {
    var ensemble: ExpertEnsemble
    var mostRecent = MostRecentBaseline()
    var mostFrequent = MostFrequentBaseline()
    var random = RandomBaseline(seed: 17)
    var rules = CoChangeRules()

    init(_ commits: [Commit], ensemble: ExpertEnsemble = ExpertEnsemble()) {
        self.ensemble = ensemble
        self.ensemble.train(commits)
        mostRecent.train(commits)
        mostFrequent.train(commits)
        random.train(commits)
        rules.train(commits)
    }

    var known: Set<String> { ensemble.file.paths.alive }

    /// name → predictor, in report order.
    func predictors(routings: [RoutingMode], strategies: [AggregationStrategy]) -> [(String, (ExpertQuery) -> [ScoredItem])] {
        var result: [(String, (ExpertQuery) -> [ScoredItem])] = []
        for kind in [ExpertKind.file, .error, .test, .doc, .refactor] {
            let e = ensemble
            result.append((kind.rawValue, { e.uncalibratedPrediction(kind, $0, limit: 1000) }))
        }
        for routing in routings {
            for strategy in strategies {
                var e = ensemble
                e.routing = routing
                e.aggregator = VotingAggregator(strategy: strategy)
                result.append(("voted \(routing.rawValue) \(strategy.rawValue)", { e.predict($0, limit: 1000).aggregated.items }))
            }
        }
        let recent = mostRecent, frequent = mostFrequent, random = random, rules = rules
        result.append(("baseline most-recent", { recent.predict($0, limit: 1000) }))
        result.append(("baseline most-frequent", { frequent.predict($0, limit: 1000) }))
        result.append(("baseline random", { random.predict($0, limit: 1000) }))
        result.append(("baseline co-change-rules", { rules.predict($0, limit: 1000) }))
        return result
    }
}

struct HistoryEvaluation {
    let commits: [Commit]
    let name: String
    let seed: UInt32
    /// How each expert's confidences are calibrated before voting (BIOMOE_MICRO_CALIBRATION).
    static let calibration = CalibrationMethod(rawValue: ProcessInfo.processInfo.environment["BIOMOE_MICRO_CALIBRATION"] ?? "temperature") ?? .temperature

    func report() -> String {
        let split = TemporalSplit(commits, trainFraction: 0.8, validationFraction: 0.1)
        var lines = ["== \(name) (voting on \(Self.calibration.rawValue)-calibrated confidences): \(commits.count) first-parent commits; train \(split.train.count), validation \(split.validation.count), test \(split.test.count)"]
        let labelled = split.test.filter { Intent.label(of: $0) != nil }
        for task in RankingTask.allCases {
            // weights from the validation period
            let early = ModelSet(Array(split.train))
            var weights = ExpertWeights()
            var calibrationPairs: (c: [Double], o: [Bool]) = ([], [])
            var calibrators: [ExpertKind: ConfidenceCalibrator] = [:]
            for kind in [ExpertKind.file, .error, .test, .doc, .refactor] {
                let evaluation = RankingEvaluator.evaluate(task: task, test: split.validation, known: early.known, seed: seed) {
                    early.ensemble.uncalibratedPrediction(kind, $0, limit: 1000)
                }
                calibrators[kind] = ConfidenceCalibrator.fit(Self.calibration, confidences: evaluation.confidences, outcomes: evaluation.outcomes)
                for q in evaluation.summary.queries {
                    weights.record(expertID: kind.rawValue, firstRelevantRank: q.reciprocalRank > 0 ? Int((1 / q.reciprocalRank).rounded()) : nil)
                }
                if kind == .file { calibrationPairs = (evaluation.confidences, evaluation.outcomes) }
            }
            var ensemble = ExpertEnsemble()
            ensemble.weights = weights
            ensemble.calibrators = calibrators
            let models = ModelSet(Array(split.train) + Array(split.validation), ensemble: ensemble)
            lines.append("-- task \(task.rawValue); learned weights: " + weights.weights.sorted { $0.key < $1.key }
                .map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", "))
            var results: [(String, TaskEvaluation)] = []
            for (label, predict) in models.predictors(routings: [.keywordRules, .learnedClassifier, .gateAndSelfAssessment, .allExperts],
                                                     strategies: [.weighted, .voting, .sequential]) {
                results.append((label, RankingEvaluator.evaluate(task: task, test: split.test, known: models.known, seed: seed, predict: predict)))
            }
            if let first = results.first?.1 {
                lines.append("   scored queries \(first.summary.queries.count), without relevant file \(first.summary.queriesWithoutRelevant), skipped \(first.skippedCommits), unknown files \(first.unknownFiles)")
            }
            lines.append("   model                                              MRR [95% CI]            recall@10 [95% CI]       P@1    NDCG@10")
            for (label, evaluation) in results {
                let s = evaluation.summary
                let mrr = TaskEvaluation.interval(s.reciprocalRanks, seed: seed)
                let r10 = TaskEvaluation.interval(s.recalls(at: 10), seed: seed)
                lines.append("   " + label.padding(toLength: 50, withPad: " ", startingAt: 0)
                    + String(format: " %.3f [%.3f, %.3f]   %.3f [%.3f, %.3f]   %.3f  %.3f", mrr.estimate, mrr.lower, mrr.upper,
                             r10.estimate, r10.lower, r10.upper, s.meanPrecision(at: 1), s.meanNDCG(at: 10)))
            }
            // pre-declared models (the file expert; the ensemble's defaults: keyword routing, weighted
            // voting) against the strongest baseline on this period, paired over the same test commits
            let baselines = results.filter { $0.0.hasPrefix("baseline") }
            if let bestBaseline = baselines.max(by: { $0.1.summary.meanReciprocalRank < $1.1.summary.meanReciprocalRank }) {
                for model in ["file", "voted keyword-rules weighted"] {
                    guard let candidate = results.first(where: { $0.0 == model }) else { continue }
                    for (metric, a, b) in [("MRR", candidate.1.summary.reciprocalRanks, bestBaseline.1.summary.reciprocalRanks),
                                           ("recall@10", candidate.1.summary.recalls(at: 10), bestBaseline.1.summary.recalls(at: 10))] {
                        let difference = TaskEvaluation.interval(zip(a, b).map { $0 - $1 }, seed: seed)
                        lines.append(String(format: "   paired %@: %@ − %@ = %.3f [%.3f, %.3f]", metric, candidate.0, bestBaseline.0,
                                            difference.estimate, difference.lower, difference.upper))
                    }
                }
            }
            // calibration of the file expert: fitted on validation, measured on test
            if let file = results.first(where: { $0.0 == "file" })?.1 {
                let before = BinaryCalibration.expectedCalibrationError(confidences: file.confidences, outcomes: file.outcomes)
                for method in [CalibrationMethod.temperature, .isotonic] {
                    let calibrator = ConfidenceCalibrator.fit(method, confidences: calibrationPairs.c, outcomes: calibrationPairs.o)
                    let after = BinaryCalibration.expectedCalibrationError(confidences: file.confidences.map(calibrator.apply), outcomes: file.outcomes)
                    lines.append(String(format: "   file expert ECE (top-10 items, 15 bins): %.4f before, %.4f after %@", before, after, method.rawValue))
                }
            }
        }
        // routing accuracy on labelled test commits
        var classifier = IntentClassifier()
        classifier.train(Array(split.train) + Array(split.validation))
        let keywordHits = labelled.filter { KeywordIntentRules.classify($0.message) == Intent.label(of: $0) }.count
        let learnedHits = labelled.filter { classifier.classify($0.message) == Intent.label(of: $0) }.count
        lines.append("-- intent routing on \(labelled.count) labelled test commits (of \(split.test.count)): keyword rules \(keywordHits), learned classifier \(learnedHits) correct")
        return lines.joined(separator: "\n")
    }
}
