import Continual
import Datasets
import Foundation
import Tensor
import Testing

/// Real MNIST is fetched best effort by the set-up command (not a Debian package).
private let mnistInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/mnist/t10k-labels-idx1-ubyte")

/// The first 6 000 training and 2 000 test images, Split MNIST in file class order, loaded once.
private let smallSplit: Result<(train: ImageClassificationSet, test: ImageClassificationSet, tasks: SplitTasks), Error> = Result {
    let train = try MNIST.load(split: .train).subset(0..<6000)
    let test = try MNIST.load(split: .test).subset(0..<2000)
    let tasks = try SplitTasks(trainLabels: train.labels, testLabels: test.labels, classOrder: Array(0..<10), classesPerTask: 2)
    return (train, test, tasks)
}

/// A small learner (784-64-outputs, 60 steps of batch 32 per task): large enough to learn each
/// pair of digits, small enough for CI. Seed 0, so the numbers are fixed bits.
private func run(_ scenario: ContinualScenario, _ method: ContinualMethod, _ configure: (inout ContinualSettings) -> Void = { _ in }) throws -> AccuracyMatrix {
    let data = try smallSplit.get()
    var settings = ContinualSettings(scenario: scenario, method: method)
    settings.hidden = [64]
    settings.iterationsPerTask = 60
    settings.batchSize = 32
    settings.replayPerClass = 20
    configure(&settings)
    let learner = ContinualLearner(settings: settings, tasks: data.tasks, train: data.train, test: data.test,
                                   streams: RandomStreams(suiteSeed: 0, runSeed: 0))
    return learner.run { _, _ in }.matrix
}

/// Each method against fine-tuning in the scenario where the papers show its effect: each test
/// fails when the method's mechanism is switched off (it then is fine-tuning).
@Suite("ContinualLearner on Split MNIST", .enabled(if: mnistInstalled), .serialized)
struct ContinualLearnerTests {
    @Test("class-incremental fine-tuning forgets every past task; joint training and replay keep them")
    func classIncremental() throws {
        let fineTune = try run(.class, .fineTune), joint = try run(.class, .joint), replay = try run(.class, .replay)
        #expect(fineTune.rows.last!.dropLast().allSatisfy { $0 < 0.05 }, "\(fineTune.rows.last!)")
        #expect(joint.averageAccuracy > 0.8, "\(joint.averageAccuracy)")
        #expect(replay.averageAccuracy > fineTune.averageAccuracy + 0.3, "\(replay.averageAccuracy) vs \(fineTune.averageAccuracy)")
    }

    @Test("in Task-IL, EWC, SI and LwF forget less than fine-tuning")
    func taskIncrementalRegularisers() throws {
        let fineTune = try run(.task, .fineTune)
        let ewc = try run(.task, .ewc) { $0.ewcLambda = 1e7 }
        let si = try run(.task, .si) { $0.siStrength = 50 }
        let lwf = try run(.task, .lwf)
        for (name, m) in [("ewc", ewc), ("si", si), ("lwf", lwf)] {
            #expect(m.forgetting < fineTune.forgetting / 2, "\(name) forgetting \(m.forgetting) vs fine-tune \(fineTune.forgetting)")
        }
    }

    @Test("EWC with λ = 0 and SI with c = 0 are fine-tuning, bit for bit")
    func zeroStrengthIsFineTuning() throws {
        let fineTune = try run(.domain, .fineTune)
        #expect(try run(.domain, .ewc) { $0.ewcLambda = 0 } == fineTune)
        #expect(try run(.domain, .si) { $0.siStrength = 0 } == fineTune)
    }

    @Test("the same seed gives the same accuracy matrix")
    func deterministic() throws {
        #expect(try run(.class, .lwf) == run(.class, .lwf))
    }
}
