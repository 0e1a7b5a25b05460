/// Which neuromodulator the three-factor router runs without (`nm_ablation`), so a report can say
/// which of them change learning and recovery after a shift. Raw values are the config spelling.
///
/// - dopamine: the reward itself stands in for the prediction error (δ = r, no critic baseline);
/// - norepinephrine: the fixed `router_temperature` and a gain of 1 instead of arousal's;
/// - acetylcholine: a learning-rate multiplier of 1 whatever the novelty;
/// - serotonin: a learning-rate factor of 1 whatever the mood.
///
/// GABA's k-WTA acts on activations, which this router does not have, so it has no ablation here.
public enum NeuromodulatorAblation: String, CaseIterable, Sendable {
    case none, dopamine, norepinephrine, acetylcholine, serotonin
}
