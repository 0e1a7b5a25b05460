/// The `base` keys of `model: diehl-cook` (experiments/diehl-cook.yaml). Every default is the
/// value of Diehl & Cook's own code, so a suite that sets only `dc_neurons` and `dc_epochs` is the
/// paper's configuration. The model's own `dc_epochs` (not `task.epochs`) counts passes over the
/// training split, because the reference trains each network size for a different number.
extension ExperimentSchema {
    static let diehlCookKeys: [FieldSpec] = {
        let m = ["diehl-cook"]
        return [
            FieldSpec("dc_neurons", .int(1...10_000), default: .int(100),
                      help: "N, excitatory neurons (as many inhibitory); the paper reports 100, 400, 1600 and 6400", models: m),
            FieldSpec("dc_epochs", .int(0...100), default: .int(1),
                      help: "passes over the training split with STDP on (the reference code: 1 for N = 100, 3 for N = 400); 0 labels the random initial network, a no-learning control", models: m),
            FieldSpec("dc_label_images", .int(0...60_000), default: .int(0),
                      help: "training images shown (learning off) to label the neurons after training; 0 = the whole training split, the paper's choice", models: m),
            FieldSpec("dc_theta_plus", .double(0...10), default: .double(0.05),
                      help: "θ₊, threshold increase per spike while learning (mV)", models: m),
            FieldSpec("dc_weight_sum", .double(0...10_000, lowerExclusive: true), default: .double(78),
                      help: "sum every excitatory neuron's input weights are normalised to before each training presentation", models: m),
            FieldSpec("dc_nu_pre", .double(0...1), default: .double(0.0001),
                      help: "ν_pre, depression per input spike × the post trace", models: m),
            FieldSpec("dc_nu_post", .double(0...1), default: .double(0.01),
                      help: "ν_post, potentiation per output spike × the pre trace × the slow post trace", models: m),
            FieldSpec("dc_inhibition", .double(0...1000), default: .double(17),
                      help: "inhibitory → excitatory conductance increment (lateral inhibition)", models: m),
            FieldSpec("dc_intensity", .double(0...100, lowerExclusive: true), default: .double(2),
                      help: "input rate = byte / 8 · intensity Hz (2: at most 63.75 Hz)", models: m),
        ]
    }()
}
