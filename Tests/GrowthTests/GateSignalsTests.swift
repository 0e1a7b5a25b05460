@testable import Growth
import NN
import Tensor
import TestSupport
import Testing

/// The small model of GrowingMixtureTests (I 12, D 6, H 5, V 4, four slots, three active) with
/// gate signals; the signals' tensors get random values so no gradient is 0 by construction.
private func signalModel(_ signals: GateSignalSettings) -> (GrowingMixture, [Float], [Int32]) {
    var rng = Philox4x32_10(key: (7, 11))
    let model = GrowingMixture(inputSize: 12, classes: 4, modelWidth: 6, expertHidden: 5, maxExperts: 4, initialExperts: 3,
                               topK: 2, temperature: 0.7, maxBatch: 8, signals: signals, rng: &rng)
    for entry in model.parameters.entries where entry.name.hasPrefix("signals.") && !entry.name.hasPrefix("signals.phasor") {
        for (i, v) in zip(entry.range, testValues(entry.range.count, seed: UInt64(entry.range.lowerBound), in: (-0.5, 0.5))) {
            model.parameters.values[i] = v
        }
    }
    return (model, testValues(8 * 12, seed: 3), [0, 1, 2, 3, 3, 2, 1, 0])
}

private func step(_ model: GrowingMixture, _ x: [Float], _ t: [Int32]) -> Double {
    x.withUnsafeBufferPointer { xb in
        t.withUnsafeBufferPointer { tb in
            let r = model.computeGradients(inputs: xb.baseAddress!, targets: tb.baseAddress!, batch: 8, balance: 0.3)
            return Double(r.loss) + Double(r.aux)
        }
    }
}

private func probabilities(_ model: GrowingMixture, _ x: [Float]) -> [Float] {
    x.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: 8) }
    return Array(model.gate.probabilities[0..<32])
}

private var everyDifferentiableSignal: GateSignalSettings {
    var s = GateSignalSettings()
    s.phasorDepth = 0.5
    s.kwta = 4
    s.thalamicScale = 0.8
    s.groups = 2
    s.bias = [0.3, -0.2, 0.1, 0]
    return s
}

