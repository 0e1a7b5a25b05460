import Affect
import Foundation
import Testing

@Suite("Three-class agreement and F1")
struct ThreeClassAgreementTests {
    @Test("the neutral band: ≥ 0.05 positive, ≤ −0.05 negative, in between neutral")
    func polarity() {
        #expect(Polarity(0.05) == .positive && Polarity(-0.05) == .negative)
        #expect(Polarity(0.0499) == .neutral && Polarity(-0.0499) == .neutral && Polarity(0) == .neutral)
        #expect(Polarity(3.2) == .positive && Polarity(-0.2, band: 0.25) == .neutral)
    }

    /// rows truth (neg, neu, pos), columns prediction:
    ///     neg [3, 1, 1]   support 5
    ///     neu [0, 2, 1]   support 3
    ///     pos [1, 0, 4]   support 5       predicted: neg 4, neu 3, pos 6; N = 13
    static let matrix = [[3, 1, 1], [0, 2, 1], [1, 0, 4]]

    @Test("per-class, macro and support-weighted precision, recall and F1 on a 3×3 matrix, by hand")
    func handComputed() {
        let a = ThreeClassAgreement(confusion: Self.matrix)
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-15 }
        // neg: P 3/4, R 3/5, F1 2·0.75·0.6/1.35 = 2/3; neu: P 2/3, R 2/3, F1 2/3; pos: P 4/6, R 4/5, F1 8/11.
        #expect(close(a.precision(.negative), 0.75) && close(a.recall(.negative), 0.6) && close(a.f1(.negative), 2.0 / 3))
        #expect(close(a.precision(.neutral), 2.0 / 3) && close(a.recall(.neutral), 2.0 / 3) && close(a.f1(.neutral), 2.0 / 3))
        #expect(close(a.precision(.positive), 2.0 / 3) && close(a.recall(.positive), 0.8) && close(a.f1(.positive), 8.0 / 11))
        #expect(a.count == 13 && a.support(.negative) == 5 && a.predictions(.positive) == 6)
        // macro F1 = (2/3 + 2/3 + 8/11) / 3 = 68/99; weighted = (5·2/3 + 3·2/3 + 5·8/11) / 13 = 296/429.
        #expect(close(a.macroF1, 68.0 / 99) && close(a.weightedF1, 296.0 / 429))
        // macro P = (3/4 + 2/3 + 2/3) / 3 = 25/36; weighted P = (5·3/4 + 3·2/3 + 5·2/3) / 13 = 109/156.
        #expect(close(a.macroPrecision, 25.0 / 36) && close(a.weightedPrecision, 109.0 / 156))
        // weighted recall = (3 + 2 + 4) / 13 = accuracy.
        #expect(close(a.weightedRecall, 9.0 / 13) && close(a.accuracy, 9.0 / 13))
    }

    @Test("scores are classified with the band on both sides into the same matrix")
    func fromScores() {
        // truth, prediction pairs laid out row by row as in `matrix`.
        let truth: [Double] = [-1, -0.05, -3, -0.5, -2,   0, 0.04, -0.049,   4, 0.05, 1, 2, 0.3]
        let predicted: [Double] = [-0.9, -0.2, -0.05, 0.0, 0.5,   0.01, -0.01, 0.7,   -0.3, 0.05, 0.9, 0.06, 1]
        #expect(ThreeClassAgreement(predicted: predicted, truth: truth).confusion == Self.matrix)
    }

    @Test("a class never predicted or never true scores 0; no items at all give NaN")
    func zeroDivision() {
        let a = ThreeClassAgreement(confusion: [[2, 0, 1], [0, 0, 0], [0, 0, 3]])
        #expect(a.precision(.neutral) == 0 && a.recall(.neutral) == 0 && a.f1(.neutral) == 0)
        // neg: P 1, R 2/3, F1 0.8; pos: P 3/4, R 1, F1 6/7 → macro (0.8 + 0 + 6/7) / 3
        #expect(abs(a.macroF1 - (0.8 + 6.0 / 7) / 3) < 1e-15)
        let empty = ThreeClassAgreement(confusion: [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
        #expect(empty.macroF1.isNaN && empty.weightedF1.isNaN && empty.accuracy.isNaN)
    }

    /// The package's confusion matrices and weighted F1 on the whole rated sets, computed from
    /// vaderSentiment 3.3.2's compound scores with the same rule (±0.05 on the compound score and
    /// on the raw mean rating). Swift's scores equal the package's (VaderGoldenTests), so the
    /// matrices must be equal; Table 4's support-weighted P, R and F1 are within 0.031 of them
    /// (movie reviews' precision: 0.670 against 0.70).
    static let packageConfusion: [VaderRatedSet: [[Int]]] = [
        .tweets: [[1167, 72, 48], [5, 31, 4], [31, 149, 2693]],
        .movieReviewSnippets: [[2144, 990, 2188], [11, 10, 29], [836, 652, 3745]],
        .amazonReviewSnippets: [[574, 489, 419], [8, 71, 19], [143, 534, 1451]],
        .nytEditorialSnippets: [[1190, 908, 644], [22, 174, 48], [263, 777, 1164]],
    ]
    static let packageWeightedF1: [VaderRatedSet: Double] = [
        .tweets: 0.94505211713225257, .movieReviewSnippets: 0.58905288774703224,
        .amazonReviewSnippets: 0.62564363068827178, .nytEditorialSnippets: 0.54945745598666673,
    ]

    @Test("on the four rated sets the matrices equal the package's and weighted P, R and F1 are Table 4's within 0.031",
          .enabled(if: AffectFixtures.ratedSetsFetched, AffectFixtures.ratedNotFetched))
    func ratedSets() throws {
        let vader = try VaderSentiment.load(directory: AffectFixtures.dataDirectory)
        for set in VaderRatedSet.allCases {
            let snippets = try set.load(directory: AffectFixtures.dataDirectory)
            let a = ThreeClassAgreement(predicted: snippets.map { vader.polarityScores($0.text).compound }, truth: snippets.map(\.meanRating))
            let published = set.publishedThreeClass
            #expect(a.confusion == Self.packageConfusion[set], "\(set): \(a.confusion)")
            #expect(abs(a.weightedF1 - Self.packageWeightedF1[set]!) < 1e-12)
            #expect(abs(a.weightedF1 - published.f1) <= 0.031 && abs(a.weightedPrecision - published.precision) <= 0.031
                    && abs(a.weightedRecall - published.recall) <= 0.031, "\(set): weighted P/R/F1 \(a.weightedPrecision) \(a.weightedRecall) \(a.weightedF1), paper \(published)")
            #expect(abs(a.macroF1 - published.f1) > abs(a.weightedF1 - published.f1))
            print(String(format: "%@: weighted P %.3f R %.3f F1 %.3f, macro F1 %.3f; Table 4 P %.2f R %.2f F1 %.2f",
                         set.rawValue, a.weightedPrecision, a.weightedRecall, a.weightedF1, a.macroF1, published.precision, published.recall, published.f1))
        }
    }
}
