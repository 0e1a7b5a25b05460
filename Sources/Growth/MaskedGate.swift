import Foundation
import NN

/// The growth model's gate: a softmax over the *active* experts only, top-k, and combine weights
/// renormalised over the k chosen (the seed's "soft mixture routing (top-k)"):
///
///     z = h · Wᵀ + b;   p_e = exp(z_e/τ) / Σ_{a active} exp(z_a/τ)  (p_e = 0 when e is inactive)
///     i = top-k of p (ties: smaller index);   w_j = p_{i_j} / Σ_l p_{i_l}
///
/// Shapes: h [B,D], W `gate.weight` [E_max,D], b `gate.bias` [E_max], z and p [B,E_max], i and
/// w [B,k]. Restricting the softmax's domain is what lets the model grow: an inactive slot gets
/// no probability, no traffic and no gradient, so activating it later changes no other expert.
///
/// The Switch Transformer balance loss (Fedus et al. 2022, eq. 4) is taken over the active
/// experts: aux = α · E_a · Σ_e f_e · P̄_e, with f_e the share of rows whose first choice is e and
/// P̄_e the mean of p[·,e].
final class MaskedGate {
    let inputSize: Int
    let maxExperts: Int
    let maxBatch: Int
    let temperature: Float
    /// p [maxBatch,E_max], dp and dz [maxBatch,E_max], indices and weights [maxBatch,k_max].
    private(set) var probabilities: [Float]
    private var dprobabilities: [Float]
    /// ∂loss/∂z of the last backward pass (the gate signals' logit bias gets the same gradient).
    private(set) var dlogits: [Float]
    private(set) var indices: [Int32]
    private(set) var weights: [Float]
    /// k of the last forward pass: min(k, active experts).
    private(set) var k = 1
    private let kMax: Int

    init(inputSize D: Int, maxExperts E: Int, topK: Int, temperature: Float, maxBatch: Int) {
        inputSize = D
        maxExperts = E
        kMax = topK
        self.maxBatch = maxBatch
        self.temperature = temperature
        probabilities = [Float](repeating: 0, count: maxBatch * E)
        dprobabilities = probabilities
        dlogits = probabilities
        indices = [Int32](repeating: 0, count: maxBatch * topK)
        weights = [Float](repeating: 0, count: maxBatch * topK)
    }

    /// Fills probabilities, indices and weights for B rows of h; returns the balance loss. With
    /// `logitBias` [B,E] (the gate signals), z ← z + bias before the softmax.
    func forward(h: UnsafeBufferPointer<Float>, weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>,
                 active: [Bool], B: Int, balance: Float, logitBias: UnsafeBufferPointer<Float>? = nil) -> Float {
        let E = maxExperts, activeCount = active.filter { $0 }.count
        precondition(activeCount >= 1, "MaskedGate: no active expert")
        k = min(kMax, activeCount)
        probabilities.withUnsafeMutableBufferPointer { p in
            let z = UnsafeMutableBufferPointer(rebasing: p[0..<(B * E)])
            linearForward(out: z, inp: UnsafeBufferPointer(rebasing: h[0..<(B * inputSize)]), weight: weight, bias: bias,
                          B: B, C: inputSize, OC: E)
            if let logitBias { for i in 0..<(B * E) { z[i] += logitBias[i] } }
            // p_e = exp(z_e/τ − m) / Σ_{active} exp(z_a/τ − m)
            for b in 0..<B {
                let row = b * E
                var m = -Float.infinity
                for e in 0..<E where active[e] { m = max(m, z[row + e] / temperature) }
                var sum: Float = 0
                for e in 0..<E {
                    let value: Float = active[e] ? expf(z[row + e] / temperature - m) : 0
                    z[row + e] = value
                    sum += value
                }
                for e in 0..<E { z[row + e] /= sum }
            }
        }
        // i = top-k of p over active experts;  w_j = p_{i_j} / Σ_l p_{i_l}
        for b in 0..<B {
            // no allocation per row: the slots already filled are the chosen set
            var sum: Float = 0
            for j in 0..<k {
                var best = -1
                for e in 0..<E where active[e] && !(0..<j).contains(where: { indices[b * kMax + $0] == Int32(e) }) {
                    if best < 0 || probabilities[b * E + e] > probabilities[b * E + best] { best = e }
                }
                indices[b * kMax + j] = Int32(best)
                sum += probabilities[b * E + best]
            }
            for j in 0..<k { weights[b * kMax + j] = probabilities[b * E + Int(indices[b * kMax + j])] / sum }
        }
        guard balance > 0 else { return 0 }
        var aux: Float = 0
        let (f, meanP) = balanceStatistics(B: B)
        for e in 0..<E where active[e] { aux += f[e] * meanP[e] }
        return balance * Float(activeCount) * aux
    }

