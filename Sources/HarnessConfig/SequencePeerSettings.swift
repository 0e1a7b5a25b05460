/// What a sequence variant with `peer: pytorch` may ask for: the settings
/// baselines/pytorch/mqar_transformer.py implements (softmax attention with learned or no
/// positions, with or without the MLP, on MQAR; AdamW, or Adam without weight decay; no short
/// convolution, Zoology init or patience). Checked when the config is read, so a variant the
/// script would train as something else is refused before anything runs.
public enum SequencePeerSettings {
    /// Each checked key with the values the script accepts (as the config spells them).
    static let accepted: [(key: String, values: [String])] = [
        ("seq_task", ["mqar"]), ("mixer", ["softmax-attention"]), ("positions", ["learned", "none"]),
        ("short_conv", ["0"]), ("init_scheme", ["pytorch"]), ("patience", ["0"]),
    ]

    /// The first key of `values` (a resolved sequence variant) the script cannot train, with what
    /// it expects; nil when it can, or when the variant is not a PyTorch peer. biomoe-before (a perf
    /// peer) is refused here by name.
    public static func configProblem(model values: [String: ConfigValue]) -> (key: String, expected: String)? {
        if values["peer"]?.stringValue == Peer.biomoeBefore.rawValue {
            return ("peer", "biomoe or pytorch for a sequence variant (biomoe-before times perf's blocks only), got biomoe-before")
        }
        guard values["peer"]?.stringValue == "pytorch" else { return nil }
        func spelled(_ value: ConfigValue?) -> String {
            value?.stringValue ?? value?.intValue.map(String.init) ?? value?.doubleValue.map { String($0) } ?? "?"
        }
        for (key, accepted) in accepted where !accepted.contains(spelled(values[key])) {
            return (key, "\(accepted.joined(separator: " or ")) with peer pytorch (baselines/pytorch/mqar_transformer.py implements only these), got \(spelled(values[key])); or use peer: biomoe")
        }
        // Adam folds weight decay into the gradient (L2); the script's AdamW decays the weights, the same only without decay.
        let optimizer = spelled(values["optimizer"]), decay = values["weight_decay"]?.doubleValue ?? 0
        if optimizer != "adamw" && !(optimizer == "adam" && decay == 0) {
            return ("optimizer", "adamw (or adam with weight_decay 0) with peer pytorch, got \(optimizer)\(decay == 0 ? "" : " with weight_decay \(decay)"); or use peer: biomoe")
        }
        return nil
    }
}
