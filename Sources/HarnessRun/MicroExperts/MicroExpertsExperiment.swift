import Foundation
import HarnessConfig
import HarnessStore
import Metrics
import MicroExperts
import Tensor

/// One micro-experts run: a model (`expert`) evaluated on one history and one ranking task the
/// way a recommender is evaluated — on the future, never on the past.
///
/// Protocol (TemporalSplit, first-parent order):
///
///     |──────────── train_fraction ────────────|──── test ────|
///     |──── fit ────|── validation_fraction ──|
///
/// 1. Validation: the model is trained on the fit period and asked about every validation
///    commit. The voted ensemble first learns its expert weights (smoothed mean reciprocal rank
///    of each expert) and each expert's `calibration` map from the five experts' answers there.
///    The model's own answers give `val_mrr` and `val_recall_at_10` (what the report selects
///    models by) and the pairs its output calibrator is fitted on.
/// 2. Test: the model is trained again on fit + validation (weights and calibrators kept) and
///    asked about every test commit, without learning from the test period in between. Every
///    ranking metric, ECE before and after the output calibrator, and, per scored query, its
///    reciprocal rank and recall@10 (series indexed by the commit's position in the test period,
///    so the report pairs models on the same commits) are recorded.
///
/// Intent routing accuracy is measured on the labelled test commits (`Intent.label(of:)`: a
/// conventional-commit prefix, else test-only → add_tests, docs-only → update_docs; other
/// commits carry no label and are left out); the learned classifier trains on fit + validation.
struct MicroExpertsExperiment: Experiment {
    let spec: RunSpec
    let history: MinedGitHistory

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let model = try spec.choice("expert", as: MicroExpertsModel.self)
        let task = try spec.choice("ranking_task", as: RankingTask.self)
        let calibration = try spec.choice("calibration", as: CalibrationMethod.self)
        var settings = MicroExpertsRanker.EnsembleSettings(routing: try spec.choice("routing", as: RoutingMode.self),
                                                           aggregation: try spec.choice("aggregation", as: AggregationStrategy.self))
        let split = TemporalSplit(history.commits, trainFraction: try spec.double("train_fraction"),
                                  validationFraction: try spec.double("validation_fraction"))
        guard !split.train.isEmpty, !split.test.isEmpty else {
            throw MicroExpertsError.historyTooShort(run: spec.runLabel, repository: history.repository, commits: history.commits.count)
        }
        // One seed for every random choice of the run (the cascade's given file, the random
        // baseline), from the suite seed and the run seed.
        var streams = RandomStreams(suiteSeed: UInt32(truncatingIfNeeded: spec.suiteSeed), runSeed: UInt32(truncatingIfNeeded: spec.seed))
            .generator("micro-experts")
        let seed = UInt32(truncatingIfNeeded: streams.next())

        // 1. Validation period.
        let fitCommits = Array(split.train)
        let knownBeforeValidation = Self.alive(after: fitCommits)
        var outputCalibrator = ConfidenceCalibrator.identity
        var validation: TaskEvaluation?
        if !split.validation.isEmpty {
            let early: MicroExpertsRanker
            if model == .voted {
                let ensemble = MicroExpertsRanker.trainedEnsemble(on: fitCommits)
                Self.fit(&settings, ensemble: ensemble, task: task, period: split.validation, known: knownBeforeValidation,
                         seed: seed, calibration: calibration)
                early = MicroExpertsRanker.voted(ensemble, settings: settings)
            } else {
                early = MicroExpertsRanker.train(model, on: fitCommits, ensemble: settings, seed: seed)
            }
            let evaluation = RankingEvaluator.evaluate(task: task, test: split.validation, known: knownBeforeValidation, seed: seed) {
                early.answer($0).items
            }
            outputCalibrator = ConfidenceCalibrator.fit(calibration, confidences: evaluation.confidences, outcomes: evaluation.outcomes)
            validation = evaluation
        }
        progress(0.5, "\(model.rawValue): validation done")

        // 2. Test period.
        let trainCommits = Array(split.train) + Array(split.validation)
        let known = Self.alive(after: trainCommits)
        let final = MicroExpertsRanker.train(model, on: trainCommits, ensemble: settings, seed: seed)
        var disagreements: [Double] = []
        let test = RankingEvaluator.evaluate(task: task, test: split.test, known: known, seed: seed) { query in
            let answer = final.answer(query)
            if let d = answer.disagreement { disagreements.append(d) }
            return answer.items
        }

