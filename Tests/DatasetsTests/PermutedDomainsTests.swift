import Testing
@testable import Datasets

@Suite("Permuted domains")
struct PermutedDomainsTests {
    @Test("domain 0 is the identity and every domain is a permutation, the same for the same seed")
    func permutations() {
        let a = PermutedDomains.permutations(domains: 4, pixels: 50, seed: 7)
        #expect(a.count == 4)
        #expect(a[0] == Array(0..<50))
        for p in a { #expect(p.sorted() == Array(0..<50)) }
        #expect(a[1] != a[0] && a[2] != a[1])
        #expect(PermutedDomains.permutations(domains: 4, pixels: 50, seed: 7) == a)
        #expect(PermutedDomains.permutations(domains: 4, pixels: 50, seed: 8) != a)
    }

    @Test("image i is shown through permutation i mod K, and its label is kept")
    func apply() {
        // three 1×3 images with pixels (0.1, 0.2, 0.3) + i
        let pixels: [Float] = (0..<3).flatMap { i in [0.1, 0.2, 0.3].map { Float(i) + $0 } }
        let set = ImageClassificationSet(rows: 1, cols: 3, classes: 3, pixels: pixels, labels: [2, 0, 1])
        let permutations = [[0, 1, 2], [2, 0, 1]]
        let result = PermutedDomains.apply(set, permutations: permutations)
        #expect(result.domains == [0, 1, 0])
        #expect(result.domainCount == 2)
        #expect(Array(result.images.image(at: 0)) == [0.1, 0.2, 0.3])
        // x'[1, j] = x[1, π₁(j)]: (x[2], x[0], x[1]) = (1.3, 1.1, 1.2)
        #expect(Array(result.images.image(at: 1)) == [Float(1) + 0.3, Float(1) + 0.1, Float(1) + 0.2])
        #expect(Array(result.images.image(at: 2)) == [Float(2) + 0.1, Float(2) + 0.2, Float(2) + 0.3])
        #expect(result.images.labels == [2, 0, 1])
        #expect(result.subset(1..<3).domains == [1, 0])
    }
}
