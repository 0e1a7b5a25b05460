/// The seed's gate signals (issue 15), each off unless a config switches it on. Two change what
/// the gate *sees* (its input g instead of the features h), the rest add a bias to its logits:
///
/// - `gate_phasor` a: a bank of oscillators, one per hidden feature, with fixed random frequency
///   ω_d and phase φ_d: g_d = h_d · (1 + a · cos(ω_d h_d + φ_d)) (the seed's PhasorBank).
/// - `gate_kwta` k: spiking k-winners-take-all attention gains: the k largest features of a row
///   pass (gain 1), the others are silenced (gain 0).
/// - `thalamic_scale` s: the thalamus's top-down bias, −s · ‖g − c_e‖² / D, with a learned centroid
///   c_e per expert (the seed's "gate bias from negative squared distance", centroids at 0 at first,
///   so it starts as a shift common to all experts and changes nothing).
/// - `predictive_weight` w: a linear head u = W_u g + b_u predicting each expert's utility (the
///   probability the model gives the right class when that expert is the first choice), trained by
///   squared error on the first choice alone; w · u is added, with no gradient into the gate's loss.
/// - `gate_groups` G: hierarchical group gating, the slots dealt into G contiguous groups; a group
///   gate q = W_g g + b_g adds q_{group(e)} to expert e's logit (the seed's "group bias").
/// - `merit_weight` m with `merit_momentum` μ: a merit board; after each training batch
///   merit_e ← μ merit_e + (1 − μ)(mean utility of the rows e took first − the batch's mean)
///   (a bandit's momentum estimate of the expert's advantage); m · merit_e is added.
/// - `gate_bias`: a constant "personality" bias per slot (the temperature is `temperature`).
public struct GateSignalSettings: Equatable, Sendable {
    public var phasorDepth: Float = 0
    public var kwta = 0
    public var thalamicScale: Float = 0
    public var predictiveWeight: Float = 0
    public var groups = 0
    public var meritWeight: Float = 0
    public var meritMomentum: Float = 0.9
    public var bias: [Float] = []

    public init() {}

    var phasor: Bool { phasorDepth != 0 }
    var thalamic: Bool { thalamicScale != 0 }
    var predictive: Bool { predictiveWeight != 0 }
    var grouped: Bool { groups >= 2 }
    var merit: Bool { meritWeight != 0 }
    /// Whether the gate's input differs from h.
    var modulates: Bool { phasor || kwta > 0 }

    /// True when every signal is off: the model is then the plain growth model, bit for bit.
    public var isOff: Bool { !modulates && !thalamic && !predictive && !grouped && !merit && bias.allSatisfy { $0 == 0 } }

    /// The first inconsistency with a model of `slots` experts and `width` features, as (config
    /// key, what is expected), or nil.
    public func problem(slots: Int, width: Int) -> (key: String, expected: String)? {
        if !(0...width).contains(kwta) { return ("gate_kwta", "0 (off) or a number of winners in 1...\(width) (model_width)") }
        if groups < 0 || groups > slots { return ("gate_groups", "0 (off) or a number of groups in 2...\(slots) (the experts' slots)") }
        if !(0..<1).contains(meritMomentum) { return ("merit_momentum", "a momentum in [0, 1)") }
        if !bias.isEmpty, bias.count != slots { return ("gate_bias", "one bias per expert slot (\(slots)), or an empty list; got \(bias.count)") }
        return nil
    }

    /// The settings as a checkpoint's metadata value, `key=value` pairs (read by `init(metadata:)`).
    var metadata: String {
        ["phasor=\(phasorDepth)", "kwta=\(kwta)", "thalamic=\(thalamicScale)", "predictive=\(predictiveWeight)", "groups=\(groups)",
         "merit=\(meritWeight)", "merit_momentum=\(meritMomentum)", "bias=" + bias.map { "\($0)" }.joined(separator: ":")].joined(separator: ",")
    }

    /// Parses `metadata`; nil when a pair is missing or malformed.
    init?(metadata: String) {
        var pairs: [String: String] = [:]
        for part in metadata.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { return nil }
            pairs[String(kv[0])] = String(kv[1])
        }
        guard let phasor = pairs["phasor"].flatMap(Float.init), let kwta = pairs["kwta"].flatMap(Int.init),
              let thalamic = pairs["thalamic"].flatMap(Float.init), let predictive = pairs["predictive"].flatMap(Float.init),
              let groups = pairs["groups"].flatMap(Int.init), let merit = pairs["merit"].flatMap(Float.init),
              let momentum = pairs["merit_momentum"].flatMap(Float.init), let bias = pairs["bias"] else { return nil }
        let biases = bias.isEmpty ? [] : bias.split(separator: ":").map { Float(String($0)) }
        guard !biases.contains(nil) else { return nil }
        (phasorDepth, self.kwta, thalamicScale, predictiveWeight, self.groups) = (phasor, kwta, thalamic, predictive, groups)
        (meritWeight, meritMomentum, self.bias) = (merit, momentum, biases.map { $0! })
    }
}
