import Datasets
import Dispatch
import Foundation
import NN
import Tensor

/// What happened to a slot during a growth run.
public struct GrowthEvent: Equatable, Sendable {
    public enum Kind: String, Sendable { case born, pruned }
    public enum Reason: String, Sendable { case schedule, entropy, utilization }
    public var kind: Kind
    public var reason: Reason
    public var epoch: Int
    public var step: Int
    public var expert: Int
    /// The experts it was cloned from and distilled towards (born only).
    public var teachers: [Int]
    /// The statistic that triggered it (normalised entropy, lifetime share), or 0 for the schedule.
    public var value: Double
}

/// One epoch's measurements; utilisation, entropy and routed accuracy are on the test split.
public struct GrowthEpochRecord: Sendable {
    public var epoch: Int
    public var activeExperts: Int
    public var trainLoss: Double
    public var distillationLoss: Double
    public var validationAccuracy: Double?
    public var testAccuracy: Double
    public var evaluation: GrowthEvaluation
}

public struct GrowthResult: Sendable {
    public var epochs: [GrowthEpochRecord] = []
    public var events: [GrowthEvent] = []
    public var test: GrowthEvaluation?
    public var validation: GrowthEvaluation?
    public var trainSeconds = 0.0
}

/// Trains a `GrowingMixture` epoch after epoch on an image set, growing it by the schedule (and by
/// neurogenesis or pruning when on), cloning and distilling each new expert from its teacher.
/// Draws: "init" (parameters), "shuffle" (data order), "growth" (clone noise).
public final class GrowthTrainer {
    public let settings: GrowthSettings
    public let model: GrowingMixture
    public private(set) var usage: ExpertUsage
    private var optimizer: Adam
    private var shuffleRNG, growthRNG: Philox4x32_10
    /// Students still being distilled: (slot, teacher, step of birth).
    private var students: [(expert: Int, teacher: DistillationTeacher, born: Int)] = []
    private var step = 0
    private var highEntropySteps = 0
    private var bornEpoch: [Int]
    public static let evaluationBatch = 1000

    public init(settings: GrowthSettings, inputSize: Int, classes: Int, streams: RandomStreams) {
        self.settings = settings
        var initRNG = streams.generator("init")
        model = GrowingMixture(inputSize: inputSize, classes: classes, modelWidth: settings.modelWidth, expertHidden: settings.expertHidden,
                               maxExperts: settings.slots, initialExperts: settings.stages.first?.experts ?? 1, topK: settings.topK,
                               temperature: settings.temperature, maxBatch: max(settings.batchSize, Self.evaluationBatch),
                               signals: settings.signals, rng: &initRNG)
        for e in settings.frozenExperts { model.frozen[e] = true }
        usage = ExpertUsage(slots: settings.slots)
        optimizer = Adam(learningRate: settings.learningRate)
        shuffleRNG = streams.generator("shuffle")
        growthRNG = streams.generator("growth")
        bornEpoch = [Int](repeating: 1, count: settings.slots)
    }

    public func run(train: ImageClassificationSet, validation: ImageClassificationSet?, test: ImageClassificationSet,
                    progress: (Double, String) -> Void = { _, _ in }) -> GrowthResult {
        var result = GrowthResult()
        var order = Array(0..<train.count)
        let I = train.pixelsPerImage, batchSize = settings.batchSize
        var inputs = [Float](repeating: 0, count: batchSize * I), targets = [Int32](repeating: 0, count: batchSize)
        totalSteps = settings.epochs * ((train.count + batchSize - 1) / batchSize)
        for epoch in 1...settings.epochs {
            if let stage = settings.stages.first(where: { $0.epoch == epoch }) {
                while model.activeCount < stage.experts, let slot = freeSlot() {
                    result.events.append(spawn(slot, epoch: epoch, reason: .schedule, value: 0))
                }
            }
            usage.startEpoch()
            shuffleRNG.shuffle(&order)
            let started = DispatchTime.now().uptimeNanoseconds
            var lossSum = 0.0, distillSum = 0.0, batches = 0, start = 0
            while start < order.count {
                let count = min(batchSize, order.count - start)
                train.pixels.withUnsafeBufferPointer { pixels in
                    for (i, row) in order[start..<(start + count)].enumerated() {
                        for p in 0..<I { inputs[i * I + p] = pixels[row * I + p] }
                        targets[i] = train.labels[row]
                    }
                }
                let (loss, distill) = trainStep(inputs: inputs, targets: targets, batch: count)
                lossSum += Double(loss)
                distillSum += Double(distill)
                batches += 1
                start += count
                if let event = neurogenesis(epoch: epoch) { result.events.append(event) }
            }
            result.trainSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            result.events += prune(epoch: epoch)
            let testEvaluation = evaluate(test)
            let validationEvaluation = validation.map(evaluate)
            result.epochs.append(GrowthEpochRecord(epoch: epoch, activeExperts: model.activeCount, trainLoss: lossSum / Double(batches),
                                                   distillationLoss: distillSum / Double(batches),
                                                   validationAccuracy: validationEvaluation?.accuracy, testAccuracy: testEvaluation.accuracy,
                                                   evaluation: testEvaluation))
            result.test = testEvaluation
            result.validation = validationEvaluation
            progress(Double(epoch) / Double(settings.epochs), "epoch \(epoch)/\(settings.epochs) experts \(model.activeCount) loss \(String(format: "%.4f", lossSum / Double(batches)))")
        }
        return result
    }

