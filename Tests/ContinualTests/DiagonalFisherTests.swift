import Continual
import NN
import Testing
import TestSupport

@Suite("Diagonal Fisher")
struct DiagonalFisherTests {
    @Test("equals the mean over samples of the squared batch-1 gradient of −log p(ŷ) at the model's own most likely class")
    func matchesPerSampleGradients() {
        var g = SplitMix64(seed: 4)
        let mlp = MLPClassifier(inputSize: 5, hidden: [4], classes: 4, maxBatch: 1, rng: &g)
        let inputs = testValues(3 * 5, seed: 9)
        let fisher = inputs.withUnsafeBufferPointer { x in
            diagonalFisher(model: mlp, samples: 3, input: { x.baseAddress! + $0 * 5 }, columns: { _ in 0..<4 })
        }
        var expected = [Double](repeating: 0, count: mlp.parameterCount)
        inputs.withUnsafeBufferPointer { x in
            for n in 0..<3 {
                let z = mlp.logits(inputs: x.baseAddress! + n * 5, batch: 1)
                let predicted = Int32((0..<4).max { z[$0] < z[$1] }!)
                _ = [predicted].withUnsafeBufferPointer { mlp.computeGradients(inputs: x.baseAddress! + n * 5, targets: $0.baseAddress!, batch: 1) }
                for i in 0..<expected.count { expected[i] += Double(mlp.parameters.grads[i] * mlp.parameters.grads[i]) / 3 }
            }
        }
        for i in 0..<expected.count { #expect(abs(Double(fisher[i]) - expected[i]) <= 1e-6 * max(1, expected[i]), "parameter \(i)") }
        #expect(fisher.contains { $0 > 0 })
    }

    @Test("restricted to a head, only that head's output weights get importance")
    func headOnly() {
        var g = SplitMix64(seed: 5)
        let mlp = MLPClassifier(inputSize: 3, hidden: [], classes: 4, maxBatch: 1, rng: &g)
        let inputs = testValues(2 * 3, seed: 10)
        let fisher = inputs.withUnsafeBufferPointer { x in
            diagonalFisher(model: mlp, samples: 2, input: { x.baseAddress! + $0 * 3 }, columns: { _ in 2..<4 })
        }
        // weight [4, 3] then bias [4]: rows 0 and 1 (outputs outside the head) get nothing
        #expect(fisher[0..<6].allSatisfy { $0 == 0 } && fisher[12..<14].allSatisfy { $0 == 0 })
        #expect(fisher[6..<12].allSatisfy { $0 > 0 } && fisher[14..<16].allSatisfy { $0 > 0 })
    }
}
