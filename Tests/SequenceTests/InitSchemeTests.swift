import TestSupport
import Foundation
import Testing
import NN
@testable import Sequence

@Suite("SequenceModel init_scheme zoology")
struct InitSchemeTests {
    static let mixers: [MixerKind] = [.mamba(dState: 4, dConv: 4, expand: 2), .linearAttention(heads: 2, normalize: true),
                                      .softmaxAttention(heads: 2)]

    func model(_ mixer: MixerKind, _ scheme: InitScheme, mlp: Bool = true, C: Int = 8, layers: Int = 2) throws -> SequenceModel {
        var rng = SplitMix64(seed: 33)
        let config = SequenceModelConfig(vocabSize: 11, dModel: C, layers: layers, mixer: mixer, mlp: mlp, positions: .learned,
                                         shortConv: 3, initScheme: scheme, maxBatch: 2, maxT: 6)
        return try SequenceModel(config: config, rng: &rng)
    }

    func values(_ model: SequenceModel, _ name: String) throws -> [Float] {
        Array(model.parameters.values(of: try #require(model.parameters.index(of: name))))
    }

    /// The names the scheme touches for this mixer, as Zoology's `_init_weights` matches them.
    func touched(_ mixer: MixerKind, layers: Int) -> Set<String> {
        var names: Set = ["lm_head.weight"]
        for l in 0..<layers {
            names.insert("layers.\(l).mlp.fc2.weight")
            switch mixer {
            case .mamba: names.insert("layers.\(l).mixer.out_proj.weight")
            case .linearAttention, .softmaxAttention:
                for m in ["q_proj", "k_proj", "v_proj", "o_proj"] { names.insert("layers.\(l).mixer.\(m).weight") }
                names.insert("layers.\(l).mlp.fc1.weight")
            }
        }
        return names
    }

    @Test("zoology leaves every parameter it does not name bit for bit as pytorch draws it", arguments: mixers)
    func untouchedKept(mixer: MixerKind) throws {
        let reference = try model(mixer, .pytorch), zoology = try model(mixer, .zoology)
        let names = touched(mixer, layers: 2)
        var compared = 0, changed = 0
        for entry in reference.parameters.entries {
            let same = try values(reference, entry.name).map(\.bitPattern) == values(zoology, entry.name).map(\.bitPattern)
            if names.contains(entry.name) { changed += same ? 0 : 1 } else { #expect(same, "\(entry.name)"); compared += 1 }
        }
        #expect(changed == names.count && compared > 10)
        #expect(zoology.config.summary.hasSuffix("init=zoology tied=false") && !reference.config.summary.contains("init="))
    }

    @Test("Mamba's out_proj and fc2 are the reference values divided by √(2L) with the MLP and by √L without")
    func mambaRescaled() throws {
        let mamba = MixerKind.mamba(dState: 4, dConv: 4, expand: 2)
        for (mlp, layers, divisor) in [(true, 2, Float(2)), (false, 2, Float(2).squareRoot()), (true, 3, Float(6).squareRoot())] {
            let reference = try model(mamba, .pytorch, mlp: mlp, layers: layers), zoology = try model(mamba, .zoology, mlp: mlp, layers: layers)
            var names = (0..<layers).map { "layers.\($0).mixer.out_proj.weight" }
            if mlp { names += (0..<layers).map { "layers.\($0).mlp.fc2.weight" } }
            for name in names {
                let expected = try values(reference, name).map { $0 * (1 / divisor) }
                #expect(try values(zoology, name) == expected, "\(name) mlp=\(mlp) L=\(layers)")
            }
        }
    }

    @Test("attention's q, k, v, fc1 and head are N(0, 0.02²) and its o_proj and fc2 N(0, (0.02/√(2L))²)")
    func attentionNormal() throws {
        let zoology = try model(.softmaxAttention(heads: 2), .zoology, C: 64)
        func moments(_ name: String) throws -> (mean: Double, deviation: Double, count: Int) {
            let v = try values(zoology, name).map(Double.init)
            let mean = v.reduce(0, +) / Double(v.count)
            return (mean, (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count - 1)).squareRoot(), v.count)
        }
        // Four standard errors: of a normal sample's deviation σ/√(2n), of its mean σ/√n.
        for (name, deviation) in [("layers.0.mixer.q_proj.weight", 0.02), ("layers.1.mixer.v_proj.weight", 0.02),
                                  ("layers.0.mlp.fc1.weight", 0.02), ("lm_head.weight", 0.02),
                                  ("layers.0.mixer.o_proj.weight", 0.01), ("layers.1.mlp.fc2.weight", 0.01)] {
            let (mean, measured, n) = try moments(name)
            #expect(abs(measured / deviation - 1) < 4 / Double(2 * n).squareRoot(), "\(name): deviation \(measured), expected \(deviation)")
            #expect(abs(mean) < 4 * deviation / Double(n).squareRoot(), "\(name): mean \(mean)")
        }
    }
}
