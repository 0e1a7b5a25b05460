/// A sentiment class: VADER's reading of a score in [−1, 1] with its neutral band.
public enum Polarity: Int, CaseIterable, Codable, Sendable {
    case negative = -1
    case neutral = 0
    case positive = 1

    /// The positions used by `ThreeClassAgreement.confusion`: negative 0, neutral 1, positive 2.
    public var index: Int { rawValue + 1 }

    /// VADER's thresholds (README of vaderSentiment; paper §4: "classification thresholds set at
    /// –0.05 and +0.05"): positive when value ≥ band, negative when value ≤ −band, else neutral.
    public init(_ value: Double, band: Double = ThreeClassAgreement.neutralBand) {
        self = value >= band ? .positive : value <= -band ? .negative : .neutral
    }
}

/// Three-class (negative, neutral, positive) agreement of predicted scores with ground truth: the
/// confusion matrix and precision, recall and F1 per class and averaged.
///
/// Which average the VADER paper's Table 4 reports. Hutto & Gilbert (2014, §4) define per-class
/// precision and recall and call F1 "the harmonic mean of precision and recall", but do not say
/// how the table's "Overall Precision / Recall / F1" combine the three classes. Computing them
/// from vaderSentiment 3.3.2's compound scores on the four rated sets, ±0.05 applied to both the
/// compound score and the raw mean human rating, gives (P / R / F1):
///
///     set       Table 4 (VADER)       support-weighted       macro
///     tweets    0.99 / 0.94 / 0.96    0.970 / 0.926 / 0.945   0.691 / 0.873 / 0.703
///     movies    0.70 / 0.55 / 0.61    0.670 / 0.556 / 0.589   0.450 / 0.440 / 0.399
///     Amazon    0.78 / 0.55 / 0.63    0.759 / 0.565 / 0.626   0.542 / 0.598 / 0.454
///     NYT       0.69 / 0.49 / 0.55    0.697 / 0.487 / 0.549   0.509 / 0.558 / 0.434
///
/// Support-weighted averages (scikit-learn's `average="weighted"`) match all twelve numbers
/// within 0.031 — the size of the gap the correlations show (0.024 for movie reviews' r), from
/// the lexicon's and rules' changes since 2014 — while
/// macro averages miss by up to 0.26, and micro averages would make P = R (= accuracy), which
/// the table does not. The table's F1 is also not the harmonic mean of its P and R (Amazon:
/// 0.78 and 0.55 give at least 0.64, the table says 0.63), as expected of a weighted mean of
/// per-class F1s. So: Table 4 reports support-weighted precision, recall and F1 (weighted recall
/// is the accuracy); `weightedF1` is the number to set beside it, and `macroF1` is reported too.
///
/// The paper applies the thresholds to "normalized sentiment scores between -1 and 1"; dividing
/// the mean rating (on [−4, 4]) by 4 before thresholding matches Table 4 worse (e.g. NYT
/// precision 0.603 against 0.69) than thresholding the raw mean at ±0.05, so the evaluation
/// thresholds the raw mean, as AffectExperiment's class agreement already does.
///
/// Conventions: a class never predicted has precision 0, a class never true recall 0, and a
/// class with P + R = 0 has F1 0 (scikit-learn's `zero_division=0`); with no items at all every
/// average is NaN (0/0: nothing was measured).
public struct ThreeClassAgreement: Sendable, Equatable {
    /// VADER's neutral band: |score| < 0.05 is neutral.
    public static let neutralBand = 0.05

    /// confusion[truth.index][predicted.index].
    public let confusion: [[Int]]

    public init(confusion: [[Int]]) {
        precondition(confusion.count == 3 && confusion.allSatisfy { $0.count == 3 && $0.allSatisfy { $0 >= 0 } },
                     "a 3×3 matrix of counts, rows truth, columns prediction")
        self.confusion = confusion
    }

    /// Classifies each pair with `band` applied to both (see the type's documentation for the scales).
    public init(predicted: [Double], truth: [Double], band: Double = neutralBand) {
        precondition(predicted.count == truth.count, "\(predicted.count) predictions for \(truth.count) ground-truth values")
        var matrix = Array(repeating: Array(repeating: 0, count: 3), count: 3)
        for (p, t) in zip(predicted, truth) {
            matrix[Polarity(t, band: band).index][Polarity(p, band: band).index] += 1
        }
        self.init(confusion: matrix)
    }

    /// Number of items.
    public var count: Int { confusion.joined().reduce(0, +) }

    /// Items whose true class is `c`.
    public func support(_ c: Polarity) -> Int { confusion[c.index].reduce(0, +) }

    /// Items predicted as `c`.
    public func predictions(_ c: Polarity) -> Int { confusion.reduce(0) { $0 + $1[c.index] } }

    /// Share of items whose class was predicted right.
    public var accuracy: Double {
        Double(Polarity.allCases.reduce(0) { $0 + confusion[$1.index][$1.index] }) / Double(count)
    }

    /// TP / (items predicted as c); 0 when nothing was predicted as c.
    public func precision(_ c: Polarity) -> Double {
        let predicted = predictions(c)
        return predicted == 0 ? 0 : Double(confusion[c.index][c.index]) / Double(predicted)
    }

    /// TP / (items truly c); 0 when no item is c.
    public func recall(_ c: Polarity) -> Double {
        let truly = support(c)
        return truly == 0 ? 0 : Double(confusion[c.index][c.index]) / Double(truly)
    }

    /// 2PR / (P + R); 0 when P + R = 0.
    public func f1(_ c: Polarity) -> Double {
        let p = precision(c), r = recall(c)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Unweighted mean over the three classes.
    public var macroPrecision: Double { macro(precision) }
    public var macroRecall: Double { macro(recall) }
    public var macroF1: Double { macro(f1) }

    /// Mean over the classes weighted by their support (true counts): what Table 4 reports.
    public var weightedPrecision: Double { weighted(precision) }
    /// Equals `accuracy` (Σ_c n_c/N · TP_c/n_c = Σ TP_c / N), up to rounding.
    public var weightedRecall: Double { weighted(recall) }
    public var weightedF1: Double { weighted(f1) }

    private func macro(_ metric: (Polarity) -> Double) -> Double {
        guard count > 0 else { return .nan }
        return Polarity.allCases.reduce(0.0) { $0 + metric($1) } / 3
    }

    private func weighted(_ metric: (Polarity) -> Double) -> Double {
        guard count > 0 else { return .nan }
        return Polarity.allCases.reduce(0.0) { $0 + Double(support($1)) * metric($1) } / Double(count)
    }
}

extension VaderRatedSet {
    /// VADER's 3-class "Overall Precision", "Overall Recall" and "Overall F1 score" in the paper's
    /// Table 4 (support-weighted averages, see `ThreeClassAgreement`), 2014 lexicon and rules.
    public var publishedThreeClass: (precision: Double, recall: Double, f1: Double) {
        switch self {
        case .tweets: return (0.99, 0.94, 0.96)
        case .movieReviewSnippets: return (0.70, 0.55, 0.61)
        case .amazonReviewSnippets: return (0.78, 0.55, 0.63)
        case .nytEditorialSnippets: return (0.69, 0.49, 0.55)
        }
    }
}
