/// The token mixer of every layer of a `SequenceModel`.
public enum MixerKind: Equatable, Sendable {
    /// The mixer family as named in a suite config (`mixer:`); raw values are the config
    /// spelling. The harness adds the family's sizes to get a `MixerKind`.
    public enum Name: String, CaseIterable, Sendable {
        case mamba
        case linearAttention = "linear-attention"
        case softmaxAttention = "softmax-attention"
    }

    /// Mamba block with the given d_state, d_conv, expand (dt_rank ⌈d_model/16⌉).
    case mamba(dState: Int, dConv: Int, expand: Int)
    /// Causal linear attention with `heads` heads; `normalize` as in `AttentionKind.linear`.
    case linearAttention(heads: Int, normalize: Bool)
    /// Causal softmax attention with `heads` heads.
    case softmaxAttention(heads: Int)

    /// The family without its sizes.
    public var name: Name {
        switch self {
        case .mamba: return .mamba
        case .linearAttention: return .linearAttention
        case .softmaxAttention: return .softmaxAttention
        }
    }
}

/// How a `SequenceModel` tells the mixers where a token is; raw values are the config spelling
/// (`positions:`). Mamba and the causal convolution see order through their recurrence, so
/// `none` is their natural setting; attention without positions sees a bag of earlier tokens.
public enum PositionEncoding: String, CaseIterable, Sendable {
    /// No positional signal beyond what the mixer computes (today's backbone).
    case none
    /// A learned absolute table `pos_embedding.weight` [maxT, C] added to the token embedding
    /// (GPT-2); works with every mixer and bounds generation at maxT positions.
    case learned
    /// Rotary embedding (RoFormer) of the queries and keys inside softmax attention, in the
    /// GPT-NeoX / llama rotate_half layout, base 10000; needs softmax attention and an even head size.
    case rope
}

/// Sizes of a `SequenceModel` backbone and its workspace.
public struct SequenceModelConfig: Equatable, Sendable {
    public var vocabSize: Int
    public var dModel: Int
    public var layers: Int
    public var mixer: MixerKind
    /// Adds RMSNorm → MLP (fc1 [4C,C] → SiLU → fc2 [C,4C], no bias) → residual after each mixer.
    public var mlp: Bool
    /// Where a token is: see `PositionEncoding`. `.none` is the backbone without positions.
    public var positions: PositionEncoding
    /// Width k of a depthwise causal convolution with bias (`layers.{l}.short_conv`, PyTorch
    /// Conv1d(C, C, k, groups: C, padding: k − 1) cut to T) on the normed input of every mixer,
    /// as H3 and Based put before attention: hₗ' = hₗ + mixer(conv(rmsNorm(hₗ))). 0 turns it off;
    /// 1 is a per-channel scale and bias.
    public var shortConv: Int
    /// true: the LM head reuses `embedding.weight` (mamba_ssm's MambaLMHeadModel default) and the
    /// table has no `lm_head.weight`; false: a separate `lm_head.weight` [V,C].
    public var tieEmbeddings: Bool
    /// How the weights start: see `InitScheme`. `.pytorch` is the init every earlier run had.
    public var initScheme: InitScheme
    /// Largest B and T the workspace holds; forward/backward take any B ≤ maxBatch, T ≤ maxT.
    public var maxBatch: Int
    public var maxT: Int

    public init(vocabSize: Int, dModel: Int, layers: Int, mixer: MixerKind, mlp: Bool = false,
                positions: PositionEncoding = .none, shortConv: Int = 0,
                tieEmbeddings: Bool = false, initScheme: InitScheme = .pytorch, maxBatch: Int, maxT: Int) {
        precondition(vocabSize > 1 && dModel > 0 && layers > 0 && maxBatch > 0 && maxT > 0,
                     "SequenceModelConfig: vocabSize > 1 and dModel, layers, maxBatch, maxT > 0 required")
        precondition(shortConv >= 0, "SequenceModelConfig: shortConv = \(shortConv) must be 0 (off) or a kernel width ≥ 1")
        self.vocabSize = vocabSize
        self.dModel = dModel
        self.layers = layers
        self.mixer = mixer
        self.mlp = mlp
        self.positions = positions
        self.shortConv = shortConv
        self.tieEmbeddings = tieEmbeddings
        self.initScheme = initScheme
        self.maxBatch = maxBatch
        self.maxT = maxT
    }

    /// The Mamba block config of each layer, for `.mamba`.
    var mambaConfig: MambaConfig? {
        if case let .mamba(dState, dConv, expand) = mixer {
            return MambaConfig(dModel: dModel, dState: dState, dConv: dConv, expand: expand)
        }
        return nil
    }

    /// Every parameter's name and shape, in table order (PyTorch state_dict names).
    public func parameterShapes() -> [(name: String, shape: [Int])] {
        let C = dModel
        var shapes: [(name: String, shape: [Int])] = [("embedding.weight", [vocabSize, C])]
        if positions == .learned { shapes.append(("pos_embedding.weight", [maxT, C])) }
        for l in 0..<layers {
            let prefix = "layers.\(l)."
            shapes.append((prefix + "norm.weight", [C]))
            if shortConv > 0 {
                shapes.append((prefix + "short_conv.weight", [C, 1, shortConv]))
                shapes.append((prefix + "short_conv.bias", [C]))
            }
            switch mixer {
            case .mamba:
                shapes += mambaConfig?.parameterShapes(prefix: prefix + "mixer.") ?? []
            case .linearAttention, .softmaxAttention:
                shapes += AttentionMixer.parameterShapes(C: C, prefix: prefix + "mixer.")
            }
            if mlp {
                shapes.append((prefix + "norm2.weight", [C]))
                shapes.append((prefix + "mlp.fc1.weight", [4 * C, C]))
                shapes.append((prefix + "mlp.fc2.weight", [C, 4 * C]))
            }
        }
        shapes.append(("norm_f.weight", [C]))
        if !tieEmbeddings { shapes.append(("lm_head.weight", [vocabSize, C])) }
        return shapes
    }

    /// A one-line description stored in checkpoint metadata; the position, short-conv and init options
    /// appear only when on, so a default config reads as it always has.
    public var summary: String {
        var options = ""
        if positions != .none { options += " positions=\(positions.rawValue)" }
        if shortConv > 0 { options += " short_conv=\(shortConv)" }
        if initScheme != .pytorch { options += " init=\(initScheme.rawValue)" }
        return "vocab=\(vocabSize) d_model=\(dModel) layers=\(layers) mixer=\(mixer) mlp=\(mlp)\(options) tied=\(tieEmbeddings)"
    }
}
