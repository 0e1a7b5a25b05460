import TestSupport
import Testing
import NN
@testable import MoE

/// Two clusters in 6-d: class c sits at ±1.5 on coordinate c with U(−0.5, 0.5) noise elsewhere.
private func twoClusters(count: Int, seed: UInt64) -> (inputs: [Float], targets: [Int32]) {
    let noise = testValues(count * 6, seed: seed, in: (-0.5, 0.5))
    var inputs: [Float] = [], targets: [Int32] = []
    for i in 0..<count {
        let c = i % 2
        for d in 0..<6 { inputs.append((d == c ? 1.5 : 0) + noise[i * 6 + d]) }
        targets.append(Int32(c))
    }
    return (inputs, targets)
}

@Suite("MoEClassifier")
struct MoEClassifierTests {
    @Test("the default Fashion-MNIST model counts parameters and per-inference MACs of k experts, not E")
    func sizes() throws {
        var g = SplitMix64(seed: 1)
        let config = MoEConfig(router: .softmax, experts: 8, topK: 2)
        let model = try MoEClassifier(config: config, inputSize: 784, classes: 10, maxBatch: 2, rng: &g)
        let expert = 256 * 128 + 128 + 128 * 256 + 256
        #expect(model.parameterCount == 784 * 256 + 256 + (8 * 256 + 8) + 8 * expert + 256 * 10 + 10)
        #expect(model.multiplyAccumulatesPerSample == 784 * 256 + 2 * (256 * 128 + 128 * 256) + 256 * 10)
        #expect(model.routerMultiplyAccumulatesPerSample == 256 * 8)
        let spiking = try MoEClassifier(config: MoEConfig(router: .spiking, experts: 8, topK: 1), inputSize: 784, classes: 10,
                                        maxBatch: 2, rng: &g)
        #expect(spiking.routerMultiplyAccumulatesPerSample == 256 * 32)
        #expect(spiking.routerNeuronUpdatesPerSample == 8 * 32)
    }

    @Test("finite differences of the whole small model (CE + Switch loss) agree with backward",
          arguments: [MoEConfig.RouterKind.softmax, .noisyTopK, .spiking])
    func gradientCheck(router: MoEConfig.RouterKind) throws {
        let B = 4
        var config = MoEConfig(router: router, experts: 3, topK: 2, modelWidth: 5, expertHidden: 4,
                               loadBalancing: .switchTransformer(alpha: 0.5))
        config.spiking.timeSteps = 4
        var g = SplitMix64(seed: 3)
        let model = try MoEClassifier(config: config, inputSize: 6, classes: 3, maxBatch: B, rng: &g)
        if let gate = model.layer.router as? SpikingGate { gate.smoothSpikes = true }
        if router == .noisyTopK {
            let entry = try model.parameters.entry(named: "router.gate.weight")
            _ = model.parameters.values[entry.range].update(fromContentsOf: testValues(entry.count, seed: 31, in: (-0.5, 0.5)))
        }
        let (reports, _) = try classifierGradientReports(model, inputs: testValues(B * 6, seed: 41, in: (-2, 2)),
                                                         targets: [0, 2, 1, 2], batch: B)
        for report in reports { #expect(report.passed, "\(router): \(report)") }
    }

    @Test("with a softmax gate the model learns two clusters to low loss, and inference agrees",
          arguments: [MoEConfig.RouterKind.softmax, .spiking, .hash])
    func trainsToLowLoss(router: MoEConfig.RouterKind) throws {
        let B = 32
        let data = twoClusters(count: B, seed: 51)
        var g = SplitMix64(seed: 4)
        let config = MoEConfig(router: router, experts: 4, topK: 1, modelWidth: 16, expertHidden: 8, renormalizeWeights: false)
        let model = try MoEClassifier(config: config, inputSize: 6, classes: 2, maxBatch: B, rng: &g)
        var optimizer = Adam(learningRate: 0.02)
        var probs = [Float](repeating: 0, count: B * 2)
        var first: Float = .nan, last: Float = .nan
        try data.inputs.withUnsafeBufferPointer { x in
            try data.targets.withUnsafeBufferPointer { t in
                guard let x = x.baseAddress, let t = t.baseAddress else { return }
                for step in 0..<200 {
                    let result = try model.trainStep(inputs: x, targets: t, batch: B, optimizer: &optimizer, rng: &g)
                    if step == 0 { first = result.loss }
                    last = result.loss
                    #expect(result.auxLoss >= 0)
                }
                try probs.withUnsafeMutableBufferPointer { p in
                    guard let p = p.baseAddress else { return }
                    try model.predictProbabilities(inputs: x, batch: B, into: p)
                }
            }
        }
        #expect(first > 0.4, "initial loss \(first)")
        #expect(last < 0.05, "final loss \(last)")
        let correct = (0..<B).filter { (probs[2 * $0 + 1] > probs[2 * $0]) == (data.targets[$0] == 1) }.count
        #expect(correct == B)
        #expect(model.lastDecision.batch == B)
    }

    @Test("routeOnly routes one row of width D and agrees with the batch decision for that row")
    func routeOnly() throws {
        var g = SplitMix64(seed: 8)
        let model = try MoEClassifier(config: MoEConfig(router: .softmax, experts: 8, topK: 2, modelWidth: 16, expertHidden: 4),
                                      inputSize: 6, classes: 2, maxBatch: 4, rng: &g)
        let h = testValues(16, seed: 2, in: (0, 1))
        let decision = h.withUnsafeBufferPointer { model.routeOnly(input: $0.baseAddress!) }
        #expect(decision.batch == 1)
        let p = Array(decision.probabilities.prefix(8))
        let best = p.indices.max { p[$0] < p[$1] }
        #expect(Int(decision.indices[0]) == best)
        #expect(abs(decision.weights[0] + decision.weights[1] - 1) < 1e-6)
    }
}
