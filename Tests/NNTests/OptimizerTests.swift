import TestSupport
import Testing
@testable import NN
import CKernels
#if canImport(Glibc)
import Glibc
#endif

/// Runs `optimizer` for one step per gradient vector in `gradientSteps`, starting from `start`.
private func run(_ optimizer: inout some Optimizer, from start: [Float], gradientSteps: [[Float]]) -> [Float] {
    var values = start
    for grads in gradientSteps {
        values.withUnsafeMutableBufferPointer { v in
            grads.withUnsafeBufferPointer { g in optimizer.step(values: v, grads: g) }
        }
    }
    return values
}

private func expectClose(_ actual: [Float], _ expected: [Double], tolerance: Double = 1e-6,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(abs(Double(a) - e) <= tolerance, "value[\(i)] = \(a), expected \(e)", sourceLocation: sourceLocation)
    }
}

@Suite("Optimizers")
struct OptimizerTests {
    @Test("plain SGD subtracts learningRate · grad")
    func plainSGD() {
        // p = [3, −1], g = [1, 2], lr 0.5 → [3 − 0.5, −1 − 1] = [2.5, −2]
        var sgd = SGD(learningRate: 0.5)
        #expect(run(&sgd, from: [3, -1], gradientSteps: [[1, 2]]) == [2.5, -2])
        #expect(sgd.momentumBuffer.isEmpty)
    }

    @Test("SGD with momentum and weight decay matches two hand-computed PyTorch steps")
    func momentumSGD() {
        // lr 0.1, μ 0.9, wd 0.01, p₀ = [1, −2]
        // step 1, grad [0.5, 1]:  g = [0.51, 0.98];  buf = g;  p = [0.949, −2.098]
        // step 2, grad [−1, 0.5]: g = [−1 + 0.00949, 0.5 − 0.02098] = [−0.99051, 0.47902]
        //   buf = 0.9·[0.51, 0.98] + g = [−0.53151, 1.36102];  p = [0.949 + 0.053151, −2.098 − 0.136102]
        var sgd = SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        let p = run(&sgd, from: [1, -2], gradientSteps: [[0.5, 1], [-1, 0.5]])
        expectClose(p, [1.002151, -2.234102])
        expectClose(sgd.momentumBuffer, [-0.53151, 1.36102])
    }

    @Test("Adam's vectorised update gives the scalar reference update's bits (AdamW and L2 both), tail included")
    func adamVectorMatchesReference() {
        for decoupled in [false, true] {
            let n = 1_003
            let start = testValues(n, seed: 21, in: (-2, 2)), grads = makeBuffer(testValues(n, seed: 22))
            let fast = makeBuffer(start), reference = makeBuffer(start)
            let m = makeBuffer(zeros: n), v = makeBuffer(zeros: n)
            defer { [grads, fast, reference, m, v].forEach { $0.deallocate() } }
            var adam = Adam(learningRate: 0.01, weightDecay: 0.1, decoupled: decoupled)
            for step in 1...3 {
                adam.step(values: fast, grads: grads.readOnly)
                let t = Double(step)
                let c = AdamConstants(b1: 0.9, b2: 0.999, eps: 1e-8, l2: decoupled ? 0 : 0.1, shrink: decoupled ? 1 - 0.01 * 0.1 : 1,
                                      stepSize: Float(Double(Float(0.01)) / (1 - pow(Double(Float(0.9)), t))),
                                      bc2Sqrt: Float((1 - pow(Double(Float(0.999)), t)).squareRoot()))
                adamUpdateReference(values: reference, grads: grads.readOnly, m: m, v: v, c)
                #expect(Array(fast) == Array(reference), "step \(step), decoupled \(decoupled)")
            }
        }
    }

    @Test("Adam's update gives the same bits on one and on two threads, over several chunks and a tail")
    func adamThreadCountsAgree() {
        let n = 3 * 16_384 + 1_003
        let start = testValues(n, seed: 23, in: (-2, 2)), grads = makeBuffer(testValues(n, seed: 24))
        let one = makeBuffer(start), two = makeBuffer(start)
        defer { [grads, one, two].forEach { $0.deallocate() } }
        var serial = Adam(learningRate: 0.01, weightDecay: 0.1, decoupled: true), parallel = serial
        serial.threadCount = 1
        parallel.threadCount = 2
        for step in 1...3 {
            serial.step(values: one, grads: grads.readOnly)
            parallel.step(values: two, grads: grads.readOnly)
            #expect(Array(one) == Array(two), "step \(step)")
        }
        #expect(serial.secondMoment == parallel.secondMoment)
        #expect(Array(one) != start, "the step moved the parameters")
    }

