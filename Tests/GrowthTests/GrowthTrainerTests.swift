import Datasets
import Foundation
@testable import Growth
import Tensor
import Testing

/// Real MNIST is fetched best effort by the set-up command (not a Debian package).
private let mnistInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/mnist/t10k-labels-idx1-ubyte")

private let smallMNIST: Result<(train: ImageClassificationSet, test: ImageClassificationSet), Error> = Result {
    (try MNIST.load(split: .train).subset(0..<3000), try MNIST.load(split: .test).subset(0..<1000))
}

/// 3 epochs of 3 000 images, growing 1 → 2 → 4 (D 32, H 32): seconds, yet enough to learn MNIST.
private func settings(_ configure: (inout GrowthSettings) -> Void = { _ in }) -> GrowthSettings {
    var s = GrowthSettings()
    s.modelWidth = 32
    s.expertHidden = 32
    s.epochs = 3
    s.batchSize = 64
    s.stages = [GrowthStage(epoch: 1, experts: 1), GrowthStage(epoch: 2, experts: 2), GrowthStage(epoch: 3, experts: 4)]
    s.bootstrapSteps = 10
    s.distillSteps = 20
    configure(&s)
    return s
}

private func train(_ s: GrowthSettings) throws -> (GrowthTrainer, GrowthResult) {
    let data = try smallMNIST.get()
    let trainer = GrowthTrainer(settings: s, inputSize: 784, classes: 10, streams: RandomStreams(suiteSeed: 0, runSeed: 0))
    return (trainer, trainer.run(train: data.train, validation: nil, test: data.test))
}

@Suite("GrowthTrainer on MNIST", .enabled(if: mnistInstalled), .serialized)
struct GrowthTrainerTests {
    @Test("the schedule switches experts on at its epochs, each cloned from an active teacher, and the model learns")
    func scheduleGrows() throws {
        let (_, result) = try train(settings())
        #expect(result.epochs.map(\.activeExperts) == [1, 2, 4])
        let births = result.events.filter { $0.kind == .born }
        #expect(births.map(\.expert) == [1, 2, 3])
        #expect(births.map(\.epoch) == [2, 3, 3])
        #expect(births[0].teachers == [0])
        #expect(result.epochs.last!.testAccuracy > 0.75, "\(result.epochs.map(\.testAccuracy))")
        // every active slot is used on the test set once grown
        #expect(result.test!.utilization.prefix(4).allSatisfy { $0 > 0 }, "\(result.test!.utilization)")
        // distillation ran while the students bootstrapped, and only then
        #expect(result.epochs[0].distillationLoss == 0 && result.epochs[1].distillationLoss > 0)
    }

    @Test("pruning masks a slot whose lifetime share falls below the threshold, and it gets no more rows")
    func pruningMasksLowUse() throws {
        // threshold 0.6: of two experts sharing the rows, at least one is below it after its epoch
        let (trainer, result) = try train(settings { $0.stages = [GrowthStage(epoch: 1, experts: 2)]; $0.pruneUtilization = 0.6 })
        let pruned = result.events.filter { $0.kind == .pruned }
        #expect(pruned.count == 1)
        if let e = pruned.first?.expert {
            #expect(trainer.model.pruned[e] && !trainer.model.active[e])
            #expect(result.test!.utilization[e] == 0)
        }
    }

    @Test("neurogenesis spawns an expert when the gate's entropy stays high, and never without a free slot")
    func entropySpawns() throws {
        let (_, result) = try train(settings {
            $0.stages = [GrowthStage(epoch: 1, experts: 2)]; $0.maxExperts = 3; $0.spawnEntropy = 0.01; $0.spawnPatience = 5
        })
        let spawned = result.events.filter { $0.reason == .entropy }
        #expect(spawned.count == 1 && spawned[0].expert == 2 && spawned[0].value > 0.01)
        let (_, off) = try train(settings { $0.stages = [GrowthStage(epoch: 1, experts: 2)]; $0.maxExperts = 3 })
        #expect(off.events.isEmpty)
    }

    @Test("the same seed gives the same bits")
    func deterministic() throws {
        let a = try train(settings()).1, b = try train(settings()).1
        #expect(a.test!.probabilities == b.test!.probabilities)
        #expect(a.events == b.events)
    }
}
