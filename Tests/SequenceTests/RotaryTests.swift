import TestSupport
import Foundation
import Testing
import NN
@testable import Sequence

@Suite("Rotary position embedding")
struct RotaryTests {
    /// Angle tables for positions 0..<P and head size E.
    func tables(P: Int, E: Int) -> (cos: UnsafeMutableBufferPointer<Float>, sin: UnsafeMutableBufferPointer<Float>) {
        let cos = makeBuffer(zeros: P * E / 2), sin = makeBuffer(zeros: P * E / 2)
        rotaryAngleTables(cos: cos, sin: sin, P: P, E: E)
        return (cos, sin)
    }

    func makeMixer(B: Int, T: Int, C: Int = 8, H: Int = 2, seed: UInt64 = 7) throws -> (AttentionMixer, ParameterTable) {
        let table = ParameterTable(AttentionMixer.parameterShapes(C: C, prefix: "mixer."))
        let mixer = try AttentionMixer(kind: .softmax, C: C, H: H, rope: true, parameters: table, prefix: "mixer.", maxTokens: B * T, maxT: T)
        var rng = SplitMix64(seed: seed)
        mixer.initialize(using: &rng)
        return (mixer, table)
    }

    @Test("RoPE turns each pair (i, i + E/2) by t·θᵢ with θᵢ = 10000^(−2i/E), checked by hand")
    func byHand() {
        // E = 4, one head: θ₀ = 1, θ₁ = 10000^(−1/2) = 0.01. At t = 2 the pair (0, 2) turns by 2 rad
        // and (1, 3) by 0.02 rad: [1, 0, 0, 1] → [cos 2, −sin 0.02, sin 2, cos 0.02].
        let (cos, sin) = tables(P: 3, E: 4)
        let inp = makeBuffer([1, 0, 0, 1]), out = makeBuffer(zeros: 4)
        let sequence = makeBuffer([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]), sequenceOut = makeBuffer(zeros: 12)
        defer { [cos, sin, inp, out, sequence, sequenceOut].forEach { $0.deallocate() } }
        rotaryEmbeddingForward(out: out, inp: inp.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView, B: 1, T: 1, C: 4, H: 1, firstPosition: 2)
        let expected: [Float] = [Foundation.cos(2), -Foundation.sin(0.02), Foundation.sin(2), Foundation.cos(0.02)]
        for i in 0..<4 { #expect(abs(out[i] - expected[i]) < 1e-6, "element \(i): \(out[i]) vs \(expected[i])") }
        // The same row as the third of a sequence starting at 0 gives the same bits.
        rotaryEmbeddingForward(out: sequenceOut, inp: sequence.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView, B: 1, T: 3, C: 4, H: 1)
        #expect(Array(sequenceOut[8..<12]) == Array(out))
        #expect(Array(sequenceOut[0..<4]) == [0, 0, 0, 0])
    }

    @Test("RoPE backward is the inverse rotation and agrees with finite differences")
    func kernelGradients() {
        let B = 2, T = 5, C = 8, H = 2, first = 3
        let (cos, sin) = tables(P: first + T, E: C / H)
        let inp = makeBuffer(testValues(B * T * C, seed: 90)), out = makeBuffer(zeros: B * T * C), dinp = makeBuffer(zeros: B * T * C)
        let projection = testValues(B * T * C, seed: 91), dout = makeBuffer(projection)
        defer { [cos, sin, inp, out, dinp, dout].forEach { $0.deallocate() } }
        func loss() -> Double {
            rotaryEmbeddingForward(out: out, inp: inp.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView,
                                   B: B, T: T, C: C, H: H, firstPosition: first)
            return projectedLoss(out, projection)
        }
        _ = loss()
        // Turning the output back recovers the input: the rotation is orthogonal.
        rotaryEmbeddingBackward(dinp: dinp, dout: out.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView,
                                B: B, T: T, C: C, H: H, firstPosition: first)
        let roundTrip = (0..<(B * T * C)).map { abs(dinp[$0] - inp[$0]) }.max() ?? 0
        #expect(roundTrip < 1e-5, "turning the output back differs from the input by up to \(roundTrip)")
        dinp.update(repeating: 0)
        rotaryEmbeddingBackward(dinp: dinp, dout: dout.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView,
                                B: B, T: T, C: C, H: H, firstPosition: first)
        for report in expectGradientsMatch([("inp", inp, dinp)], loss: loss) { #expect(report.passed, "\(report)") }
    }

    @Test("rotated query·key products depend only on the distance t − s")
    func relativePosition() {
        let E = 8, P = 40
        let (cos, sin) = tables(P: P, E: E)
        let q = makeBuffer(testValues(E, seed: 92)), k = makeBuffer(testValues(E, seed: 93))
        let qr = makeBuffer(zeros: E), kr = makeBuffer(zeros: E)
        defer { [cos, sin, q, k, qr, kr].forEach { $0.deallocate() } }
        func score(t: Int, s: Int) -> Float {
            rotaryEmbeddingForward(out: qr, inp: q.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView, B: 1, T: 1, C: E, H: 1, firstPosition: t)
            rotaryEmbeddingForward(out: kr, inp: k.readOnlyView, cos: cos.readOnlyView, sin: sin.readOnlyView, B: 1, T: 1, C: E, H: 1, firstPosition: s)
            return (0..<E).reduce(0) { $0 + qr[$1] * kr[$1] }
        }
        for (t, s) in [(3, 1), (7, 7), (9, 0)] {
            for shift in [1, 13, 30] {
                #expect(abs(score(t: t, s: s) - score(t: t + shift, s: s + shift)) < 1e-5, "t = \(t), s = \(s), shift \(shift)")
            }
        }
        #expect(abs(score(t: 5, s: 0) - score(t: 0, s: 0)) > 1e-3, "the product must change with the distance")
    }

    @Test("softmax attention with RoPE: backward agrees with finite differences for the input and every projection")
    func mixerGradients() throws {
        let B = 2, T = 6, C = 8
        let (mixer, table) = try makeMixer(B: B, T: T, C: C)
        let inp = makeBuffer(testValues(B * T * C, seed: 94)), out = makeBuffer(zeros: B * T * C), dinp = makeBuffer(zeros: B * T * C)
        let projection = testValues(B * T * C, seed: 95), dout = makeBuffer(projection)
        defer { [inp, out, dinp, dout].forEach { $0.deallocate() } }
        func loss() -> Double {
            mixer.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
            return projectedLoss(out, projection)
        }
        _ = loss()
        table.zeroGrads()
        mixer.backward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, B: B, T: T)
        var tensors = [("input", inp, dinp)]
        for (i, entry) in table.entries.enumerated() { tensors.append((entry.name, table.values(of: i), table.grads(of: i))) }
        for report in expectGradientsMatch(tensors, loss: loss) { #expect(report.passed, "\(report)") }
    }

    @Test("softmax attention with RoPE: stepping token by token gives the parallel forward's outputs")
    func stepMatchesForward() throws {
        let B = 2, T = 7, C = 8
        let (mixer, _) = try makeMixer(B: B, T: T, C: C)
        let inp = makeBuffer(testValues(B * T * C, seed: 96)), out = makeBuffer(zeros: B * T * C)
        let stepIn = makeBuffer(zeros: B * C), stepOut = makeBuffer(zeros: B * C)
        defer { [inp, out, stepIn, stepOut].forEach { $0.deallocate() } }
        mixer.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
        mixer.resetState(B: B)
        var maxDifference: Float = 0
        for t in 0..<T {
            for b in 0..<B { for c in 0..<C { stepIn[b * C + c] = inp[(b * T + t) * C + c] } }
            mixer.step(out: stepOut, inp: stepIn.readOnlyView, B: B)
            for b in 0..<B { for c in 0..<C { maxDifference = max(maxDifference, abs(stepOut[b * C + c] - out[(b * T + t) * C + c])) } }
        }
        #expect(maxDifference < 1e-5, "step vs forward max |difference| \(maxDifference)")
    }

    @Test("softmax attention with RoPE matches the PyTorch rotate_half transcription: output and every gradient")
    func golden() throws {
        let file = try loadFixture("softmax_attention_rope")
        let meta = file.metadata
        #expect(meta["rope_base"] == "10000.0" && meta["rope_layout"] == "rotate_half")
        let B = Int(meta["B"] ?? "") ?? 0, T = Int(meta["T"] ?? "") ?? 0
        let C = Int(meta["d_model"] ?? "") ?? 0, H = Int(meta["n_heads"] ?? "") ?? 0
        let table = ParameterTable(AttentionMixer.parameterShapes(C: C, prefix: ""))
        let mixer = try AttentionMixer(kind: .softmax, C: C, H: H, rope: true, parameters: table, prefix: "", maxTokens: B * T, maxT: T)
        let plain = try AttentionMixer(kind: .softmax, C: C, H: H, parameters: table, prefix: "", maxTokens: B * T, maxT: T)
        try loadParameters(table, from: file)
        let inp = makeBuffer(try file.tensor("input").values), out = makeBuffer(zeros: B * T * C)
        let dout = makeBuffer(try file.tensor("projection").values), dinp = makeBuffer(zeros: B * T * C)
        defer { [inp, out, dout, dinp].forEach { $0.deallocate() } }
        let expected = try file.tensor("output").values
        // Without the rotation the output is far from the fixture: it does test RoPE.
        plain.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
        #expect(zip(out, expected).map { abs($0 - $1) }.max() ?? 0 > 1e-2)
        mixer.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
        expectClose("rope output", out.readOnlyView, expected)
        table.zeroGrads()
        mixer.backward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, B: B, T: T)
        expectClose("rope grad.input", dinp.readOnlyView, try file.tensor("grad.input").values)
        for (i, entry) in table.entries.enumerated() {
            expectClose("rope grad.\(entry.name)", UnsafeBufferPointer(table.grads(of: i)), try file.tensor("grad." + entry.name).values)
        }
    }

    @Test("an attention mixer refuses RoPE with linear attention and with an odd head size")
    func mixerRefusals() {
        let table = ParameterTable(AttentionMixer.parameterShapes(C: 10, prefix: ""))
        #expect(throws: SequenceModelError.ropeNeedsSoftmaxAttention(mixer: .linearAttention)) {
            try AttentionMixer(kind: .linear(normalize: true), C: 10, H: 5, rope: true, parameters: table, prefix: "", maxTokens: 4, maxT: 4)
        }
        #expect(throws: SequenceModelError.ropeNeedsEvenHeadSize(headSize: 5, dModel: 10, heads: 2)) {
            try AttentionMixer(kind: .softmax, C: 10, H: 2, rope: true, parameters: table, prefix: "", maxTokens: 4, maxT: 4)
        }
    }
}
