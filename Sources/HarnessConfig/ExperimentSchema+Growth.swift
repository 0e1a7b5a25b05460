import Growth

/// The `base` keys of `model: growth` (experiments/growth.yaml): seed 001's growth model. The
/// shared MoE keys (`model_width`, `expert_hidden`, `top_k`, `temperature`,
/// `balance_coefficient`) size it; these say how it grows. Defaults: `GrowthSettings`.
extension ExperimentSchema {
    static let growthKeys: [FieldSpec] = {
        let m = ["growth"]
        let d = GrowthSettings()
        return [
            FieldSpec("growth_experts", .intList(element: 1...256, count: 1...16), default: .list(d.stages.map { .int($0.experts) }),
                      help: "active experts of each stage of the schedule, increasing (the seed's 1 → 3 → 6; one entry: a fixed number)", models: m),
            FieldSpec("growth_epochs", .intList(element: 1...1000, count: 1...16), default: .list(d.stages.map { .int($0.epoch) }),
                      help: "the epoch (1-based) each stage of growth_experts starts; the first is 1", models: m),
            FieldSpec("growth_max_experts", .int(0...256), default: .int(0),
                      help: "expert slots allocated; 0 = the last stage's count (neurogenesis needs spare slots)", models: m),
            FieldSpec("growth_teacher", .oneOf(TeacherChoice.self), default: .choice(d.teacher),
                      help: "what a new expert is cloned from and distilled towards: the most-used expert (lifetime share of first choices), the most-accurate (routed training accuracy over the last epoch), or the committee of the top_k most-used (their mean output)", models: m),
            FieldSpec("growth_clone", .bool, default: .bool(d.clone),
                      help: "a new expert starts as a copy of its teacher (false: with its own initial values; the cloning ablation)", models: m),
            FieldSpec("growth_clone_noise", .double(0...1), default: .double(Double(d.cloneNoise)),
                      help: "σ of the Gaussian noise added to each cloned value (0: an exact copy)", models: m),
            FieldSpec("growth_bootstrap_steps", .int(0...1_000_000), default: .int(d.bootstrapSteps),
                      help: "steps after its birth a new expert is distilled with growth_bootstrap_alpha", models: m),
            FieldSpec("growth_distill_steps", .int(0...1_000_000), default: .int(d.distillSteps),
                      help: "steps after its birth a new expert is distilled at all (0: no distillation)", models: m),
            FieldSpec("growth_bootstrap_alpha", .double(0...100), default: .double(Double(d.bootstrapAlpha)),
                      help: "weight of the distillation MSE while bootstrapping (the seed's 1.0)", models: m),
            FieldSpec("growth_distill_alpha", .double(0...100), default: .double(Double(d.distillAlpha)),
                      help: "weight of the distillation MSE after the bootstrap (the seed's 0.5)", models: m),
            FieldSpec("growth_spawn_entropy", .double(0...1), default: .double(d.spawnEntropy),
                      help: "neurogenesis: spawn an expert when the gate's entropy over ln(active experts) stays above this for growth_spawn_patience steps; 0 = off", models: m),
            FieldSpec("growth_spawn_patience", .int(1...1_000_000), default: .int(d.spawnPatience),
                      help: "neurogenesis: training steps in a row above growth_spawn_entropy", models: m),
            FieldSpec("growth_prune_utilization", .double(0...1), default: .double(d.pruneUtilization),
                      help: "pruning: at an epoch's end, mask an expert (on for an epoch or more) whose lifetime share of first choices is below this; 0 = off", models: m),
            FieldSpec("lr_decay", .oneOf(LearningRateDecay.self), default: .choice(LearningRateDecay.none),
                      help: "none (constant learning_rate) or cosine (a half cosine from learning_rate to 0 over all training steps)",
                      models: ["mlp", "moe", "growth"], hashedOnlyWhenChanged: true),
            FieldSpec("freeze_mask", .intList(element: 0...255, count: 0...256), default: .list([]),
                      help: "experts the optimizer never moves (they still route and compute)", models: m),
            FieldSpec("growth_zone", .oneOf(ZoneSetting.self), default: .choice(ZoneSetting.none),
                      help: "a zone of the registry (Growth's ZoneRegistry) whose preset sets the schedule, slots and top_k in place of growth_experts, growth_epochs, growth_max_experts and top_k (which must then stay at their defaults): "
                        + Zone.allCases.map { z in let p = ZoneRegistry.preset(z); return "\(z.rawValue) " + p.stages.map { "\($0.experts)@\($0.epoch)" }.joined(separator: "→") + " of \(p.maxExperts), top-\(p.topK) (\(p.purpose))" }.joined(separator: "; ")
                        + "; none = the keys themselves", models: m, hashedOnlyWhenChanged: true),
        ] + gateSignalKeys
    }()

