import TestSupport
import Foundation
import Testing
import NN
@testable import Sequence

/// One backbone configuration of the position and short-convolution options.
struct BackboneVariant: Sendable, CustomTestStringConvertible {
    var mixer: MixerKind
    var positions: PositionEncoding = .none
    var shortConv = 0
    var mlp = false

    var testDescription: String { "\(mixer.name.rawValue) positions=\(positions.rawValue) short_conv=\(shortConv) mlp=\(mlp)" }

    func config(V: Int, B: Int, T: Int) -> SequenceModelConfig {
        SequenceModelConfig(vocabSize: V, dModel: 8, layers: 2, mixer: mixer, mlp: mlp, positions: positions, shortConv: shortConv,
                            maxBatch: B, maxT: T)
    }
}

@Suite("SequenceModel positions and short convolution")
struct BackboneOptionsTests {
    static let mixers: [MixerKind] = [.mamba(dState: 3, dConv: 4, expand: 2), .linearAttention(heads: 2, normalize: true),
                                      .linearAttention(heads: 2, normalize: false), .softmaxAttention(heads: 2)]

    /// Learned positions alone, the short conv alone, both with the MLP (every mixer), and RoPE.
    static let gradientVariants: [BackboneVariant] =
        mixers.map { BackboneVariant(mixer: $0, positions: .learned) }
        + mixers.map { BackboneVariant(mixer: $0, shortConv: 3) }
        + mixers.map { BackboneVariant(mixer: $0, positions: .learned, shortConv: 3, mlp: true) }
        + [BackboneVariant(mixer: .softmaxAttention(heads: 2), positions: .rope),
           BackboneVariant(mixer: .softmaxAttention(heads: 2), positions: .rope, shortConv: 2, mlp: true),
           BackboneVariant(mixer: .mamba(dState: 3, dConv: 1, expand: 2), positions: .learned, shortConv: 1, mlp: true)]

    /// Every allowed combination of positions × short conv {0, 1, 3} × mixer (with Mamba at d_conv 1).
    static let stepVariants: [BackboneVariant] =
        (mixers + [.mamba(dState: 3, dConv: 1, expand: 2)]).flatMap { mixer in
            PositionEncoding.allCases.filter { $0 != .rope || mixer.name == .softmaxAttention }.flatMap { positions in
                [0, 1, 3].map { BackboneVariant(mixer: mixer, positions: positions, shortConv: $0, mlp: true) }
            }
        }

