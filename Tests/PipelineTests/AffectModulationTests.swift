import Foundation
import Pipeline
import Testing

/// Seed 000 §5.2 on w = [language, vision, symbolic, affect] = [0.4, 0.3, 0.2, 0.1].
@Suite("Affect modulation of the routing weights")
struct AffectModulationTests {
    static let w = [0.4, 0.3, 0.2, 0.1]

    static func expectClose(_ got: [Double], _ expected: [Double], _ comment: Comment = "") {
        #expect(got.count == expected.count)
        for (i, (g, e)) in zip(got, expected).enumerated() {
            #expect(abs(g - e) <= 1e-12, "w[\(i)] = \(g), expected \(e) \(comment)")
        }
    }

    @Test("v = 0.5, a = 0.5: language ×0.65, symbolic ×0.35, then softmax at τ = 0.2")
    func positiveValence() {
        // language 0.4·0.65 = 0.26, symbolic 0.2·0.35 = 0.07; τ = 0.1 + 0.2·0.5 = 0.2
        // w/τ = [1.3, 1.5, 0.35, 0.5]; e^(w/τ) = [3.669296667619244, 4.481689070338065,
        // 1.419067548593257, 1.648721270700128], Σ = 11.218774557250697
        let expected = [0.3270675107066643, 0.39948115968170056, 0.1264904238294114, 0.14696090578222373]
        Self.expectClose(AffectModulation.modulate(Self.w, valence: 0.5, arousal: 0.5), expected)
        #expect(abs(3.669296667619244 / 11.218774557250697 - expected[0]) < 1e-15)
    }

    @Test("v = −1, a = 0: language ×0.2, symbolic ×0.8, then softmax at τ = 0.1")
    func negativeValence() {
        // language 0.4·0.2 = 0.08, symbolic 0.2·0.8 = 0.16; τ = 0.1
        // w/τ = [0.8, 3.0, 1.6, 1.0]; e^(w/τ) = [2.225540928492468, 20.085536923187668,
        // 4.953032424395115, 2.718281828459045], Σ = 29.982392104534295
        let expected = [0.07422826440042103, 0.6699110882533649, 0.16519804047409742, 0.09066260687211662]
        Self.expectClose(AffectModulation.modulate(Self.w, valence: -1, arousal: 0), expected)
        #expect(abs(20.085536923187668 / 29.982392104534295 - expected[1]) < 1e-15)
    }

    @Test("even the neutral state changes w (softmax of the weights at τ = 0.1), and the result sums to 1")
    func neutralState() {
        // v = 0: language and symbolic ×0.5 → [0.2, 0.3, 0.1, 0.1] / 0.1 = [2, 3, 1, 1]
        let e = [exp(2.0), exp(3.0), exp(1.0), exp(1.0)], sum = e.reduce(0, +)
        let got = AffectModulation.modulate(Self.w, valence: 0, arousal: 0)
        Self.expectClose(got, e.map { $0 / sum })
        #expect(got != Self.w)
        #expect(abs(got.reduce(0, +) - 1) < 1e-12)
    }

    @Test("higher arousal flattens the weights (the largest falls, the smallest rises)")
    func arousalFlattens() {
        let calm = AffectModulation.modulate(Self.w, valence: 0, arousal: 0)
        let aroused = AffectModulation.modulate(Self.w, valence: 0, arousal: 1)
        #expect(aroused.max()! < calm.max()! && aroused.min()! > calm.min()!)
    }
}
