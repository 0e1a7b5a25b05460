import Tensor

/// Permuted-MNIST domains (Goodfellow et al. 2013; Kirkpatrick et al. 2017): the same digits
/// seen through K fixed pixel permutations, one permutation per domain. The label space is shared
/// but the features are not: a pixel that carries a stroke in one domain carries noise in
/// another, so a small expert trained on one domain is good on it and poor on the rest. That is
/// what makes the router's choice decide accuracy (issue 13's routed benchmark).
///
/// Domain 0 is the identity (plain MNIST); domains 1…K−1 are permutations drawn by a
/// Fisher–Yates shuffle from `RandomStreams(suiteSeed: seed, runSeed: 0).generator("permuted-domains")`,
/// so every run, seed and variant of a suite sees the same domains. Image i of a split belongs to
/// domain i mod K, so each domain holds an equal share of every split and the assignment does not
/// depend on the run seed either.
public enum PermutedDomains {
    /// K permutations of 0..<pixels (domain 0 the identity); `permutation[d][j]` is the source pixel
    /// of output pixel j in domain d.
    public static func permutations(domains K: Int, pixels: Int, seed: UInt32) -> [[Int]] {
        precondition(K >= 1 && pixels >= 1, "PermutedDomains needs ≥ 1 domain and ≥ 1 pixel; got \(K), \(pixels)")
        var generator = RandomStreams(suiteSeed: seed, runSeed: 0).generator("permuted-domains")
        var result = [Array(0..<pixels)]
        for _ in 1..<K {
            var permutation = Array(0..<pixels)
            generator.shuffle(&permutation)
            result.append(permutation)
        }
        return result
    }

    /// `set` with image i shown through permutation i mod K, and the domain of every image.
    ///
    ///     x'[i, j] = x[i, π_{i mod K}(j)];   domain[i] = i mod K
    public static func apply(_ set: ImageClassificationSet, permutations: [[Int]]) -> DomainImageSet {
        let K = permutations.count, P = set.pixelsPerImage
        precondition(K >= 1 && permutations.allSatisfy { $0.count == P },
                     "PermutedDomains.apply needs ≥ 1 permutation of \(P) pixels")
        var pixels = [Float](repeating: 0, count: set.count * P)
        var domains = [Int32](repeating: 0, count: set.count)
        set.pixels.withUnsafeBufferPointer { source in
            for i in 0..<set.count {
                let d = i % K
                domains[i] = Int32(d)
                let permutation = permutations[d]
                for j in 0..<P { pixels[i * P + j] = source[i * P + permutation[j]] }
            }
        }
        let images = ImageClassificationSet(rows: set.rows, cols: set.cols, classes: set.classes, pixels: pixels, labels: set.labels)
        return DomainImageSet(images: images, domains: domains, domainCount: K)
    }
}

/// Images with the domain each was drawn from (the label a domain-oracle router routes by).
public struct DomainImageSet: Sendable, Equatable {
    public let images: ImageClassificationSet
    /// One domain index per image, in 0..<domainCount.
    public let domains: [Int32]
    public let domainCount: Int

    public init(images: ImageClassificationSet, domains: [Int32], domainCount: Int) {
        precondition(domains.count == images.count && domains.allSatisfy { $0 >= 0 && Int($0) < domainCount },
                     "DomainImageSet needs one domain in 0..<\(domainCount) per image")
        self.images = images
        self.domains = domains
        self.domainCount = domainCount
    }

    /// The images in `range`, with their domains.
    public func subset(_ range: Range<Int>) -> DomainImageSet {
        DomainImageSet(images: images.subset(range), domains: Array(domains[range]), domainCount: domainCount)
    }
}
