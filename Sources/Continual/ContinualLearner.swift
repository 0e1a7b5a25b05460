import Datasets
import Dispatch
import NN
import Tensor

/// Trains an MLP on a split protocol one task after another with one `ContinualMethod`, and
/// tests it on every task seen so far after each task (van de Ven & Tolias 2019's protocol).
///
/// One step's loss, with t the current task (0-based) and r = 1/(t+1) their weight of the new task:
/// - fine-tune, EWC, SI: the cross-entropy of a batch of task t over its active columns, plus
///   λ/2 Σ F (θ − θ*)² per past task (EWC) or c Σ Ω (θ − θ*)² (SI);
/// - LwF: r · cross-entropy + (1 − r) · distillation of the batch towards the model as it was after
///   task t − 1, on the heads of the past tasks (averaged over them in Task-IL);
/// - replay: r · cross-entropy of the batch + (1 − r) · cross-entropy of a batch from the buffer;
/// - joint: cross-entropy of a batch drawn from all tasks 0…t, each sample on its own head.
public final class ContinualLearner {
    public let settings: ContinualSettings
    public let tasks: SplitTasks
    public let model: MLPClassifier
    private let train: ImageClassificationSet
    private let test: ImageClassificationSet
    private let streams: RandomStreams
    private var optimizer: Adam

    public init(settings: ContinualSettings, tasks: SplitTasks, train: ImageClassificationSet, test: ImageClassificationSet,
                streams: RandomStreams) {
        precondition(!settings.method.isRoutedGrowth, "ContinualLearner: \(settings.method.rawValue) runs in Growth's RoutedGrowthLearner")
        self.settings = settings
        self.tasks = tasks
        self.train = train
        self.test = test
        self.streams = streams
        var initRNG = streams.generator("continual-init")
        model = MLPClassifier(inputSize: train.pixelsPerImage, hidden: settings.hidden,
                              classes: settings.scenario.outputs(tasks: tasks.tasks, classesPerTask: tasks.classesPerTask),
                              maxBatch: 2 * settings.batchSize, rng: &initRNG)
        optimizer = Adam(learningRate: settings.learningRate, beta1: 0.9, beta2: 0.999)
    }

    public struct Result: Sendable {
        public var matrix = AccuracyMatrix()
        /// Mean training loss (cross-entropy of the current batch) per `lossEvery` steps.
        public var losses: [(step: Int, loss: Double)] = []
        public var trainSeconds = 0.0
        public var fisherSeconds = 0.0
    }

    public static let lossEvery = 200

    /// Runs the whole protocol; `progress(fraction, detail)` is called every `lossEvery` steps.
    public func run(progress: (Double, String) -> Void) -> Result {
        train.pixels.withUnsafeBufferPointer { trainPixels in
            test.pixels.withUnsafeBufferPointer { testPixels in
                run(trainPixels: trainPixels.baseAddress!, testPixels: testPixels.baseAddress!, progress: progress)
            }
        }
    }

