import Continual

/// The `base` keys of `model: continual` (experiments/continual.yaml): a split protocol learned
/// task after task. The defaults are van de Ven & Tolias' (2019) Split MNIST settings except the
/// regularisation strengths, which their code sets per scenario (the suite states them).
extension ExperimentSchema {
    static let continualKeys: [FieldSpec] = {
        let m = ["continual"]
        return [
            FieldSpec("cl_scenario", .oneOf(ContinualScenario.self), default: .choice(ContinualScenario.task),
                      help: "task (a head per task, the task given at test), domain (one shared head of classes-per-task outputs) or class (one output per class, every class seen so far active)", models: m),
            FieldSpec("cl_method", .oneOf(ContinualMethod.self), default: .choice(ContinualMethod.fineTune),
                      help: "fine-tune (no protection), ewc, si, lwf, replay (a small buffer per class), joint (all tasks so far at once, the upper bound), or the growth model with an expert per task: routed-growth, routed-growth-freeze (past experts frozen), routed-growth-emc (EMC's output penalty on past experts); the growth model is hidden[0] wide with experts of hidden[1]", models: m),
            FieldSpec("cl_classes_per_task", .int(1...100), default: .int(2),
                      help: "classes per task; the data set's classes are dealt into tasks of this many (Split MNIST: 2, so 5 tasks)", models: m),
            FieldSpec("cl_shuffle_classes", .bool, default: .bool(true),
                      help: "deal the classes in a per-seed random order (van de Ven & Tolias' code); false: 0/1, 2/3, …", models: m),
            FieldSpec("cl_iterations", .int(1...1_000_000), default: .int(2000),
                      help: "optimiser steps per task (task.batch_size samples each)", models: m),
            FieldSpec("cl_ewc_lambda", .double(0...1e12), default: .double(0),
                      help: "EWC's λ (penalty λ/2 Σ F (θ − θ*)² per past task); the reference's Split MNIST values: 1e7 task, 1e6 domain, 1e8 class", models: m),
            FieldSpec("cl_si_c", .double(0...1e9), default: .double(0),
                      help: "SI's c (penalty c Σ Ω (θ − θ*)²); the reference's Split MNIST values: 50 task, 500 domain, 0.5 class", models: m),
            FieldSpec("cl_si_damping", .double(0...10, lowerExclusive: true), default: .double(0.1),
                      help: "SI's ξ in Ω += w / (Δθ² + ξ)", models: m),
            FieldSpec("cl_temperature", .double(0...100, lowerExclusive: true), default: .double(2),
                      help: "LwF's distillation temperature", models: m),
            FieldSpec("cl_emc_lambda", .double(0...1e6), default: .double(1e-4),
                      help: "routed-growth-emc: λ of the penalty λ Σ_past ‖expert(h) − expert at the task's start(h)‖² / (B·D) (the seed's default 1e-4)",
                      models: m, hashedOnlyWhenChanged: true),
            FieldSpec("cl_clone_noise", .double(0...1), default: .double(0.01),
                      help: "routed growth: σ of the noise on a new task's expert, cloned from the previous task's", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("cl_routing_weight", .double(0...100), default: .double(1),
                      help: "routed growth: β of the gate's cross-entropy towards the current task's expert", models: m, hashedOnlyWhenChanged: true),
            FieldSpec("cl_replay_per_class", .int(1...10_000), default: .int(100),
                      help: "replay: training examples stored per class after its task", models: m),
        ]
    }()
}
