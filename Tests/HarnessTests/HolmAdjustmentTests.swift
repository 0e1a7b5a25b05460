import Testing
@testable import HarnessBaseline

/// Expected values computed by hand from Holm's step-down rule (the doc comment of
/// `HolmAdjustment`); they agree with statsmodels' `multipletests(p, method="holm")`.
@Suite("Holm's adjustment of a family of p-values")
struct HolmAdjustmentTests {
    private func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 }
    }

    @Test("each p-value is multiplied by the number of hypotheses not yet rejected, in the order given")
    func handComputed() {
        // sorted: 0.005 × 4 = 0.02, 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → kept at 0.06
        let adjusted = HolmAdjustment.adjusted([0.01, 0.04, 0.03, 0.005])
        #expect(close(adjusted, [0.03, 0.06, 0.06, 0.02]), "\(adjusted)")
    }

    @Test("adjusted values never decrease along the sorted order and never exceed 1")
    func monotoneAndCapped() {
        #expect(close(HolmAdjustment.adjusted([0.5, 0.3]), [0.6, 0.6]))
        #expect(close(HolmAdjustment.adjusted([0.9, 0.8]), [1, 1]))
        #expect(close(HolmAdjustment.adjusted([0.02, 0.02]), [0.04, 0.04]))
    }

    @Test("one comparison is left as it is, and an empty family stays empty")
    func trivialFamilies() {
        #expect(HolmAdjustment.adjusted([0.03]) == [0.03])
        #expect(HolmAdjustment.adjusted([]).isEmpty)
        #expect(HolmAdjustment.adjusted([0, 1]) == [0, 1])
    }
}