@Suite("Gate signals")
struct GateSignalsTests {
    @Test("the gradients through phasor, k-WTA, thalamic bias, group gating and the personality bias match finite differences")
    func finiteDifferences() {
        let (model, x, t) = signalModel(everyDifferentiableSignal)
        _ = step(model, x, t)
        let analytic = Array(model.parameters.grads)
        let check = GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 3e-2, maxElementsPerTensor: 24)
        var checked: [String] = []
        for entry in model.parameters.entries where !entry.name.hasPrefix("experts.3") && !entry.name.hasPrefix("signals.phasor") {
            let values = UnsafeMutableBufferPointer(rebasing: model.parameters.values[entry.range])
            let report = analytic[entry.range].withUnsafeBufferPointer { a in check.check(entry.name, values: values, analytic: a) { step(model, x, t) } }
            #expect(report.failures.isEmpty, "\(report)")
            checked.append(entry.name)
        }
        #expect(checked.contains("signals.thalamus.centroids") && checked.contains("signals.groups.weight") && checked.contains("proj.weight"))
        #expect(analytic[model.parameters.entries[model.parameters.index(of: "signals.thalamus.centroids")!].range].contains { $0 != 0 })
    }

    @Test("the utility head's gradient matches finite differences of its squared error on the first choices")
    func utilityHead() {
        var settings = GateSignalSettings()
        settings.predictiveWeight = 0.4
        let (model, x, _) = signalModel(settings)
        let y: [Float] = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4]
        func utilityLoss() -> Double {
            model.parameters.zeroGrads()
            _ = probabilities(model, x)
            return Double(model.signals!.addUtilityGradients(first: model.gate.topOne, utilities: y, B: 8, table: model.parameters))
        }
        _ = utilityLoss()
        let analytic = Array(model.parameters.grads)
        let check = GradientCheck(epsilon: 1e-3, absoluteTolerance: 1e-3, relativeTolerance: 2e-2, maxElementsPerTensor: 24)
        for name in ["signals.utility.weight", "signals.utility.bias"] {
            let entry = model.parameters.entries[model.parameters.index(of: name)!]
            let values = UnsafeMutableBufferPointer(rebasing: model.parameters.values[entry.range])
            let report = analytic[entry.range].withUnsafeBufferPointer { a in check.check(name, values: values, analytic: a) { utilityLoss() } }
            #expect(report.failures.isEmpty, "\(report)")
        }
        // the head learns only from its own loss: the task's gradient leaves it alone
        #expect(model.trainableRanges.contains(model.parameters.entries[model.parameters.index(of: "signals.utility.bias")!].range))
    }

    @Test("the merit board moves each expert that took rows towards its advantage, by the momentum (hand-computed)")
    func meritUpdate() {
        var settings = GateSignalSettings()
        settings.meritWeight = 1
        settings.meritMomentum = 0.75
        let (model, _, _) = signalModel(settings)
        let merit = model.parameters.entries[model.parameters.index(of: "signals.merit")!].range
        for i in merit { model.parameters.values[i] = 0.2 }
        // rows 0, 1 → expert 0 (utilities 1, 0.5), rows 2, 3 → expert 2 (0, 0.5); batch mean 0.5
        model.signals!.updateMerit(first: { [0, 0, 2, 2][$0] }, utilities: [1, 0.5, 0, 0.5], B: 4, table: model.parameters)
        let m = Array(model.parameters.values[merit])
        // 0.75·0.2 + 0.25·(0.75 − 0.5) = 0.2125;  0.75·0.2 + 0.25·(0.25 − 0.5) = 0.0875; experts 1 and 3 untouched
        #expect(abs(m[0] - 0.2125) < 1e-6 && abs(m[2] - 0.0875) < 1e-6 && m[1] == 0.2 && m[3] == 0.2, "\(m)")
        #expect(!model.trainableRanges.contains { $0.overlaps(merit) }, "the optimizer never moves the merit board")
    }

    @Test("each signal alone changes the gate's probabilities; with every signal off the model is the plain one, bit for bit")
    func eachSignalActs() {
        let (plain, x, t) = signalModel(GateSignalSettings())
        let base = probabilities(plain, x)
        let switches: [(String, (inout GateSignalSettings) -> Void)] = [
            ("phasor", { $0.phasorDepth = 0.5 }), ("kwta", { $0.kwta = 2 }), ("thalamic", { $0.thalamicScale = 1 }),
            ("predictive", { $0.predictiveWeight = 1 }), ("groups", { $0.groups = 2 }), ("merit", { $0.meritWeight = 1 }),
            ("bias", { $0.bias = [1, 0, 0, 0] }),
        ]
        for (name, apply) in switches {
            var s = GateSignalSettings()
            apply(&s)
            let (model, _, _) = signalModel(s)
            if s.merit { for i in model.parameters.entries[model.parameters.index(of: "signals.merit")!].range { model.parameters.values[i] = Float(i % 3) } }
            #expect(probabilities(model, x) != base, "\(name) changed nothing")
            #expect(!s.isOff)
            // the plain tensors are initialised as in the plain model (the signals' come last)
            #expect(Array(model.parameters.values[0..<plain.parameterCount]) == Array(plain.parameters.values))
        }
        let (off, _, _) = signalModel(GateSignalSettings())
        #expect(off.signals == nil && step(off, x, t) == step(plain, x, t))
    }

    @Test("a bad setting names its key")
    func problems() {
        var s = GateSignalSettings()
        s.kwta = 9
        #expect(s.problem(slots: 4, width: 6)?.key == "gate_kwta")
        s = GateSignalSettings()
        s.groups = 5
        #expect(s.problem(slots: 4, width: 6)?.key == "gate_groups")
        s = GateSignalSettings()
        s.bias = [1, 2]
        #expect(s.problem(slots: 4, width: 6)?.expected.contains("one bias per expert slot (4)") == true)
        s.bias = [1, 2, 3, 4]
        s.meritMomentum = 1
        #expect(s.problem(slots: 4, width: 6)?.key == "merit_momentum")
        #expect(GateSignalSettings(metadata: everyDifferentiableSignal.metadata) == everyDifferentiableSignal)
        #expect(GateSignalSettings(metadata: "phasor=1") == nil)
    }
}
