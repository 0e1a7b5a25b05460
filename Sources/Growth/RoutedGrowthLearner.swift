import Continual
import Datasets
import Dispatch
import NN
import Tensor

/// What keeps a routed-growth learner's past experts: nothing, a freeze mask, or EMC's
/// output-space penalty.
public enum RoutedGrowthProtection: String, CaseIterable, Sendable {
    case none, freeze, emc
}

/// Routed growth on a split protocol (issue 15): the growth model gets one expert per task,
/// each cloned from the previous task's expert plus noise when its task starts.
///
/// Training routes each row by the gate's top-1 choice among the active experts (so a row of
/// task t can reach a past expert and change it), and the gate learns to send task t's rows to
/// expert t (a routing cross-entropy of weight β). The read-out is the scenario's: a head per task
/// (Task-IL), one shared head (Domain-IL), or every class seen so far (Class-IL). At test, Task-IL
/// routes a task's images to the task's expert (the task is given); Domain-IL and Class-IL route
/// by the gate. Protection: `freeze` stops every past expert (freeze_mask); `emc` adds
/// λ · Σ_{past e} ‖expert_e(h) − expert_e at the task's start(h)‖² / (B·D) on the current rows.
/// The projection, gate and head are shared and trained throughout, as in the seed.
public struct RoutedGrowthSettings: Sendable {
    public var scenario: ContinualScenario
    public var protection: RoutedGrowthProtection
    public var modelWidth = 400
    public var expertHidden = 400
    public var iterationsPerTask = 2000
    public var batchSize = 128
    public var learningRate: Float = 0.001
    public var cloneNoise: Float = 0.01
    /// β of the routing cross-entropy.
    public var routingWeight: Float = 1
    /// λ of EMC's penalty (the seed's default 1e-4).
    public var emcLambda: Float = 1e-4

    public init(scenario: ContinualScenario, protection: RoutedGrowthProtection) {
        self.scenario = scenario
        self.protection = protection
    }
}

public final class RoutedGrowthLearner {
    public let settings: RoutedGrowthSettings
    public let tasks: SplitTasks
    public let model: GrowingMixture
    private let train: ImageClassificationSet
    private let test: ImageClassificationSet
    private let streams: RandomStreams
    private var optimizer: Adam
    public static let evaluationBatch = 1000

    public struct Result: Sendable {
        public var matrix = AccuracyMatrix()
        public var losses: [(step: Int, loss: Double)] = []
        public var trainSeconds = 0.0
        /// Share of each task's test images the gate routes to the task's own expert, after the last task.
        public var routingAccuracy: [Double] = []
        /// Share of the training rows of tasks 2…T the gate sent (first choice) to an earlier task's
        /// expert: the rows through which a later task can change a past expert.
        public var pastExpertRows = 0.0
    }

    public init(settings: RoutedGrowthSettings, tasks: SplitTasks, train: ImageClassificationSet, test: ImageClassificationSet,
                streams: RandomStreams) {
        self.settings = settings
        self.tasks = tasks
        self.train = train
        self.test = test
        self.streams = streams
        var initRNG = streams.generator("continual-init")
        model = GrowingMixture(inputSize: train.pixelsPerImage, classes: settings.scenario.outputs(tasks: tasks.tasks, classesPerTask: tasks.classesPerTask),
                               modelWidth: settings.modelWidth, expertHidden: settings.expertHidden, maxExperts: tasks.tasks, initialExperts: 1,
                               topK: 1, temperature: 1, maxBatch: max(settings.batchSize, Self.evaluationBatch), rng: &initRNG)
        optimizer = Adam(learningRate: settings.learningRate, beta1: 0.9, beta2: 0.999)
    }