    private func run(trainPixels: UnsafePointer<Float>, testPixels: UnsafePointer<Float>, progress: (Double, String) -> Void) -> Result {
        let s = settings, k = tasks.classesPerTask, D = train.pixelsPerImage, V = model.classes
        let B = s.batchSize
        var result = Result()
        var bufferRNG = streams.generator("continual-buffer")
        let inputs = UnsafeMutableBufferPointer<Float>.allocate(capacity: 2 * B * D)
        let dlogits = UnsafeMutableBufferPointer<Float>.allocate(capacity: 2 * B * V)
        let teacherLogits = UnsafeMutableBufferPointer<Float>.allocate(capacity: B * V)
        defer { inputs.deallocate(); dlogits.deallocate(); teacherLogits.deallocate() }
        let before = UnsafeMutableBufferPointer<Float>.allocate(capacity: model.parameterCount)
        let grads = UnsafeMutableBufferPointer<Float>.allocate(capacity: model.parameterCount)
        defer { before.deallocate(); grads.deallocate() }

        var ewcAnchors: [QuadraticAnchor] = []
        var si = s.method == .si ? SynapticIntelligence(initialValues: UnsafeBufferPointer(model.parameters.values), damping: s.siDamping) : nil
        var siAnchor: QuadraticAnchor?
        var teacher: MLPClassifier?
        var buffer = ReplayBuffer(perClass: s.replayPerClass)
        var lossSum = 0.0, lossCount = 0
        let totalSteps = Double(tasks.tasks * s.iterationsPerTask)
        let started = DispatchTime.now().uptimeNanoseconds

        for t in 0..<tasks.tasks {
            let pool = s.method == .joint ? Array(tasks.train[0...t].joined()) : tasks.train[t]
            var current = EpochSampler(pool: pool, rng: streams.generator("continual-batches-task\(t)"))
            var replay = (s.method == .replay && t > 0)
                ? EpochSampler(pool: buffer.samples, rng: streams.generator("continual-replay-task\(t)")) : nil
            let rnt: Float = (s.method == .lwf || s.method == .replay) && t > 0 ? 1 / Float(t + 1) : 1

            for step in 0..<s.iterationsPerTask {
                // 1. rows: the current batch, then (replay) a batch from the buffer
                var rows = Array(current.next(B))
                let currentRows = rows.count
                if replay != nil { rows += replay!.next(B) }
                for (r, sample) in rows.enumerated() {
                    (inputs.baseAddress! + r * D).update(from: trainPixels + sample.index * D, count: D)
                }
                // 2. the previous model's scores on the current batch (LwF)
                if let teacher {
                    let scores = teacher.logits(inputs: inputs.baseAddress!, batch: currentRows)
                    _ = UnsafeMutableBufferPointer(rebasing: teacherLogits[0..<(currentRows * V)]).update(from: scores)
                }
                // 3. forward and the per-row loss gradients
                let logits = model.logits(inputs: inputs.baseAddress!, batch: rows.count)
                dlogits.update(repeating: 0)
                var stepLoss = 0.0
                for (r, sample) in rows.enumerated() {
                    let z = logits.baseAddress! + r * V, dz = dlogits.baseAddress! + r * V
                    let isCurrent = r < currentRows
                    let headTask = s.method == .joint || !isCurrent ? sample.task : t
                    let columns = s.scenario.columns(sampleTask: headTask, currentTask: t, classesPerTask: k)
                    let target = s.scenario.target(withinTask: sample.withinTask, sampleTask: headTask, classesPerTask: k)
                    let weight = isCurrent ? rnt / Float(currentRows) : (1 - rnt) / Float(rows.count - currentRows)
                    let ce = maskedCrossEntropy(logits: z, dlogits: dz, columns: columns, target: target, weight: weight)
                    if isCurrent { stepLoss += Double(ce) }
                    guard isCurrent, teacher != nil else { continue }
                    let teacherRow = teacherLogits.baseAddress! + r * V
                    let kd = (1 - rnt) / Float(currentRows)
                    switch s.scenario {
                    case .domain:
                        distillation(studentLogits: z, dlogits: dz, columns: 0..<k, teacherLogits: teacherRow, teacherCount: k,
                                     temperature: s.temperature, weight: kd)
                    case .class:
                        distillation(studentLogits: z, dlogits: dz, columns: columns, teacherLogits: teacherRow, teacherCount: t * k,
                                     temperature: s.temperature, weight: kd)
                    case .task:
                        for past in 0..<t {
                            let head = (past * k)..<((past + 1) * k)
                            distillation(studentLogits: z, dlogits: dz, columns: head, teacherLogits: teacherRow + past * k,
                                         teacherCount: k, temperature: s.temperature, weight: kd / Float(t))
                        }
                    }
                }
                model.backward(inputs: inputs.baseAddress!, dlogits: dlogits.baseAddress!, batch: rows.count)
                // 4. weight penalties
                let values = UnsafeBufferPointer(model.parameters.values)
                for anchor in ewcAnchors { anchor.addGradient(values: values, grads: model.parameters.grads, scale: s.ewcLambda / 2) }
                if let siAnchor { siAnchor.addGradient(values: values, grads: model.parameters.grads, scale: s.siStrength) }
                // 5. the step (SI integrates −g · Δθ over it)
                if si != nil {
                    _ = before.update(from: values)
                    _ = grads.update(from: UnsafeBufferPointer(model.parameters.grads))
                }
                optimizer.step(model.parameters)
                si?.record(grads: UnsafeBufferPointer(grads), before: UnsafeBufferPointer(before), after: values)

                lossSum += stepLoss / Double(currentRows)
                lossCount += 1
                let done = t * s.iterationsPerTask + step + 1
                if done % Self.lossEvery == 0 {
                    result.losses.append((done, lossSum / Double(lossCount)))
                    progress(Double(done) / totalSteps, "task \(t + 1)/\(tasks.tasks), step \(step + 1): loss \(lossSum / Double(lossCount))")
                    lossSum = 0
                    lossCount = 0
                }
            }

            // end of task: consolidate, then test on every task so far
            let values = UnsafeBufferPointer(model.parameters.values)
            switch s.method {
            case .ewc:
                let fisherStart = DispatchTime.now().uptimeNanoseconds
                let samples = tasks.train[t]
                let fisher = diagonalFisher(model: model, samples: samples.count, input: { trainPixels + samples[$0].index * D },
                                            columns: { _ in s.scenario.columns(sampleTask: t, currentTask: t, classesPerTask: k) })
                ewcAnchors.append(QuadraticAnchor(importance: fisher, anchor: Array(UnsafeBufferPointer(model.parameters.values))))
                result.fisherSeconds += Double(DispatchTime.now().uptimeNanoseconds - fisherStart) / 1e9
            case .si:
                siAnchor = si!.consolidate(values: values)
            case .lwf:
                if teacher == nil {
                    var unused = streams.generator("continual-teacher")
                    teacher = MLPClassifier(inputSize: D, hidden: s.hidden, classes: V, maxBatch: B, rng: &unused)
                }
                _ = teacher!.parameters.values.update(from: values)
            case .replay:
                buffer.store(task: tasks.train[t], rng: &bufferRNG)
            case .fineTune, .joint:
                break
            case .routedGrowth, .routedGrowthFreeze, .routedGrowthEMC:
                preconditionFailure("ContinualLearner: \(s.method.rawValue) runs in Growth's RoutedGrowthLearner")
            }
            result.matrix.append((0...t).map { accuracy(onTask: $0, after: t, pixels: testPixels, scratch: inputs) })
        }
        result.trainSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return result
    }