    func tokens(_ count: Int, seed: UInt64, V: Int) -> [Int32] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int32(g.next() % UInt64(V)) }
    }

    @Test("learned positions put pos_embedding [maxT, C] right after the embedding; the short conv puts [C,1,k] and [C] before each mixer")
    func parameterTable() {
        let plain = SequenceModelConfig(vocabSize: 10, dModel: 8, layers: 2, mixer: .softmaxAttention(heads: 2), mlp: true, maxBatch: 1, maxT: 6)
        var options = plain
        options.positions = .learned
        options.shortConv = 4
        let shapes = options.parameterShapes()
        #expect(shapes[1].name == "pos_embedding.weight" && shapes[1].shape == [6, 8])
        #expect(shapes[2].name == "layers.0.norm.weight")
        #expect(shapes[3].name == "layers.0.short_conv.weight" && shapes[3].shape == [8, 1, 4])
        #expect(shapes[4].name == "layers.0.short_conv.bias" && shapes[4].shape == [8])
        #expect(shapes[5].name == "layers.0.mixer.q_proj.weight")
        let added: Set = ["pos_embedding.weight", "layers.0.short_conv.weight", "layers.0.short_conv.bias",
                          "layers.1.short_conv.weight", "layers.1.short_conv.bias"]
        #expect(shapes.map(\.name).filter { !added.contains($0) } == plain.parameterShapes().map(\.name))
        // RoPE has no parameters; the options are off by default.
        options.positions = .rope
        options.shortConv = 0
        #expect(options.parameterShapes().map(\.name) == plain.parameterShapes().map(\.name))
        #expect(plain.positions == .none && plain.shortConv == 0)
        #expect(options.summary.contains("positions=rope") && !plain.summary.contains("positions"))
    }

    @Test("turning the options on leaves every other parameter's initial value unchanged", arguments: mixers)
    func initialValuesKept(mixer: MixerKind) throws {
        var rng = SplitMix64(seed: 21), rngWith = SplitMix64(seed: 21)
        let plain = try SequenceModel(config: BackboneVariant(mixer: mixer, mlp: true).config(V: 9, B: 2, T: 5), rng: &rng)
        let with = try SequenceModel(config: BackboneVariant(mixer: mixer, positions: .learned, shortConv: 3, mlp: true).config(V: 9, B: 2, T: 5),
                                     rng: &rngWith)
        for (i, entry) in plain.parameters.entries.enumerated() {
            let j = try #require(with.parameters.index(of: entry.name))
            #expect(Array(plain.parameters.values(of: i)).map(\.bitPattern) == Array(with.parameters.values(of: j)).map(\.bitPattern), "\(entry.name)")
        }
        let pos = with.parameters.values(of: try #require(with.parameters.index(of: "pos_embedding.weight")))
        let conv = with.parameters.values(of: try #require(with.parameters.index(of: "layers.1.short_conv.weight")))
        #expect(pos.contains { $0 != 0 } && pos.allSatisfy { abs($0) < 0.15 })
        #expect(conv.contains { $0 != 0 } && conv.allSatisfy { abs($0) <= 1 / Float(3).squareRoot() })
    }

    @Test("maxPositions is the learned table's maxT rows and unbounded without it")
    func maxPositions() throws {
        var rng = SplitMix64(seed: 22)
        for (positions, expected) in [(PositionEncoding.none, nil), (.learned, 5), (.rope, nil)] as [(PositionEncoding, Int?)] {
            let model = try SequenceModel(config: BackboneVariant(mixer: .softmaxAttention(heads: 2), positions: positions).config(V: 9, B: 1, T: 5),
                                          rng: &rng)
            #expect(model.maxPositions == expected, "\(positions)")
        }
        #expect(PositionEncoding(rawValue: "learned") == .learned && PositionEncoding.allCases.map(\.rawValue) == ["none", "learned", "rope"])
    }

    @Test("masked loss gradients agree with finite differences for pos_embedding, short_conv, the embedding and every other parameter",
          arguments: gradientVariants)
    func gradients(variant: BackboneVariant) throws {
        let B = 2, T = 5, V = 7
        var rng = SplitMix64(seed: 23)
        let model = try SequenceModel(config: variant.config(V: V, B: B, T: T), rng: &rng)
        // Larger embeddings than the 0.02 init, so every path carries signal for finite differences.
        for (name, seed) in [("embedding.weight", UInt64(24)), ("pos_embedding.weight", 25)] {
            guard let index = model.parameters.index(of: name) else { continue }
            let values = model.parameters.values(of: index)
            for (i, v) in testValues(values.count, seed: seed).enumerated() { values[i] = v }
        }
        let input = tokens(B * T, seed: 26, V: V), targets = tokens(B * T, seed: 27, V: V)
        let mask: [Float] = (0..<(B * T)).map { $0 % 3 == 0 ? 0 : 1 }
        try input.withUnsafeBufferPointer { x in
            try targets.withUnsafeBufferPointer { y in
                try mask.withUnsafeBufferPointer { m in
                    _ = model.computeGradients(tokens: x, targets: y, mask: m, B: B, T: T)
                    let grads = makeBuffer(Array(model.parameters.grads))
                    defer { grads.deallocate() }
                    // The new tensors (and the embedding, the model's input) element by element; the rest sampled.
                    let thorough = GradientCheck(epsilon: 1e-2, absoluteTolerance: 1e-3, relativeTolerance: 3e-2)
                    let sampled = GradientCheck(epsilon: 1e-2, absoluteTolerance: 1e-3, relativeTolerance: 3e-2, maxElementsPerTensor: 6)
                    var checkedNew = 0
                    for (i, entry) in model.parameters.entries.enumerated() {
                        let isNew = entry.name.contains("pos_embedding") || entry.name.contains("short_conv") || entry.name == "embedding.weight"
                        checkedNew += isNew ? 1 : 0
                        let report = (isNew ? thorough : sampled).check(entry.name, values: model.parameters.values(of: i),
                                                                       analytic: UnsafeBufferPointer(rebasing: grads[entry.range])) {
                            Double(model.computeGradients(tokens: x, targets: y, mask: m, B: B, T: T))
                        }
                        #expect(report.passed, "\(variant.testDescription): \(report)")
                    }
                    #expect(checkedNew == 1 + (variant.positions == .learned ? 1 : 0) + (variant.shortConv > 0 ? 4 : 0))
                }
            }
        }
    }

    @Test("recurrent generation reproduces the parallel logits at every position", arguments: stepVariants)
    func stepMatchesForward(variant: BackboneVariant) throws {
        let B = 2, T = 6, V = 7
        var rng = SplitMix64(seed: 28)
        let model = try SequenceModel(config: variant.config(V: V, B: B, T: T), rng: &rng)
        if let index = model.parameters.index(of: "pos_embedding.weight") {  // positions as large as the tokens' signal
            let values = model.parameters.values(of: index)
            for (i, v) in testValues(values.count, seed: 29).enumerated() { values[i] = v }
        }
        let input = tokens(B * T, seed: 30, V: V)
        let parallel = input.withUnsafeBufferPointer { Array(model.forward(tokens: $0, B: B, T: T)) }
        model.resetState(B: B)
        var maxDifference: Float = 0
        for t in 0..<T {
            let column = (0..<B).map { input[$0 * T + t] }
            let logits = column.withUnsafeBufferPointer { Array(model.step(tokens: $0, B: B)) }
            for b in 0..<B { for v in 0..<V { maxDifference = max(maxDifference, abs(logits[b * V + v] - parallel[(b * T + t) * V + v])) } }
        }
        #expect(maxDifference < 1e-4, "\(variant.testDescription): step vs forward max |difference| \(maxDifference)")
        #expect(model.recurrentStateFloats(T: T) == model.mixers.reduce(0) { $0 + $1.recurrentStateFloats(maxT: T) } + 2 * 8 * variant.shortConv)
    }

    @Test("RoPE is refused with linear attention, with Mamba and with an odd head size, and the message names the fix")
    func ropeRefusals() {
        var rng = SplitMix64(seed: 31)
        func build(_ mixer: MixerKind, dModel: Int = 8) throws {
            _ = try SequenceModel(config: SequenceModelConfig(vocabSize: 5, dModel: dModel, layers: 1, mixer: mixer, positions: .rope,
                                                              maxBatch: 1, maxT: 4), rng: &rng)
        }
        let linear = SequenceModelError.ropeNeedsSoftmaxAttention(mixer: .linearAttention)
        #expect(throws: linear) { try build(.linearAttention(heads: 2, normalize: true)) }
        #expect(linear.description.contains("needs softmax attention") && linear.description.contains("positions: learned"))
        let mamba = SequenceModelError.ropeNeedsSoftmaxAttention(mixer: .mamba)
        #expect(throws: mamba) { try build(.mamba(dState: 2, dConv: 4, expand: 2)) }
        #expect(mamba.description.contains("positions: none") && mamba.description.contains("positions: learned"))
        let odd = SequenceModelError.ropeNeedsEvenHeadSize(headSize: 5, dModel: 10, heads: 2)
        #expect(throws: odd) { try build(.softmaxAttention(heads: 2), dModel: 10) }
        #expect(odd.description.contains("E must be even") && odd.description.contains("= 5"))
    }

    @Test("stepping past the learned table's maxT positions stops with a message")
    func stepPastLearnedTable() async {
        await #expect(processExitsWith: .failure) {
            var rng = SplitMix64(seed: 32)
            let model = try SequenceModel(config: BackboneVariant(mixer: .mamba(dState: 2, dConv: 4, expand: 2), positions: .learned)
                .config(V: 5, B: 1, T: 3), rng: &rng)
            model.resetState(B: 1)
            for _ in 0..<4 { _ = [Int32(1)].withUnsafeBufferPointer { model.step(tokens: $0, B: 1) } }
        }
    }
}
