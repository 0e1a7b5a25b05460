import TestSupport
import Testing
import NN
@testable import Sequence

/// The fast scan against the reference scalar kernel, which the finite-difference and golden
/// tests pin: equal to 1e-5 (absolute plus relative) on shapes with a partial channel block.
@Suite("Selective scan, SIMD kernel against the reference")
struct SelectiveScanSIMDTests {
    struct Inputs {
        let B: Int, T: Int, D: Int, N: Int
        let u, raw, ssmB, ssmC, A, bias, skip, dy: UnsafeMutableBufferPointer<Float>

        init(B: Int, T: Int, D: Int, N: Int, seed: UInt64, raw rawRange: (Float, Float) = (-4, 2)) {
            (self.B, self.T, self.D, self.N) = (B, T, D, N)
            u = makeBuffer(testValues(B * T * D, seed: seed))
            raw = makeBuffer(testValues(B * T * D, seed: seed + 1, in: rawRange))
            ssmB = makeBuffer(testValues(B * T * N, seed: seed + 2))
            ssmC = makeBuffer(testValues(B * T * N, seed: seed + 3))
            A = makeBuffer(testValues(D * N, seed: seed + 4, in: (-8, -0.05)))
            bias = makeBuffer(testValues(D, seed: seed + 5))
            skip = makeBuffer(testValues(D, seed: seed + 6))
            dy = makeBuffer(testValues(B * T * D, seed: seed + 7))
        }

        func deallocate() { [u, raw, ssmB, ssmC, A, bias, skip, dy].forEach { $0.deallocate() } }

        /// y, Δ and every gradient, from the reference kernels or the SIMD ones.
        func run(simd: Bool, threads: Int = 1, avx2: Bool = scanUsesAVX2) -> [String: [Float]] {
            let btd = B * T * D, btn = B * T * N
            let y = makeBuffer(zeros: btd), delta = makeBuffer(zeros: btd), scratch = makeBuffer(zeros: (T + 2) * N)
            let du = makeBuffer(zeros: btd), draw = makeBuffer(zeros: btd), dB = makeBuffer(zeros: btn), dC = makeBuffer(zeros: btn)
            let dA = makeBuffer(zeros: D * N), dbias = makeBuffer(zeros: D), dskip = makeBuffer(zeros: D)
            defer { [y, delta, scratch, du, draw, dB, dC, dA, dbias, dskip].forEach { $0.deallocate() } }
            if simd {
                selectiveScanForwardSIMD(y: y, delta: delta, u: u.readOnlyView, deltaRaw: raw.readOnlyView, ssmB: ssmB.readOnlyView,
                                         ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView, skip: skip.readOnlyView,
                                         B: B, T: T, D: D, N: N, threads: threads, avx2: avx2)
                selectiveScanBackwardSIMD(du: du, ddeltaRaw: draw, dssmB: dB, dssmC: dC, dA: dA, ddeltaBias: dbias, dskip: dskip,
                                          dy: dy.readOnlyView, u: u.readOnlyView, delta: delta.readOnlyView, ssmB: ssmB.readOnlyView,
                                          ssmC: ssmC.readOnlyView, A: A.readOnlyView, skip: skip.readOnlyView, B: B, T: T, D: D, N: N,
                                          threads: threads, avx2: avx2)
            } else {
                selectiveScanForward(y: y, delta: delta, lastState: nil, u: u.readOnlyView, deltaRaw: raw.readOnlyView,
                                     ssmB: ssmB.readOnlyView, ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView,
                                     skip: skip.readOnlyView, state: scratch, B: B, T: T, D: D, N: N)
                selectiveScanBackward(du: du, ddeltaRaw: draw, dssmB: dB, dssmC: dC, dA: dA, ddeltaBias: dbias, dskip: dskip,
                                      dy: dy.readOnlyView, u: u.readOnlyView, delta: delta.readOnlyView, ssmB: ssmB.readOnlyView,
                                      ssmC: ssmC.readOnlyView, A: A.readOnlyView, skip: skip.readOnlyView, states: scratch,
                                      B: B, T: T, D: D, N: N)
            }
            return ["y": Array(y), "delta": Array(delta), "du": Array(du), "ddeltaRaw": Array(draw), "dB": Array(dB),
                    "dC": Array(dC), "dA": Array(dA), "ddeltaBias": Array(dbias), "dskip": Array(dskip)]
        }
    }

    @Test("forward and backward equal the reference kernels to 1e-5, including a partial block of channels",
          arguments: [(2, 9, 8, 4), (3, 17, 21, 16), (1, 64, 40, 16)])
    func matchesReference(shape: (Int, Int, Int, Int)) {
        let inputs = Inputs(B: shape.0, T: shape.1, D: shape.2, N: shape.3, seed: 40)
        defer { inputs.deallocate() }
        let reference = inputs.run(simd: false), fast = inputs.run(simd: true)
        for (name, expected) in reference.sorted(by: { $0.key < $1.key }) {
            let actual = fast[name] ?? []
            actual.withUnsafeBufferPointer { expectClose(name, $0, expected, absolute: 1e-5, relative: 1e-5) }
        }
    }

    /// Δ from raw values in (−30, 30) reaches softplus's x > 20 branch and, with A down to −8,
    /// decays exp(Δ·A) below e^−87.3, where the exp returns 0.
    @Test("the AVX2 blocks give the Swift lanes' bits, forward and backward, partial blocks and exp's clamps included",
          .enabled(if: scanUsesAVX2, "this CPU has no AVX2; the Swift lanes are the only form it runs"),
          arguments: [(2, 9, 8, 4, -4.0, 2.0), (3, 17, 21, 16, -4.0, 2.0), (2, 33, 13, 8, -30.0, 30.0)] as [(Int, Int, Int, Int, Float, Float)])
    func avx2MatchesSwiftLanes(shape: (Int, Int, Int, Int, Float, Float)) {
        let inputs = Inputs(B: shape.0, T: shape.1, D: shape.2, N: shape.3, seed: 70, raw: (shape.4, shape.5))
        defer { inputs.deallocate() }
        let swift = inputs.run(simd: true, avx2: false), avx2 = inputs.run(simd: true, avx2: true)
        for (name, expected) in swift.sorted(by: { $0.key < $1.key }) {
            #expect((avx2[name] ?? []).map(\.bitPattern) == expected.map(\.bitPattern), "\(name)")
        }
    }

    @Test("one thread and two threads give the same bits")
    func threadCountChangesNoBit() {
        let inputs = Inputs(B: 4, T: 33, D: 24, N: 8, seed: 90)
        defer { inputs.deallocate() }
        #expect(inputs.run(simd: true, threads: 1) == inputs.run(simd: true, threads: 2))
        #expect(inputs.run(simd: true, threads: 1, avx2: false) == inputs.run(simd: true, threads: 2, avx2: false))
    }
}
