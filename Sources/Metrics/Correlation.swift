import Foundation

extension Statistics {
    /// Pearson's correlation coefficient of paired values:
    ///
    ///     r = Σ_i (x_i − x̄)(y_i − ȳ) / √( Σ_i (x_i − x̄)² · Σ_i (y_i − ȳ)² )
    ///
    /// in [−1, 1], summed in index order. NaN for fewer than 2 pairs, a NaN value, or when either
    /// side is constant (no spread: the correlation is undefined, not 0).
    public static func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "\(x.count) x values but \(y.count) y values")
        guard x.count >= 2 else { return .nan }
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<x.count {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }
}
