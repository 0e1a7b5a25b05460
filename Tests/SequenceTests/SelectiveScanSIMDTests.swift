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
        func run(simd: Bool, threads: Int = 1, instructions: VectorInstructions = .best,
                 checkpoints: SelectiveScanCheckpoints? = nil) -> [String: [Float]] {
            let btd = B * T * D, btn = B * T * N
            let y = makeBuffer(zeros: btd), delta = makeBuffer(zeros: btd), scratch = makeBuffer(zeros: (T + 2) * N)
            let du = makeBuffer(zeros: btd), draw = makeBuffer(zeros: btd), dB = makeBuffer(zeros: btn), dC = makeBuffer(zeros: btn)
            let dA = makeBuffer(zeros: D * N), dbias = makeBuffer(zeros: D), dskip = makeBuffer(zeros: D)
            defer { [y, delta, scratch, du, draw, dB, dC, dA, dbias, dskip].forEach { $0.deallocate() } }
            if simd {
                selectiveScanForwardSIMD(y: y, delta: delta, u: u.readOnlyView, deltaRaw: raw.readOnlyView, ssmB: ssmB.readOnlyView,
                                         ssmC: ssmC.readOnlyView, A: A.readOnlyView, deltaBias: bias.readOnlyView, skip: skip.readOnlyView,
                                         B: B, T: T, D: D, N: N, threads: threads, instructions: instructions,
                                         checkpoints: checkpoints)
                selectiveScanBackwardSIMD(du: du, ddeltaRaw: draw, dssmB: dB, dssmC: dC, dA: dA, ddeltaBias: dbias, dskip: dskip,
                                          dy: dy.readOnlyView, u: u.readOnlyView, delta: delta.readOnlyView, ssmB: ssmB.readOnlyView,
                                          ssmC: ssmC.readOnlyView, A: A.readOnlyView, skip: skip.readOnlyView, B: B, T: T, D: D, N: N,
                                          threads: threads, instructions: instructions, checkpoints: checkpoints)
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

    /// The fast form runs without checkpoints and with them: T from 9 to 33 makes one to five
    /// chunks of `SelectiveScanCheckpoints.interval` steps, the last one partial or full.
    private func expectSameBits(shape: (Int, Int, Int, Int, Float, Float), instructions: VectorInstructions) {
        let inputs = Inputs(B: shape.0, T: shape.1, D: shape.2, N: shape.3, seed: 70, raw: (shape.4, shape.5))
        defer { inputs.deallocate() }
        let checkpoints = SelectiveScanCheckpoints(maxTokens: inputs.B * inputs.T, D: inputs.D, N: inputs.N)
        let swift = inputs.run(simd: true, instructions: .swiftLanes)
        for (label, saved) in [("whole sequences", nil), ("from checkpoints", checkpoints)] as [(String, SelectiveScanCheckpoints?)] {
            let fast = inputs.run(simd: true, instructions: instructions, checkpoints: saved)
            for (name, expected) in swift.sorted(by: { $0.key < $1.key }) {
                #expect((fast[name] ?? []).map(\.bitPattern) == expected.map(\.bitPattern), "\(name), \(label)")
            }
        }
    }

    @Test("one thread and two threads give the same bits")
    func threadCountChangesNoBit() {
        let inputs = Inputs(B: 4, T: 33, D: 56, N: 8, seed: 90)
        defer { inputs.deallocate() }
        let checkpoints = SelectiveScanCheckpoints(maxTokens: 4 * 33, D: 56, N: 8)
        for instructions in VectorInstructions.allCases where instructions.isAvailable {
            #expect(inputs.run(simd: true, threads: 1, instructions: instructions, checkpoints: checkpoints)
                        == inputs.run(simd: true, threads: 2, instructions: instructions, checkpoints: checkpoints),
                    "\(instructions)")
        }
    }

    /// Checkpoint c is the state before step c·interval: the reference forward's last state after
    /// that many steps, to the reference tolerance (its exp is libm's).
    @Test("the AVX-512 forward saves the scan's state before every interval-th step",
          .enabled(if: VectorInstructions.avx512.isAvailable, "this CPU has no AVX-512"))
    func checkpointsHoldTheStates() {
        let (B, T, D, N) = (2, 27, 48, 6), interval = SelectiveScanCheckpoints.interval
        let inputs = Inputs(B: B, T: T, D: D, N: N, seed: 110)
        defer { inputs.deallocate() }
        let checkpoints = SelectiveScanCheckpoints(maxTokens: B * T, D: D, N: N)
        _ = inputs.run(simd: true, instructions: .avx512, checkpoints: checkpoints)
        let saved = checkpoints.states(B: B, T: T, D: D, N: N)
        #expect(saved != nil)
        guard let saved else { return }
        let chunks = (T + interval - 1) / interval
        for c in 1..<chunks {
            let steps = c * interval
            // The reference on each sequence's first `steps` steps: its lastState is [B, D, N].
            let prefix = Inputs(B: B, T: steps, D: D, N: N, seed: 110)
            defer { prefix.deallocate() }
            for b in 0..<B {
                for t in 0..<steps {
                    for d in 0..<D {
                        prefix.u[(b * steps + t) * D + d] = inputs.u[(b * T + t) * D + d]
                        prefix.raw[(b * steps + t) * D + d] = inputs.raw[(b * T + t) * D + d]
                    }
                    for n in 0..<N {
                        prefix.ssmB[(b * steps + t) * N + n] = inputs.ssmB[(b * T + t) * N + n]
                        prefix.ssmC[(b * steps + t) * N + n] = inputs.ssmC[(b * T + t) * N + n]
                    }
                }
            }
            let last = makeBuffer(zeros: B * D * N), y = makeBuffer(zeros: B * steps * D), delta = makeBuffer(zeros: B * steps * D)
            let scratch = makeBuffer(zeros: (steps + 2) * N)
            defer { [last, y, delta, scratch].forEach { $0.deallocate() } }
            selectiveScanForward(y: y, delta: delta, lastState: last, u: prefix.u.readOnlyView, deltaRaw: prefix.raw.readOnlyView,
                                 ssmB: prefix.ssmB.readOnlyView, ssmC: prefix.ssmC.readOnlyView, A: inputs.A.readOnlyView,
                                 deltaBias: inputs.bias.readOnlyView, skip: inputs.skip.readOnlyView, state: scratch,
                                 B: B, T: steps, D: D, N: N)
            var actual: [Float] = [], expected: [Float] = []
            for b in 0..<B {
                for n in 0..<N {
                    for d in 0..<D {
                        actual.append(saved[((b * (chunks - 1) + c - 1) * N + n) * D + d])
                        expected.append(last[(b * D + d) * N + n])
                    }
                }
            }
            actual.withUnsafeBufferPointer { expectClose("checkpoint \(c)", $0, expected, absolute: 1e-5, relative: 1e-5) }
        }
    }

    /// A backward of another shape than the forward's, or after a forward in another form,
    /// replays whole sequences: the checkpoints are not read.
    @Test("checkpoints of another scan are not used",
          .enabled(if: VectorInstructions.avx512.isAvailable, "this CPU has no AVX-512"))
    func checkpointsOfAnotherScanAreIgnored() {
        let inputs = Inputs(B: 2, T: 20, D: 32, N: 4, seed: 120), other = Inputs(B: 2, T: 17, D: 32, N: 4, seed: 121)
        defer { inputs.deallocate(); other.deallocate() }
        let checkpoints = SelectiveScanCheckpoints(maxTokens: 40, D: 32, N: 4)
        let expected = inputs.run(simd: true, instructions: .avx512)
        _ = other.run(simd: true, instructions: .avx512, checkpoints: checkpoints)
        #expect(checkpoints.states(B: 2, T: 20, D: 32, N: 4) == nil)
        _ = inputs.run(simd: true, instructions: .avx512, checkpoints: checkpoints)
        _ = inputs.run(simd: true, instructions: .swiftLanes, checkpoints: checkpoints)
        #expect(checkpoints.states(B: 2, T: 20, D: 32, N: 4) == nil)
        #expect(inputs.run(simd: true, instructions: .avx512, checkpoints: checkpoints) == expected)
    }
}
