import TestSupport
import Testing
@testable import Sequence

/// The SIMD SiLU kernels against the scalar ones of Activations.swift: equal to 1e-6 (absolute
/// plus relative) over a range that reaches both tails of the sigmoid, on sizes with a partial
/// lane block and more than one chunk; and the thread count changes no bit.
@Suite("SiLU, SIMD kernels against the reference")
struct ActivationsSIMDTests {
    /// Every SiLU output and gradient, from the scalar kernels or the SIMD ones.
    static func run(simd: Bool, N: Int, threads: Int = 1, instructions: VectorInstructions = .best,
                    x values: [Float]? = nil) -> [String: [Float]] {
        let x = makeBuffer(values ?? testValues(N, seed: 3, in: (-30, 30)))
        let y = makeBuffer(testValues(N, seed: 4, in: (-2, 2)))
        let dout = makeBuffer(testValues(N, seed: 5))
        // Gradients accumulate: start them non-zero to test "adds into".
        let dinp = makeBuffer(testValues(N, seed: 6)), dy = makeBuffer(testValues(N, seed: 7)), dz = makeBuffer(testValues(N, seed: 8))
        let out = makeBuffer(zeros: N), gated = makeBuffer(zeros: N)
        defer { [x, y, dout, dinp, dy, dz, out, gated].forEach { $0.deallocate() } }
        if simd {
            siluForwardSIMD(out: out, inp: x.readOnlyView, N: N, threads: threads, instructions: instructions)
            siluBackwardSIMD(dinp: dinp, dout: dout.readOnlyView, inp: x.readOnlyView, N: N, threads: threads, instructions: instructions)
            siluGateForwardSIMD(out: gated, y: y.readOnlyView, z: x.readOnlyView, N: N, threads: threads, instructions: instructions)
            siluGateBackwardSIMD(dy: dy, dz: dz, dout: dout.readOnlyView, y: y.readOnlyView, z: x.readOnlyView, N: N, threads: threads, instructions: instructions)
        } else {
            siluForward(out: out, inp: x.readOnlyView, N: N)
            siluBackward(dinp: dinp, dout: dout.readOnlyView, inp: x.readOnlyView, N: N)
            siluGateForward(out: gated, y: y.readOnlyView, z: x.readOnlyView, N: N)
            siluGateBackward(dy: dy, dz: dz, dout: dout.readOnlyView, y: y.readOnlyView, z: x.readOnlyView, N: N)
        }
        return ["silu": Array(out), "dsilu": Array(dinp), "gate": Array(gated), "dgate.y": Array(dy), "dgate.z": Array(dz)]
    }

    @Test("forward and backward equal the scalar kernels to 1e-6, with a partial lane block and several chunks",
          arguments: [1, 7, 8, 13, 40_003])
    func matchesReference(N: Int) {
        let reference = Self.run(simd: false, N: N), fast = Self.run(simd: true, N: N)
        for (name, expected) in reference.sorted(by: { $0.key < $1.key }) {
            let actual = fast[name] ?? []
            #expect(actual.count == N, "\(name)")
            actual.withUnsafeBufferPointer { expectClose(name, $0, expected, absolute: 1e-6, relative: 1e-6) }
        }
    }

    /// Beyond exp's clamps (|x| > 87.3 and 88.7, where e^(−x) is 0 or +∞), at ±0, ±∞ and NaN,
    /// on sizes that end in a partial register, a partial pair of registers and several chunks.
    @Test("the AVX-512 kernels give the Swift lanes' bits, exp's clamps, infinities and NaN included",
          .enabled(if: VectorInstructions.avx512.isAvailable, "this CPU has no AVX-512"),
          arguments: [5, 16, 37, 40_003])
    func avx512MatchesSwiftLanes(N: Int) {
        var x = testValues(N, seed: 11, in: (-120, 120))
        let special: [Float] = [0, -0, .nan, .infinity, -.infinity, 87.3, -87.3, 88.7, -88.7, 87.31, -88.71, 1e-30, -1e-30]
        for (i, value) in special.enumerated() where i < N { x[(i * 7) % N] = value }
        let swift = Self.run(simd: true, N: N, instructions: .swiftLanes, x: x)
        let fast = Self.run(simd: true, N: N, instructions: .avx512, x: x)
        for (name, expected) in swift.sorted(by: { $0.key < $1.key }) {
            #expect((fast[name] ?? []).map(\.bitPattern) == expected.map(\.bitPattern), "\(name)")
        }
    }

    @Test("one thread and two threads give the same bits")
    func threadCountChangesNoBit() {
        for instructions in VectorInstructions.allCases where instructions.isAvailable {
            #expect(Self.run(simd: true, N: 50_001, threads: 1, instructions: instructions)
                    == Self.run(simd: true, N: 50_001, threads: 2, instructions: instructions), "\(instructions)")
        }
    }
}
