import Foundation
import Tensor
import Memory

/// Seeded vectors and the plain reference search the indexes are tested against.
enum TestVectors {
    static func generator(_ seed: UInt32) -> Philox4x32_10 { Philox4x32_10(key: (seed, 0x5EED)) }

    /// `count` vectors with independent standard-normal components.
    static func gaussian(count: Int, dimension: Int, seed: UInt32) -> [[Float]] {
        var g = generator(seed)
        return (0..<count).map { _ in (0..<dimension).map { _ in g.standardNormalBoxMuller() } }
    }

    /// `count` vectors around `clusters` random centres (drawn from `seed`): centre + spread ·
    /// noise (drawn from `noiseSeed`), centres cycling. Same seed, other noise seed: new points
    /// from the same clusters, e.g. queries.
    static func clustered(count: Int, dimension: Int, clusters: Int, spread: Float, seed: UInt32, noiseSeed: UInt32) -> [[Float]] {
        var g = generator(seed), noise = generator(noiseSeed &+ 0x4E01_5E00)
        let centres = (0..<clusters).map { _ in (0..<dimension).map { _ in g.standardNormalBoxMuller() } }
        return (0..<count).map { n in centres[n % clusters].map { $0 + spread * noise.standardNormalBoxMuller() } }
    }

    /// The obviously-correct search: cos(q, v) = Σ q_i v_i / (‖q‖ ‖v‖) in Double for every stored
    /// vector, sorted by similarity (descending), then id — all of them, so `mismatch` can see
    /// past the k-th place.
    static func bruteForce(_ stored: [(id: Int64, vector: [Float])], query: [Float]) -> [(id: Int64, similarity: Double)] {
        func norm(_ v: [Float]) -> Double { v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
        let queryNorm = norm(query)
        let scored = stored.map { entry -> (id: Int64, similarity: Double) in
            var dot = 0.0
            for i in 0..<query.count { dot += Double(query[i]) * Double(entry.vector[i]) }
            return (entry.id, dot / (queryNorm * norm(entry.vector)))
        }
        let sorted = scored.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.id < $1.id) }
        return sorted
    }

    /// Nil when `hits` is the reference's top-k (k = `hits.count` must be min(k, N)); otherwise a
    /// sentence naming the first difference. Similarities must agree within `tolerance`; an id
    /// may differ from the reference's at its position only when the reference scores it within
    /// `tolerance` of that position (Float rounding can order a near-tie — or two equal vectors
    /// in different BLAS rows — either way). Pass the reference with more than k entries so a
    /// near-tie across the k-th place is visible.
    static func mismatch(_ hits: [SearchHit], _ reference: [(id: Int64, similarity: Double)], k: Int, tolerance: Double = 1e-5) -> String? {
        guard hits.count == min(k, reference.count) else { return "\(hits.count) hits, expected min(k=\(k), \(reference.count))" }
        guard Set(hits.map(\.id)).count == hits.count else { return "an id appears twice in \(hits.map(\.id))" }
        for (i, (hit, expected)) in zip(hits, reference).enumerated() {
            let difference = abs(Double(hit.similarity) - expected.similarity)
            if difference > tolerance {
                return "position \(i): similarity \(hit.similarity), reference \(expected.similarity) (difference \(difference) > \(tolerance))"
            }
            if hit.id != expected.id {
                let nearTie = reference.contains { $0.id == hit.id && abs($0.similarity - expected.similarity) <= tolerance }
                if !nearTie { return "position \(i): id \(hit.id), reference id \(expected.id)" }
            }
        }
        return nil
    }

    /// A fresh path in the temporary directory.
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("memory-tests-\(UUID().uuidString)-\(name)").path
    }
}
