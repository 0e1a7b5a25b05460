import Growth
import HarnessConfig
import HarnessStore
import Metrics
import NN
import Tensor

/// A run of experiments/growth.yaml: seed 001's growth model trained on an image set, growing by
/// its schedule (`growth_experts` at `growth_epochs`), each new expert cloned from a teacher and
/// distilled towards it (`GrowthTrainer`). A fixed number of experts is the one-stage schedule.
///
/// Records the image-classification metrics on the test split after the last epoch (no epoch
/// is selected, so the test split is only read out), the routing on it (utilisation, gate
/// entropy, routed accuracy per expert), the model's size, and per epoch the same as series;
/// every birth and pruning is an event (`growth`) the report marks on the curves.
struct GrowthExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits

    func run(progress: ProgressHandler) throws -> RunOutcome {
        guard try spec.choice("optimizer", as: OptimizerKind.self) == .adam, try spec.double("weight_decay") == 0 else {
            throw ExperimentError.invalidSplit("model growth trains with Adam and no weight decay (the seed's); set optimizer: adam and weight_decay: 0 (\(spec.runLabel))")
        }
        let settings = GrowthSettings(model: spec.model, task: spec.task)
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let trainer = GrowthTrainer(settings: settings, inputSize: data.train.pixelsPerImage, classes: data.train.classes, streams: streams)
        let result = trainer.run(train: data.train, validation: data.validation.count > 0 ? data.validation : nil, test: data.test) {
            progress($0, $1)
        }
        guard let test = result.test else { throw ExperimentError.invalidSplit("growth: no epoch ran (\(spec.runLabel))") }
        let model = trainer.model

        var outcome = RunOutcome()
        for record in result.epochs {
            let e = record.epoch
            outcome.point("train_loss", step: e, record.trainLoss)
            outcome.point("distillation_loss", step: e, record.distillationLoss)
            outcome.point("test_accuracy", step: e, record.testAccuracy)
            if let v = record.validationAccuracy { outcome.point("val_accuracy", step: e, v) }
            outcome.point("active_experts", step: e, Double(record.activeExperts))
            outcome.point("gate_entropy", step: e, record.evaluation.meanEntropy)
            if let bias = record.evaluation.signalBias { outcome.point("gate_signal_bias", step: e, bias) }
            for (slot, u) in record.evaluation.utilization.enumerated() { outcome.point("utilization_e\(slot)", step: e, u) }
            for (slot, a) in record.evaluation.routedAccuracy.enumerated() { if let a { outcome.point("routed_accuracy_e\(slot)", step: e, a) } }
        }
        let probs = test.probabilities, labels = data.test.labels, classes = data.test.classes
        outcome.metric("test_accuracy", test.accuracy)
        outcome.metric("test_ece", ClassificationMetrics.expectedCalibrationError(probabilities: probs, labels: labels, classes: classes, bins: 15))
        outcome.metric("test_nll", ClassificationMetrics.negativeLogLikelihood(probabilities: probs, labels: labels, classes: classes))
        if let validation = result.validation { outcome.metric("val_accuracy", validation.accuracy) }
        outcome.metric("final_train_loss", result.epochs.last?.trainLoss ?? .nan)
        outcome.metric("gate_entropy", test.meanEntropy)
        if let bias = test.signalBias { outcome.metric("gate_signal_bias", bias) }
        let utilization = test.utilization
        for (slot, u) in utilization.enumerated() { outcome.metric("utilization_e\(slot)", u) }
        let activeShares = utilization.indices.filter { model.active[$0] }.map { utilization[$0] }
        outcome.metric("min_utilization_ratio", (activeShares.min() ?? .nan) * Double(activeShares.count))
        for (slot, a) in test.routedAccuracy.enumerated() { if let a { outcome.metric("routed_accuracy_e\(slot)", a) } }
        outcome.metric("active_experts", Double(model.activeCount))
        outcome.metric("experts_born", Double(result.events.filter { $0.kind == .born }.count))
        outcome.metric("experts_pruned", Double(result.events.filter { $0.kind == .pruned }.count))
        outcome.metric("parameters", Double(model.parameterCount))
        outcome.metric("active_parameters", Double(model.activeParameterCount))
        outcome.metric("macs_per_sample", Double(model.multiplyAccumulatesPerSample))
        outcome.metric("train_seconds", result.trainSeconds)
        for i in 0..<data.test.count {
            outcome.predictions.append(Prediction(label: Int(labels[i]), probabilities: Array(probs[(i * classes)..<((i + 1) * classes)])))
        }
        for event in result.events {
            let payload = "{\"kind\": \"\(event.kind.rawValue)\", \"reason\": \"\(event.reason.rawValue)\", \"epoch\": \(event.epoch), "
                + "\"step\": \(event.step), \"expert\": \(event.expert), \"teachers\": [\(event.teachers.map(String.init).joined(separator: ", "))], "
                + "\"value\": \(event.value.isFinite ? String(event.value) : "null")}"
            outcome.events.append(RunEvent(kind: "growth", step: event.step, payload: payload))
        }
        outcome.checkpoint = ExpertCheckpoints.modelFile(model)
        return outcome
    }
}
