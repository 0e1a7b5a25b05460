import Testing
@testable import Metrics

/// Best total weight over all injective row→column maps, by trying every one.
private func bruteForceBest(_ w: [[Int]], row: Int = 0, usedColumns: Set<Int> = []) -> Int {
    guard row < w.count else { return 0 }
    var best = Int.min
    for j in w[row].indices where !usedColumns.contains(j) {
        best = max(best, w[row][j] + bruteForceBest(w, row: row + 1, usedColumns: usedColumns.union([j])))
    }
    return best
}

/// Knuth's MMIX linear congruential generator; the high bits are the well-mixed ones.
private struct LCG {
    var state: UInt64
    mutating func next(below n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33) % n
    }
}

@Suite("Domain routing")
struct DomainRoutingTests {
    @Test("The confusion counts each (true domain, top-1 expert) pair")
    func confusionCounts() {
        // pairs: (0,1) (0,1) (1,0) (1,2) (1,2) (2,2)
        let c = DomainRouting.confusion(domains: [0, 0, 1, 1, 1, 2], experts: [1, 1, 0, 2, 2, 2], domainCount: 3, expertCount: 3)
        #expect(c == [[0, 2, 0], [1, 0, 2], [0, 0, 1]])
    }

    @Test("Purity is the mean over domains of the majority expert's share")
    func purity() {
        // d0: max 3 of 4 = 0.75; d1: max 2 of 4 = 0.5; mean (0.75 + 0.5)/2 = 0.625
        #expect(DomainRouting.purity(confusion: [[3, 1, 0], [1, 1, 2]]) == 0.625)
        // A domain without samples is left out of the mean, not counted as 0.
        #expect(DomainRouting.purity(confusion: [[3, 1, 0], [1, 1, 2], [0, 0, 0]]) == 0.625)
    }

    @Test("Assignment accuracy finds the best one-to-one map where greedy matching does not")
    func assignmentBeatsGreedy() {
        // greedy: 5 (d0→e0), then d1→e1 adds 0: 5/13. Optimal: d0→e1 (4) + d1→e0 (4) = 8/13
        let c = [[5, 4], [4, 0]]
        #expect(DomainRouting.maximumWeightAssignment(c) == [1, 0])
        #expect(DomainRouting.assignmentAccuracy(confusion: c) == 8.0 / 13.0)
    }

    @Test("Two domains sharing one majority expert are pure but not both matched")
    func sharedMajorityExpert() {
        // both domains go entirely to e0: purity (6/6 + 4/4)/2 = 1.
        // Injective map: d0→e0 (6), d1→e1 or e2 (0): 6/10 = 0.6
        let c = [[6, 0, 0], [4, 0, 0]]
        #expect(DomainRouting.purity(confusion: c) == 1)
        #expect(DomainRouting.assignmentAccuracy(confusion: c) == 0.6)
    }

    @Test("A router sending each domain to its own expert scores 1 on both")
    func perfectRouter() {
        // domain d always goes to expert (d + 1) mod 3; the labels of experts do not matter
        let c = DomainRouting.confusion(domains: [0, 1, 2, 0, 1, 2], experts: [1, 2, 0, 1, 2, 0], domainCount: 3, expertCount: 4)
        #expect(DomainRouting.purity(confusion: c) == 1)
        #expect(DomainRouting.assignmentAccuracy(confusion: c) == 1)
    }

    @Test("The Hungarian assignment matches brute force on 50 random 3×5 matrices")
    func hungarianMatchesBruteForce() {
        var rng = LCG(state: 42)
        for _ in 0..<50 {
            let w = (0..<3).map { _ in (0..<5).map { _ in rng.next(below: 20) } }
            let assignment = DomainRouting.maximumWeightAssignment(w)
            // injective, in range, and as heavy as the best of the 5·4·3 = 60 maps
            #expect(assignment.count == 3)
            #expect(Set(assignment).count == 3 && assignment.allSatisfy { (0..<5).contains($0) })
            let total = assignment.indices.reduce(0) { $0 + w[$1][assignment[$1]] }
            #expect(total == bruteForceBest(w), "w = \(w), assignment = \(assignment)")
        }
    }

    @Test("No samples gives NaN for both metrics")
    func emptyIsNaN() {
        let c = DomainRouting.confusion(domains: [], experts: [], domainCount: 2, expertCount: 3)
        #expect(c == [[0, 0, 0], [0, 0, 0]])
        #expect(DomainRouting.purity(confusion: c).isNaN)
        #expect(DomainRouting.assignmentAccuracy(confusion: c).isNaN)
        #expect(DomainRouting.purity(confusion: []).isNaN)
        #expect(DomainRouting.assignmentAccuracy(confusion: []).isNaN)
    }
}
