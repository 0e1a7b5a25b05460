import Datasets
import Dispatch
import NN
import Tensor
import HarnessConfig
import HarnessStore

/// The frozen experts of the routing-learning experiment: one MLP per class group, trained on
/// the training split restricted to that group, and what each of them predicts for every
/// validation and test image.
///
/// Only the predictions are kept: the experts never change after training, so the stream loop
/// needs a table lookup per sample, not a forward pass.
struct GroupExperts: Sendable {
    let groupCount: Int
    /// Global class predicted by expert e for validation image i: `validationPredictions[e][i]`.
    let validationPredictions: [[Int32]]
    let testPredictions: [[Int32]]
    /// Accuracy of each expert on the test images of its own group (the oracle's ceiling).
    let ownGroupTestAccuracy: [Double]
    let trainSeconds: Double

    func predictions(split: StreamSplit) -> [[Int32]] {
        switch split {
        case .validation: return validationPredictions
        case .test: return testPredictions
        }
    }

    /// Trains one expert per group with the run's seeds (`expert-init-g`, `expert-shuffle-g`).
    /// Labels are remapped to 0..<|group| (ascending class order); the argmax maps back.
    static func train(spec: RunSpec, data: ImageClassificationSplits, classGroups: [Int]) throws -> GroupExperts {
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let groupCount = (classGroups.max() ?? 0) + 1
        let batchSize = try spec.int("batch_size"), epochs = try spec.int("epochs")
        let inputSize = data.train.pixelsPerImage
        let evaluationBatch = 1000
        var validation: [[Int32]] = [], test: [[Int32]] = [], ownAccuracy: [Double] = []
        var seconds = 0.0
        for g in 0..<groupCount {
            let classes = classGroups.indices.filter { classGroups[$0] == g }
            var local = [Int32](repeating: -1, count: classGroups.count)
            for (i, c) in classes.enumerated() { local[c] = Int32(i) }
            let rows = (0..<data.train.count).filter { classGroups[Int(data.train.labels[$0])] == g }
            var initRNG = streams.generator("expert-init-\(g)")
            let model = MLPClassifier(inputSize: inputSize, hidden: try spec.intList("expert_layers"), classes: classes.count,
                                      maxBatch: max(batchSize, evaluationBatch), rng: &initRNG)
            var optimizer = try makeOptimizer(spec)
            var shuffleRNG = streams.generator("expert-shuffle-\(g)")
            var order = rows
            var x = [Float](repeating: 0, count: batchSize * inputSize)
            var y = [Int32](repeating: 0, count: batchSize)
            let started = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<epochs {
                shuffleRNG.shuffle(&order)
                var start = 0
                while start < order.count {
                    let count = min(batchSize, order.count - start)
                    data.train.pixels.withUnsafeBufferPointer { pixels in
                        x.withUnsafeMutableBufferPointer { dst in
                            for i in 0..<count {
                                let row = order[start + i]
                                for p in 0..<inputSize { dst[i * inputSize + p] = pixels[row * inputSize + p] }
                                y[i] = local[Int(data.train.labels[row])]
                            }
                        }
                    }
                    x.withUnsafeBufferPointer { xb in
                        y.withUnsafeBufferPointer { yb in
                            _ = model.trainStep(inputs: xb.address, targets: yb.address, batch: count, optimizer: &optimizer)
                        }
                    }
                    start += count
                }
            }
            seconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            validation.append(predict(model, data.validation, classes: classes, batch: evaluationBatch))
            let t = predict(model, data.test, classes: classes, batch: evaluationBatch)
            test.append(t)
            let own = (0..<data.test.count).filter { classGroups[Int(data.test.labels[$0])] == g }
            ownAccuracy.append(own.isEmpty ? .nan : Double(own.filter { t[$0] == data.test.labels[$0] }.count) / Double(own.count))
        }
        return GroupExperts(groupCount: groupCount, validationPredictions: validation, testPredictions: test,
                            ownGroupTestAccuracy: ownAccuracy, trainSeconds: seconds)
    }

    /// argmax over the expert's own classes, mapped back to the global class index.
    static func predict(_ model: MLPClassifier, _ set: ImageClassificationSet, classes: [Int], batch: Int) -> [Int32] {
        guard set.count > 0 else { return [] }
        let K = classes.count, inputSize = set.pixelsPerImage
        var probs = [Float](repeating: 0, count: batch * K)
        var out = [Int32](repeating: 0, count: set.count)
        set.pixels.withUnsafeBufferPointer { x in
            probs.withUnsafeMutableBufferPointer { p in
                var start = 0
                while start < set.count {
                    let count = min(batch, set.count - start)
                    model.predictProbabilities(inputs: x.address + start * inputSize, batch: count, into: p.address)
                    for i in 0..<count {
                        var best = 0
                        for k in 1..<max(K, 1) where p[i * K + k] > p[i * K + best] { best = k }
                        out[start + i] = Int32(classes[best])
                    }
                    start += count
                }
            }
        }
        return out
    }
}

/// Trained experts per (seed, expert config) for the life of one `biomoe run`, so the ten
/// variants of a seed share one set of experts instead of retraining it ten times. The key holds
/// everything the training reads, so two configs can never share experts by accident.
final class GroupExpertCache {
    private var entries: [String: GroupExperts] = [:]

    static let trainingKeys = ["class_groups", "expert_layers", "optimizer", "learning_rate", "weight_decay",
                               "momentum", "beta1", "beta2", "epsilon"]

    static func key(_ spec: RunSpec) -> String {
        var map: [String: ConfigValue] = ["seed": .int(spec.seed), "suite_seed": .int(spec.suiteSeed), "task": .map(spec.task)]
        for name in trainingKeys { map[name] = spec.model[name] }
        return ConfigValue.map(map).canonicalJSON
    }

    func experts(spec: RunSpec, data: ImageClassificationSplits, classGroups: [Int]) throws -> GroupExperts {
        let key = Self.key(spec)
        if let cached = entries[key] { return cached }
        let trained = try GroupExperts.train(spec: spec, data: data, classGroups: classGroups)
        entries[key] = trained
        return trained
    }
}