    /// Runs the protocol; `progress(fraction, detail)` every `ContinualLearner.lossEvery` steps and
    /// `taskEnded(t)` after task t is trained and tested (tests read the model there).
    public func run(progress: (Double, String) -> Void, taskEnded: (Int) -> Void = { _ in }) -> Result {
        let s = settings, k = tasks.classesPerTask, I = train.pixelsPerImage, V = model.classes, B = s.batchSize
        var result = Result()
        var growthRNG = streams.generator("growth")
        var inputs = [Float](repeating: 0, count: B * I)
        var dlogits = [Float](repeating: 0, count: B * V)
        var lossSum = 0.0, lossCount = 0
        var pastRows = 0, laterRows = 0
        let totalSteps = Double(tasks.tasks * s.iterationsPerTask)
        let started = DispatchTime.now().uptimeNanoseconds
        for t in 0..<tasks.tasks {
            if t > 0 {
                model.activate(t, cloning: t - 1, noise: s.cloneNoise, rng: &growthRNG)
                switch s.protection {
                case .freeze: model.frozen[t - 1] = true
                case .emc: model.setOutputAnchors()
                case .none: break
                }
            }
            var sampler = EpochSampler(pool: tasks.train[t], rng: streams.generator("continual-batches-task\(t)"))
            let columns = s.scenario.columns(sampleTask: t, currentTask: t, classesPerTask: k)
            for step in 0..<s.iterationsPerTask {
                let rows = Array(sampler.next(B))
                train.pixels.withUnsafeBufferPointer { pixels in
                    for (r, sample) in rows.enumerated() { for p in 0..<I { inputs[r * I + p] = pixels[sample.index * I + p] } }
                }
                let n = rows.count
                _ = inputs.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: n) }
                let logits = Array(model.lastLogits(batch: n))
                if t > 0 {
                    for r in 0..<n where model.gate.topOne(row: r) < t { pastRows += 1 }
                    laterRows += n
                }
                for i in 0..<(n * V) { dlogits[i] = 0 }
                var stepLoss = 0.0
                logits.withUnsafeBufferPointer { z in
                    dlogits.withUnsafeMutableBufferPointer { dz in
                        for (r, sample) in rows.enumerated() {
                            let target = s.scenario.target(withinTask: sample.withinTask, sampleTask: t, classesPerTask: k)
                            stepLoss += Double(maskedCrossEntropy(logits: z.baseAddress! + r * V, dlogits: dz.baseAddress! + r * V,
                                                                  columns: columns, target: target, weight: 1 / Float(n)))
                        }
                    }
                }
                inputs.withUnsafeBufferPointer { x in
                    dlogits.withUnsafeBufferPointer { dz in
                        model.backward(inputs: x.baseAddress!, dlogits: dz.baseAddress!, batch: n,
                                       routingTargets: [Int](repeating: t, count: n), routingWeight: s.routingWeight)
                    }
                }
                if s.protection == .emc, t > 0 { model.addOutputAnchorGradients(anchored: Array(0..<t), lambda: s.emcLambda, batch: n) }
                optimizer.step(values: model.parameters.values, grads: UnsafeBufferPointer(model.parameters.grads), updating: model.trainableRanges)
                lossSum += stepLoss / Double(n)
                lossCount += 1
                let done = t * s.iterationsPerTask + step + 1
                if done % ContinualLearner.lossEvery == 0 {
                    result.losses.append((done, lossSum / Double(lossCount)))
                    progress(Double(done) / totalSteps, "task \(t + 1)/\(tasks.tasks), step \(step + 1): loss \(lossSum / Double(lossCount))")
                    lossSum = 0
                    lossCount = 0
                }
            }
            result.matrix.append((0...t).map { accuracy(onTask: $0, after: t).accuracy })
            taskEnded(t)
        }
        result.routingAccuracy = (0..<tasks.tasks).map { accuracy(onTask: $0, after: tasks.tasks - 1).routedToOwn }
        result.pastExpertRows = Double(pastRows) / Double(max(laterRows, 1))
        result.trainSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return result
    }

    /// Accuracy on task j's test images after task t (arg-max over the scenario's columns), and the
    /// share the gate routed to expert j. Task-IL routes to expert j (the task is given).
    func accuracy(onTask j: Int, after t: Int) -> (accuracy: Double, routedToOwn: Double) {
        let k = tasks.classesPerTask, I = test.pixelsPerImage, V = model.classes
        let samples = tasks.test[j]
        let columns = settings.scenario.columns(sampleTask: j, currentTask: t, classesPerTask: k)
        var correct = 0, own = 0, start = 0
        var inputs = [Float](repeating: 0, count: Self.evaluationBatch * I)
        while start < samples.count {
            let chunk = samples[start..<min(start + Self.evaluationBatch, samples.count)]
            test.pixels.withUnsafeBufferPointer { pixels in
                for (r, sample) in chunk.enumerated() { for p in 0..<I { inputs[r * I + p] = pixels[sample.index * I + p] } }
            }
            let forced = settings.scenario == .task ? [Int](repeating: j, count: chunk.count) : nil
            _ = inputs.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: chunk.count, forced: forced) }
            let logits = model.lastLogits(batch: chunk.count)
            for (r, sample) in chunk.enumerated() {
                var best = columns.lowerBound
                for c in columns where logits[logits.startIndex + r * V + c] > logits[logits.startIndex + r * V + best] { best = c }
                if best == settings.scenario.target(withinTask: sample.withinTask, sampleTask: j, classesPerTask: k) { correct += 1 }
                if model.gate.topOne(row: r) == j { own += 1 }
            }
            start += chunk.count
        }
        return (Double(correct) / Double(samples.count), Double(own) / Double(samples.count))
    }
}