    @Test("Adam's Swift lanes and its AVX2 kernel each give the scalar reference's bits (AdamW and L2, tail included)")
    func adamKernelsMatchReference() {
        let n = 1_003
        let start = testValues(n, seed: 25, in: (-2, 2)), grads = makeBuffer(testValues(n, seed: 26))
        defer { grads.deallocate() }
        typealias Kernel = (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>, AdamConstants) -> Void
        var kernels: [(name: String, run: Kernel)] = [("swift lanes", { p, m, v, c in adamUpdateSwift(0..<n, p, grads.readOnly, m, v, c) })]
        if biomoe_cpu_has_avx2() {
            kernels.append(("avx2", { p, m, v, c in
                biomoe_adam_update_avx2(p.baseAddress!, grads.baseAddress!, m.baseAddress!, v.baseAddress!, n,
                                        c.b1, c.b2, c.eps, c.l2, c.shrink, c.stepSize, c.bc2Sqrt)
            }))
        }
        for kernel in kernels {
            for (l2, shrink) in [(Float(0.1), Float(1)), (0, 1 - 0.01 * 0.1)] {
                let fast = makeBuffer(start), reference = makeBuffer(start)
                let mf = makeBuffer(zeros: n), vf = makeBuffer(zeros: n), mr = makeBuffer(zeros: n), vr = makeBuffer(zeros: n)
                defer { [fast, reference, mf, vf, mr, vr].forEach { $0.deallocate() } }
                for step in 1...3 {
                    let c = AdamConstants(b1: 0.9, b2: 0.999, eps: 1e-8, l2: l2, shrink: shrink,
                                          stepSize: 0.01 / Float(1 - pow(0.9, Double(step))),
                                          bc2Sqrt: Float((1 - pow(0.999, Double(step))).squareRoot()))
                    kernel.run(fast, mf, vf, c)
                    adamUpdateReference(values: reference, grads: grads.readOnly, m: mr, v: vr, c)
                    #expect(Array(fast) == Array(reference), "\(kernel.name), l2 \(l2), step \(step)")
                    #expect(Array(vf) == Array(vr), "\(kernel.name), l2 \(l2), step \(step)")
                }
            }
        }
    }

    @Test("Adam matches two hand-computed PyTorch steps")
    func adam() {
        // lr 0.1, β 0.9/0.999, ε 1e-8, p₀ = 1, grads 2 then −1.
        // step 1: m = 0.2, v = 0.004; p −= (0.1/0.1)·0.2 / (√0.004/√0.001 + ε) = 0.1 → 0.9
        // step 2: m = 0.18 − 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996
        //   p −= (0.1/0.19)·0.08 / √(0.004996/0.001999) = 0.0266337 → 0.8733663
        var adam = Adam(learningRate: 0.1)
        expectClose(run(&adam, from: [1], gradientSteps: [[2]]), [0.9])
        adam = Adam(learningRate: 0.1)
        expectClose(run(&adam, from: [1], gradientSteps: [[2], [-1]]), [0.8733663])
        #expect(adam.stepCount == 2)
        expectClose(adam.firstMoment, [0.08])
        expectClose(adam.secondMoment, [0.004996])
    }

    @Test("Adam's weight decay is an L2 term in the gradient")
    func adamL2() {
        // wd 0.1. step 1: g = 2 + 0.1 = 2.1, m = 0.21, v = 0.00441; update = (0.21/0.1)/√4.41 · 0.1 = 0.1 → 0.9
        // step 2: g = −1 + 0.09 = −0.91, m = 0.189 − 0.091 = 0.098, v = 0.00440559 + 0.0008281 = 0.00523369
        //   p −= (0.1/0.19)·0.098 / √(0.00523369/0.001999) → 0.8681232
        var adam = Adam(learningRate: 0.1, weightDecay: 0.1)
        expectClose(run(&adam, from: [1], gradientSteps: [[2], [-1]]), [0.8681232])
    }

    @Test("AdamW decays the weights directly, before the Adam update")
    func adamW() {
        // wd 0.1. step 1: p = 1·(1 − 0.01) = 0.99, then the plain Adam update 0.1 → 0.89
        // step 2: p = 0.89·0.99 = 0.8811, minus the plain Adam update 0.0266337 → 0.8544663
        var adamW = Adam(learningRate: 0.1, weightDecay: 0.1, decoupled: true)
        expectClose(run(&adamW, from: [1], gradientSteps: [[2]]), [0.89])
        adamW = Adam(learningRate: 0.1, weightDecay: 0.1, decoupled: true)
        expectClose(run(&adamW, from: [1], gradientSteps: [[2], [-1]]), [0.8544663])
    }

    @Test("an optimizer steps a ParameterTable over all of its values")
    func stepsTable() {
        let table = ParameterTable([(name: "a", shape: [2]), (name: "b", shape: [1])])
        _ = table.values.update(fromContentsOf: [1, 2, 3])
        _ = table.grads.update(fromContentsOf: [1, 1, -2])
        var sgd = SGD(learningRate: 0.5)
        sgd.step(table)
        #expect(Array(table.values) == [0.5, 1.5, 4])
    }

    @Test("Adam over ranges moves only those parameters and their moments, and gives the full step's bits inside them")
    func adamRanges() {
        let start = testValues(37, seed: 5), grads = testValues(37, seed: 6)
        var full = Adam(learningRate: 0.01), ranged = Adam(learningRate: 0.01)
        var a = start, b = start
        for _ in 0..<3 {
            a.withUnsafeMutableBufferPointer { v in grads.withUnsafeBufferPointer { full.step(values: v, grads: $0) } }
            b.withUnsafeMutableBufferPointer { v in grads.withUnsafeBufferPointer { ranged.step(values: v, grads: $0, updating: [0..<5, 9..<30]) } }
        }
        for i in 0..<37 {
            let inside = (0..<5).contains(i) || (9..<30).contains(i)
            #expect(b[i] == (inside ? a[i] : start[i]), "element \(i)")
            #expect(ranged.firstMoment[i] == (inside ? full.firstMoment[i] : 0))
        }
    }
}
