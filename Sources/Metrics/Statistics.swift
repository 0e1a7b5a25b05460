import Foundation

/// A two-sided confidence interval for a mean, stored with what it was computed from.
public struct ConfidenceInterval: Sendable, Codable {
    /// Sample mean.
    public let mean: Double
    /// Distance from the mean to either bound; NaN when fewer than 2 values.
    public let halfWidth: Double
    /// Number of values (seeds) behind the interval.
    public let count: Int

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
}

/// Summary statistics over per-seed results, each computed in a fixed order so reports are
/// byte-identical for the same inputs. NaN inputs give NaN results (a failed seed is not hidden).
public enum Statistics {
    /// Arithmetic mean, summed in index order; NaN for no values.
    public static func mean(_ values: [Double]) -> Double {
        // x̄ = (1/n) Σ_i x_i
        var sum = 0.0
        for x in values { sum += x }
        return sum / Double(values.count)
    }

    /// The middle value of the sorted values, or the mean of the middle two for an even count; NaN
    /// for none. Timings use it: one slow repetition on a shared machine moves it least.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Sample standard deviation with Bessel's correction (n − 1); NaN for fewer than 2 values.
    /// Population standard deviation over the mean, √(Σ (x − x̄)² / n) / x̄: the balance measure of
    /// expert loads (Shazeer et al. 2017). NaN when the mean is not positive (nothing routed).
    public static func populationCoefficientOfVariation(_ values: [Double]) -> Double {
        let m = mean(values)
        guard m > 0 else { return .nan }
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
        return variance.squareRoot() / m
    }

    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return .nan }
        // s = √( Σ_i (x_i − x̄)² / (n − 1) ), two passes for accuracy
        let m = mean(values)
        var squares = 0.0
        for x in values { squares += (x - m) * (x - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Student-t 95 % interval for the mean: x̄ ± t₀.₉₇₅(n − 1) · s / √n.
    ///
    /// With one value there is no spread to estimate: the half-width (and so both bounds) is
    /// NaN, and the mean is that value. With none, the mean is NaN too.
    public static func confidenceInterval95(_ values: [Double]) -> ConfidenceInterval {
        let n = values.count
        guard n >= 2 else {
            return ConfidenceInterval(mean: mean(values), halfWidth: .nan, count: n)
        }
        let t = studentTQuantile975(degreesOfFreedom: n - 1)
        let halfWidth = t * standardDeviation(values) / Double(n).squareRoot()
        return ConfidenceInterval(mean: mean(values), halfWidth: halfWidth, count: n)
    }

    /// The 0.975 quantile of Student's t with `degreesOfFreedom` (the two-sided 95 % critical value).
    ///
    /// Exact to 6 decimals for 1…30 degrees of freedom (table from scipy.stats.t.ppf); beyond
    /// that the normal 1.96, which understates the interval by at most 4 % (t₀.₉₇₅(31) = 2.040).
    public static func studentTQuantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "degrees of freedom must be at least 1, got \(df)")
        return df <= studentT975Table.count ? studentT975Table[df - 1] : 1.959964
    }

    /// t₀.₉₇₅ for df = 1…30.
    static let studentT975Table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]
}
