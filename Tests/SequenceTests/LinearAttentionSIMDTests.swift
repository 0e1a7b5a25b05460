import TestSupport
import Testing
import NN
@testable import Sequence

/// The SIMD linear-attention kernels against the reference recurrence (which the finite-
/// difference and golden tests pin), normalised and not, at E = 8, 16 and 32.
@Suite("Linear attention, SIMD kernel against the reference")
struct LinearAttentionSIMDTests {
    /// y, den and the three gradients from the reference or the SIMD kernels.
    static func run(simd: Bool, normalize: Bool, B: Int, T: Int, C: Int, H: Int, threads: Int = 1,
                    instructions: VectorInstructions = .best, range: (Float, Float) = (-2, 2)) -> [String: [Float]] {
        let n = B * T * C
        let q = makeBuffer(testValues(n, seed: 61, in: range)), k = makeBuffer(testValues(n, seed: 62, in: range))
        let v = makeBuffer(testValues(n, seed: 63)), dy = makeBuffer(testValues(n, seed: 64))
        let y = makeBuffer(zeros: n), den = makeBuffer(zeros: B * T * H), scratch = makeBuffer(zeros: (C / H) * (C / H) + C / H)
        let dq = makeBuffer(zeros: n), dk = makeBuffer(zeros: n), dv = makeBuffer(zeros: n)
        defer { [q, k, v, dy, y, den, scratch, dq, dk, dv].forEach { $0.deallocate() } }
        let d = normalize ? den : nil
        if simd {
            linearAttentionForwardSIMD(y: y, den: d, q: q.readOnlyView, k: k.readOnlyView, v: v.readOnlyView, B: B, T: T, C: C, H: H,
                                       threads: threads, instructions: instructions)
            linearAttentionBackwardSIMD(dq: dq, dk: dk, dv: dv, dy: dy.readOnlyView, q: q.readOnlyView, k: k.readOnlyView, v: v.readOnlyView,
                                        y: y.readOnlyView, den: d?.readOnlyView, B: B, T: T, C: C, H: H, threads: threads,
                                        instructions: instructions)
        } else {
            linearAttentionForward(y: y, den: d, q: q.readOnlyView, k: k.readOnlyView, v: v.readOnlyView, scratch: scratch, B: B, T: T, C: C, H: H)
            linearAttentionBackward(dq: dq, dk: dk, dv: dv, dy: dy.readOnlyView, q: q.readOnlyView, k: k.readOnlyView, v: v.readOnlyView,
                                    y: y.readOnlyView, den: d?.readOnlyView, scratch: scratch, B: B, T: T, C: C, H: H)
        }
        return ["y": Array(y), "den": Array(den), "dq": Array(dq), "dk": Array(dk), "dv": Array(dv)]
    }

    @Test("forward and backward equal the reference kernels to 1e-5, normalised and unnormalised",
          arguments: [(true, 2, 13, 16, 2), (false, 2, 13, 16, 2), (true, 3, 40, 64, 2), (false, 1, 33, 96, 3)])
    func matchesReference(shape: (Bool, Int, Int, Int, Int)) {
        let (normalize, B, T, C, H) = shape
        let reference = Self.run(simd: false, normalize: normalize, B: B, T: T, C: C, H: H)
        let fast = Self.run(simd: true, normalize: normalize, B: B, T: T, C: C, H: H)
        for (name, expected) in reference.sorted(by: { $0.key < $1.key }) {
            (fast[name] ?? []).withUnsafeBufferPointer { expectClose(name, $0, expected, absolute: 1e-5, relative: 1e-5) }
        }
    }

    /// Head widths for each of the C kernel's inlined bodies it has a case for (E = 8, 24, 32, 64:
    /// one, three, four and eight vectors) and for its loop over memory (E = 72, nine vectors);
    /// T = 1 has no history. q and k in (−100, 100) reach φ's x + 1 branch and the exp's clamp at
    /// −87.3, where eˣ is 0 and so is φ.
    @Test("the AVX2 kernel gives the Swift lanes' bits, forward and backward, normalised and not",
          .enabled(if: VectorInstructions.avx2.isAvailable, "this CPU has no AVX2; the Swift lanes are the only form it runs"),
          arguments: [(true, 2, 13, 16, 2, 2.0), (false, 2, 13, 16, 2, 2.0), (true, 1, 9, 48, 2, 2.0), (true, 2, 17, 64, 2, 2.0),
                      (false, 1, 1, 64, 1, 2.0), (true, 1, 11, 72, 1, 2.0), (true, 2, 7, 32, 4, 100.0), (false, 1, 5, 8, 1, 100.0)]
                     as [(Bool, Int, Int, Int, Int, Float)])
    func avx2MatchesSwiftLanes(shape: (Bool, Int, Int, Int, Int, Float)) {
        let (normalize, B, T, C, H, bound) = shape
        let swift = Self.run(simd: true, normalize: normalize, B: B, T: T, C: C, H: H, instructions: .swiftLanes, range: (-bound, bound))
        let fast = Self.run(simd: true, normalize: normalize, B: B, T: T, C: C, H: H, instructions: .avx2, range: (-bound, bound))
        for (name, expected) in swift.sorted(by: { $0.key < $1.key }) {
            #expect((fast[name] ?? []).map(\.bitPattern) == expected.map(\.bitPattern), "\(name)")
        }
    }

    @Test("one thread and two threads give the same bits")
    func threadCountChangesNoBit() {
        for instructions in VectorInstructions.allCases where instructions.isAvailable {
            #expect(Self.run(simd: true, normalize: true, B: 3, T: 21, C: 32, H: 2, threads: 1, instructions: instructions)
                    == Self.run(simd: true, normalize: true, B: 3, T: 21, C: 32, H: 2, threads: 2, instructions: instructions),
                    "\(instructions)")
        }
    }
}
