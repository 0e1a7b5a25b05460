import Affect
import Dispatch
import HarnessConfig
import HarnessStore
import Metrics

/// A run of the affect suite (experiments/affect.yaml): VADER's compound valence for every
/// snippet of one of the paper's human-rated sets, scored by Pearson's r against the mean of the
/// 20 human ratings — the figure of the VADER paper's Table 4, printed beside ours in the report.
///
/// Deterministic (no seed enters): the suite runs one seed. The AffectTests golden vectors show
/// the scores equal those of the reference package (vaderSentiment 3.3.2), so a gap to the
/// paper's r is the package's drift since 2014, not this implementation's.
struct AffectExperiment: Experiment {
    let spec: RunSpec

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let directory = try spec.string("affect_dir")
        let set = try spec.choice("rated_set", as: AffectRatedSet.self).ratedSet
        let vader = try VaderSentiment.load(directory: directory)
        let snippets = try set.load(directory: directory)
        progress(0.1, "\(snippets.count) snippets")
        let started = DispatchTime.now().uptimeNanoseconds
        let compound = snippets.map { vader.polarityScores($0.text).compound }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var outcome = RunOutcome()
        outcome.metric("valence_pearson", Statistics.pearsonCorrelation(compound, snippets.map(\.meanRating)))
        outcome.metric("sentiment_snippets", Double(snippets.count))
        outcome.metric("affect_throughput", Double(snippets.count) / seconds)
        // 3-class agreement with VADER's own thresholds (compound ≥ 0.05 positive, ≤ −0.05
        // negative) applied to both sides; the human mean rating is on [−4, 4].
        let agree = zip(compound, snippets).filter { Self.polarity($0) == Self.polarity($1.meanRating) }.count
        outcome.metric("sentiment_class_agreement", Double(agree) / Double(max(snippets.count, 1)))
        // The same three classes as precision / recall / F1: the VADER paper's Table 4 reports
        // support-weighted averages (ThreeClassAgreement's doc comment shows the evidence).
        let classes = ThreeClassAgreement(predicted: compound, truth: snippets.map(\.meanRating))
        outcome.metric("sentiment_weighted_precision", classes.weightedPrecision)
        outcome.metric("sentiment_weighted_recall", classes.weightedRecall)
        outcome.metric("sentiment_weighted_f1", classes.weightedF1)
        outcome.metric("sentiment_macro_f1", classes.macroF1)
        return outcome
    }

    /// −1, 0 or +1 with the neutral band (−0.05, 0.05).
    static func polarity(_ value: Double) -> Int { value >= 0.05 ? 1 : value <= -0.05 ? -1 : 0 }
}
