import Metrics
import Tensor

/// What a test commit asks of a model, spelled as in config.
public enum RankingTask: String, Sendable, Codable, CaseIterable {
    /// Given the commit's message: all the files it touched.
    case filesFromMessage = "files-from-message"
    /// Given the message and one of its touched files (drawn by seed): the other files.
    case cascadeFromOneFile = "cascade-from-one-file"

    /// The query and relevant set for a commit, or nil when the task does not apply (a cascade
    /// needs at least two touched files). Relevant files are those the commit touched, named as
    /// the model knows them (renames followed) and among the files the model knows: a file
    /// first created by the test commit cannot be predicted by any model and would only add the
    /// same miss to all of them, so it is excluded and counted (`TaskEvaluation.unknownFiles`).
    public func example(for commit: Commit, known: Set<String>, seed: UInt32) -> (query: ExpertQuery, relevant: Set<String>)? {
        let touched = Array(Set(commit.touchedPaths)).sorted()
        switch self {
        case .filesFromMessage:
            return (ExpertQuery(message: commit.message), Set(touched).intersection(known))
        case .cascadeFromOneFile:
            let candidates = touched.filter(known.contains)
            guard candidates.count >= 2 else { return nil }
            var generator = RandomStreams(suiteSeed: seed, runSeed: 0).generator("cascade-seed-file/" + commit.hash)
            let given = candidates[generator.uniformInt(below: candidates.count)]
            return (ExpertQuery(message: commit.message, files: [given]), Set(candidates).subtracting([given]))
        }
    }
}

/// One model's scores on a test period.
public struct TaskEvaluation: Sendable {
    public var summary: RankingSummary
    /// Test commits the task did not apply to (a cascade from a one-file commit).
    public var skippedCommits = 0
    /// Touched files left out of the relevant sets because no model could know them yet.
    public var unknownFiles = 0
    /// (confidence, was it relevant) for every listed item of every scored query: calibration data.
    public var confidences: [Double] = []
    public var outcomes: [Bool] = []
    /// Position in the test period (0-based) of every commit the model was asked about, in the
    /// order asked: one entry per call of `predict`.
    public var queriedPositions: [Int] = []
    /// Position in the test period of each scored query, aligned with `summary.queries`: what
    /// pairs two models' per-query scores on the same commits.
    public var scoredPositions: [Int] = []

    public init(cutoffs: [Int] = [1, 5, 10]) {
        summary = RankingSummary(cutoffs: cutoffs)
    }

    /// Percentile-bootstrap 95 % interval over test commits of the per-query values `values`
    /// (for example `summary.reciprocalRanks`), seeded.
    public static func interval(_ values: [Double], seed: UInt32, resamples: Int = 2000) -> BootstrapInterval {
        var generator = RandomStreams(suiteSeed: seed, runSeed: 0).generator("micro-experts/bootstrap")
        return Statistics.bootstrapInterval(values, resamples: resamples, using: &generator)
    }
}

/// Evaluates a model on test commits: the model is trained on `train` and queried once per test
/// commit, without learning from the test period in between (a static evaluation; a rolling
/// evaluation uses `TemporalSplit.rolling`).
public enum RankingEvaluator {
    /// `known` is the set of files the model could know (the files alive after training). The
    /// calibration pairs are the top `calibrationDepth` items of each answer: the ones a
    /// developer would look at (with every listed file, the thousands of near-zero confidences
    /// of unlikely files would swamp the measure).
    public static func evaluate(task: RankingTask, test: ArraySlice<Commit>, known: Set<String>, seed: UInt32,
                                limit: Int = 1000, cutoffs: [Int] = [1, 5, 10], calibrationDepth: Int = 10,
                                predict: (ExpertQuery) -> [ScoredItem]) -> TaskEvaluation {
        var result = TaskEvaluation(cutoffs: cutoffs)
        for (position, commit) in test.enumerated() {
            guard let example = task.example(for: commit, known: known, seed: seed) else {
                result.skippedCommits += 1
                continue
            }
            let touched = Set(commit.touchedPaths).subtracting(example.query.files)
            result.unknownFiles += touched.subtracting(known).count
            result.queriedPositions.append(position)
            let answer = Array(predict(example.query).prefix(limit))
            result.summary.add(ranked: answer.map(\.item), relevant: example.relevant)
            if !example.relevant.isEmpty {
                result.scoredPositions.append(position)
                for item in answer.prefix(calibrationDepth) {
                    result.confidences.append(item.confidence)
                    result.outcomes.append(example.relevant.contains(item.item))
                }
            }
        }
        return result
    }
}