    /// f_e (share of rows whose first choice is e) and P̄_e (mean probability) over B rows.
    private func balanceStatistics(B: Int) -> (f: [Float], meanP: [Float]) {
        let E = maxExperts
        var f = [Float](repeating: 0, count: E), meanP = [Float](repeating: 0, count: E)
        for b in 0..<B {
            f[Int(indices[b * kMax])] += 1 / Float(B)
            for e in 0..<E { meanP[e] += probabilities[b * E + e] / Float(B) }
        }
        return (f, meanP)
    }

    /// Adds ∂loss/∂W, ∂loss/∂b and ∂loss/∂h from ∂loss/∂w [B,k_max] (and the balance loss).
    func backward(dh: UnsafeMutableBufferPointer<Float>, dweights: [Float], h: UnsafeBufferPointer<Float>,
                  weight: UnsafeBufferPointer<Float>, dweight: UnsafeMutableBufferPointer<Float>,
                  dbias: UnsafeMutableBufferPointer<Float>, active: [Bool], B: Int, balance: Float,
                  routingTargets: [Int]? = nil, routingWeight: Float = 0) {
        let E = maxExperts
        for i in 0..<(B * E) { dprobabilities[i] = 0 }
        // "w_j = p_{i_j} / S"  ⇒  ∂p_{i_j} += (∂w_j − Σ_l w_l ∂w_l) / S,   S = Σ_l p_{i_l}
        for b in 0..<B {
            var sum: Float = 0, dot: Float = 0
            for j in 0..<k {
                sum += probabilities[b * E + Int(indices[b * kMax + j])]
                dot += weights[b * kMax + j] * dweights[b * kMax + j]
            }
            for j in 0..<k { dprobabilities[b * E + Int(indices[b * kMax + j])] += (dweights[b * kMax + j] - dot) / sum }
        }
        if balance > 0 {
            // "aux = α E_a Σ f_e P̄_e"  ⇒  ∂p[b,e] += α E_a f_e / B
            let activeCount = Float(active.filter { $0 }.count)
            let f = balanceStatistics(B: B).f
            for b in 0..<B { for e in 0..<E where active[e] { dprobabilities[b * E + e] += balance * activeCount * f[e] / Float(B) } }
        }
        // "p = softmax(z/τ)"  ⇒  ∂z_e = p_e (∂p_e − Σ_a p_a ∂p_a) / τ   (0 for inactive e, where p_e = 0)
        for b in 0..<B {
            var dot: Float = 0
            for e in 0..<E { dot += probabilities[b * E + e] * dprobabilities[b * E + e] }
            for e in 0..<E { dlogits[b * E + e] = probabilities[b * E + e] * (dprobabilities[b * E + e] - dot) / temperature }
        }
        if let routingTargets, routingWeight != 0 {
            // "L_route = β/B Σ_b −ln p[b, target_b]"  ⇒  ∂z_e += β (p_e − 1[e = target]) / (τ B)   (active e only)
            for b in 0..<B {
                for e in 0..<E where active[e] {
                    let indicator: Float = e == routingTargets[b] ? 1 : 0
                    dlogits[b * E + e] += routingWeight * (probabilities[b * E + e] - indicator) / (temperature * Float(B))
                }
            }
        }
        dlogits.withUnsafeBufferPointer { dz in
            linearBackward(dinp: UnsafeMutableBufferPointer(rebasing: dh[0..<(B * inputSize)]), dweight: dweight, dbias: dbias,
                           dout: UnsafeBufferPointer(rebasing: dz[0..<(B * E)]),
                           inp: UnsafeBufferPointer(rebasing: h[0..<(B * inputSize)]), weight: weight, B: B, C: inputSize, OC: E)
        }
    }

    /// β/B Σ_b −ln p[b, target_b] over the last forward pass's rows (the routing loss).
    func routingLoss(targets: [Int], weight: Float, B: Int) -> Float {
        var sum: Float = 0
        for b in 0..<B { sum -= logf(max(probabilities[b * maxExperts + targets[b]], .leastNormalMagnitude)) }
        return weight * sum / Float(B)
    }

    /// −Σ_e p_e ln p_e of row b, in nats.
    func entropy(row b: Int) -> Double {
        var sum = 0.0
        for e in 0..<maxExperts {
            let p = Double(probabilities[b * maxExperts + e])
            if p > 0 { sum -= p * log(p) }
        }
        return sum
    }

    /// The first choice of row b.
    func topOne(row b: Int) -> Int { Int(indices[b * kMax]) }

    /// Chosen expert and weight of slot j of row b.
    func choice(row b: Int, slot j: Int) -> (expert: Int, weight: Float) {
        (Int(indices[b * kMax + j]), weights[b * kMax + j])
    }

    var topKCapacity: Int { kMax }
}
