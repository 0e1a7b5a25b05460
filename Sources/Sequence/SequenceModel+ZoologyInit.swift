import Foundation

extension SequenceModel {
    /// `InitScheme.zoology` over the reference init, by parameter name (PyTorch state_dict names,
    /// as Zoology's `_init_weights` matches `out_proj.weight` and `fc2.weight`).
    func applyZoologyInit<G: RandomNumberGenerator>(using rng: inout G) {
        let L = config.layers
        for l in 0..<L {
            let layer = "layers.\(l)."
            switch config.mixer {
            case .mamba:
                // Zoology, Mamba blocks: PyTorch's Linear default, then out_proj and fc2 ÷ √(n·L)
                let scale = 1 / Float((config.mlp ? 2 : 1) * L).squareRoot()
                scaleValues(named: layer + "mixer.out_proj.weight", by: scale)
                if config.mlp { scaleValues(named: layer + "mlp.fc2.weight", by: scale) }
            case .linearAttention, .softmaxAttention:
                // Zoology, other blocks: every Linear N(0, 0.02²); out_proj and fc2 N(0, (0.02/√(2L))²)
                let residualDeviation = 0.02 / Double(2 * L).squareRoot()
                for name in ["q_proj", "k_proj", "v_proj"] { fillNormal(named: layer + "mixer.\(name).weight", 0.02, using: &rng) }
                fillNormal(named: layer + "mixer.o_proj.weight", residualDeviation, using: &rng)
                if config.mlp {
                    fillNormal(named: layer + "mlp.fc1.weight", 0.02, using: &rng)
                    fillNormal(named: layer + "mlp.fc2.weight", residualDeviation, using: &rng)
                }
            }
        }
        if !config.tieEmbeddings { fillNormal(named: "lm_head.weight", 0.02, using: &rng) }
    }

    /// The values of the entry `name`, which `config.parameterShapes()` always contains here.
    private func values(named name: String) -> UnsafeMutableBufferPointer<Float> {
        guard let index = parameters.index(of: name) else { preconditionFailure("SequenceModel: no parameter \(name)") }
        return parameters.values(of: index)
    }

    private func scaleValues(named name: String, by scale: Float) {
        let values = values(named: name)
        for i in values.indices { values[i] *= scale }
    }

    private func fillNormal<G: RandomNumberGenerator>(named name: String, _ standardDeviation: Double, using rng: inout G) {
        Self.fillNormal(values(named: name), standardDeviation: standardDeviation, using: &rng)
    }
}
