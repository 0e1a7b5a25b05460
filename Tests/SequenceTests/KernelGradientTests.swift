import TestSupport
import Testing
import NN
@testable import Sequence

@Suite("Sequence kernels")
struct KernelGradientTests {
    @Test("causal conv1d matches a hand-worked example and never looks ahead")
    func convByHand() {
        // D = 1, K = 3, w = [1, 2, 3], bias 0.5, inp = [1, 10, 100]
        // out[0] = 0.5 + 3·1 = 3.5;  out[1] = 0.5 + 2·1 + 3·10 = 32.5;  out[2] = 0.5 + 1 + 20 + 300 = 321.5
        let inp = makeBuffer([1, 10, 100]), w = makeBuffer([1, 2, 3]), bias = makeBuffer([0.5]), out = makeBuffer(zeros: 3)
        defer { [inp, w, bias, out].forEach { $0.deallocate() } }
        causalConv1dDepthwiseForward(out: out, inp: inp.readOnlyView, weight: w.readOnlyView, bias: bias.readOnlyView, B: 1, T: 3, D: 1, K: 3)
        #expect(Array(out) == [3.5, 32.5, 321.5])
    }

    @Test("causal conv1d backward agrees with finite differences for input, weight and bias")
    func convGradients() {
        let B = 2, T = 6, D = 3, K = 4
        let inp = makeBuffer(testValues(B * T * D, seed: 1)), w = makeBuffer(testValues(D * K, seed: 2))
        let bias = makeBuffer(testValues(D, seed: 3)), out = makeBuffer(zeros: B * T * D)
        let projection = testValues(B * T * D, seed: 4)
        let dinp = makeBuffer(zeros: B * T * D), dw = makeBuffer(zeros: D * K), dbias = makeBuffer(zeros: D), dout = makeBuffer(projection)
        defer { [inp, w, bias, out, dinp, dw, dbias, dout].forEach { $0.deallocate() } }
        func loss() -> Double {
            causalConv1dDepthwiseForward(out: out, inp: inp.readOnlyView, weight: w.readOnlyView, bias: bias.readOnlyView, B: B, T: T, D: D, K: K)
            return projectedLoss(out, projection)
        }
        causalConv1dDepthwiseBackward(dinp: dinp, dweight: dw, dbias: dbias, dout: dout.readOnlyView, inp: inp.readOnlyView,
                                      weight: w.readOnlyView, B: B, T: T, D: D, K: K)
        for report in expectGradientsMatch([("inp", inp, dinp), ("weight", w, dw), ("bias", bias, dbias)], loss: loss) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("causal conv1d gives the same bits on one thread and two, forward and backward")
    func convThreadCountChangesNoBit() {
        let B = 5, T = 9, D = 16, K = 4
        let inp = makeBuffer(testValues(B * T * D, seed: 11)), w = makeBuffer(testValues(D * K, seed: 12))
        let bias = makeBuffer(testValues(D, seed: 13)), dout = makeBuffer(testValues(B * T * D, seed: 14))
        defer { [inp, w, bias, dout].forEach { $0.deallocate() } }
        func run(threads: Int) -> [[Float]] {
            let out = makeBuffer(zeros: B * T * D), dinp = makeBuffer(zeros: B * T * D), dw = makeBuffer(zeros: D * K), db = makeBuffer(zeros: D)
            defer { [out, dinp, dw, db].forEach { $0.deallocate() } }
            causalConv1dDepthwiseForward(out: out, inp: inp.readOnlyView, weight: w.readOnlyView, bias: bias.readOnlyView,
                                         B: B, T: T, D: D, K: K, threads: threads)
            causalConv1dDepthwiseBackward(dinp: dinp, dweight: dw, dbias: db, dout: dout.readOnlyView, inp: inp.readOnlyView,
                                          weight: w.readOnlyView, B: B, T: T, D: D, K: K, threads: threads)
            return [Array(out), Array(dinp), Array(dw), Array(db)]
        }
        let one = run(threads: 1)
        #expect(one[2].contains { $0 != 0 })
        #expect(one == run(threads: 2))
    }

    /// D = 37: two full registers of sixteen channels and a partial one; T < K − 1 + … covers the
    /// first steps, where the window reaches before t = 0.
    @Test("causal conv1d with AVX-512 gives the Swift loops' bits, forward and backward, partial registers included",
          .enabled(if: VectorInstructions.avx512.isAvailable, "this CPU has no AVX-512"),
          arguments: [(3, 7, 37, 4), (2, 2, 16, 4), (1, 9, 5, 3)])
    func convAVX512MatchesSwift(shape: (Int, Int, Int, Int)) {
        let (B, T, D, K) = shape
        let inp = makeBuffer(testValues(B * T * D, seed: 21)), w = makeBuffer(testValues(D * K, seed: 22))
        let bias = makeBuffer(testValues(D, seed: 23)), dout = makeBuffer(testValues(B * T * D, seed: 24))
        defer { [inp, w, bias, dout].forEach { $0.deallocate() } }
        func run(_ instructions: VectorInstructions) -> [[UInt32]] {
            // Gradients start non-zero to test "adds into".
            let out = makeBuffer(zeros: B * T * D), dinp = makeBuffer(testValues(B * T * D, seed: 25))
            let dw = makeBuffer(testValues(D * K, seed: 26)), db = makeBuffer(testValues(D, seed: 27))
            defer { [out, dinp, dw, db].forEach { $0.deallocate() } }
            causalConv1dDepthwiseForward(out: out, inp: inp.readOnlyView, weight: w.readOnlyView, bias: bias.readOnlyView,
                                         B: B, T: T, D: D, K: K, instructions: instructions)
            causalConv1dDepthwiseBackward(dinp: dinp, dweight: dw, dbias: db, dout: dout.readOnlyView, inp: inp.readOnlyView,
                                          weight: w.readOnlyView, B: B, T: T, D: D, K: K, instructions: instructions)
            return [out, dinp, dw, db].map { $0.map(\.bitPattern) }
        }
        #expect(run(.avx512) == run(.swiftLanes))
    }

    @Test("SiLU, softplus and the SiLU gate backward agree with finite differences")
    func activationGradients() {
        let N = 12
        let inp = makeBuffer(testValues(N, seed: 5, in: (-4, 4))), gate = makeBuffer(testValues(N, seed: 6, in: (-4, 4)))
        let out = makeBuffer(zeros: N), projection = testValues(N, seed: 7), dout = makeBuffer(projection)
        let dinp = makeBuffer(zeros: N), dgate = makeBuffer(zeros: N)
        defer { [inp, gate, out, dout, dinp, dgate].forEach { $0.deallocate() } }
        siluBackward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, N: N)
        let silu = expectGradientsMatch([("silu.inp", inp, dinp)]) {
            siluForward(out: out, inp: inp.readOnlyView, N: N); return projectedLoss(out, projection)
        }
        dinp.update(repeating: 0)
        softplusForward(out: out, inp: inp.readOnlyView, N: N)
        softplusBackward(dinp: dinp, dout: dout.readOnlyView, out: out.readOnlyView, N: N)
        let sp = expectGradientsMatch([("softplus.inp", inp, dinp)]) {
            softplusForward(out: out, inp: inp.readOnlyView, N: N); return projectedLoss(out, projection)
        }
        dinp.update(repeating: 0)
        siluGateBackward(dy: dinp, dz: dgate, dout: dout.readOnlyView, y: inp.readOnlyView, z: gate.readOnlyView, N: N)
        let gated = expectGradientsMatch([("gate.y", inp, dinp), ("gate.z", gate, dgate)]) {
            siluGateForward(out: out, y: inp.readOnlyView, z: gate.readOnlyView, N: N); return projectedLoss(out, projection)
        }
        for report in silu + sp + gated { #expect(report.passed, "\(report)") }
        #expect(softplus(30) == 30)
        #expect(abs(softplus(0) - 0.693_147_2) < 1e-6)
    }

    @Test("RMSNorm normalises to unit RMS and its backward agrees with finite differences")
    func rmsNorm() {
        let R = 3, C = 5
        let inp = makeBuffer(testValues(R * C, seed: 8, in: (-2, 2))), w = makeBuffer(testValues(C, seed: 9, in: (0.5, 1.5)))
        let out = makeBuffer(zeros: R * C), rstd = makeBuffer(zeros: R)
        let projection = testValues(R * C, seed: 10), dout = makeBuffer(projection)
        let dinp = makeBuffer(zeros: R * C), dw = makeBuffer(zeros: C)
        defer { [inp, w, out, rstd, dout, dinp, dw].forEach { $0.deallocate() } }
        // [3, 4] with unit weight: rms = √12.5, out = [3, 4]/√(12.5 + 1e-5)
        let two = makeBuffer([3, 4]), ones = makeBuffer([1, 1]), twoOut = makeBuffer(zeros: 2), oneRstd = makeBuffer(zeros: 1)
        defer { [two, ones, twoOut, oneRstd].forEach { $0.deallocate() } }
        rmsNormForward(out: twoOut, rstd: oneRstd, inp: two.readOnlyView, weight: ones.readOnlyView, R: 1, C: 2)
        #expect(abs(twoOut[0] - 3 / (12.5 + 1e-5).squareRoot()) < 1e-6)
        #expect(abs(twoOut[1] - 4 / (12.5 + 1e-5).squareRoot()) < 1e-6)

        rmsNormForward(out: out, rstd: rstd, inp: inp.readOnlyView, weight: w.readOnlyView, R: R, C: C)
        rmsNormBackward(dinp: dinp, dweight: dw, dout: dout.readOnlyView, inp: inp.readOnlyView, weight: w.readOnlyView,
                        rstd: rstd.readOnlyView, R: R, C: C)
        let reports = expectGradientsMatch([("inp", inp, dinp), ("weight", w, dw)]) {
            rmsNormForward(out: out, rstd: rstd, inp: inp.readOnlyView, weight: w.readOnlyView, R: R, C: C)
            return projectedLoss(out, projection)
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("selective scan with T = 1 reduces to Δ·B·u·C + D·u by hand")
    func scanByHand() {
        // D = 1, N = 2, u = 2, deltaRaw + bias = 30 → Δ = 30 (above the softplus threshold)
        // h = 30 · B · 2 = [60, −30] for B = [1, −0.5];  y = 60·1 + (−30)·2 + 0.5·2 = 1
        let u = makeBuffer([2]), raw = makeBuffer([29]), ssmB = makeBuffer([1, -0.5]), ssmC = makeBuffer([1, 2])
        let A = makeBuffer([-1, -2]), bias = makeBuffer([1]), skip = makeBuffer([0.5])
        let y = makeBuffer(zeros: 1), delta = makeBuffer(zeros: 1), scratch = makeBuffer(zeros: 2), last = makeBuffer(zeros: 2)
        defer { [u, raw, ssmB, ssmC, A, bias, skip, y, delta, scratch, last].forEach { $0.deallocate() } }
        selectiveScanForward(y: y, delta: delta, lastState: last, u: u.readOnlyView, deltaRaw: raw.readOnlyView,
                             ssmB: ssmB.readOnlyView, ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView,
                             skip: skip.readOnlyView, state: scratch, B: 1, T: 1, D: 1, N: 2)
        #expect(delta[0] == 30)
        #expect(Array(last) == [60, -30])
        #expect(y[0] == 1)
    }

    @Test("selective scan backward agrees with finite differences for u, Δ, B, C, A, delta_bias and D")
    func scanGradients() {
        let B = 2, T = 5, D = 3, N = 4
        let u = makeBuffer(testValues(B * T * D, seed: 11)), raw = makeBuffer(testValues(B * T * D, seed: 12, in: (-2, 1)))
        let ssmB = makeBuffer(testValues(B * T * N, seed: 13)), ssmC = makeBuffer(testValues(B * T * N, seed: 14))
        let A = makeBuffer(testValues(D * N, seed: 15, in: (-3, -0.2))), bias = makeBuffer(testValues(D, seed: 16))
        let skip = makeBuffer(testValues(D, seed: 17))
        let y = makeBuffer(zeros: B * T * D), delta = makeBuffer(zeros: B * T * D), scratch = makeBuffer(zeros: (T + 2) * N)
        let projection = testValues(B * T * D, seed: 18), dy = makeBuffer(projection)
        let du = makeBuffer(zeros: B * T * D), draw = makeBuffer(zeros: B * T * D), dB = makeBuffer(zeros: B * T * N)
        let dC = makeBuffer(zeros: B * T * N), dA = makeBuffer(zeros: D * N), dbias = makeBuffer(zeros: D), dskip = makeBuffer(zeros: D)
        defer { [u, raw, ssmB, ssmC, A, bias, skip, y, delta, scratch, dy, du, draw, dB, dC, dA, dbias, dskip].forEach { $0.deallocate() } }
        func loss() -> Double {
            selectiveScanForward(y: y, delta: delta, lastState: nil, u: u.readOnlyView, deltaRaw: raw.readOnlyView,
                                 ssmB: ssmB.readOnlyView, ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView,
                                 skip: skip.readOnlyView, state: scratch, B: B, T: T, D: D, N: N)
            return projectedLoss(y, projection)
        }
        _ = loss()
        selectiveScanBackward(du: du, ddeltaRaw: draw, dssmB: dB, dssmC: dC, dA: dA, ddeltaBias: dbias, dskip: dskip,
                              dy: dy.readOnlyView, u: u.readOnlyView, delta: delta.readOnlyView, ssmB: ssmB.readOnlyView,
                              ssmC: ssmC.readOnlyView, A: A.readOnlyView, skip: skip.readOnlyView, states: scratch,
                              B: B, T: T, D: D, N: N)
        let reports = expectGradientsMatch([("u", u, du), ("deltaRaw", raw, draw), ("B", ssmB, dB), ("C", ssmC, dC),
                                            ("A", A, dA), ("delta_bias", bias, dbias), ("D", skip, dskip)], loss: loss)
        for report in reports { #expect(report.passed, "\(report)") }
    }
}
