import Tensor

/// A percentile-bootstrap interval and what it was computed from.
public struct BootstrapInterval: Sendable, Codable {
    /// The statistic on the original values.
    public let estimate: Double
    public let lower: Double
    public let upper: Double
    /// Confidence level, e.g. 0.95.
    public let level: Double
    public let resamples: Int
}

extension Statistics {
    /// Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13) of `statistic`, default the mean.
    ///
    /// Draws `resamples` resamples of the values with replacement, computes the statistic on
    /// each, and returns the nearest-rank (1 − level)/2 and (1 + level)/2 quantiles of those.
    /// Randomness comes only from `generator` — pass the run's seeded generator so the interval
    /// is reproducible; an index is the high word of next() × n, so no platform-specific
    /// `random(in:)` is involved. NaN among the values gives NaN bounds; no values give NaN too.
    public static func bootstrapInterval<G: RandomNumberGenerator>(
        _ values: [Double],
        resamples: Int = 10_000,
        level: Double = 0.95,
        statistic: ([Double]) -> Double = Statistics.mean,
        using generator: inout G
    ) -> BootstrapInterval {
        precondition(resamples >= 1, "resamples must be at least 1, got \(resamples)")
        precondition(level > 0 && level < 1, "level must be in (0, 1), got \(level)")
        let estimate = statistic(values)
        guard !values.isEmpty, !values.contains(where: \.isNaN) else {
            return BootstrapInterval(estimate: estimate, lower: .nan, upper: .nan, level: level, resamples: resamples)
        }
        let n = values.count
        var resample = [Double](repeating: 0, count: n)
        var statistics = [Double]()
        statistics.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for i in 0..<n {
                // index = ⌊next() · n / 2⁶⁴⌋
                let index = generator.multiplyShiftIndex(below: n)
                resample[i] = values[index]
            }
            statistics.append(statistic(resample))
        }
        statistics.sort()
        // nearest rank: the q-quantile of R sorted values is element ⌈q·R⌉ − 1 (0-based)
        func quantile(_ q: Double) -> Double {
            let rank = Int((q * Double(resamples)).rounded(.up)) - 1
            return statistics[Swift.min(Swift.max(rank, 0), resamples - 1)]
        }
        return BootstrapInterval(
            estimate: estimate, lower: quantile((1 - level) / 2), upper: quantile((1 + level) / 2),
            level: level, resamples: resamples)
    }
}