    /// One step: task gradients, the students' distillation gradients, Adam over the trainable
    /// ranges; returns the task loss and the summed distillation loss.
    func trainStep(inputs: [Float], targets: [Int32], batch B: Int) -> (loss: Float, distillation: Float) {
        if settings.cosineDecay, totalSteps > 0 {
            // η_t = η · ½ (1 + cos(π t / T)),  t = steps taken so far
            optimizer.learningRate = Float(Double(settings.learningRate) * 0.5 * (1 + cos(Double.pi * Double(step) / Double(totalSteps))))
        }
        step += 1
        let loss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                model.computeGradients(inputs: x.baseAddress!, targets: t.baseAddress!, batch: B, balance: settings.balance).loss
            }
        }
        for b in 0..<B {
            usage.record(expert: model.gate.topOne(row: b), correct: model.predictedClass(row: b) == Int(targets[b]), active: model.active)
        }
        var entropy = 0.0
        for b in 0..<B { entropy += model.gate.entropy(row: b) }
        let activeCount = model.activeCount
        lastNormalisedEntropy = activeCount > 1 ? entropy / Double(B) / log(Double(activeCount)) : 0
        var distillation: Float = 0
        students.removeAll { step - $0.born > settings.distillSteps }
        for student in students {
            let age = step - student.born
            let alpha = age <= settings.bootstrapSteps ? settings.bootstrapAlpha : settings.distillAlpha
            distillation += model.addDistillationGradients(student: student.expert, teacher: student.teacher, alpha: alpha, batch: B)
        }
        optimizer.step(values: model.parameters.values, grads: UnsafeBufferPointer(model.parameters.grads), updating: model.trainableRanges)
        return (loss, distillation)
    }

    private var lastNormalisedEntropy = 0.0
    private var totalSteps = 0

    private func freeSlot() -> Int? {
        (0..<model.maxExperts).first { !model.active[$0] && !model.pruned[$0] }
    }

    /// Switches `slot` on as a clone of the teacher the settings choose, and starts its distillation.
    private func spawn(_ slot: Int, epoch: Int, reason: GrowthEvent.Reason, value: Double) -> GrowthEvent {
        let ranked = usage.ranked(by: settings.teacher, active: model.active)
        let births = students.count
        let source = ranked[births % ranked.count]
        let teacher: DistillationTeacher = settings.teacher == .committee
            ? .committee(Array(ranked.prefix(settings.topK))) : .expert(source)
        if settings.clone { model.activate(slot, cloning: source, noise: settings.cloneNoise, rng: &growthRNG) } else { model.activateFresh(slot) }
        students.append((slot, teacher, step))
        bornEpoch[slot] = epoch
        return GrowthEvent(kind: .born, reason: reason, epoch: epoch, step: step, expert: slot, teachers: teacher.members, value: value)
    }

    private func neurogenesis(epoch: Int) -> GrowthEvent? {
        guard settings.spawnEntropy > 0 else { return nil }
        highEntropySteps = lastNormalisedEntropy > settings.spawnEntropy ? highEntropySteps + 1 : 0
        guard highEntropySteps >= settings.spawnPatience, let slot = freeSlot() else { return nil }
        highEntropySteps = 0
        return spawn(slot, epoch: epoch, reason: .entropy, value: lastNormalisedEntropy)
    }

    private func prune(epoch: Int) -> [GrowthEvent] {
        guard settings.pruneUtilization > 0 else { return [] }
        var events: [GrowthEvent] = []
        for e in 0..<model.maxExperts where model.active[e] && bornEpoch[e] < epoch && model.activeCount > 1 {
            let share = usage.lifetimeShare(e)
            if share < settings.pruneUtilization {
                model.prune(e)
                students.removeAll { $0.expert == e || $0.teacher.members.contains(e) }
                events.append(GrowthEvent(kind: .pruned, reason: .utilization, epoch: epoch, step: step, expert: e, teachers: [], value: share))
            }
        }
        return events
    }

    /// Probabilities, first choices and gate entropies on every image of `set`.
    public func evaluate(_ set: ImageClassificationSet) -> GrowthEvaluation {
        GrowthEvaluation(model: model, set: set, batch: Self.evaluationBatch)
    }
}
