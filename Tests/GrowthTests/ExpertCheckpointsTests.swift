import Foundation
@testable import Growth
import NN
import Tensor
import TestSupport
import Testing

@Suite("Per-expert checkpoints")
struct ExpertCheckpointsTests {
    private func grownModel(signals: GateSignalSettings = GateSignalSettings()) -> GrowingMixture {
        var rng = Philox4x32_10(key: (21, 4))
        let model = GrowingMixture(inputSize: 12, classes: 4, modelWidth: 6, expertHidden: 5, maxExperts: 5, initialExperts: 2,
                                   topK: 2, temperature: 0.8, maxBatch: 8, signals: signals, rng: &rng)
        for entry in model.parameters.entries where entry.name.hasPrefix("signals.") && !entry.name.hasPrefix("signals.phasor") {
            for (i, v) in zip(entry.range, testValues(entry.range.count, seed: 5)) { model.parameters.values[i] = v }
        }
        model.activate(2, cloning: 0, noise: 0.05, rng: &rng)
        model.frozen[1] = true
        return model
    }

    private func predictions(_ model: GrowingMixture, _ x: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: 8 * 4)
        x.withUnsafeBufferPointer { xb in out.withUnsafeMutableBufferPointer { model.predictProbabilities(inputs: xb.baseAddress!, batch: 8, into: $0.baseAddress!) } }
        return out
    }

    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-experts-\(UUID().uuidString)")
    }

    @Test("saving one file per active expert plus the gate and loading them gives the same predictions, masks and sizes")
    func roundTrip() throws {
        let model = grownModel(), x = testValues(8 * 12, seed: 2)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try ExpertCheckpoints.save(model, to: directory)
        #expect(files.map(\.lastPathComponent) == ["gate.safetensors", "expert_0.safetensors", "expert_1.safetensors", "expert_2.safetensors"])
        let loaded = try ExpertCheckpoints.load(from: directory, maxBatch: 8)
        #expect(predictions(loaded, x) == predictions(model, x))
        #expect(loaded.active == model.active && loaded.frozen == model.frozen && loaded.pruned == model.pruned)
        #expect(loaded.temperature == model.temperature && loaded.topK == model.topK)
    }

    @Test("a model with every gate signal round-trips too: the signals' settings, centroids, heads and merit board come back")
    func roundTripWithSignals() throws {
        var signals = GateSignalSettings()
        (signals.phasorDepth, signals.kwta, signals.thalamicScale, signals.predictiveWeight) = (0.5, 4, 1, 0.5)
        (signals.groups, signals.meritWeight, signals.bias) = (2, 1, [0.1, 0, 0, -0.1, 0.2])
        let model = grownModel(signals: signals), x = testValues(8 * 12, seed: 2)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExpertCheckpoints.save(model, to: directory)
        let loaded = try ExpertCheckpoints.load(from: directory, maxBatch: 8)
        #expect(loaded.signalSettings == signals)
        #expect(predictions(loaded, x) == predictions(model, x))
        #expect(predictions(loaded, x) != predictions(grownModel(), x), "the signals change the predictions, so the check above can fail")
        let signalTensors = model.parameters.entries.filter { $0.name.hasPrefix("signals.") }
        #expect(signalTensors.count == 8)
        for entry in signalTensors {
            #expect(Array(loaded.parameters.values[entry.range]) == Array(model.parameters.values[entry.range]), "\(entry.name)")
        }
    }

    @Test("one expert's file loads into another slot of a running model and computes what it computed there")
    func expertPlugsIntoAnotherSlot() throws {
        let model = grownModel(), x = testValues(8 * 12, seed: 2)
        x.withUnsafeBufferPointer { model.forward(inputs: $0.baseAddress!, batch: 8) }
        let h = Array(model.features(batch: 8))
        try ExpertCheckpoints.loadExpert(try ExpertCheckpoints.expertFile(model, 1), into: model, slot: 3, source: "expert_1")
        #expect(model.expertOutputs(3, features: h, batch: 8) == model.expertOutputs(1, features: h, batch: 8))
    }

    @Test("a missing expert file or a changed size is refused with the file named")
    func badCheckpointsAreRefused() throws {
        let model = grownModel()
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExpertCheckpoints.save(model, to: directory)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("expert_2.safetensors"))
        #expect(throws: SafetensorsError.self) { try ExpertCheckpoints.load(from: directory, maxBatch: 8) }
        var rng = Philox4x32_10(key: (1, 1))
        let wider = GrowingMixture(inputSize: 12, classes: 4, modelWidth: 7, expertHidden: 5, maxExperts: 5, initialExperts: 1,
                                   topK: 2, temperature: 1, maxBatch: 8, rng: &rng)
        do {
            try ExpertCheckpoints.loadExpert(try ExpertCheckpoints.expertFile(model, 0), into: wider, slot: 0, source: "expert_0.safetensors")
            Issue.record("a 6-wide expert loaded into a 7-wide model")
        } catch let error as ExpertCheckpointError {
            #expect(error.description.contains("expert_0.safetensors") && error.description.contains("fc1.weight"))
        }
    }
}
