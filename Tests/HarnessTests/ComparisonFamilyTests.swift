import Testing
@testable import HarnessReport

/// Welch p-values from scipy.stats.ttest_ind(other, reference, equal_var=False): [4, 5, 6] against
/// [1, 2, 3] gives t = 3.674 (means 5 and 2, s² = 1 a side, se = √(2/3)), 4 degrees of freedom,
/// p = 0.021312; [1.5, 2.5, 3.5] against [1, 2, 3] gives p = 0.573392.
@Suite("A family of comparisons, called at Holm's adjusted p")
struct ComparisonFamilyTests {
    @Test("a difference called alone is not called among three comparisons, where its p is multiplied by 3")
    func familyOfThree() {
        let alone = ComparisonFamily.compare([(key: "a", reference: [1, 2, 3], other: [4, 5, 6])])
        #expect(abs(alone["a"]!.p - 0.021312) < 1e-6 && alone["a"]!.adjustedP == alone["a"]!.p && alone["a"]!.isCalled)

        let three = ComparisonFamily.compare([(key: "a", reference: [1, 2, 3], other: [4, 5, 6]),
                                              (key: "b", reference: [1, 2, 3], other: [1.5, 2.5, 3.5]),
                                              (key: "c", reference: [2, 2, 2], other: [2, 2, 2])])
        // sorted: 0.021312 × 3 = 0.063935; 0.573392 × 2 > 1 → 1; the exact tie has p = 1 → 1
        #expect(abs(three["a"]!.adjustedP - 0.063935) < 1e-6 && !three["a"]!.isCalled)
        #expect(three["b"]!.adjustedP == 1 && three["c"]!.adjustedP == 1 && three["c"]!.p == 1)
        #expect(three["a"]!.difference == 3 && three["b"]!.difference == 0.5)
        #expect(three["a"]!.cell() == "+300.00, p = 0.021, Holm p = 0.064 (no difference detected)")
        #expect(alone["a"]!.cell(scale: 1) == "+3.00, p = 0.021, Holm p = 0.021")
    }

    @Test("a pair with fewer than two seeds on a side has no test and does not count in the family; a repeated key counts once")
    func untestedAndRepeated() {
        let outcomes = ComparisonFamily.compare([(key: "a", reference: [1, 2, 3], other: [4, 5, 6]),
                                                 (key: "one seed", reference: [1], other: [4, 5, 6]),
                                                 (key: "a", reference: [1, 2, 3], other: [1.5, 2.5, 3.5])])
        #expect(outcomes.count == 1 && outcomes["one seed"] == nil)
        #expect(abs(outcomes["a"]!.adjustedP - 0.021312) < 1e-6)
    }
}
