@testable import Growth
import NN
import Tensor
import TestSupport
import Testing

@Suite("Expert distillation")
struct ExpertDistillationTests {
    private func model() -> (GrowingMixture, [Float]) {
        var rng = Philox4x32_10(key: (3, 4))
        let model = GrowingMixture(inputSize: 10, classes: 3, modelWidth: 5, expertHidden: 4, maxExperts: 3, initialExperts: 3,
                                   topK: 2, temperature: 1, maxBatch: 6, rng: &rng)
        let x = testValues(6 * 10, seed: 8)
        x.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: 6) }
        return (model, x)
    }

    @Test("the distillation gradient matches finite differences of the student's loss, for one teacher and for a committee")
    func finiteDifferences() {
        for teacher in [DistillationTeacher.expert(0), .committee([0, 1])] {
            let (model, _) = model()
            model.parameters.zeroGrads()
            model.addDistillationGradients(student: 2, teacher: teacher, alpha: 0.7, batch: 6)
            let analytic = Array(model.parameters.grads)
            let check = GradientCheck(epsilon: 1e-3, absoluteTolerance: 1e-4, relativeTolerance: 2e-2)
            for range in model.expertRanges(2) {
                let report = analytic[range].withUnsafeBufferPointer { a in
                    check.check("student", values: UnsafeMutableBufferPointer(rebasing: model.parameters.values[range]), analytic: a) {
                        model.parameters.zeroGrads()
                        return Double(model.addDistillationGradients(student: 2, teacher: teacher, alpha: 0.7, batch: 6))
                    }
                }
                #expect(report.failures.isEmpty, "\(report)")
            }
            // only the student gets gradient
            for e in [0, 1] { for range in model.expertRanges(e) { #expect(analytic[range].allSatisfy { $0 == 0 }) } }
        }
    }

    @Test("the loss is α times the mean squared difference to the committee's mean output (hand-computed from the outputs)")
    func lossIsMeanSquaredError() {
        let (model, _) = model()
        let h = Array(model.features(batch: 6))
        let a = model.expertOutputs(0, features: h, batch: 6), b = model.expertOutputs(1, features: h, batch: 6)
        let s = model.expertOutputs(2, features: h, batch: 6)
        var expected: Float = 0
        for i in s.indices { let d = s[i] - (a[i] / 2 + b[i] / 2); expected += d * d }
        expected = 0.5 * expected / Float(s.count)
        let loss = model.addDistillationGradients(student: 2, teacher: .committee([0, 1]), alpha: 0.5, batch: 6)
        #expect(abs(loss - expected) <= 1e-6 * max(1, abs(expected)))
        #expect(model.addDistillationGradients(student: 2, teacher: .expert(2 - 2), alpha: 0, batch: 6) == 0)
    }
}
