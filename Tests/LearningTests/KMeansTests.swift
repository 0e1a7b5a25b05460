import TestSupport
import Testing
import Learning

@Suite("k-means and cluster purity")
struct KMeansTests {
    @Test("purity of clusters [0, 0, 0, 1, 1, 2] over groups [0, 0, 1, 1, 1, 2] is (2 + 2 + 1) / 6")
    func purityByHand() {
        #expect(clusterPurity(clusters: [0, 0, 0, 1, 1, 2], groups: [0, 0, 1, 1, 1, 2]) == 5.0 / 6)
        #expect(clusterPurity(clusters: [3, 3, 3], groups: [0, 1, 2]) == 1.0 / 3)
        #expect(clusterPurity(clusters: [], groups: []).isNaN)
    }

    @Test("two separated pairs in 1-D end as two clusters with centres 0.1 and 10.1, for every seed")
    func separatedPairs() {
        let points: [Float] = [0, 0.2, 10, 10.2]
        for seed in 0..<20 {
            var rng = SplitMix64(seed: UInt64(seed))
            let model = KMeans(points: points, dimension: 1, clusters: 2, rng: &rng)
            let a = model.assign(points)
            #expect(a[0] == a[1] && a[2] == a[3] && a[0] != a[2], "seed \(seed): \(a)")
            #expect(Set(model.centres.map { ($0 * 1000).rounded() / 1000 }) == [0.1, 10.1], "seed \(seed): \(model.centres)")
        }
    }

    @Test("at convergence every centre is the mean of its points and every point is nearest its own centre")
    func fixedPoint() {
        var g = SplitMix64(seed: 11)
        let d = 3, n = 200
        let points = (0..<(n * d)).map { i -> Float in Float(Int(g.next() % 1000)) / 100 + (i % d == 0 ? Float(i / d % 4) * 5 : 0) }
        var rng = SplitMix64(seed: 2)
        let model = KMeans(points: points, dimension: d, clusters: 4, maxIterations: 500, rng: &rng)
        #expect(model.iterations < 500)
        let a = model.assign(points)
        for j in 0..<4 {
            let members = (0..<n).filter { a[$0] == j }
            guard !members.isEmpty else { continue }
            for f in 0..<d {
                let mean = members.reduce(0.0) { $0 + Double(points[$1 * d + f]) } / Double(members.count)
                #expect(abs(mean - model.centres[j * d + f]) < 1e-9)
            }
        }
    }
}
