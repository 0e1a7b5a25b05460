import TestSupport
import Testing
import NN
@testable import MoE

/// A bound, initialised layer for `config` with its own table.
private func makeLayer(_ config: MoEConfig, maxBatch: Int, seed: UInt64) throws -> (MoELayer, ParameterTable) {
    let layer = try config.makeLayer(maxBatch: maxBatch)
    var list: [(name: String, shape: [Int])] = []
    layer.declareParameters(into: &list)
    let table = ParameterTable(list)
    try layer.bind(to: table)
    var g = SplitMix64(seed: seed)
    layer.initializeParameters(using: &g)
    return (layer, table)
}

private let small = MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertHidden: 5,
                              loadBalancing: .switchTransformer(alpha: 0.3))

@Suite("MoE layer")
struct MoELayerTests {
    @Test("the sparse layer gives the same outputs and gradients with its experts on one thread and on two", arguments: [
        MoEConfig(router: .softmax, experts: 4, topK: 2, modelWidth: 6, expertHidden: 5, loadBalancing: .switchTransformer(alpha: 0.3)),
        MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertKind: .conv1d, convolutionChannels: 3),
        // experts large enough for OpenBLAS's blocked sgemm path (not only its small-matrix kernel)
        MoEConfig(router: .softmax, experts: 4, topK: 2, modelWidth: 96, expertHidden: 128, loadBalancing: .switchTransformer(alpha: 0.3)),
    ])
    func threadCountsAgree(config: MoEConfig) throws {
        // B·k = 160 assignments: above the count from which the experts run in parallel
        let B = 80, D = config.modelWidth
        func run(threads: Int) throws -> (y: [Float], dx: [Float], grads: [Float]) {
            let (layer, table) = try makeLayer(config, maxBatch: B, seed: 7)
            layer.threadCount = threads
            let x = makeBuffer(testValues(B * D, seed: 8, in: (-1, 1))), y = makeBuffer(zeros: B * D)
            let dy = makeBuffer(testValues(B * D, seed: 9)), dx = makeBuffer(zeros: B * D)
            defer { [x, y, dy, dx].forEach { $0.deallocate() } }
            var g = SplitMix64(seed: 11)
            try layer.forward(out: y, inp: x.readOnly, B: B, training: true, generator: &g)
            table.zeroGrads()
            try layer.backward(dinp: dx, dout: dy.readOnly, inp: x.readOnly, B: B)
            return (Array(y), Array(dx), Array(table.grads))
        }
        let one = try run(threads: 1), two = try run(threads: 2)
        #expect(one.y == two.y)
        #expect(one.dx == two.dx)
        #expect(one.grads == two.grads)
        #expect(one.grads.contains { $0 != 0 } && one.y.contains { $0 != 0 })
    }

    @Test("finite differences of Σ r·y + balancing loss agree with backward", arguments: [
        small,
        MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertHidden: 5, dispatch: .dense, loadBalancing: .variance(coefficient: 2)),
        MoEConfig(router: .softmax, experts: 3, topK: 1, modelWidth: 6, expertHidden: 5, renormalizeWeights: false),
        MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertHidden: 5, routedLearning: false),
        MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertHidden: 5, capacityFactor: 0.7),
        MoEConfig(router: .softmax, experts: 3, topK: 2, modelWidth: 6, expertKind: .conv1d, convolutionChannels: 3),
        MoEConfig(router: .noisyTopK, experts: 4, topK: 2, modelWidth: 6, expertHidden: 5,
                  loadBalancing: .importanceAndLoad(importance: 0.2, load: 0.2)),
        MoEConfig(router: .hash, experts: 3, topK: 2, modelWidth: 6, expertHidden: 5, loadBalancing: .none),
    ])
    func gradientCheck(config: MoEConfig) throws {
        let B = 5
        let (layer, table) = try makeLayer(config, maxBatch: B, seed: 7)
        // the noisy gate starts at zero; give it something to differentiate
        if config.router == .noisyTopK { _ = table.values.update(fromContentsOf: testValues(table.count, seed: 70, in: (-0.5, 0.5))) }
        let x = makeBuffer(testValues(B * 6, seed: 8, in: (-1, 1)))
        let y = makeBuffer(zeros: B * 6)
        defer { x.deallocate(); y.deallocate() }
        let r = testValues(B * 6, seed: 9)
        func loss() -> Double {
            var g = SplitMix64(seed: 11)
            let aux = (try? layer.forward(out: y, inp: x.readOnly, B: B, training: true, generator: &g)) ?? .nan
            return projected(y, r) + Double(aux)
        }
        _ = loss()
        table.zeroGrads()
        let dy = makeBuffer(r), dx = makeBuffer(zeros: B * 6)
        defer { dy.deallocate(); dx.deallocate() }
        try layer.backward(dinp: dx, dout: dy.readOnly, inp: x.readOnly, B: B)
        let analytic = Array(table.grads), dxAnalytic = Array(dx)
        let checker = GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2)
        // any change to x changes its hash, hence the hash router's choice: x is not differentiable there
        let checkedInput = config.router == .hash ? nil : x
        for report in checkAll(table, analytic: analytic, x: checkedInput, dx: dxAnalytic, checker: checker, loss: loss) {
            #expect(report.passed, "\(config.router) \(config.expertKind): \(report)")
        }
        #expect(dxAnalytic.contains { $0 != 0 })
    }

    @Test("dense and sparse dispatch give the same outputs and gradients", arguments: [nil, Float(0.8)])
    func denseEqualsSparse(capacity: Float?) throws {
        let B = 16
        var config = MoEConfig(router: .softmax, experts: 4, topK: 2, modelWidth: 8, expertHidden: 6, capacityFactor: capacity)
        config.dispatch = .dense
        let (dense, denseTable) = try makeLayer(config, maxBatch: B, seed: 3)
        config.dispatch = .sparse
        let (sparse, sparseTable) = try makeLayer(config, maxBatch: B, seed: 3)
        let x = makeBuffer(testValues(B * 8, seed: 4)), dy = makeBuffer(testValues(B * 8, seed: 5))
        let y1 = makeBuffer(zeros: B * 8), y2 = makeBuffer(zeros: B * 8), dx1 = makeBuffer(zeros: B * 8), dx2 = makeBuffer(zeros: B * 8)
        defer { for b in [x, dy, y1, y2, dx1, dx2] { b.deallocate() } }
        var g1 = SplitMix64(seed: 6), g2 = SplitMix64(seed: 6)
        try dense.forward(out: y1, inp: x.readOnly, B: B, training: true, generator: &g1)
        try sparse.forward(out: y2, inp: x.readOnly, B: B, training: true, generator: &g2)
        try dense.backward(dinp: dx1, dout: dy.readOnly, inp: x.readOnly, B: B)
        try sparse.backward(dinp: dx2, dout: dy.readOnly, inp: x.readOnly, B: B)
        func maxDifference(_ a: UnsafeMutableBufferPointer<Float>, _ b: UnsafeMutableBufferPointer<Float>) -> Float {
            zip(a, b).map { abs($0 - $1) }.max() ?? .nan
        }
        #expect(maxDifference(y1, y2) <= 1e-6)
        #expect(maxDifference(dx1, dx2) <= 1e-6)
        #expect(maxDifference(denseTable.grads, sparseTable.grads) <= 1e-6)
        #expect(dense.droppedAssignments == sparse.droppedAssignments)
        if capacity != nil { #expect(sparse.droppedAssignments > 0) }
    }

    @Test("capacity ⌈0.5·4·1/2⌉ = 1: with all four rows choosing expert 0, rows 1-3 are dropped in batch order")
    func capacityDropping() throws {
        #expect(MoELayer.capacity(factor: 0.5, batch: 4, experts: 2, topK: 1) == 1)
        #expect(MoELayer.capacity(factor: 1.25, batch: 8, experts: 4, topK: 2) == 5)
        let config = MoEConfig(router: .softmax, experts: 2, topK: 1, modelWidth: 3, expertHidden: 4, capacityFactor: 0.5,
                               loadBalancing: .none)
        let (layer, table) = try makeLayer(config, maxBatch: 4, seed: 1)
        // router: weight 0, bias (5, 0): every row picks expert 0
        let bias = try table.entry(named: "router.bias"), weight = try table.entry(named: "router.weight")
        table.values[weight.range].update(repeating: 0)
        table.values[bias.offset] = 5
        table.values[bias.offset + 1] = 0
        let x = makeBuffer(testValues(12, seed: 2)), y = makeBuffer(zeros: 12)
        defer { x.deallocate(); y.deallocate() }
        var g = SplitMix64(seed: 0)
        try layer.forward(out: y, inp: x.readOnly, B: 4, training: false, generator: &g)
        #expect(Array(layer.decision.indices.prefix(4)) == [0, 0, 0, 0])
        #expect(layer.droppedAssignments == 3)
        #expect(layer.assignmentCounts == [1, 0])
        #expect(y[0..<3].contains { $0 != 0 })
        #expect(Array(y[3..<12]) == [Float](repeating: 0, count: 9))
    }

    @Test("routed learning gives zero gradient to experts no row chose; soft mixture gives every expert gradient")
    func routedLearning() throws {
        var config = MoEConfig(router: .softmax, experts: 3, topK: 1, modelWidth: 4, expertHidden: 3, loadBalancing: .none)
        for routed in [true, false] {
            config.routedLearning = routed
            let (layer, table) = try makeLayer(config, maxBatch: 4, seed: 5)
            let weight = try table.entry(named: "router.weight"), bias = try table.entry(named: "router.bias")
            table.values[weight.range].update(repeating: 0)
            table.values[bias.offset + 1] = 3   // every row → expert 1
            let x = makeBuffer(testValues(16, seed: 6)), y = makeBuffer(zeros: 16), dy = makeBuffer(testValues(16, seed: 7))
            defer { x.deallocate(); y.deallocate(); dy.deallocate() }
            var g = SplitMix64(seed: 0)
            try layer.forward(out: y, inp: x.readOnly, B: 4, training: true, generator: &g)
            table.zeroGrads()
            try layer.backward(dinp: nil, dout: dy.readOnly, inp: x.readOnly, B: 4)
            for e in 0..<3 {
                let gradient = table.grads[try table.entry(named: "experts.\(e).fc2.bias").range]
                let hasGradient = gradient.contains { $0 != 0 }
                #expect(hasGradient == (!routed || e == 1), "routed \(routed), expert \(e)")
            }
        }
    }
}
