import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

/// Expected values computed with scipy 1.x:
/// `scipy.stats.ttest_ind(a, b, equal_var=False)`, `scipy.stats.t.cdf`, `scipy.special.betainc`.
@Suite("Welch's t-test and the t distribution against scipy")
struct BaselineStatisticsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let a: [Double], b: [Double], t: Double, p: Double, df: Double
        var testDescription: String { "\(a) vs \(b)" }
    }

    static let scipyCases: [Case] = [
        Case(a: [0.80, 0.81, 0.82], b: [0.72, 0.73, 0.74], t: 9.797958971132738, p: 0.0006081849444633287, df: 4.000000000000001),
        Case(a: [0.80, 0.81, 0.82], b: [0.72, 0.80, 0.88], t: 0.21483446221183242, p: 0.8492757592299861, df: 2.062484744935318),
        Case(a: [1.0, 2.0, 3.0, 4.0], b: [2.5, 3.5, 4.5], t: -1.1547005383792517, p: 0.3008027072551761, df: 4.959183673469389),
        Case(a: [0.5, 0.6], b: [0.55, 0.9], t: -0.9615239476408236, p: 0.4938577134888539, df: 1.1621845262722383),
        Case(a: [1.1, 2.3, 0.7, 1.9, 1.4], b: [1.0, 1.2, 0.9, 1.1, 1.05, 0.98],
             t: 1.5404633735112274, p: 0.19527126202394482, df: 4.179710809080619),
    ]

    @Test("t, degrees of freedom and two-sided p match scipy's ttest_ind(equal_var=False)", arguments: scipyCases)
    func welchMatchesScipy(_ c: Case) {
        let test = WelchTTest(c.a, c.b)
        #expect(abs(test.t - c.t) <= 1e-9 * abs(c.t), "t: got \(test.t), scipy \(c.t)")
        #expect(abs(test.degreesOfFreedom - c.df) <= 1e-9 * c.df, "df: got \(test.degreesOfFreedom), scipy \(c.df)")
        #expect(abs(test.pValue - c.p) <= 1e-9 + 1e-7 * c.p, "p: got \(test.pValue), scipy \(c.p)")
    }

    @Test("one side without spread: scipy gives t = 0, p = 1, df = 2 for equal means")
    func oneSideConstant() {
        let test = WelchTTest([10, 10, 10], [9, 10, 11])
        #expect(test.t == 0)
        #expect(test.degreesOfFreedom == 2)
        #expect(test.pValue == 1)
    }

    @Test("Student t CDF matches scipy.stats.t.cdf, including fractional degrees of freedom")
    func studentTCDF() {
        let cases: [(t: Double, df: Double, cdf: Double)] = [
            (2.0, 3.0, 0.9303370157205785), (0.5, 1.0, 0.6475836176504333), (-1.3, 7.5, 0.11606338940780439),
            (4.0, 2.2, 0.975634686636118), (1.96, 1000.0, 0.9748634075221256),
        ]
        for c in cases {
            let got = StudentT.cdf(c.t, degreesOfFreedom: c.df)
            #expect(abs(got - c.cdf) < 1e-12, "t = \(c.t), df = \(c.df): got \(got), scipy \(c.cdf)")
        }
    }

    @Test("regularized incomplete beta matches scipy.special.betainc on both branches of the fraction")
    func incompleteBeta() {
        let cases: [(x: Double, a: Double, b: Double, value: Double)] = [
            (0.3, 2.0, 3.0, 0.34829999999999994), (0.9, 0.5, 0.5, 0.7951672353008665),
            (0.1, 1.5, 0.5, 0.013846832988859045), (0.999, 10.0, 0.5, 0.8888967091248604),
        ]
        for c in cases {
            let got = IncompleteBeta.regularized(x: c.x, a: c.a, b: c.b)
            #expect(abs(got - c.value) < 1e-12, "I_\(c.x)(\(c.a), \(c.b)): got \(got), scipy \(c.value)")
        }
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
    }

    @Test("bit-identical seeds on both sides: significant exactly when the means differ, never a division by zero")
    func zeroVarianceBothSides() {
        #expect(SignificanceTest.compare([0.8, 0.8, 0.8], [0.8, 0.8, 0.8]) == .exact(differs: false))
        #expect(SignificanceTest.compare([0.8, 0.8], [0.79, 0.79]) == .exact(differs: true))
        #expect(SignificanceTest.compare([0.8, 0.8], [0.79, 0.79]).isSignificant)
        #expect(SignificanceTest.compare([0.8], [0.8]).isSignificant == false)
        // Spread on one side only: Welch with that side's variance (df = n − 1 = 2).
        guard case .welch(let test) = SignificanceTest.compare([0.8, 0.8, 0.8], [0.70, 0.71, 0.72]) else {
            Issue.record("expected a Welch test when one side has spread")
            return
        }
        #expect(abs(test.degreesOfFreedom - 2) < 1e-12)
    }
}
