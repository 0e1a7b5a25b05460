import Continual
import Datasets
import Foundation
@testable import Growth
import Tensor
import Testing

private let mnistInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/mnist/t10k-labels-idx1-ubyte")

/// Three tasks of two digits (0/1, 2/3, 4/5) from the first 3 000 training and 1 000 test images.
private let split: Result<(train: ImageClassificationSet, test: ImageClassificationSet, tasks: SplitTasks), Error> = Result {
    let train = try MNIST.load(split: .train).subset(0..<3000), test = try MNIST.load(split: .test).subset(0..<1000)
    let keep = { (set: ImageClassificationSet) in set.labels.indices.filter { set.labels[$0] < 6 } }
    let tr = train.subset(indices: keep(train)), te = test.subset(indices: keep(test))
    return (tr, te, try SplitTasks(trainLabels: tr.labels, testLabels: te.labels, classOrder: Array(0..<6), classesPerTask: 2))
}

/// Expert 0's outputs on fixed features after each task, and the final matrix.
private func run(_ scenario: ContinualScenario, _ protection: RoutedGrowthProtection, lambda: Float = 1e-4) throws
    -> (matrix: AccuracyMatrix, expert0: [[Float]], learner: RoutedGrowthLearner, routing: [Double]) {
    let data = try split.get()
    var settings = RoutedGrowthSettings(scenario: scenario, protection: protection)
    settings.modelWidth = 32
    settings.expertHidden = 32
    settings.iterationsPerTask = 60
    settings.batchSize = 32
    settings.emcLambda = lambda
    let learner = RoutedGrowthLearner(settings: settings, tasks: data.tasks, train: data.train, test: data.test,
                                      streams: RandomStreams(suiteSeed: 0, runSeed: 0))
    let probe = (0..<(8 * 32)).map { Float(($0 * 37) % 11) / 11 }
    var expert0: [[Float]] = []
    let result = learner.run(progress: { _, _ in }, taskEnded: { _ in expert0.append(learner.model.expertOutputs(0, features: probe, batch: 8)) })
    return (result.matrix, expert0, learner, result.routingAccuracy)
}

@Suite("Routed growth on Split MNIST", .enabled(if: mnistInstalled), .serialized)
struct RoutedGrowthLearnerTests {
    @Test("an expert is born per task and each task is learned; in Task-IL the test images go to their task's expert")
    func expertPerTask() throws {
        let r = try run(.task, .none)
        #expect(r.learner.model.activeCount == 3)
        #expect((0..<3).allSatisfy { r.matrix.rows[$0][$0] > 0.9 }, "\(r.matrix.rows)")
        #expect(r.routing.count == 3)
    }

    @Test("freeze keeps the first expert bit-identical through the later tasks; unprotected, it changes")
    func freezeKeepsPastExperts() throws {
        let frozen = try run(.class, .freeze), open = try run(.class, .none)
        #expect(frozen.expert0[1] == frozen.expert0[0] && frozen.expert0[2] == frozen.expert0[0])
        #expect(open.expert0[2] != open.expert0[0])
    }

    @Test("EMC with λ = 0 is no protection, bit for bit; a strong EMC keeps the first expert's outputs closer than none does")
    func emcHoldsOutputs() throws {
        let none = try run(.domain, .none)
        #expect(try run(.domain, .emc, lambda: 0).matrix == none.matrix)
        let strong = try run(.domain, .emc, lambda: 100)
        func drift(_ outputs: [[Float]]) -> Float { zip(outputs[2], outputs[0]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
        #expect(drift(strong.expert0) < drift(none.expert0) / 2, "\(drift(strong.expert0)) vs \(drift(none.expert0))")
    }

    @Test("the same seed gives the same accuracy matrix")
    func deterministic() throws {
        #expect(try run(.class, .emc).matrix == run(.class, .emc).matrix)
    }
}
