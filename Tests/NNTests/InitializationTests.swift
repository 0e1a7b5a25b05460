import Tensor
import TestSupport
import Testing
import NN

/// Returns the given words in order, to pin down the float derivation exactly.
private struct ScriptedGenerator: RandomNumberGenerator {
    var words: [UInt64]
    mutating func next() -> UInt64 { words.removeFirst() }
}

@Suite("Initialisation")
struct InitializationTests {
    @Test("unit floats come from the top 24 bits: 0 → 0, all ones → 1 − 2⁻²⁴, top bit → 0.5")
    func unitFloatDerivation() {
        var g = ScriptedGenerator(words: [0, .max, 1 << 63, (1 << 40) - 1])
        #expect(g.unitUniformFloat() == 0)
        #expect(g.unitUniformFloat() == 1 - 0x1p-24)
        #expect(g.unitUniformFloat() == 0.5)
        #expect(g.unitUniformFloat() == 0)  // the low 40 bits are discarded
    }

    @Test("nn.Linear init draws weight then bias from U(−1/√C, 1/√C)")
    func linearInit() {
        // C = 4 → bound 0.5. Words: u = 0 → −0.5, u = 0.5 → 0, u = 0.75 → 0.25.
        let C = 4, OC = 1
        var g = ScriptedGenerator(words: [0, 1 << 63, 3 << 62, 0, 3 << 62])
        let weight = makeBuffer(zeros: C), bias = makeBuffer(zeros: OC)
        defer { weight.deallocate(); bias.deallocate() }
        initializeLinear(weight: weight, bias: bias, C: C, OC: OC, using: &g)
        #expect(Array(weight) == [-0.5, 0, 0.25, -0.5])
        #expect(Array(bias) == [0.25])
    }

    @Test("a large layer stays inside the bound and fills it (mean near 0, extremes near ±bound)")
    func linearInitRange() {
        let C = 100, OC = 50
        var g = SplitMix64(seed: 5)
        let weight = makeBuffer(zeros: C * OC)
        defer { weight.deallocate() }
        initializeLinear(weight: weight, bias: nil, C: C, OC: OC, using: &g)
        let bound: Float = 0.1
        #expect(weight.allSatisfy { $0 >= -bound && $0 < bound })
        let mean = weight.reduce(0, +) / Float(weight.count)
        #expect(abs(mean) < 0.005)                 // sd of the mean ≈ 0.1/√3/√5000 ≈ 0.0008
        #expect((weight.max() ?? 0) > 0.099 && (weight.min() ?? 0) < -0.099)
    }
}