    /// Accuracy on task j's test set after training task t: argmax over the columns the scenario
    /// reads out (Task-IL: j's head; Domain-IL: the shared head; Class-IL: every class seen so far).
    /// `scratch` holds `model.maxBatch` images (the training batch buffer, idle here).
    private func accuracy(onTask j: Int, after t: Int, pixels: UnsafePointer<Float>,
                          scratch inputs: UnsafeMutableBufferPointer<Float>) -> Double {
        let k = tasks.classesPerTask, D = test.pixelsPerImage, V = model.classes
        let samples = tasks.test[j]
        let columns = settings.scenario.columns(sampleTask: j, currentTask: t, classesPerTask: k)
        precondition(inputs.count >= model.maxBatch * D, "accuracy: scratch holds \(inputs.count) floats, needs \(model.maxBatch * D)")
        var correct = 0
        var start = 0
        while start < samples.count {
            let chunk = samples[start..<min(start + model.maxBatch, samples.count)]
            for (r, sample) in chunk.enumerated() {
                (inputs.baseAddress! + r * D).update(from: pixels + sample.index * D, count: D)
            }
            let logits = model.logits(inputs: inputs.baseAddress!, batch: chunk.count)
            for (r, sample) in chunk.enumerated() {
                var best = columns.lowerBound
                for c in columns where logits[r * V + c] > logits[r * V + best] { best = c }
                if best == settings.scenario.target(withinTask: sample.withinTask, sampleTask: j, classesPerTask: k) { correct += 1 }
            }
            start += chunk.count
        }
        return Double(correct) / Double(samples.count)
    }
}
