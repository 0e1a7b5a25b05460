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
        func run(simd: Bool, threads: Int = 1, instructions: VectorInstructions = .best) -> [String: [Float]] {
            let btd = B * T * D, btn = B * T * N
            let y = makeBuffer(zeros: btd), delta = makeBuffer(zeros: btd), scratch = makeBuffer(zeros: (T + 2) * N)
            let du = makeBuffer(zeros: btd), draw = makeBuffer(zeros: btd), dB = makeBuffer(zeros: btn), dC = makeBuffer(zeros: btn)
            let dA = makeBuffer(zeros: D * N), dbias = makeBuffer(zeros: D), dskip = makeBuffer(zeros: D)
            defer { [y, delta, scratch, du, draw, dB, dC, dA, dbias, dskip].forEach { $0.deallocate() } }
            if simd {
                selectiveScanForwardSIMD(y: y, delta: delta, u: u.readOnlyView, deltaRaw: raw.readOnlyView, ssmB: ssmB.readOnlyView,
                                         ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView, skip: skip.readOnlyView,
                                         B: B, T: T, D: D, N: N, threads: threads, instructions: instructions)
                selectiveScanBackwardSIMD(du: du, ddeltaRaw: draw, dssmB: dB, dssmC: dC, dA: dA, ddeltaBias: dbias, dskip: dskip,
                                          dy: dy.readOnlyView, u: u.readOnlyView, delta: delta.readOnlyView, ssmB: ssmB.readOnlyView,
                                          ssmC: ssmC.readOnlyView, A: A.readOnlyView, skip: skip.readOnlyView, B: B, T: T, D: D, N: N,
                                          threads: threads, instructions: instructions)
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
          .enabled(if: VectorInstructions.avx2.isAvailable, "this CPU has no AVX2; the Swift lanes are the only form it runs"),
          arguments: [(2, 9, 8, 4, -4.0, 2.0), (3, 17, 21, 16, -4.0, 2.0), (2, 33, 13, 8, -30.0, 30.0)] as [(Int, Int, Int, Int, Float, Float)])
    func avx2MatchesSwiftLanes(shape: (Int, Int, Int, Int, Float, Float)) {
        expectSameBits(shape: shape, instructions: .avx2)
    }

    /// Channel counts chosen for the AVX-512 kernels' cases: no full register of sixteen (13), one
    /// register and a partial block (21), two registers and a full block (40), five registers in
    /// one forward group and backward pairs with a single one left (80), nine registers in forward
    /// groups of eight and one and a full block (152), and a register, a full block and a partial
    /// one (29).
    @Test("the AVX-512 registers give the Swift lanes' bits, forward and backward, tails of channels and exp's clamps included",
          .enabled(if: VectorInstructions.avx512.isAvailable, "this CPU has no AVX-512"),
          arguments: [(2, 9, 13, 4, -4.0, 2.0), (3, 17, 21, 16, -4.0, 2.0), (2, 33, 40, 8, -30.0, 30.0),
                      (2, 20, 80, 16, -4.0, 2.0), (2, 11, 152, 5, -4.0, 2.0), (1, 12, 29, 3, -30.0, 30.0)] as [(Int, Int, Int, Int, Float, Float)])
    func avx512MatchesSwiftLanes(shape: (Int, Int, Int, Int, Float, Float)) {
        expectSameBits(shape: shape, instructions: .avx512)
    }

    private func expectSameBits(shape: (Int, Int, Int, Int, Float, Float), instructions: VectorInstructions) {
        let inputs = Inputs(B: shape.0, T: shape.1, D: shape.2, N: shape.3, seed: 70, raw: (shape.4, shape.5))
        defer { inputs.deallocate() }
        let swift = inputs.run(simd: true, instructions: .swiftLanes), fast = inputs.run(simd: true, instructions: instructions)
        for (name, expected) in swift.sorted(by: { $0.key < $1.key }) {
            #expect((fast[name] ?? []).map(\.bitPattern) == expected.map(\.bitPattern), "\(name)")
        }
    }

    @Test("one thread and two threads give the same bits")
    func threadCountChangesNoBit() {
        let inputs = Inputs(B: 4, T: 33, D: 56, N: 8, seed: 90)
        defer { inputs.deallocate() }
        for instructions in VectorInstructions.allCases where instructions.isAvailable {
            #expect(inputs.run(simd: true, threads: 1, instructions: instructions) == inputs.run(simd: true, threads: 2, instructions: instructions),
                    "\(instructions)")
        }
    }
}
