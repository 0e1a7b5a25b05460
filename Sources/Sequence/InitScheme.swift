/// How a `SequenceModel`'s weights start; raw values are the config spelling (`init_scheme:`).
///
/// Why a choice: with PyTorch's Linear default, each MLP adds to the residual stream an output
/// about ten times the N(0, 0.02²) token embedding, while the references the backbones are
/// compared with start their residual branches small (GPT-2's scheme). Recall tasks learned
/// much more slowly with the MLP than without it; this lets a suite test whether the start is
/// the reason, without changing any run recorded before.
public enum InitScheme: String, CaseIterable, Sendable {
    /// Each part's reference init: PyTorch's Linear default U(±1/√fan_in) for attention, the
    /// MLP and an untied head, `mamba_simple`'s for Mamba, the embedding N(0, 0.02²).
    case pytorch
    /// HazyResearch/zoology's `_init_weights` (zoology/model.py) on top of `pytorch`. Attention
    /// mixers: q, k, v, MLP fc1 and an untied head N(0, 0.02²); o_proj and fc2 N(0, (0.02/√(2L))²).
    /// Mamba: Linear layers keep PyTorch's default, and out_proj and fc2 are divided by
    /// √(n·L), n = 2 residual branches per layer with the MLP and 1 without (GPT-2's
    /// "scale the residual layers by 1/√N"); an untied head N(0, 0.02²), as Zoology's is the
    /// tied embedding. Drawn after everything else, so every other parameter keeps its value.
    case zoology
}