        var outcome = RunOutcome()
        Self.recordRanking(test, validation: validation, into: &outcome)
        outcome.metric("ranking_ece", BinaryCalibration.expectedCalibrationError(confidences: test.confidences, outcomes: test.outcomes))
        outcome.metric("ranking_ece_calibrated", BinaryCalibration.expectedCalibrationError(
            confidences: test.confidences.map(outputCalibrator.apply), outcomes: test.outcomes))
        if model == .voted {
            Self.recordDisagreement(test, disagreements: disagreements, into: &outcome)
        }
        Self.recordRouting(test: split.test, training: trainCommits, into: &outcome)
        outcome.events.append(Self.historyEvent(history))
        outcome.metric("history_commits", Double(history.commits.count))
        outcome.metric("train_commits", Double(split.train.count))
        outcome.metric("validation_commits", Double(split.validation.count))
        outcome.metric("test_commits", Double(split.test.count))
        if let rss = PeakMemory.residentBytes() { outcome.metric("peak_rss", Double(rss)) }
        progress(1, "\(model.rawValue): MRR \(String(format: "%.3f", test.summary.meanReciprocalRank))")
        return outcome
    }

    /// Which commits the run saw: the repository and revision as configured and the commit the
    /// revision resolved to (for a bundle's branch, the bundle's head), as a `git-history` event.
    static func historyEvent(_ history: MinedGitHistory) -> RunEvent {
        let payload: [String: Any] = ["repository": history.repository, "revision": history.revision, "head": history.head,
                                      "commits": history.commits.count]
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return RunEvent(kind: "git-history", step: 0, payload: String(decoding: data, as: UTF8.self))
    }

    /// Files present after `commits` (renames followed, deletions dropped): what a model trained
    /// on them can know, the same set for every model.
    static func alive(after commits: [Commit]) -> Set<String> {
        var paths = PathHistory()
        for commit in commits { paths.apply(commit) }
        return paths.alive
    }

    /// The voted ensemble's weights (each expert's smoothed mean reciprocal rank on `period`)
    /// and per-expert calibrators, from the five experts' raw answers.
    static func fit(_ settings: inout MicroExpertsRanker.EnsembleSettings, ensemble: ExpertEnsemble, task: RankingTask,
                    period: ArraySlice<Commit>, known: Set<String>, seed: UInt32, calibration: CalibrationMethod) {
        var weights = ExpertWeights()
        var calibrators: [ExpertKind: ConfidenceCalibrator] = [:]
        for kind in MicroExpertsRanker.domainExperts {
            let evaluation = RankingEvaluator.evaluate(task: task, test: period, known: known, seed: seed) {
                ensemble.uncalibratedPrediction(kind, $0, limit: MicroExpertsRanker.limit)
            }
            for query in evaluation.summary.queries {
                weights.record(expertID: kind.rawValue, firstRelevantRank: query.reciprocalRank > 0 ? Int((1 / query.reciprocalRank).rounded()) : nil)
            }
            calibrators[kind] = ConfidenceCalibrator.fit(calibration, confidences: evaluation.confidences, outcomes: evaluation.outcomes)
        }
        settings.weights = weights
        settings.calibrators = calibrators
    }

    static func recordRanking(_ test: TaskEvaluation, validation: TaskEvaluation?, into outcome: inout RunOutcome) {
        let summary = test.summary
        outcome.metric("mrr", summary.meanReciprocalRank)
        for k in [1, 5, 10] {
            outcome.metric("recall_at_\(k)", summary.meanRecall(at: k))
            outcome.metric("precision_at_\(k)", summary.meanPrecision(at: k))
        }
        outcome.metric("ndcg_at_10", summary.meanNDCG(at: 10))
        outcome.metric("val_mrr", validation?.summary.meanReciprocalRank ?? .nan)
        outcome.metric("val_recall_at_10", validation?.summary.meanRecall(at: 10) ?? .nan)
        outcome.metric("queries_scored", Double(summary.queries.count))
        outcome.metric("queries_without_relevant", Double(summary.queriesWithoutRelevant))
        outcome.metric("commits_skipped", Double(test.skippedCommits))
        outcome.metric("unknown_files", Double(test.unknownFiles))
        let recalls = summary.recalls(at: 10)
        for (index, position) in test.scoredPositions.enumerated() {
            outcome.point("reciprocal_rank", step: position, summary.queries[index].reciprocalRank)
            outcome.point("recall_at_10", step: position, recalls[index])
        }
    }

    /// Mean disagreement over the scored test queries, and its Pearson correlation with the
    /// query's error 1 − reciprocal rank: does a split vote flag a wrong answer?
    static func recordDisagreement(_ test: TaskEvaluation, disagreements: [Double], into outcome: inout RunOutcome) {
        precondition(disagreements.count == test.queriedPositions.count, "one disagreement per query asked")
        let byPosition = Dictionary(uniqueKeysWithValues: zip(test.queriedPositions, disagreements))
        let scored = test.scoredPositions.map { byPosition[$0] ?? .nan }
        let errors = test.summary.reciprocalRanks.map { 1 - $0 }
        outcome.metric("mean_disagreement", Statistics.mean(scored))
        outcome.metric("disagreement_error_correlation", Statistics.pearsonCorrelation(scored, errors))
    }

    /// Intent routing on the labelled test commits: the keyword rules and the naive-Bayes
    /// classifier trained on `training`, each against `Intent.label(of:)`.
    static func recordRouting(test: ArraySlice<Commit>, training: [Commit], into outcome: inout RunOutcome) {
        var classifier = IntentClassifier()
        classifier.train(training)
        let labelled = test.compactMap { commit in Intent.label(of: commit).map { (commit, $0) } }
        let keyword = labelled.filter { KeywordIntentRules.classify($0.0.message) == $0.1 }.count
        let learned = labelled.filter { classifier.classify($0.0.message) == $0.1 }.count
        let fromPrefix = labelled.filter { Intent.conventionalCommitIntent($0.0.message) != nil }.count
        let n = Double(labelled.count)
        outcome.metric("intent_labelled_commits", n)
        outcome.metric("intent_labels_from_prefix", Double(fromPrefix))
        outcome.metric("intent_accuracy_keyword_rules", labelled.isEmpty ? .nan : Double(keyword) / n)
        outcome.metric("intent_accuracy_learned_classifier", labelled.isEmpty ? .nan : Double(learned) / n)
    }
}

enum MicroExpertsError: Error, Equatable, CustomStringConvertible {
    case historyTooShort(run: String, repository: String, commits: Int)

    var description: String {
        switch self {
        case let .historyTooShort(run, repository, commits):
            return "\(run): the history of \(repository) has \(commits) commit(s), too few for a training and a test period; lower train_fraction or mine a longer history"
        }
    }
}
