extension MetricCatalog {
    /// The growth model (`growth`): its size as it ends, and what happened to its slots. Its
    /// accuracy, calibration and routing metrics are the image-classification and MoE ones.
    static let growth: [MetricInfo] = [
        MetricInfo("active_experts", "active experts", unit: "count", .informational, format: .whole("count"),
                   "Growth model: experts taking part in routing after the last epoch (born by the schedule or neurogenesis, minus those pruned)."),
        MetricInfo("experts_born", "experts born", unit: "count", .informational, format: .whole("count"),
                   "Growth model: experts switched on during training, each cloned from a teacher (the first stage's are not counted)."),
        MetricInfo("experts_pruned", "experts pruned", unit: "count", .informational, format: .whole("count"),
                   "Growth model: experts masked out of routing for a lifetime share of first choices below growth_prune_utilization."),
        MetricInfo("active_parameters", "active parameters", unit: "count", .informational, format: .whole("count"),
                   "Growth model: parameters of the projection, the read-out, and the gate rows and experts of the active slots (parameters counts every allocated slot)."),
        MetricInfo("gate_signal_bias", "gate signal bias", unit: "logit", .informational, format: .decimal("logit"),
                   "Growth model with gate signals on: mean over test images of the mean absolute deviation, over the active experts, of the bias the signals add to the gate's logits (how far they move its preferences; also per epoch)."),
        MetricInfo("task_routing_accuracy", "task routing accuracy", unit: "fraction", .higherIsBetter, format: .percent,
                   "Routed growth on a split protocol: mean over tasks of the share of the task's test images the gate sends to the task's own expert, after the last task."),
        MetricInfo("past_expert_rows", "rows to past experts", unit: "fraction", .informational, format: .percent,
                   "Routed growth on a split protocol: share of the training rows of tasks 2…T the gate sent (first choice) to an earlier task's expert — the only rows through which a later task's loss reaches a past expert, so with none of them freeze and EMC have nothing to hold."),
    ]
}
