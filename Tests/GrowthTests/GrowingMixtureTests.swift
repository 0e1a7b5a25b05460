@testable import Growth
import NN
import Tensor
import TestSupport
import Testing

/// A small model (I 12, D 6, H 5, V 4, four slots) with fixed inputs and targets.
private func smallModel(initial: Int = 3, topK: Int = 2, temperature: Float = 0.7) -> (GrowingMixture, [Float], [Int32]) {
    var rng = Philox4x32_10(key: (7, 11))
    let model = GrowingMixture(inputSize: 12, classes: 4, modelWidth: 6, expertHidden: 5, maxExperts: 4, initialExperts: initial,
                               topK: topK, temperature: temperature, maxBatch: 8, rng: &rng)
    return (model, testValues(8 * 12, seed: 3), [0, 1, 2, 3, 3, 2, 1, 0])
}

/// Fills `model.parameters.grads`. Kept apart from `gradients`, which copies them out: where the
/// copy was inlined and its result discarded (`_ = gradients(…)`), the release build (Swift 6.3.1)
/// freed the new array before copying into it. AddressSanitizer showed that write after free; in
/// a CI run it corrupted the heap and aborted the test process in malloc.
private func fillGradients(_ model: GrowingMixture, _ x: [Float], _ t: [Int32], balance: Float) {
    x.withUnsafeBufferPointer { xb in
        t.withUnsafeBufferPointer { tb in _ = model.computeGradients(inputs: xb.baseAddress!, targets: tb.baseAddress!, batch: 8, balance: balance) }
    }
}

private func gradients(_ model: GrowingMixture, _ x: [Float], _ t: [Int32], balance: Float) -> [Float] {
    fillGradients(model, x, t, balance: balance)
    return Array(model.parameters.grads)
}

private func loss(_ model: GrowingMixture, _ x: [Float], _ t: [Int32], balance: Float) -> Double {
    x.withUnsafeBufferPointer { xb in
        t.withUnsafeBufferPointer { tb in
            let r = model.computeGradients(inputs: xb.baseAddress!, targets: tb.baseAddress!, batch: 8, balance: balance)
            return Double(r.loss) + Double(r.aux)
        }
    }
}

@Suite("GrowingMixture")
struct GrowingMixtureTests {
    @Test("the gradients of cross-entropy plus the balance loss match finite differences, through the masked gate and the renormalised top-2 weights")
    func finiteDifferences() {
        let (model, x, t) = smallModel()
        let analytic = gradients(model, x, t, balance: 0.3)
        let check = GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 3e-2, maxElementsPerTensor: 24)
        for entry in model.parameters.entries where !entry.name.hasPrefix("experts.3") {
            let values = UnsafeMutableBufferPointer(rebasing: model.parameters.values[entry.range])
            let report = analytic[entry.range].withUnsafeBufferPointer { a in
                check.check(entry.name, values: values, analytic: a) { loss(model, x, t, balance: 0.3) }
            }
            #expect(report.failures.isEmpty, "\(report)")
        }
    }

    @Test("an inactive slot gets no probability, no rows and no gradient")
    func inactiveSlotIsOutOfTheGraph() {
        let (model, x, t) = smallModel()
        let grads = gradients(model, x, t, balance: 0.3)
        for range in model.expertRanges(3) { #expect(grads[range].allSatisfy { $0 == 0 }) }
        let gateRow = model.parameters.entries[model.parameters.index(of: "gate.weight")!].range.lowerBound + 3 * 6
        #expect(grads[gateRow..<(gateRow + 6)].allSatisfy { $0 == 0 })
        for b in 0..<8 { #expect(model.gate.probabilities[b * 4 + 3] == 0) }
        // with the slot on, it takes part (the check above can fail)
        var rng = Philox4x32_10(key: (1, 2))
        model.activate(3, cloning: 0, noise: 0.5, rng: &rng)
        let after = gradients(model, x, t, balance: 0.3)
        #expect(after[gateRow..<(gateRow + 6)].contains { $0 != 0 })
    }

    @Test("growing leaves every existing expert's outputs bit-identical")
    func growthKeepsExistingExperts() {
        let (model, x, _) = smallModel(initial: 1)
        x.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: 8) }
        let h = Array(model.features(batch: 8))
        let before = model.expertOutputs(0, features: h, batch: 8)
        let parametersBefore = Array(model.parameters.values)
        var rng = Philox4x32_10(key: (5, 5))
        model.activate(1, cloning: 0, noise: 0.01, rng: &rng)
        model.activate(2, cloning: 0, noise: 0.01, rng: &rng)
        #expect(model.expertOutputs(0, features: h, batch: 8) == before)
        // only the two new slots' tensors and gate rows changed
        let changed = model.parameters.values.indices.filter { model.parameters.values[$0] != parametersBefore[$0] }
        let allowed = Set((model.expertRanges(1) + model.expertRanges(2)).flatMap { Array($0) })
        let gate = model.parameters.entries[model.parameters.index(of: "gate.weight")!].range.lowerBound
        let bias = model.parameters.entries[model.parameters.index(of: "gate.bias")!].range.lowerBound
        let gateRows = Set(Array((gate + 6)..<(gate + 18)) + [bias + 1, bias + 2])
        #expect(!changed.isEmpty && changed.allSatisfy { allowed.contains($0) || gateRows.contains($0) })
    }

    @Test("a clone without noise equals its teacher, output for output; with noise it differs")
    func cloneEqualsTeacher() {
        let (model, x, _) = smallModel(initial: 2)
        x.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: 8) }
        let h = Array(model.features(batch: 8))
        var rng = Philox4x32_10(key: (9, 9))
        model.activate(2, cloning: 1, noise: 0, rng: &rng)
        #expect(model.expertOutputs(2, features: h, batch: 8) == model.expertOutputs(1, features: h, batch: 8))
        model.activate(3, cloning: 1, noise: 0.01, rng: &rng)
        #expect(model.expertOutputs(3, features: h, batch: 8) != model.expertOutputs(1, features: h, batch: 8))
    }

    @Test("freeze_mask keeps a frozen expert's parameters exactly as they were through training; unfrozen, they move")
    func freezeStopsUpdates() {
        for frozen in [true, false] {
            let (model, x, t) = smallModel()
            model.frozen[1] = frozen
            let before = model.expertRanges(1).map { Array(model.parameters.values[$0]) }
            var adam = Adam(learningRate: 0.01)
            for _ in 0..<5 {
                fillGradients(model, x, t, balance: 0.1)
                adam.step(values: model.parameters.values, grads: UnsafeBufferPointer(model.parameters.grads), updating: model.trainableRanges)
            }
            let after = model.expertRanges(1).map { Array(model.parameters.values[$0]) }
            #expect((after == before) == frozen)
        }
    }

    @Test("training never moves an inactive slot")
    func inactiveSlotsStayAtInitialisation() {
        let (model, x, t) = smallModel(initial: 2)
        let before = Array(model.parameters.values)
        var adam = Adam(learningRate: 0.01)
        for _ in 0..<5 {
            fillGradients(model, x, t, balance: 0.1)
            adam.step(values: model.parameters.values, grads: UnsafeBufferPointer(model.parameters.grads), updating: model.trainableRanges)
        }
        for e in [2, 3] { for range in model.expertRanges(e) { #expect(Array(model.parameters.values[range]) == Array(before[range])) } }
        #expect(Array(model.parameters.values) != before)
    }
}