    /// The seed's gate signals (`GateSignalSettings`), each off by default and hashed only when
    /// set, so a run without them keeps its identity.
    static let gateSignalKeys: [FieldSpec] = {
        let m = ["growth"]
        let d = GateSignalSettings()
        return [
            FieldSpec("gate_phasor", .double(0...10), default: .double(Double(d.phasorDepth)),
                      help: "gate signal: depth a of a bank of oscillators over the features, g_d = h_d (1 + a cos(ω_d h_d + φ_d)), ω and φ fixed at random; 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("gate_kwta", .int(0...4096), default: .int(d.kwta),
                      help: "gate signal: spiking k-WTA attention gains, only the k largest features of a row reach the gate; 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("thalamic_scale", .double(0...100), default: .double(Double(d.thalamicScale)),
                      help: "gate signal: thalamic top-down bias −s ‖g − c_e‖² / D with a learned centroid per expert; 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("predictive_weight", .double(0...100), default: .double(Double(d.predictiveWeight)),
                      help: "gate signal: weight of a predictive-utility head's output added to the gate's logits (the head learns each expert's probability of the right class); 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("gate_groups", .int(0...256), default: .int(d.groups),
                      help: "gate signal: hierarchical group gating, the slots in this many contiguous groups, a group gate's logit added to its experts'; 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("merit_weight", .double(0...100), default: .double(Double(d.meritWeight)),
                      help: "gate signal: weight of the merit board (each expert's advantage, a bandit's momentum estimate) added to the gate's logits; 0 = off", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("merit_momentum", .double(0...0.999999), default: .double(Double(d.meritMomentum)),
                      help: "the merit board's momentum μ: merit ← μ merit + (1 − μ) advantage", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("gate_bias", .doubleList(element: -100...100, count: 0...256), default: .list([]),
                      help: "personality: a constant bias per expert slot on the gate's logits (with temperature, its sharpness); [] = off", models: m, hashedOnlyWhenChanged: true),
        ]
    }()
}

/// `growth_zone:`: a zone of Growth's registry, or none (the schedule keys themselves).
public enum ZoneSetting: String, CaseIterable, Sendable {
    case none, hippocampus, amygdala, hypothalamus, thalamus, language

    public var zone: Zone? { Zone(rawValue: rawValue) }
}

extension GateSignalSettings {
    /// The signals a growth variant's resolved keys switch on.
    public init(model values: [String: ConfigValue]) {
        self.init()
        func float(_ key: String) -> Float? { values[key]?.doubleValue.map(Float.init) }
        phasorDepth = float("gate_phasor") ?? phasorDepth
        kwta = values["gate_kwta"]?.intValue ?? kwta
        thalamicScale = float("thalamic_scale") ?? thalamicScale
        predictiveWeight = float("predictive_weight") ?? predictiveWeight
        groups = values["gate_groups"]?.intValue ?? groups
        meritWeight = float("merit_weight") ?? meritWeight
        meritMomentum = float("merit_momentum") ?? meritMomentum
        bias = values["gate_bias"]?.listValue?.compactMap { $0.doubleValue.map(Float.init) } ?? bias
    }
}

extension GrowthSettings {
    /// The settings a growth variant's resolved keys (and the task's `epochs`, `batch_size`,
    /// `learning_rate`) describe. Every key is present after validation; a missing one reads as
    /// the library default only for a caller that passes partial values (tests).
    public init(model values: [String: ConfigValue], task: [String: ConfigValue]) {
        self.init()
        func int(_ key: String) -> Int? { values[key]?.intValue }
        func float(_ key: String) -> Float? { values[key]?.doubleValue.map(Float.init) }
        func list(_ key: String) -> [Int]? { values[key]?.listValue?.compactMap(\.intValue) }
        modelWidth = int("model_width") ?? modelWidth
        expertHidden = int("expert_hidden") ?? expertHidden
        topK = int("top_k") ?? topK
        temperature = float("temperature") ?? temperature
        balance = float("balance_coefficient") ?? balance
        if let experts = list("growth_experts"), let epochs = list("growth_epochs") {
            stages = zip(epochs, experts).map { GrowthStage(epoch: $0, experts: $1) }
            if experts.count != epochs.count { stages = [] }
        }
        maxExperts = int("growth_max_experts") ?? maxExperts
        teacher = values["growth_teacher"]?.stringValue.flatMap(TeacherChoice.init(rawValue:)) ?? teacher
        clone = values["growth_clone"]?.boolValue ?? clone
        cloneNoise = float("growth_clone_noise") ?? cloneNoise
        bootstrapSteps = int("growth_bootstrap_steps") ?? bootstrapSteps
        distillSteps = int("growth_distill_steps") ?? distillSteps
        bootstrapAlpha = float("growth_bootstrap_alpha") ?? bootstrapAlpha
        distillAlpha = float("growth_distill_alpha") ?? distillAlpha
        spawnEntropy = values["growth_spawn_entropy"]?.doubleValue ?? spawnEntropy
        spawnPatience = int("growth_spawn_patience") ?? spawnPatience
        pruneUtilization = values["growth_prune_utilization"]?.doubleValue ?? pruneUtilization
        frozenExperts = list("freeze_mask") ?? frozenExperts
        signals = GateSignalSettings(model: values)
        if let zone = values["growth_zone"]?.stringValue.flatMap(Zone.init(rawValue:)) { self = applying(ZoneRegistry.preset(zone)) }
        cosineDecay = values["lr_decay"]?.stringValue == LearningRateDecay.cosine.rawValue
        epochs = task["epochs"]?.intValue ?? values["epochs"]?.intValue ?? epochs
        batchSize = task["batch_size"]?.intValue ?? values["batch_size"]?.intValue ?? batchSize
        learningRate = values["learning_rate"]?.doubleValue.map(Float.init) ?? learningRate
    }

    /// `problem()`, with the mismatch of the two schedule lists' lengths first.
    public static func configProblem(model values: [String: ConfigValue], task: [String: ConfigValue]) -> (key: String, expected: String)? {
        let experts = values["growth_experts"]?.listValue?.count ?? 0, epochs = values["growth_epochs"]?.listValue?.count ?? 0
        if experts != epochs { return ("growth_epochs", "one epoch per entry of growth_experts (\(experts)); got \(epochs)") }
        if let zone = values["growth_zone"]?.stringValue, zone != "none" {
            let d = GrowthSettings()
            let set: [(String, Bool)] = [
                ("growth_experts", values["growth_experts"]?.listValue?.compactMap(\.intValue) != d.stages.map(\.experts)),
                ("growth_epochs", values["growth_epochs"]?.listValue?.compactMap(\.intValue) != d.stages.map(\.epoch)),
                ("growth_max_experts", (values["growth_max_experts"]?.intValue ?? 0) != 0),
                ("top_k", (values["top_k"]?.intValue ?? d.topK) != d.topK)]
            if let key = set.first(where: \.1)?.0 {
                return (key, "its default: growth_zone \(zone) sets the schedule, slots and top_k (drop \(key), or growth_zone)")
            }
        }
        let settings = GrowthSettings(model: values, task: task)
        return settings.problem() ?? settings.signals.problem(slots: settings.slots, width: settings.modelWidth)
    }
}
