import Foundation
import Metrics
import HarnessConfig
import HarnessStore

/// Welch's unequal-variance t-test, the significance half of every baseline comparison.
///
/// Why Welch's t and not Mann-Whitney U: suites run 2–5 seeds. With 3 seeds against 3 the U
/// test has only C(6, 3) = 20 equally likely orderings, so its smallest two-sided p-value is
/// 2/20 = 0.1: at α = 0.05 it can never call anything, however large the change. Welch's t uses
/// the values, not only their order, so a tight 10 % drop is detected with 3 seeds a side, and
/// it does not assume the two sides share a variance (a code change may make seeds noisier).
///
/// α = 0.05, two-sided: a change in either direction is tested, and the direction is judged
/// afterwards against the metric's "higher/lower is better".
public enum SignificanceTest {
    /// Two-sided significance level of every comparison.
    public static let alpha = 0.05

    /// Whether `b` differs from `a` beyond seed noise.
    ///
    /// Seeded runs often give bit-identical values (std = 0 on both sides). There is no noise
    /// to test against then, so the difference is significant exactly when the means differ,
    /// and the tolerance alone decides whether it matters. The same holds when both sides have
    /// a single seed. When one side has spread, its variance carries the test.
    public static func compare(_ a: [Double], _ b: [Double]) -> Significance {
        let meanA = Statistics.mean(a)
        let meanB = Statistics.mean(b)
        let termA = varianceOfMean(a)
        let termB = varianceOfMean(b)
        guard termA > 0 || termB > 0 else {
            return .exact(differs: meanA != meanB)
        }
        let welch = WelchTTest(meanA: meanA, varianceOfMeanA: termA, countA: a.count,
                               meanB: meanB, varianceOfMeanB: termB, countB: b.count)
        return .welch(welch)
    }

    /// s² / n; exactly 0 for fewer than two values (no spread can be estimated from one seed)
    /// and for equal values, whose computed mean may be off by an ulp (3 × 0.8 / 3 ≠ 0.8) and
    /// would otherwise leave a spurious 1e-32 variance.
    static func varianceOfMean(_ values: [Double]) -> Double {
        guard values.count >= 2, let first = values.first, values.contains(where: { $0 != first }) else { return 0 }
        let s = Statistics.standardDeviation(values)
        return s * s / Double(values.count)
    }
}

/// The outcome of ``SignificanceTest/compare(_:_:)``.
public enum Significance: Equatable, Sendable {
    /// Both sides without spread: the means either are equal or are not.
    case exact(differs: Bool)
    case welch(WelchTTest)

    /// Significant at ``SignificanceTest/alpha``.
    public var isSignificant: Bool {
        switch self {
        case .exact(let differs): return differs
        case .welch(let test): return test.pValue < SignificanceTest.alpha
        }
    }

    /// The two-sided p-value: 0 or 1 for exact comparisons.
    public var pValue: Double {
        switch self {
        case .exact(let differs): return differs ? 0 : 1
        case .welch(let test): return test.pValue
        }
    }
}

/// Welch's t statistic, its Welch–Satterthwaite degrees of freedom and two-sided p-value.
///
/// Same sign convention as `scipy.stats.ttest_ind(a, b, equal_var=False)`: t > 0 when a's mean
/// is larger.
public struct WelchTTest: Equatable, Sendable {
    public let t: Double
    public let degreesOfFreedom: Double
    public let pValue: Double

    /// - Precondition: each side has at least 2 values and they are not all equal on both sides.
    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count >= 2 && b.count >= 2, "Welch's t needs 2 values a side, got \(a.count) and \(b.count)")
        self.init(meanA: Statistics.mean(a), varianceOfMeanA: SignificanceTest.varianceOfMean(a), countA: a.count,
                  meanB: Statistics.mean(b), varianceOfMeanB: SignificanceTest.varianceOfMean(b), countB: b.count)
    }

    /// From summaries; a side with zero variance contributes nothing to the degrees of freedom.
    init(meanA: Double, varianceOfMeanA va: Double, countA: Int,
         meanB: Double, varianceOfMeanB vb: Double, countB: Int) {
        precondition(va > 0 || vb > 0, "Welch's t needs spread on at least one side")
        // t = (x̄a − x̄b) / √(sa²/na + sb²/nb)
        let se2 = va + vb
        t = (meanA - meanB) / se2.squareRoot()
        // ν = (sa²/na + sb²/nb)² / ( (sa²/na)²/(na − 1) + (sb²/nb)²/(nb − 1) )
        var denominator = 0.0
        if va > 0 { denominator += va * va / Double(countA - 1) }
        if vb > 0 { denominator += vb * vb / Double(countB - 1) }
        degreesOfFreedom = se2 * se2 / denominator
        pValue = StudentT.twoSidedPValue(t: t, degreesOfFreedom: degreesOfFreedom)
    }
}

/// Student's t distribution through the regularized incomplete beta function.
public enum StudentT {
    /// P(T ≤ t) for ν degrees of freedom (ν may be fractional, as Welch's is).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive, got \(nu)")
        if t.isNaN { return .nan }
        // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2)
        let tail = 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// P(|T| ≥ |t|), the two-sided p-value of an observed t.
    public static func twoSidedPValue(t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive, got \(nu)")
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        return min(1, IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5))
    }
}

/// The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction
/// (Numerical Recipes, 3rd ed., §6.4), accurate to about 1e-14 for the a, b of t-tests.
public enum IncompleteBeta {
    public static func regularized(x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "I_x(a, b) needs a, b > 0, got a = \(a), b = \(b)")
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        // front = x^a (1 − x)^b / B(a, b), in logs to avoid overflow
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        // The fraction converges fast for x < (a + 1)/(a + b + 2); otherwise use I_x(a,b) = 1 − I_{1−x}(b,a).
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for step in 1...500 {
            let m = Double(step), m2 = 2 * m
            // even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m))
            var term = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1))
            term = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
