import Tensor
import TestSupport
import Testing
import NN
import Spiking
@testable import MoE

/// Forward with a fresh copy of the same generator state, loss = Σ r·p (+ the noisy gate's
/// balancing losses), backward, then finite differences over every parameter and the input.
private func routerReports(_ router: any Router, B: Int, seed: UInt64, parameterScale: Float, inputRange: (Float, Float),
                           training: Bool, balancing: (importance: Float, load: Float)? = nil,
                           checker: GradientCheck) -> (reports: [GradientCheckReport], analytic: [Float], dx: [Float]) {
    let D = router.inputSize, E = router.experts
    let table = makeTable(seed: seed, scale: parameterScale) { router.declareParameters(into: &$0) }
    try? router.bind(to: table)
    let x = makeBuffer(testValues(B * D, seed: seed + 1, in: inputRange))
    defer { x.deallocate() }
    let r = testValues(B * E, seed: seed + 2, in: (-1, 1))
    func loss() -> Double {
        var g = SplitMix64(seed: seed + 3)
        router.forward(inputs: x.readOnly, batch: B, training: training, generator: &g)
        var total = projected(router.decision.probabilities, r)
        if let balancing, let gate = router as? NoisyTopKGate {
            total += Double(gate.importanceAndLoadLoss(importanceWeight: balancing.importance, loadWeight: balancing.load))
        }
        return total
    }
    _ = loss()
    table.zeroGrads()
    let dp = makeBuffer(r), dx = makeBuffer(zeros: B * D)
    defer { dp.deallocate(); dx.deallocate() }
    if let balancing, let gate = router as? NoisyTopKGate {
        gate.importanceAndLoadBackward(dprobabilities: dp, importanceWeight: balancing.importance, loadWeight: balancing.load)
    }
    router.backward(dinputs: dx, dprobabilities: dp.readOnly, inputs: x.readOnly, batch: B)
    let analytic = Array(table.grads), dxAnalytic = Array(dx)
    return (checkAll(table, analytic: analytic, x: x, dx: dxAnalytic, checker: checker, loss: loss), analytic, dxAnalytic)
}

