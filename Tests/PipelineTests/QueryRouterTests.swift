import Foundation
import MoE
import NN
import Pipeline
import Tensor
import TestSupport
import Testing

/// A separable synthetic set: class y's rows are 1 at feature 2y plus uniform noise in
/// [−0.2, 0.2) everywhere (D = 9, E = 4, `perClass` rows per class, interleaved by class).
private func separableSet(perClass: Int, seed: UInt64) -> (vectors: [Float], labels: [Int32]) {
    let D = 9, E = ExpertDomain.allCases.count
    let noise = testValues(perClass * E * D, seed: seed, in: (-0.2, 0.2))
    var vectors = [Float](repeating: 0, count: perClass * E * D), labels: [Int32] = []
    for n in 0..<(perClass * E) {
        let y = n % E
        for j in 0..<D { vectors[n * D + j] = noise[n * D + j] + (j == 2 * y ? 1 : 0) }
        labels.append(Int32(y))
    }
    return (vectors, labels)
}

/// The training objective at the router's current parameters: −(1/B) Σ_b log p[b, y_b], in Double.
private func crossEntropy(_ gate: Router, _ x: [Float], _ labels: [Int32]) -> Double {
    let B = labels.count, E = gate.experts
    var g = SplitMix64(seed: 0)
    x.withUnsafeBufferPointer { gate.forward(inputs: $0, batch: B, training: true, generator: &g) }
    var total = 0.0
    for b in 0..<B { total -= Foundation.log(Double(gate.decision.probabilities[b * E + Int(labels[b])])) }
    return total / Double(B)
}

@Suite("Query router")
struct QueryRouterTests {
    /// Trains `kind` on 64 rows and returns (losses, the smallest margin p[y] − max_{e≠y} p[e], accuracy).
    static func trainSeparable(_ kind: QueryRouterKind) -> (losses: [Double], margin: Double, accuracy: Double) {
        let (vectors, labels) = separableSet(perClass: 16, seed: 41)
        var rng = Philox4x32_10(key: (2024, 7))
        let router = QueryRouter(kind: kind, inputSize: 9, maxBatch: 16, rng: &rng)
        let losses = router.train(vectors: vectors, labels: labels, epochs: 60, batch: 16, learningRate: 0.05, rng: &rng)
        var margin = Double.infinity, correct = 0
        for n in 0..<labels.count {
            let p = router.read(Array(vectors[(n * 9)..<(n * 9 + 9)])).probabilities
            let y = Int(labels[n])
            let rival = p.enumerated().filter { $0.offset != y }.map(\.element).max()!
            margin = min(margin, p[y] - rival)
            if p[y] > rival { correct += 1 }
        }
        print("query router \(kind.rawValue): loss \(losses.first!) → \(losses.last!), accuracy \(correct)/\(labels.count), smallest margin \(margin)")
        return (losses, margin, Double(correct) / Double(labels.count))
    }

    @Test("softmax: cross-entropy training lowers the loss and separates the set with margin ≥ 0.5")
    func softmaxTraining() {
        let result = Self.trainSeparable(.softmax)
        #expect(result.losses.count == 60)
        #expect(result.losses.last! < result.losses.first! / 4, "loss \(result.losses.first!) → \(result.losses.last!)")
        #expect(result.accuracy == 1 && result.margin >= 0.5, "accuracy \(result.accuracy), smallest margin \(result.margin)")
    }

    @Test("spiking: cross-entropy through the surrogate gradient lowers the loss and reaches 100 %")
    func spikingTraining() {
        let result = Self.trainSeparable(.spiking)
        #expect(result.losses.last! < result.losses.first! / 2, "loss \(result.losses.first!) → \(result.losses.last!)")
        #expect(result.accuracy == 1 && result.margin >= 0.2, "accuracy \(result.accuracy), smallest margin \(result.margin)")
    }

    @Test("the spiking router reports spike counts; the softmax router does not")
    func spikeCounts() {
        var rng = Philox4x32_10(key: (1, 1))
        let spiking = QueryRouter(kind: .spiking, inputSize: 9, spikingTimeSteps: 4, spikingPopulation: 4, rng: &rng)
        let reading = spiking.read([Float](repeating: 1, count: 9))
        #expect(reading.spikeCounts?.count == 4 && reading.spikeCounts!.allSatisfy { $0 >= 0 && $0 <= 16 })
        #expect(abs(reading.probabilities.reduce(0, +) - 1) < 1e-6)
        let softmax = QueryRouter(kind: .softmax, inputSize: 9, rng: &rng)
        #expect(softmax.read([Float](repeating: 1, count: 9)).spikeCounts == nil)
    }

