import Foundation
import Testing
import NN
import TestSupport
@testable import Sequence

/// The whole attention backbone the backbones controls train (learned positions, MLP blocks,
/// untied head, loss on the scored positions only) against PyTorch: the fixture comes from
/// baselines/pytorch/attention_backbone_golden.py, whose model is the `peer: pytorch` script's.
/// The mixer kernels have golden tests of their own; this one covers how the model composes
/// them (embedding + positions, both norms, residuals, the MLP, the head, the masked loss).
@Suite("Attention backbone golden vectors")
struct AttentionBackboneGoldenTests {
    @Test("logits, loss and every gradient of the attention backbone with learned positions and MLP match PyTorch")
    func matchesPyTorch() throws {
        let file = try loadFixture("attention_backbone_mlp")
        let B = 2, T = 7, V = 13
        var rng = SplitMix64(seed: 1)
        let model = try SequenceModel(config: SequenceModelConfig(vocabSize: V, dModel: 16, layers: 2, mixer: .softmaxAttention(heads: 2),
                                                                  mlp: true, positions: .learned, maxBatch: B, maxT: T), rng: &rng)
        try loadParameters(model.parameters, from: file)
        let tokens = try file.tensor("tokens").values.map { Int32($0) }
        let rawTargets = try file.tensor("targets").values.map { Int32($0) }
        let mask = rawTargets.map { $0 < 0 ? Float(0) : 1 }, targets = rawTargets.map { max($0, 0) }
        #expect(mask.filter { $0 != 0 }.count == 6, "the fixture scores three positions per sequence")
        let logits = tokens.withUnsafeBufferPointer { Array(model.forward(tokens: $0, B: B, T: T)) }
        logits.withUnsafeBufferPointer { expectClose("logits", $0, (try? file.tensor("logits").values) ?? []) }
        let loss = tokens.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in mask.withUnsafeBufferPointer { m in model.computeGradients(tokens: x, targets: y, mask: m, B: B, T: T) } }
        }
        [loss].withUnsafeBufferPointer { expectClose("loss", $0, (try? file.tensor("loss").values) ?? []) }
        for (index, entry) in model.parameters.entries.enumerated() {
            expectClose("grad." + entry.name, UnsafeBufferPointer(model.parameters.grads(of: index)), try file.tensor("grad." + entry.name).values)
        }
        #expect(model.parameters.entries.count == 20, "every parameter of the fixture's model is compared")
    }
}
