import Continual
import Foundation
import Testing
import TestSupport

/// Central differences of a per-row loss with respect to each logit.
private func numericGradient(_ logits: [Float], epsilon: Float = 1e-2, _ loss: ([Float]) -> Float) -> [Double] {
    (0..<logits.count).map { k in
        var plus = logits, minus = logits
        plus[k] += epsilon
        minus[k] -= epsilon
        return (Double(loss(plus)) - Double(loss(minus))) / Double(2 * epsilon)
    }
}

@Suite("Continual losses: masked cross-entropy and distillation")
struct ContinualLossesTests {
    @Test("masked cross-entropy by hand: logits (0, ln 3) over columns 0–1, target 0, is ln 4 with gradient (−3/4, 3/4) and none outside the head")
    func crossEntropyByHand() {
        let z: [Float] = [0, logf(3), 5, -2]
        var dz = [Float](repeating: 0, count: 4)
        let loss = maskedCrossEntropy(logits: z, dlogits: &dz, columns: 0..<2, target: 0, weight: 1)
        #expect(abs(loss - logf(4)) < 1e-6)
        #expect(abs(dz[0] - (-0.75)) < 1e-6 && abs(dz[1] - 0.75) < 1e-6)
        #expect(dz[2] == 0 && dz[3] == 0)
    }

    @Test("masked cross-entropy's gradient agrees with finite differences, scaled by its weight and added to what is there")
    func crossEntropyGradient() {
        let z = testValues(6, seed: 3, in: (-2, 2))
        var dz = [Float](repeating: 0.5, count: 6)
        maskedCrossEntropy(logits: z, dlogits: &dz, columns: 2..<5, target: 3, weight: 0.25)
        let numeric = numericGradient(z) { maskedCrossEntropy(logits: $0, dlogits: nil, columns: 2..<5, target: 3, weight: 1) }
        for k in 0..<6 {
            #expect(abs(Double(dz[k] - 0.5) - 0.25 * numeric[k]) < 1e-3, "column \(k): \(dz[k] - 0.5) vs \(0.25 * numeric[k])")
        }
    }

    @Test("distillation by hand: a student equal to the teacher has loss T²·H(q) and zero gradient")
    func distillationAtItsMinimum() {
        let z: [Float] = [1, -1]
        var dz = [Float](repeating: 0, count: 2)
        let T: Float = 2
        let loss = distillation(studentLogits: z, dlogits: &dz, columns: 0..<2, teacherLogits: z, teacherCount: 2, temperature: T, weight: 1)
        // q = softmax((1, −1) / 2) = (e^0.5, e^−0.5) / (e^0.5 + e^−0.5)
        let q0 = expf(0.5) / (expf(0.5) + expf(-0.5)), q1 = 1 - q0
        #expect(abs(loss - T * T * -(q0 * logf(q0) + q1 * logf(q1))) < 1e-5)
        #expect(abs(dz[0]) < 1e-6 && abs(dz[1]) < 1e-6)
    }

    @Test("distillation's gradient agrees with finite differences, teacher padded with zeros for classes it never saw",
          arguments: [Float(1), 2, 4])
    func distillationGradient(temperature: Float) {
        let z = testValues(6, seed: 5, in: (-2, 2))
        let teacher = testValues(3, seed: 6, in: (-3, 3))
        var dz = [Float](repeating: 0, count: 6)
        distillation(studentLogits: z, dlogits: &dz, columns: 1..<6, teacherLogits: teacher, teacherCount: 3,
                     temperature: temperature, weight: 1)
        let numeric = numericGradient(z, epsilon: 5e-3) {
            distillation(studentLogits: $0, dlogits: nil, columns: 1..<6, teacherLogits: teacher, teacherCount: 3,
                         temperature: temperature, weight: 1)
        }
        #expect(dz[0] == 0)
        for k in 0..<6 { #expect(abs(Double(dz[k]) - numeric[k]) < 2e-3, "column \(k): \(dz[k]) vs \(numeric[k])") }
        // the padded columns (student 4 and 5) are pushed down: their gradient is T·p > 0
        #expect(dz[4] > 0 && dz[5] > 0)
    }
}
