/// Splits a history by time so that models are always tested on commits after the ones they
/// learned from, as a recommender is used: on the future, never on the past.
///
/// "Time" is the first-parent order (the order commits landed on the branch), not author time:
/// rebased and cherry-picked commits keep old author times, so author-time order would put
/// some commits before the ones they were built on. Fractions are of commits, rounded down.
public struct TemporalSplit: Sendable, Equatable {
    public let train: ArraySlice<Commit>
    /// The end of the training period, held out to fit weights and calibration; may be empty.
    public let validation: ArraySlice<Commit>
    public let test: ArraySlice<Commit>

    /// The first `trainFraction` of the commits for training, the rest for testing; of the
    /// training part, the last `validationFraction` is held out as validation (weights and
    /// calibration are fitted on it after training on what precedes it).
    public init(_ commits: [Commit], trainFraction: Double = 0.8, validationFraction: Double = 0) {
        precondition(trainFraction > 0 && trainFraction < 1, "trainFraction must be in (0, 1), got \(trainFraction)")
        precondition(validationFraction >= 0 && validationFraction < 1,
                     "validationFraction must be in [0, 1), got \(validationFraction)")
        let trainEnd = Int(Double(commits.count) * trainFraction)
        let validationStart = trainEnd - Int(Double(trainEnd) * validationFraction)
        train = commits[..<validationStart]
        validation = commits[validationStart..<trainEnd]
        test = commits[trainEnd...]
    }

    /// Rolling-origin folds: the first fold trains on `initialTrain` commits and tests on the next
    /// `testSize`; each later fold adds those `testSize` commits to training. Folds end when
    /// fewer than `testSize` commits remain.
    public static func rolling(_ commits: [Commit], initialTrain: Int, testSize: Int)
        -> [(train: ArraySlice<Commit>, test: ArraySlice<Commit>)] {
        precondition(initialTrain > 0 && testSize > 0, "initialTrain and testSize must be positive")
        var folds: [(train: ArraySlice<Commit>, test: ArraySlice<Commit>)] = []
        var end = initialTrain
        while end + testSize <= commits.count {
            folds.append((commits[..<end], commits[end..<(end + testSize)]))
            end += testSize
        }
        return folds
    }
}
