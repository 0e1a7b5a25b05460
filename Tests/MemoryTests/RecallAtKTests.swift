import Testing
import Memory

@Suite("Recall at k")
struct RecallAtKTests {
    private func hits(_ ids: [Int64]) -> [SearchHit] { ids.map { SearchHit(id: $0, similarity: 0) } }

    @Test("recall@k is the mean share of the exact top-k found, worked by hand")
    func handComputed() {
        // Query 1: {1,2,3} ∩ {1,2,4} = 2 of 3.  Query 2: {7,8,9} ∩ {9,8,7} = 3 of 3 (order is
        // irrelevant).  Query 3: the index held 2 vectors, both found: 2 of min(3, 2) = 1.
        // Query 4: only the first k count, {5,6,0} ∩ {1,2,3} = 0.  Mean (2/3 + 1 + 1 + 0) / 4.
        let exact = [hits([1, 2, 3]), hits([7, 8, 9]), hits([4, 5]), hits([1, 2, 3, 5])]
        let approximate = [hits([1, 2, 4]), hits([9, 8, 7]), hits([5, 4]), hits([5, 6, 0, 1])]
        let expected: Double = (2.0 / 3 + 1 + 1 + 0) / 4
        #expect(recallAtK(approximate: approximate, exact: exact, k: 3) == expected)
        #expect(recallAtK(approximate: exact, exact: exact, k: 3) == 1)
        #expect(recallAtK(approximate: [hits([1])], exact: [hits([1, 2])], k: 2) == 0.5)
    }
}
