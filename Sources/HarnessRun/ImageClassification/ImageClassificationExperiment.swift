import Foundation
import Datasets
import Dispatch
import Metrics
import MoE
import Tensor
import HarnessConfig
import HarnessStore

/// Trains a classifier (dense MLP or mixture of experts) on an IDX image-classification set and
/// measures accuracy, calibration, training throughput, batch-1 latency and memory; for MoE
/// models also routing: utilisation, balance, entropy, stability, per-expert accuracy, spikes,
/// operations and the latency of the routing decision alone.
///
/// Splits: validation is the *last* `validation_size` images of the training file (fixed, not
/// seed-dependent, so every seed and variant sees the same validation set); the test split is
/// the official test file and is never used for any choice.
struct ImageClassificationExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits
    static let evaluationBatch = 1000

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let batchSize = try spec.int("batch_size")
        let epochs = try spec.int("epochs")
        let inputSize = data.train.pixelsPerImage
        let classes = data.train.classes
        let maxBatch = max(batchSize, Self.evaluationBatch)
        var model: TrainableClassifier
        let moe: MoEClassifier?
        switch try spec.choice("model", as: ModelKind.self) {
        case .moe:
            let wrapper = try MixtureOfExpertsClassifier(spec: spec, inputSize: inputSize, classes: classes,
                                                         maxBatch: maxBatch, streams: streams)
            model = wrapper
            moe = wrapper.model
        case .mlp:
            model = try DenseClassifier(spec: spec, inputSize: inputSize, classes: classes, maxBatch: maxBatch, streams: streams)
            moe = nil
        case let other:
            throw ExperimentError.wrongExperiment(model: other.rawValue, experiment: "image classification")
        }
        if moe?.config.router == .oracle, data.domains == nil {
            throw ExperimentError.invalidSplit("router 'oracle' routes by each image's true domain, which only task.dataset permuted-mnist has; this suite's task.dataset is '\(spec.task["dataset"]?.stringValue ?? "")'")
        }
        let selection = try spec.choice("select_epoch", as: EpochSelection.self)
        if selection == .bestValidation, data.validation.count == 0 {
            throw ExperimentError.invalidSplit("select_epoch best-validation needs validation images; set task.validation_size > 0")
        }
        var best: (accuracy: Double, epoch: Int, parameters: [Float])?
        var outcome = RunOutcome()

        var shuffleRNG = streams.generator("shuffle")
        var order = Array(0..<data.train.count)
        var batchInputs = [Float](repeating: 0, count: batchSize * inputSize)
        var batchTargets = [Int32](repeating: 0, count: batchSize)
        var batchDomains = [Int32](repeating: 0, count: batchSize)
        var trainNanoseconds: UInt64 = 0
        let cosineDecay = try spec.choice("lr_decay", as: LearningRateDecay.self) == .cosine
        let baseRate = try spec.double("learning_rate")
        let totalSteps = epochs * ((order.count + batchSize - 1) / batchSize)
        var steps = 0
        var lastLoss = Double.nan
        var previousTopOne: [Int32]?
        var lastRouting: RoutingObserver?

        for epoch in 1...epochs {
            shuffleRNG.shuffle(&order)
            let started = DispatchTime.now().uptimeNanoseconds
            var lossSum = 0.0
            var batches = 0
            var start = 0
            while start < order.count {
                let count = min(batchSize, order.count - start)
                gather(rows: order[start..<(start + count)], into: &batchInputs, targets: &batchTargets, domains: &batchDomains)
                if let moe { batchDomains.withUnsafeBufferPointer { moe.setDomains(UnsafeBufferPointer(rebasing: $0[0..<count])) } }
                if cosineDecay {
                    // η_t = η · ½ (1 + cos(π t / T)),  t = steps taken so far
                    model.learningRate = Float(baseRate * 0.5 * (1 + cos(Double.pi * Double(steps) / Double(totalSteps))))
                }
                steps += 1
                let loss = try batchInputs.withUnsafeBufferPointer { x in
                    try batchTargets.withUnsafeBufferPointer { y in
                        try model.trainBatch(inputs: x.address, targets: y.address, batch: count)
                    }
                }
                // A diverged run (too high a rate) has no meaningful result: it ends here and the
                // runner records it as failed with this reason, and the suite goes on.
                guard loss.isFinite else {
                    throw TrainingDiverged(epoch: epoch, batch: batches + 1, loss: loss)
                }
                lossSum += Double(loss)
                batches += 1
                start += count
            }
            trainNanoseconds += DispatchTime.now().uptimeNanoseconds - started
            lastLoss = lossSum / Double(max(batches, 1))
            outcome.point("train_loss", step: epoch, lastLoss)
            if data.validation.count > 0 {
                let probs = try predict(model, data.validation, domains: data.domains?.validation, routing: moe, observe: false).probabilities
                let accuracy = ClassificationMetrics.accuracy(probabilities: probs, labels: data.validation.labels, classes: classes)
                outcome.point("val_accuracy", step: epoch, accuracy)
                if selection == .bestValidation, accuracy > best?.accuracy ?? -1 {
                    best = (accuracy, epoch, Array(model.parameters.values))
                }
                outcome.point("val_loss", step: epoch, ClassificationMetrics.negativeLogLikelihood(probabilities: probs, labels: data.validation.labels, classes: classes))
            }
            let test = try predict(model, data.test, domains: data.domains?.test, routing: moe)
            outcome.point("test_accuracy", step: epoch, ClassificationMetrics.accuracy(probabilities: test.probabilities, labels: data.test.labels, classes: classes))
            if let routing = test.routing {
                for (e, u) in routing.utilization.enumerated() { outcome.point("utilization_e\(e)", step: epoch, u) }
                outcome.point("gate_entropy", step: epoch, routing.gateEntropy)
                if let previousTopOne { outcome.point("routing_changes", step: epoch, routing.topOneChangeFraction(from: previousTopOne)) }
                previousTopOne = routing.topOne
                lastRouting = routing
            }
            progress(Double(epoch) / Double(epochs + 1), "epoch \(epoch)/\(epochs) loss \(String(format: "%.4f", lastLoss))")
        }

        if let best {
            // evaluate the epoch chosen on validation: its parameters back in place
            _ = model.parameters.values.update(fromContentsOf: best.parameters)
            outcome.metric("selected_epoch", Double(best.epoch))
        }
        let final = try predict(model, data.test, domains: data.domains?.test, routing: moe)
        outcome.checkpoint = model.checkpoint(inputSize: inputSize, classes: classes)
        let probs = final.probabilities
        let labels = data.test.labels
        outcome.metric("test_accuracy", ClassificationMetrics.accuracy(probabilities: probs, labels: labels, classes: classes))
        outcome.metric("test_ece", ClassificationMetrics.expectedCalibrationError(probabilities: probs, labels: labels, classes: classes, bins: 15))
        outcome.metric("test_mce", ClassificationMetrics.maximumCalibrationError(probabilities: probs, labels: labels, classes: classes, bins: 15))
        outcome.metric("test_brier", ClassificationMetrics.brierScore(probabilities: probs, labels: labels, classes: classes))
        outcome.metric("test_nll", ClassificationMetrics.negativeLogLikelihood(probabilities: probs, labels: labels, classes: classes))
        if data.validation.count > 0 {
            let validation = try predict(model, data.validation, domains: data.domains?.validation, routing: moe)
            outcome.metric("val_accuracy", ClassificationMetrics.accuracy(probabilities: validation.probabilities, labels: data.validation.labels, classes: classes))
            // Balance on validation images: what a balance setting (α) is chosen on, never test.
            if let routing = validation.routing {
                outcome.metric("val_min_utilization_ratio", (routing.utilization.min() ?? .nan) * Double(routing.experts))
                outcome.metric("val_load_cv", routing.loadCoefficientOfVariation)
            }
        }
        outcome.metric("final_train_loss", lastLoss)
        outcome.metric("parameters", Double(model.parameterCount))
        outcome.metric("macs_per_sample", Double(model.multiplyAccumulatesPerSample))
        let trainSeconds = Double(trainNanoseconds) / 1e9
        outcome.metric("train_seconds", trainSeconds)
        outcome.metric("train_throughput", Double(data.train.count * epochs) / trainSeconds)
        for i in 0..<data.test.count {
            outcome.predictions.append(Prediction(label: Int(labels[i]), probabilities: Array(probs[(i * classes)..<((i + 1) * classes)])))
        }
        if let moe, let routing = final.routing {
            recordRouting(routing, previous: lastRouting, model: moe, probabilities: probs, into: &outcome)
            if let domains = data.domains { recordDomainRouting(routing, domains: domains, into: &outcome) }
        }

        progress(Double(epochs) / Double(epochs + 1), "latency at batch 1")
        let latency = try measureForwardLatency(model)
        outcome.metric("latency_p50", latency.summary.p50)
        outcome.metric("latency_p95", latency.summary.p95)
        outcome.metric("latency_p99", latency.summary.p99)
        outcome.metric("latency_max", latency.summary.max)
        for (i, seconds) in latency.samples.enumerated() { outcome.point("latency_batch1", step: i, seconds) }
        if let moe {
            let routing = try measureRoutingLatency(moe)
            outcome.metric("routing_latency_p50", routing.summary.p50)
            outcome.metric("routing_latency_p99", routing.summary.p99)
            outcome.metric("routing_latency_max", routing.summary.max)
            for (i, seconds) in routing.samples.enumerated() { outcome.point("routing_latency_batch1", step: i, seconds) }
        }
        if let rss = PeakMemory.residentBytes() { outcome.metric("peak_rss", Double(rss)) }
        return outcome
    }

    /// Routing metrics of the final test pass; see `RoutingObserver` for the conventions.
    private func recordRouting(_ routing: RoutingObserver, previous: RoutingObserver?, model: MoEClassifier,
                               probabilities: [Float], into outcome: inout RunOutcome) {
        let utilization = routing.utilization
        for (e, u) in utilization.enumerated() { outcome.metric("utilization_e\(e)", u) }
        outcome.metric("min_utilization_ratio", (utilization.min() ?? .nan) * Double(routing.experts))
        outcome.metric("load_cv", routing.loadCoefficientOfVariation)
        outcome.metric("load_max_over_mean", routing.maxOverMeanLoad)
        outcome.metric("gate_entropy", routing.gateEntropy)
        let routed = routing.routedAccuracy(probabilities: probabilities, labels: data.test.labels, classes: data.test.classes)
        for (e, a) in routed.enumerated() { outcome.metric("routed_accuracy_e\(e)", a) }
        outcome.metric("router_macs", Double(model.routerMultiplyAccumulatesPerSample))
        outcome.metric("router_effective_macs", model.lastRouterEffectiveMACsPerSample)
        if model.config.router == .spiking { outcome.metric("router_synops", model.lastRouterSynapticOperationsPerSample) }
        outcome.metric("macs_per_inference", Double(model.multiplyAccumulatesPerSample + model.routerMultiplyAccumulatesPerSample))
        if let spikes = routing.spikesPerDecision {
            let neurons = Double(model.config.experts * model.config.spiking.population)
            outcome.metric("spikes_per_inference", spikes)
            let perNeuronStep = neurons * Double(model.config.spiking.timeSteps)
            outcome.metric("spike_rate", spikes / perNeuronStep)
            for (i, count) in routing.spikesPerInput.enumerated() { outcome.point("spike_rate_per_input", step: i, count / perNeuronStep) }
            outcome.metric("router_neuron_updates", Double(model.routerNeuronUpdatesPerSample))
            if let decided = routing.spikeDecidedFraction { outcome.metric("spike_decided_fraction", decided) }
            if let silent = routing.silentDecisionFraction { outcome.metric("silent_decision_fraction", silent) }
        }
    }

    /// How well the routing follows the true domains (routed benchmark only); see `DomainRouting`.
    private func recordDomainRouting(_ routing: RoutingObserver, domains: ImageClassificationSplits.SplitDomains,
                                     into outcome: inout RunOutcome) {
        let confusion = DomainRouting.confusion(domains: domains.test, experts: routing.topOne,
                                                domainCount: domains.count, expertCount: routing.experts)
        outcome.metric("routing_purity", DomainRouting.purity(confusion: confusion))
        if domains.count <= routing.experts {
            outcome.metric("domain_routing_accuracy", DomainRouting.assignmentAccuracy(confusion: confusion))
        }
    }

    private func gather(rows: ArraySlice<Int>, into inputs: inout [Float], targets: inout [Int32], domains: inout [Int32]) {
        let inputSize = data.train.pixelsPerImage
        data.train.pixels.withUnsafeBufferPointer { pixels in
            inputs.withUnsafeMutableBufferPointer { dst in
                for (i, row) in rows.enumerated() {
                    (dst.address + i * inputSize).update(from: pixels.address + row * inputSize, count: inputSize)
                    targets[i] = data.train.labels[row]
                    domains[i] = data.domains?.train[row] ?? 0
                }
            }
        }
    }

    /// Class probabilities for every image of `set` (row-major N×K). With `routing` naming the MoE
    /// model, a domain-oracle router is told each batch's `domains`, and with `observe` the
    /// decisions are read after each batch.
    private func predict(_ model: TrainableClassifier, _ set: ImageClassificationSet, domains: [Int32]?,
                         routing moe: MoEClassifier?, observe: Bool = true) throws -> (probabilities: [Float], routing: RoutingObserver?) {
        let inputSize = set.pixelsPerImage
        var probs = [Float](repeating: 0, count: set.count * set.classes)
        var observer = observe ? moe.map { RoutingObserver(experts: $0.config.experts, topK: $0.lastDecision.topK) } : nil
        try set.pixels.withUnsafeBufferPointer { x in
            try probs.withUnsafeMutableBufferPointer { p in
                var start = 0
                while start < set.count {
                    let count = min(Self.evaluationBatch, set.count - start)
                    if let moe, let domains { domains.withUnsafeBufferPointer { moe.setDomains(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) } }
                    try model.predict(inputs: x.address + start * inputSize, batch: count,
                                      into: p.address + start * set.classes)
                    if let moe { observer?.observe(moe.lastDecision, batch: count) }
                    start += count
                }
            }
        }
        return (probs, observer)
    }

    /// Times `latency_samples` single-image forward passes (after 50 untimed warm-up passes).
    private func measureForwardLatency(_ model: TrainableClassifier) throws -> (summary: LatencySummary, samples: [Double]) {
        let inputSize = data.test.pixelsPerImage
        var out = [Float](repeating: 0, count: data.test.classes)
        return try data.test.pixels.withUnsafeBufferPointer { x in
            try out.withUnsafeMutableBufferPointer { o in
                try timeCalls { i in
                    try model.predict(inputs: x.address + (i % data.test.count) * inputSize, batch: 1, into: o.address)
                }
            }
        }
    }

    /// Times the routing decision alone at batch 1 on real router inputs h (from the test set).
    private func measureRoutingLatency(_ moe: MoEClassifier) throws -> (summary: LatencySummary, samples: [Double]) {
        let rows = min(Self.evaluationBatch, data.test.count)
        var probs = [Float](repeating: 0, count: rows * data.test.classes)
        try data.test.pixels.withUnsafeBufferPointer { x in
            try probs.withUnsafeMutableBufferPointer { p in
                try moe.predictProbabilities(inputs: x.address, batch: rows, into: p.address)
            }
        }
        let h = Array(moe.lastRouterInputs(batch: rows))
        let D = moe.config.modelWidth
        return try h.withUnsafeBufferPointer { hb in
            try timeCalls { i in _ = moe.routeOnly(input: hb.address + (i % rows) * D) }
        }
    }

    /// Calls `body(i)` for 50 untimed warm-up calls, then `latency_samples` timed ones, with one
    /// BLAS thread (see `BLASThreads`).
    private func timeCalls(_ body: (Int) throws -> Void) throws -> (summary: LatencySummary, samples: [Double]) {
        try BLASThreads.with(1) { try timeCallsOnThisThread(body) }
    }

    private func timeCallsOnThisThread(_ body: (Int) throws -> Void) throws -> (summary: LatencySummary, samples: [Double]) {
        let n = try spec.int("latency_samples")
        var recorder = LatencyRecorder()
        var samples: [Double] = []
        samples.reserveCapacity(n)
        for i in -50..<n {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body(i + 50)
            let elapsed = DispatchTime.now().uptimeNanoseconds - t0
            if i >= 0 {
                recorder.record(nanoseconds: elapsed)
                samples.append(Double(elapsed) / 1e9)
            }
        }
        return (recorder.summary(), samples)
    }

}

/// Training loss became NaN or infinite: the run is recorded as failed with this message.
struct TrainingDiverged: Error, CustomStringConvertible {
    let epoch: Int
    let batch: Int
    let loss: Float

    var description: String {
        "training diverged: the loss became \(loss) at epoch \(epoch), batch \(batch) (lower the learning rate)"
    }
}
