import Foundation
import TestSupport
import Testing
import NN
import Spiking
@testable import MoE

/// The model pieces of the routed benchmark (issue 13): no input projection, no residual, and
/// the domain-oracle router.
@Suite("Routed-benchmark model")
struct RoutedBenchmarkModelTests {
    @Test("without projection and residual the model has no input layer and counts MACs of the raw-input experts")
    func sizesWithoutProjection() throws {
        var g = SplitMix64(seed: 1)
        let config = MoEConfig(router: .softmax, experts: 8, topK: 1, modelWidth: 784, expertHidden: 8,
                               inputProjection: false, residual: false)
        let model = try MoEClassifier(config: config, inputSize: 784, classes: 10, maxBatch: 2, rng: &g)
        let expert = 784 * 8 + 8 + 8 * 784 + 784
        #expect(model.parameterCount == (784 * 8 + 8) + 8 * expert + 784 * 10 + 10)
        #expect(model.parameters.index(of: "input.weight") == nil)
        // 12 544 = one expert (784·8 + 8·784), 7 840 = read-out; router 6 272 = 784·8 (counted apart)
        #expect(model.multiplyAccumulatesPerSample == 12_544 + 7_840)
        #expect(model.routerMultiplyAccumulatesPerSample == 6_272)
    }

