import Tensor

/// k-means (Lloyd 1982) with k-means++ seeding (Arthur & Vassilvitskii 2007), as the ceiling
/// of a router that clusters its contexts without reward: run offline on the same features, in
/// hindsight, it says how well K clusters could separate the groups at all.
///
///     seeding: c₁ = a uniform point; c_j = a point drawn with probability ∝ D(x)², the squared
///              distance to its nearest centre so far
///     assign:  a(x) = argmin_j ‖x − c_j‖²           (ties: lowest j)
///     update:  c_j = mean of the points assigned to j   (an empty cluster keeps its centre)
///
/// until no assignment changes or `maxIterations`. Sums are in Double, points visited in order,
/// so the same points and generator give the same clusters.
public struct KMeans: Sendable, Equatable {
    public let clusters: Int
    public let dimension: Int
    /// [clusters, dimension] row-major.
    public private(set) var centres: [Double]
    public private(set) var iterations = 0

    /// Clusters `count` points of `dimension` values each (row-major in `points`).
    public init<G: RandomNumberGenerator>(points: [Float], dimension d: Int, clusters k: Int, maxIterations: Int = 100, rng: inout G) {
        let n = points.count / max(d, 1)
        precondition(d > 0 && k > 0 && n >= k && points.count == n * d, "KMeans needs d > 0, k > 0 and at least k points of d values")
        clusters = k
        dimension = d
        centres = [Double](repeating: 0, count: k * d)
        // k-means++ seeding
        var nearest = [Double](repeating: .infinity, count: n)
        var chosen = rng.uniformInt(below: n)
        for j in 0..<k {
            for f in 0..<d { centres[j * d + f] = Double(points[chosen * d + f]) }
            var total = 0.0
            for p in 0..<n {
                nearest[p] = min(nearest[p], Self.squaredDistance(points, p, centres, j, d))
                total += nearest[p]
            }
            guard j + 1 < k else { break }
            // the next centre: P(x) ∝ D(x)²; all points on centres already → the first not chosen
            let u = rng.unitUniformDouble() * total
            var cumulative = 0.0
            chosen = n - 1
            for p in 0..<n {
                cumulative += nearest[p]
                if u < cumulative { chosen = p; break }
            }
        }
        var assignment = [Int](repeating: -1, count: n)
        for iteration in 1...max(maxIterations, 1) {
            iterations = iteration
            var changed = false
            for p in 0..<n {
                let a = nearestCentre(points, p)
                if a != assignment[p] { assignment[p] = a; changed = true }
            }
            guard changed else { break }
            var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
            for p in 0..<n {
                let a = assignment[p]
                counts[a] += 1
                for f in 0..<d { sums[a * d + f] += Double(points[p * d + f]) }
            }
            for j in 0..<k where counts[j] > 0 {
                for f in 0..<d { centres[j * d + f] = sums[j * d + f] / Double(counts[j]) }
            }
        }
    }

    /// The cluster of point `p` of `points` (nearest centre; ties: lowest index).
    public func nearestCentre(_ points: [Float], _ p: Int) -> Int {
        var best = 0, bestDistance = Double.infinity
        for j in 0..<clusters {
            let distance = Self.squaredDistance(points, p, centres, j, dimension)
            if distance < bestDistance { best = j; bestDistance = distance }
        }
        return best
    }

    /// Every point's cluster.
    public func assign(_ points: [Float]) -> [Int] {
        (0..<(points.count / dimension)).map { nearestCentre(points, $0) }
    }

    static func squaredDistance(_ points: [Float], _ p: Int, _ centres: [Double], _ j: Int, _ d: Int) -> Double {
        var sum = 0.0
        for f in 0..<d {
            let diff = Double(points[p * d + f]) - centres[j * d + f]
            sum += diff * diff
        }
        return sum
    }
}

/// Cluster purity: the share of points whose cluster's most common group is their own,
///
///     purity = (1/N) · Σ_c max_g |{x : cluster(x) = c, group(x) = g}|
///
/// which is also the routing accuracy, in hindsight, of sending each cluster to its majority
/// group's expert.
public func clusterPurity(clusters: [Int], groups: [Int]) -> Double {
    precondition(clusters.count == groups.count, "clusterPurity: \(clusters.count) clusters for \(groups.count) groups")
    guard !clusters.isEmpty else { return .nan }
    var counts: [Int: [Int: Int]] = [:]
    for (c, g) in zip(clusters, groups) { counts[c, default: [:]][g, default: 0] += 1 }
    let majority = counts.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
    return Double(majority) / Double(clusters.count)
}
