import Dispatch
import HarnessConfig
import HarnessStore
import Learning
import Tensor

/// A run of the Diehl & Cook reproduction (experiments/diehl-cook.yaml), the paper's protocol:
/// train `dc_epochs` passes over the training split in file order with STDP on and no labels; then,
/// with weights and thresholds fixed, show `dc_label_images` training images to label every
/// neuron by its highest mean response; then classify the test split by the labelled neurons'
/// mean spike counts (`NeuronLabelling`). The test split is touched once, at the end.
///
/// While training, every 10 000 images are classified with the labels of the 10 000 before them
/// (the running accuracy the reference code prints), recorded as the series `running_accuracy`.
struct DiehlCookExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits
    static let runningBlock = 10_000

    func run(progress: ProgressHandler) throws -> RunOutcome {
        var parameters = DiehlCookParameters(excitatory: try spec.int("dc_neurons"))
        parameters.thetaPlus = Float(try spec.double("dc_theta_plus"))
        parameters.weightSum = Float(try spec.double("dc_weight_sum"))
        parameters.nuPre = Float(try spec.double("dc_nu_pre"))
        parameters.nuPost = Float(try spec.double("dc_nu_post"))
        parameters.inhibitoryToExcitatory = Float(try spec.double("dc_inhibition"))
        parameters.inputIntensity = Float(try spec.double("dc_intensity"))
        let epochs = try spec.int("dc_epochs")
        let labelLimit = try spec.int("dc_label_images")
        let train = data.train, test = data.test
        guard train.pixelsPerImage == parameters.inputs else {
            throw ExperimentError.invalidSplit("model diehl-cook needs 28×28 images (784 inputs); task.dataset gives \(train.rows)×\(train.cols)")
        }
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        var weightRNG = streams.generator("diehl-cook-weights")
        var inputRNG = streams.generator("diehl-cook-inputs")
        let network = DiehlCookNetwork(parameters: parameters, rng: &weightRNG)
        let labelCount = labelLimit > 0 ? min(labelLimit, train.count) : train.count
        let totalImages = Double(epochs * train.count + labelCount + test.count)
        var shown = 0
        var outcome = RunOutcome()

        // 1. unsupervised training, with the reference's running accuracy
        let started = DispatchTime.now().uptimeNanoseconds
        var running = NeuronLabelling(classes: train.classes, neurons: parameters.excitatory)
        var runningLabels: [Int]? = nil
        var runningCorrect = 0
        var recentSpikes = 0, recentPresentations = 0
        for epoch in 0..<epochs {
            for index in 0..<train.count {
                let response = network.present(train.image(at: index), learn: true, rng: &inputRNG)
                let label = Int(train.labels[index])
                if let runningLabels,
                   NeuronLabelling.predict(counts: response.counts, assignments: runningLabels, classes: train.classes) == label {
                    runningCorrect += 1
                }
                running.add(counts: response.counts, label: label)
                recentSpikes += response.totalSpikes
                recentPresentations += response.presentations
                let trained = epoch * train.count + index + 1
                if trained % Self.runningBlock == 0 {
                    if runningLabels != nil {
                        outcome.point("running_accuracy", step: trained, Double(runningCorrect) / Double(Self.runningBlock))
                    }
                    runningLabels = running.assignments()
                    running = NeuronLabelling(classes: train.classes, neurons: parameters.excitatory)
                    runningCorrect = 0
                }
                shown += 1
                if shown % 1000 == 0 {
                    let theta = network.theta
                    progress(Double(shown) / totalImages, "epoch \(epoch + 1): \(index + 1) images; last 1000: "
                             + "\(Double(recentSpikes) / 1000) spikes and \(Double(recentPresentations) / 1000) presentations per image, "
                             + "mean θ \(theta.reduce(0, +) / Float(theta.count)) mV")
                    recentSpikes = 0
                    recentPresentations = 0
                }
            }
        }
        let trainSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        // 2. label the neurons on training images, learning off
        network.resetState()
        var labelling = NeuronLabelling(classes: train.classes, neurons: parameters.excitatory)
        for index in 0..<labelCount {
            labelling.add(counts: network.present(train.image(at: index), learn: false, rng: &inputRNG).counts,
                          label: Int(train.labels[index]))
            shown += 1
            if shown % 1000 == 0 { progress(Double(shown) / totalImages, "labelling: \(index + 1) images") }
        }
        let assignments = labelling.assignments()

        // 3. classify the test split once
        network.resetState()
        var correct = 0, spikes = 0, repeated = 0
        for index in 0..<test.count {
            let response = network.present(test.image(at: index), learn: false, rng: &inputRNG)
            if NeuronLabelling.predict(counts: response.counts, assignments: assignments, classes: test.classes) == Int(test.labels[index]) {
                correct += 1
            }
            spikes += response.totalSpikes
            if response.presentations > 1 { repeated += 1 }
            shown += 1
            if shown % 1000 == 0 { progress(Double(shown) / totalImages, "test: \(index + 1) images") }
        }
        let silent = (0..<parameters.excitatory).filter { j in
            (0..<train.classes).allSatisfy { labelling.sums[$0 * parameters.excitatory + j] == 0 }
        }.count
        outcome.metric("test_accuracy", Double(correct) / Double(max(test.count, 1)))
        outcome.metric("train_seconds", trainSeconds)
        outcome.metric("training_images", Double(train.count))
        outcome.metric("labelling_images", Double(labelCount))
        outcome.metric("test_images", Double(test.count))
        outcome.metric("parameters", Double(parameters.inputs * parameters.excitatory + parameters.excitatory))
        outcome.metric("output_spikes_per_image", Double(spikes) / Double(max(test.count, 1)))
        outcome.metric("representation_fraction", Double(repeated) / Double(max(test.count, 1)))
        outcome.metric("silent_neuron_fraction", Double(silent) / Double(parameters.excitatory))
        outcome.metric("classes_labelled", Double(Set(assignments).count))
        return outcome
    }
}