    @Test("finite differences agree with backward with and without projection and residual",
          arguments: [(false, false), (false, true), (true, false)])
    func gradientCheck(projection: Bool, residual: Bool) throws {
        let B = 4, I = 6
        let config = MoEConfig(router: .softmax, experts: 3, topK: 1, modelWidth: projection ? 5 : I, expertHidden: 4,
                               renormalizeWeights: false, loadBalancing: .switchTransformer(alpha: 0.5),
                               inputProjection: projection, residual: residual)
        var g = SplitMix64(seed: 3)
        let model = try MoEClassifier(config: config, inputSize: I, classes: 3, maxBatch: B, rng: &g)
        let (reports, _) = try classifierGradientReports(model, inputs: testValues(B * I, seed: 41, in: (-2, 2)),
                                                         targets: [0, 2, 1, 2], batch: B)
        #expect(!reports.isEmpty)
        for report in reports { #expect(report.passed, "projection \(projection) residual \(residual): \(report)") }
    }

    @Test("the domain oracle sends domain d to experts d·k … d·k+k−1 mod E whatever the input")
    func oracleRoutesByDomain() {
        let router = DomainOracleRouter(inputSize: 3, experts: 5, topK: 2, maxBatch: 4)
        let domains: [Int32] = [0, 1, 2, 3]
        domains.withUnsafeBufferPointer { router.setDomains($0) }
        let inputs = [Float](repeating: 0.5, count: 12)
        var g = SplitMix64(seed: 1)
        inputs.withUnsafeBufferPointer { router.forward(inputs: $0, batch: 4, training: true, generator: &g) }
        // domain 0 → 0,1; 1 → 2,3; 2 → 4,0 (4 = 2·2, 5 mod 5 = 0); 3 → 1,2 (6 mod 5, 7 mod 5)
        #expect(Array(router.decision.indices.prefix(8)) == [0, 1, 2, 3, 4, 0, 1, 2])
        #expect(router.decision.probabilities[0] == 0.5 && router.decision.probabilities[2] == 0)
        #expect(router.decision.weights[0] == 0.5)
    }

    @Test("a classifier with the oracle router routes each row by the domains it was told")
    func classifierPassesDomains() throws {
        var g = SplitMix64(seed: 2)
        let config = MoEConfig(router: .oracle, experts: 4, topK: 1, modelWidth: 6, expertHidden: 2,
                               inputProjection: false, residual: false)
        let model = try MoEClassifier(config: config, inputSize: 6, classes: 2, maxBatch: 3, rng: &g)
        let domains: [Int32] = [3, 1, 2]
        domains.withUnsafeBufferPointer { model.setDomains($0) }
        let inputs = testValues(18, seed: 5, in: (0, 1))
        var probs = [Float](repeating: 0, count: 6)
        try inputs.withUnsafeBufferPointer { x in
            try probs.withUnsafeMutableBufferPointer { try model.predictProbabilities(inputs: x.baseAddress!, batch: 3, into: $0.baseAddress!) }
        }
        #expect(Array(model.lastDecision.indices.prefix(3)) == [3, 1, 2])
    }

    @Test("on binary inputs the rate-coded spiking gate equals the direct one, forward and backward, and counts input spikes × N as SynOps")
    func rateEncodingOnBinaryInputs() {
        let B = 3, D = 5, E = 3, P = 2, T = 3
        func gate(_ encoding: SpikeEncoding) -> (SpikingGate, ParameterTable) {
            let g = SpikingGate(inputSize: D, experts: E, topK: 1, population: P, timeSteps: T, encoding: encoding, maxBatch: B)
            let table = makeTable(seed: 4, scale: 1.5) { g.declareParameters(into: &$0) }
            try? g.bind(to: table)
            return (g, table)
        }
        let (direct, directTable) = gate(.direct), (rate, rateTable) = gate(.rate)
        // Bernoulli(0) = 0 and Bernoulli(1) = 1 whatever the draw, so both gates see the same current
        let x = makeBuffer([1, 0, 1, 1, 0,  0, 1, 1, 0, 1,  1, 1, 1, 1, 1])
        let dp = makeBuffer(testValues(B * E, seed: 8, in: (-1, 1)))
        let dxDirect = makeBuffer(zeros: B * D), dxRate = makeBuffer(zeros: B * D)
        defer { x.deallocate(); dp.deallocate(); dxDirect.deallocate(); dxRate.deallocate() }
        var g1 = SplitMix64(seed: 1), g2 = SplitMix64(seed: 2)
        direct.forward(inputs: x.readOnly, batch: B, training: true, generator: &g1)
        rate.forward(inputs: x.readOnly, batch: B, training: true, generator: &g2)
        #expect(Array(direct.decision.spikeCounts!.prefix(B * E)) == Array(rate.decision.spikeCounts!.prefix(B * E)))
        #expect(Array(direct.decision.indices.prefix(B)) == Array(rate.decision.indices.prefix(B)))
        // 11 ones in x, at each of T = 3 steps, each driving N = 6 neurons
        #expect(rate.lastSynapticOperations == 11 * T * E * P)
        #expect(direct.lastSynapticOperations == 0)
        #expect(rate.multiplyAccumulatesPerSample == 0 && direct.multiplyAccumulatesPerSample == D * E * P)
        directTable.zeroGrads(); rateTable.zeroGrads()
        direct.backward(dinputs: dxDirect, dprobabilities: dp.readOnly, inputs: x.readOnly, batch: B)
        rate.backward(dinputs: dxRate, dprobabilities: dp.readOnly, inputs: x.readOnly, batch: B)
        for i in 0..<directTable.grads.count { #expect(abs(directTable.grads[i] - rateTable.grads[i]) <= 1e-5) }
        for i in 0..<(B * D) { #expect(abs(dxDirect[i] - dxRate[i]) <= 1e-5) }
        #expect(directTable.grads.contains { $0 != 0 })
    }

    @Test("finite differences of a model with the self-assessed gate (CE + Switch loss + self-assessment BCE) agree with backward")
    func selfAssessedGradients() throws {
        let B = 4, I = 6
        let config = MoEConfig(router: .selfAssessed, experts: 3, topK: 2, modelWidth: 5, expertHidden: 4,
                               loadBalancing: .switchTransformer(alpha: 0.5))
        var g = SplitMix64(seed: 13)
        let model = try MoEClassifier(config: config, inputSize: I, classes: 3, maxBatch: B, rng: &g)
        let (reports, analytic) = try classifierGradientReports(model, inputs: testValues(B * I, seed: 43, in: (-2, 2)),
                                                                targets: [0, 2, 1, 2], batch: B)
        for report in reports { #expect(report.passed, "\(report)") }
        let assess = try model.parameters.entry(named: "router.assess.weight")
        #expect(analytic[assess.range].contains { $0 != 0 }, "the self-assessment heads get gradient")
    }

    @Test("the self-assessed gate blends 0.6 router and 0.4 confidence, and skips an expert at capacity")
    func selfAssessedChoice() throws {
        // D = 1, E = 2, k = 1; router logits 0 (p = ½ each); confidence heads a_0 = +2x, a_1 = −2x
        let gate = SelfAssessedGate(inputSize: 1, experts: 2, topK: 1, capacityFactor: 1, maxBatch: 4)
        let table = ParameterTable([(name: "router.weight", shape: [2, 1]), (name: "router.bias", shape: [2]),
                                    (name: "router.assess.weight", shape: [2, 1]), (name: "router.assess.bias", shape: [2])])
        try gate.bind(to: table)
        table.values.update(repeating: 0)
        let assess = try table.entry(named: "router.assess.weight")
        table.values[assess.range.lowerBound] = 2
        table.values[assess.range.lowerBound + 1] = -2
        var g = SplitMix64(seed: 1)
        // one row x = 1: s_0 = 0.3 + 0.4·σ(2) > s_1 = 0.3 + 0.4·σ(−2) → expert 0
        [Float(1)].withUnsafeBufferPointer { gate.forward(inputs: $0, batch: 1, training: false, generator: &g) }
        #expect(gate.decision.indices[0] == 0)
        // four rows x = 1, capacity ⌈1·4·1/2⌉ = 2: rows 0 and 1 go to expert 0, then it is full
        [Float](repeating: 1, count: 4).withUnsafeBufferPointer { gate.forward(inputs: $0, batch: 4, training: false, generator: &g) }
        #expect(Array(gate.decision.indices.prefix(4)) == [0, 0, 1, 1])
        // outcomes: BCE of the chosen heads, mean over rows; right on rows 0 and 2
        let loss = [true, false, true, false].withUnsafeBufferPointer { gate.recordOutcomes(correct: $0) }
        let c0 = 1 / (1 + exp(Float(-2))), c1 = 1 / (1 + exp(Float(2)))
        let expected = (-log(c0) - log(1 - c0) - log(c1) - log(1 - c1)) / 4
        #expect(abs(loss - expected) < 1e-5)
    }
}