    @Test("the training gradient of the softmax router agrees with central differences")
    func softmaxGradient() throws {
        let B = 4, D = 5, E = 4
        var rng = Philox4x32_10(key: (99, 3))
        let router = QueryRouter(kind: .softmax, inputSize: D, maxBatch: B, rng: &rng)
        let gate = try #require(router.router)
        let x = testValues(B * D, seed: 5, in: (-1, 1))
        let labels: [Int32] = [0, 2, 3, 2]
        // the train step: ∂L/∂p[b, y_b] = −1 / (B · p[b, y_b]), then the router's backward
        router.parameters.zeroGrads()
        _ = crossEntropy(gate, x, labels)
        var dp = [Float](repeating: 0, count: B * E)
        for b in 0..<B { dp[b * E + Int(labels[b])] = -1 / (Float(B) * gate.decision.probabilities[b * E + Int(labels[b])]) }
        x.withUnsafeBufferPointer { xs in
            dp.withUnsafeBufferPointer { gate.backward(dinputs: nil, dprobabilities: $0, inputs: xs, batch: B) }
        }
        let analytic = Array(router.parameters.grads)
        let weight = try router.parameters.entry(named: "router.weight"), bias = try router.parameters.entry(named: "router.bias")
        #expect(weight.count == E * D && bias.count == E && router.parameters.count == E * D + E)
        let eps: Float = 1e-2
        var worst = 0.0
        for i in 0..<router.parameters.count {
            let saved = router.parameters.values[i]
            router.parameters.values[i] = saved + eps
            let plus = crossEntropy(gate, x, labels)
            router.parameters.values[i] = saved - eps
            let minus = crossEntropy(gate, x, labels)
            router.parameters.values[i] = saved
            let numeric = (plus - minus) / (2 * Double(eps))
            let difference = abs(Double(analytic[i]) - numeric)
            worst = max(worst, difference)
            #expect(difference <= 1e-4 + 1e-2 * abs(numeric),
                    "parameter \(i) (\(i < weight.count ? "router.weight" : "router.bias")): analytic \(analytic[i]), numeric \(numeric), |Δ| \(difference), tolerance 1e-4 + 1e-2·|numeric|")
        }
        #expect(analytic.contains { abs($0) > 1e-2 })

        // train() itself: one epoch of one batch reports L(θ₀) and takes one Adam step, whose first
        // update is −lr·g/(|g| + ε) ≈ −lr·sign(g) for every parameter with |g| ≫ ε.
        let before = Array(router.parameters.values)
        let initialLoss = crossEntropy(gate, x, labels)
        var trainRNG = Philox4x32_10(key: (5, 5))
        let losses = router.train(vectors: x, labels: labels, epochs: 1, batch: B, learningRate: 1e-3, rng: &trainRNG)
        #expect(losses.count == 1 && abs(losses[0] - initialLoss) < 1e-6, "train reported \(losses), L(θ₀) = \(initialLoss)")
        for i in 0..<router.parameters.count where abs(analytic[i]) > 1e-3 {
            let step = Double(router.parameters.values[i] - before[i])
            let expected = analytic[i] > 0 ? -1e-3 : 1e-3
            #expect(abs(step - expected) < 1e-5, "parameter \(i): step \(step), expected \(expected) (gradient \(analytic[i]))")
        }
    }

    @Test("oracle: all weight on the label, uniform without one")
    func oracle() {
        var rng = Philox4x32_10(key: (0, 0))
        let router = QueryRouter(kind: .oracle, inputSize: 3, rng: &rng)
        #expect(router.router == nil && router.parameters.count == 0 && !QueryRouterKind.oracle.isLearned)
        for d in ExpertDomain.allCases {
            var expected = [0.0, 0, 0, 0]
            expected[d.index] = 1
            #expect(router.read([0, 0, 0], label: d).probabilities == expected)
        }
        #expect(router.read([1, 2, 3]).probabilities == [0.25, 0.25, 0.25, 0.25])
        #expect(router.train(vectors: [0, 0, 0], labels: [1], epochs: 3, batch: 1, learningRate: 1, rng: &rng).isEmpty)
    }

    @Test("uniform: 1/E for every domain, whatever the label")
    func uniform() {
        var rng = Philox4x32_10(key: (0, 0))
        let router = QueryRouter(kind: .uniform, inputSize: 3, rng: &rng)
        #expect(router.read([0, 0, 0], label: .vision).probabilities == [0.25, 0.25, 0.25, 0.25])
        #expect(router.read([1, 0, 0]).spikeCounts == nil)
    }

    @Test("random: one-hot, the same draws for the same seed, every domain drawn")
    func random() {
        func draws(seed: UInt32) -> [Int] {
            var rng = Philox4x32_10(key: (seed, 1))
            let router = QueryRouter(kind: .random, inputSize: 2, rng: &rng)
            return (0..<200).map { _ in
                let p = router.read([0, 0], label: .symbolic).probabilities
                #expect(p.filter { $0 == 1 }.count == 1 && p.filter { $0 == 0 }.count == 3, "\(p)")
                return p.firstIndex(of: 1)!
            }
        }
        let a = draws(seed: 17)
        #expect(a == draws(seed: 17))
        #expect(a != draws(seed: 18))
        #expect(Set(a) == [0, 1, 2, 3])
        // roughly uniform: each domain 50 ± 25 of 200
        for d in 0..<4 { #expect((25...75).contains(a.filter { $0 == d }.count)) }
        #expect(a.filter { $0 == ExpertDomain.symbolic.index }.count < 100)   // the label is ignored
    }
}
