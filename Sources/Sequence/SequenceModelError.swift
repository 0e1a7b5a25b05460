/// Errors from building sequence models and reading or writing their checkpoints.
public enum SequenceModelError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(name: String, expected: [Int], got: [Int])
    /// `positions: rope` with a mixer that has no softmax queries and keys to rotate.
    case ropeNeedsSoftmaxAttention(mixer: MixerKind.Name)
    /// `positions: rope` with an odd head size E = d_model / heads: RoPE turns pairs (i, i + E/2).
    case ropeNeedsEvenHeadSize(headSize: Int, dModel: Int, heads: Int)

    public var description: String {
        switch self {
        case let .shapeMismatch(name, expected, got):
            return "parameter \"\(name)\" has shape \(got) but the layer expects \(expected); build the parameter table from the same config."
        case .ropeNeedsSoftmaxAttention(.mamba):
            return "positions: rope rotates the queries and keys of softmax attention, and a mamba mixer has none; use positions: none (Mamba's natural setting) or positions: learned."
        case let .ropeNeedsSoftmaxAttention(mixer):
            return "positions: rope needs softmax attention (it rotates the queries and keys inside the softmax), but the mixer is \(mixer.rawValue); use positions: learned with this mixer, or mixer: softmax-attention."
        case let .ropeNeedsEvenHeadSize(headSize, dModel, heads):
            return "positions: rope turns each head's features in pairs (i, i + E/2), so the head size E must be even, but E = d_model / heads = \(dModel) / \(heads) = \(headSize); choose d_model and heads with an even quotient, or use positions: learned."
        }
    }
}