@Suite("Router gradients")
struct RouterGradientTests {
    @Test("softmax gate (τ = 0.5): parameters and input agree with finite differences")
    func softmaxGate() {
        let gate = SoftmaxGate(inputSize: 5, experts: 4, topK: 2, temperature: 0.5, maxBatch: 3)
        let result = routerReports(gate, B: 3, seed: 10, parameterScale: 0.5, inputRange: (-1, 1), training: true,
                                   checker: GradientCheck(epsilon: 1e-3))
        for report in result.reports { #expect(report.passed, "\(report)") }
        #expect(result.analytic.contains { $0 != 0 } && result.dx.contains { $0 != 0 })
    }

    @Test("noisy top-k gate with fixed noise, incl. importance and load losses, agrees with finite differences")
    func noisyTopKGate() {
        let gate = NoisyTopKGate(inputSize: 5, experts: 4, topK: 2, maxBatch: 6)
        let result = routerReports(gate, B: 6, seed: 20, parameterScale: 0.6, inputRange: (-1, 1), training: true,
                                   balancing: (importance: 0.5, load: 0.7),
                                   checker: GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2))
        for report in result.reports { #expect(report.passed, "\(report)") }
        // W_noise gets gradient only through the noise and the load loss: nonzero proves both paths run
        let noiseEntry = 5 * 4
        #expect(result.analytic[noiseEntry...].contains { $0 != 0 })
        // G is zero outside the top k and sums to 1 on it
        let p = Array(gate.decision.probabilities.prefix(4))
        #expect(p.filter { $0 == 0 }.count == 2 && abs(p.reduce(0, +) - 1) < 1e-6)
    }

    @Test("noisy gate: only the load loss's gradient, alone, also agrees (threshold path included)")
    func noisyLoadOnly() {
        let gate = NoisyTopKGate(inputSize: 4, experts: 5, topK: 1, maxBatch: 8)
        let result = routerReports(gate, B: 8, seed: 30, parameterScale: 0.8, inputRange: (-1, 1), training: true,
                                   balancing: (importance: 0, load: 1),
                                   checker: GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2))
        for report in result.reports { #expect(report.passed, "\(report)") }
    }

    @Test("spiking gate over T = 4 steps in smooth mode agrees with finite differences",
          arguments: [SurrogateGradient.arctan(alpha: 2), .fastSigmoid(slope: 25)])
    func spikingGate(surrogate: SurrogateGradient) {
        let gate = SpikingGate(inputSize: 5, experts: 3, topK: 1, population: 2, timeSteps: 4,
                               parameters: LIFParameters(beta: 0.8, threshold: 1, reset: .subtract, surrogate: surrogate),
                               temperature: 2, maxBatch: 3)
        gate.smoothSpikes = true
        gate.logitBias[1] = 0.3
        let result = routerReports(gate, B: 3, seed: 40, parameterScale: 0.6, inputRange: (0, 1.5), training: true,
                                   checker: GradientCheck(epsilon: 1e-3, absoluteTolerance: 1e-3, relativeTolerance: 2e-2))
        for report in result.reports { #expect(report.passed, "\(report)") }
        #expect(result.analytic.contains { $0 != 0 })
    }

    @Test("spiking gate in hard mode: logits are integer spike counts (+ bias), ties go to the larger final membrane")
    func spikingCounts() throws {
        // One input, two experts, one neuron each, T = 3, β = 1, θ = 1: currents 0.6 and 0.7 spike
        // at the same step (U = 1.2 and 1.4 at t = 1), so counts tie and expert 1 (higher U) wins.
        let gate = SpikingGate(inputSize: 1, experts: 2, topK: 1, population: 1, timeSteps: 3,
                               parameters: LIFParameters(beta: 1, threshold: 1, reset: .subtract), maxBatch: 1)
        let table = ParameterTable([(name: "router.input.weight", shape: [2, 1]), (name: "router.input.bias", shape: [2])])
        try gate.bind(to: table)
        table.values[0] = 0.6; table.values[1] = 0.7
        let x = makeBuffer([1])
        defer { x.deallocate() }
        var g = SplitMix64(seed: 1)
        gate.forward(inputs: x.readOnly, batch: 1, training: false, generator: &g)
        let counts = try #require(gate.decision.spikeCounts)
        // U: 0.6, 1.2 (spike), 1.8−1 = 0.8  |  0.7, 1.4 (spike), 2.1−1 = 1.1 (spike)
        #expect(counts[0] == 1 && counts[1] == 2)
        #expect(gate.decision.indices[0] == 1)
        table.values[1] = 0.65   // U: 0.65, 1.3 (spike), 0.95: one spike each, final U 0.8 < 0.95
        gate.forward(inputs: x.readOnly, batch: 1, training: false, generator: &g)
        #expect(counts[0] == 1 && counts[1] == 1)
        #expect(gate.decision.indices[0] == 1)
        #expect(abs(gate.decision.probabilities[0] - 0.5) < 1e-6)
    }

    @Test("hash routing is a pure function of the input bytes; random routing picks k distinct experts")
    func fixedRouters() {
        let hash = HashRouter(inputSize: 3, experts: 5, topK: 2, maxBatch: 2)
        let x = makeBuffer([0.5, -1, 2, 0.5, -1, 2])   // two identical rows
        defer { x.deallocate() }
        var g = SplitMix64(seed: 2)
        hash.forward(inputs: x.readOnly, batch: 2, training: true, generator: &g)
        let expected = Int(HashRouter.inputHash(UnsafeBufferPointer(rebasing: x.readOnly[0..<3])) % 5)
        #expect(Array(hash.decision.indices.prefix(4)) == [Int32(expected), Int32((expected + 1) % 5), Int32(expected), Int32((expected + 1) % 5)])
        #expect(Array(hash.decision.weights.prefix(2)) == [0.5, 0.5])

        let random = RandomRouter(inputSize: 3, experts: 4, topK: 3, maxBatch: 2)
        var seen = Set<Int32>()
        for _ in 0..<20 {
            random.forward(inputs: x.readOnly, batch: 2, training: false, generator: &g)
            let row = Array(random.decision.indices.prefix(3))
            #expect(Set(row).count == 3 && row.allSatisfy { (0..<4).contains($0) })
            seen.formUnion(row)
        }
        #expect(seen.count == 4)

        let dense = DenseReferenceRouter(inputSize: 3, experts: 4, maxBatch: 2)
        dense.forward(inputs: x.readOnly, batch: 2, training: true, generator: &g)
        #expect(Array(dense.decision.weights.prefix(4)) == [0.25, 0.25, 0.25, 0.25])
    }

    @Test("standard normals from Box–Muller have mean ≈ 0 and variance ≈ 1")
    func normals() {
        var g = SplitMix64(seed: 5)
        var sum = 0.0, squares = 0.0
        for _ in 0..<20_000 { let z = Double(g.standardNormalBoxMuller()); sum += z; squares += z * z }
        #expect(abs(sum / 20_000) < 0.03 && abs(squares / 20_000 - 1) < 0.05)
    }
}
