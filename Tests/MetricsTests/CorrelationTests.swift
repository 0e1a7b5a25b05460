import Testing
@testable import Metrics

@Suite("Pearson correlation")
struct CorrelationTests {
    @Test("hand-computed: x = [1, 2, 3, 4], y = [2, 1, 4, 3] gives r = 3/5")
    func handComputed() {
        // x̄ = 2.5, ȳ = 2.5; dx = [−1.5, −0.5, 0.5, 1.5], dy = [−0.5, −1.5, 1.5, 0.5]
        // Σdxdy = 0.75 + 0.75 + 0.75 + 0.75 = 3, Σdx² = Σdy² = 5  →  r = 3 / 5
        #expect(abs(Statistics.pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3]) - 0.6) < 1e-15)
        #expect(Statistics.pearsonCorrelation([1, 2, 3], [6, 4, 2]) == -1)
    }

    @Test("a constant side, fewer than two pairs or a NaN give NaN")
    func undefined() {
        #expect(Statistics.pearsonCorrelation([1, 1, 1], [1, 2, 3]).isNaN)
        #expect(Statistics.pearsonCorrelation([1], [2]).isNaN)
        #expect(Statistics.pearsonCorrelation([1, .nan, 3], [1, 2, 3]).isNaN)
    }
}
