import TestSupport
import Testing
import NN

@Suite("Linear")
struct LinearTests {
    @Test("forward computes inp · Wᵀ + b on a hand-worked example")
    func forwardByHand() {
        // inp = [[1, 2, 3], [4, 5, 6]], W = [[1, 0, -1], [0.5, 0.5, 0.5]], b = [10, -1]
        // out[0] = [1 − 3 + 10, 3 − 1] = [8, 2];  out[1] = [4 − 6 + 10, 7.5 − 1] = [8, 6.5]
        let inp = makeBuffer([1, 2, 3, 4, 5, 6]), weight = makeBuffer([1, 0, -1, 0.5, 0.5, 0.5])
        let bias = makeBuffer([10, -1]), out = makeBuffer([.nan, .nan, .nan, .nan])
        defer { [inp, weight, bias, out].forEach { $0.deallocate() } }
        linearForward(out: out, inp: inp.readOnly, weight: weight.readOnly, bias: bias.readOnly, B: 2, C: 3, OC: 2)
        #expect(Array(out) == [8, 2, 8, 6.5])
        linearForward(out: out, inp: inp.readOnly, weight: weight.readOnly, bias: nil, B: 2, C: 3, OC: 2)
        #expect(Array(out) == [-2, 3, -2, 7.5])
    }

    @Test("one row (the sgemv path) gives the hand-worked row and agrees with the batched sgemm path to 1e-6 of Σ|x·w|")
    func singleRow() {
        let inp = makeBuffer([4, 5, 6]), weight = makeBuffer([1, 0, -1, 0.5, 0.5, 0.5])
        let bias = makeBuffer([10, -1]), out = makeBuffer([.nan, .nan])
        defer { [inp, weight, bias, out].forEach { $0.deallocate() } }
        linearForward(out: out, inp: inp.readOnly, weight: weight.readOnly, bias: bias.readOnly, B: 1, C: 3, OC: 2)
        #expect(Array(out) == [8, 6.5])
        // A wide layer: row 0 alone (sgemv) against the same row inside a batch of 3 (sgemm).
        let C = 784, OC = 64
        let x = makeBuffer(testValues(3 * C, seed: 5)), w = makeBuffer(testValues(OC * C, seed: 6))
        let one = makeBuffer(zeros: OC), three = makeBuffer(zeros: 3 * OC)
        defer { [x, w, one, three].forEach { $0.deallocate() } }
        linearForward(out: one, inp: UnsafeBufferPointer(rebasing: x.readOnly[0..<C]), weight: w.readOnly, bias: nil, B: 1, C: C, OC: OC)
        linearForward(out: three, inp: x.readOnly, weight: w.readOnly, bias: nil, B: 3, C: C, OC: OC)
        // Two summation orders of a 784-term dot product: bounded by a few ulps of Σ|x·w|.
        for o in 0..<OC {
            let magnitude = (0..<C).reduce(Float(0)) { $0 + abs(x[$1] * w[o * C + $1]) }
            #expect(abs(one[o] - three[o]) <= 1e-6 * magnitude, "output \(o): \(one[o]) vs \(three[o])")
        }
    }

    @Test("backward adds dout·W, doutᵀ·inp and Σ_b dout into existing gradients")
    func backwardByHand() {
        // dout = [[1, 0], [0, 2]]
        // dinp    = dout · W    = [[1, 0, -1], [1, 1, 1]]
        // dweight = doutᵀ · inp = [[1, 2, 3], [8, 10, 12]]
        // dbias   = [1, 2];  every gradient starts at 1 to show backward adds.
        let inp = makeBuffer([1, 2, 3, 4, 5, 6]), weight = makeBuffer([1, 0, -1, 0.5, 0.5, 0.5])
        let dout = makeBuffer([1, 0, 0, 2])
        let dinp = makeBuffer([Float](repeating: 1, count: 6)), dweight = makeBuffer([Float](repeating: 1, count: 6))
        let dbias = makeBuffer([1, 1])
        defer { [inp, weight, dout, dinp, dweight, dbias].forEach { $0.deallocate() } }
        linearBackward(dinp: dinp, dweight: dweight, dbias: dbias, dout: dout.readOnly, inp: inp.readOnly,
                       weight: weight.readOnly, B: 2, C: 3, OC: 2)
        #expect(Array(dinp) == [2, 1, 0, 2, 2, 2])
        #expect(Array(dweight) == [2, 3, 4, 9, 11, 13])
        #expect(Array(dbias) == [2, 3])
    }

    @Test("finite differences agree with backward for weight, bias and input; a wrong gradient is flagged")
    func gradientCheck() {
        let B = 3, C = 5, OC = 4
        let inp = makeBuffer(testValues(B * C, seed: 11)), weight = makeBuffer(testValues(OC * C, seed: 12))
        let bias = makeBuffer(testValues(OC, seed: 13)), out = makeBuffer(zeros: B * OC)
        let projection = testValues(B * OC, seed: 14)  // loss = Σ out · projection, so dout = projection
        let dout = makeBuffer(projection)
        let dinp = makeBuffer(zeros: B * C), dweight = makeBuffer(zeros: OC * C), dbias = makeBuffer(zeros: OC)
        defer { [inp, weight, bias, out, dout, dinp, dweight, dbias].forEach { $0.deallocate() } }
        func loss() -> Double {
            linearForward(out: out, inp: inp.readOnly, weight: weight.readOnly, bias: bias.readOnly, B: B, C: C, OC: OC)
            return projectedLoss(out, projection)
        }
        linearBackward(dinp: dinp, dweight: dweight, dbias: dbias, dout: dout.readOnly, inp: inp.readOnly,
                       weight: weight.readOnly, B: B, C: C, OC: OC)
        let checker = GradientCheck()
        for (name, values, grads) in [("weight", weight, dweight), ("bias", bias, dbias), ("inp", inp, dinp)] {
            let report = checker.check(name, values: values, analytic: grads.readOnly, loss: loss)
            #expect(report.passed, "\(report)")
            #expect(report.checkedCount == values.count)
        }

        dweight[7] += 0.5
        let broken = checker.check("weight", values: weight, analytic: dweight.readOnly, loss: loss)
        #expect(broken.failures.map(\.index) == [7])
        #expect(broken.failures.first?.description.hasPrefix("weight[7]: analytic") == true)
    }
}
