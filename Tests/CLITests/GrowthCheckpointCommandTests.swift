import Foundation
import Testing

/// Real MNIST is fetched best effort by the set-up command (not a Debian package).
private let mnistInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/mnist/t10k-labels-idx1-ubyte")

/// A growth run's model out as one file per expert (`biomoe checkpoint --per-expert`) and back in
/// a fresh process (`biomoe predict`): the probabilities the training process recorded, exactly.
@Suite("Per-expert checkpoints across processes", .enabled(if: mnistInstalled), .serialized)
struct GrowthCheckpointCommandTests {
    static let suite = """
    schema: 1
    name: grow-ckpt
    version: 1
    seeds: [0]
    save_checkpoints: true
    task: {dataset: mnist, validation_size: 100, train_limit: 600, test_limit: 150, epochs: 2, batch_size: 32}
    base: {model: growth, model_width: 16, expert_hidden: 8, growth_experts: [1, 3], growth_epochs: [1, 2], freeze_mask: [0]}
    variants:
      grow: {}
      other: {growth_clone_noise: 0.2}
    """

    @Test("the per-expert files, reloaded by another process, give the training run's recorded test probabilities bit for bit; another run's files do not")
    func roundTripAcrossProcesses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-grow-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("grow.yaml").path, db = dir.appendingPathComponent("grow.sqlite").path
        try Self.suite.write(toFile: config, atomically: true, encoding: .utf8)
        let run = try BiomoeBinary.run(["run", config, "--db", db, "--plain"])
        try #require(run.status == 0, "run failed: \(run.standardError)")

        func predictions(ofRun id: Int) throws -> [String] {
            let out = dir.appendingPathComponent("export\(id).csv").path
            try #require(try BiomoeBinary.run(["export", "predictions", "--db", db, "--run", String(id), "-o", out]).status == 0)
            // drop the run column: index,label,p0…
            return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", maxSplits: 1).last.map(String.init) ?? "" }
        }
        func reloaded(_ id: Int) throws -> [String] {
            let experts = dir.appendingPathComponent("experts\(id)").path
            let export = try BiomoeBinary.run(["checkpoint", String(id), "--db", db, "--per-expert", "-o", experts])
            try #require(export.status == 0, "checkpoint failed: \(export.standardError)")
            #expect(export.standardOutput.contains("4 files (the gate and 3 experts)"), "\(export.standardOutput)")
            let files = try FileManager.default.contentsOfDirectory(atPath: experts).sorted()
            #expect(files == ["expert_0.safetensors", "expert_1.safetensors", "expert_2.safetensors", "gate.safetensors"])
            let out = dir.appendingPathComponent("predict\(id).csv").path
            let predict = try BiomoeBinary.run(["predict", experts, "--suite", config, "-o", out])
            try #require(predict.status == 0, "predict failed: \(predict.standardError)")
            return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        }
        let recorded = try predictions(ofRun: 1)
        #expect(recorded.count == 150)
        #expect(try reloaded(1) == recorded)
        #expect(try reloaded(2) != recorded, "the comparison can fail: run 2's model is another one")
    }

    @Test("a zone's run with every gate signal goes to DIR/<zone>/ and reloads in another process bit for bit")
    func zoneWithSignals() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-zone-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let suite = """
        schema: 1
        name: zone-ckpt
        version: 1
        seeds: [0]
        save_checkpoints: true
        task: {dataset: mnist, validation_size: 100, train_limit: 600, test_limit: 150, epochs: 2, batch_size: 32}
        base: {model: growth, model_width: 16, expert_hidden: 8, growth_zone: thalamus, gate_phasor: 0.5, gate_kwta: 8,
               thalamic_scale: 0.5, predictive_weight: 0.2, gate_groups: 2, merit_weight: 1, gate_bias: [0.5, 0]}
        variants: {thalamus: {}}
        """
        let config = dir.appendingPathComponent("zone.yaml").path, db = dir.appendingPathComponent("zone.sqlite").path
        try suite.write(toFile: config, atomically: true, encoding: .utf8)
        let run = try BiomoeBinary.run(["run", config, "--db", db, "--plain"])
        try #require(run.status == 0, "run failed: \(run.standardError)")
        let root = dir.appendingPathComponent("zones").path
        let export = try BiomoeBinary.run(["checkpoint", "1", "--db", db, "--per-expert", "-o", root])
        try #require(export.status == 0, "checkpoint failed: \(export.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/thalamus").sorted()
        #expect(files == ["expert_0.safetensors", "expert_1.safetensors", "gate.safetensors"], "the thalamus preset: two experts")
        let exported = dir.appendingPathComponent("export.csv").path, out = dir.appendingPathComponent("predict.csv").path
        try #require(try BiomoeBinary.run(["export", "predictions", "--db", db, "--run", "1", "-o", exported]).status == 0)
        let predict = try BiomoeBinary.run(["predict", root + "/thalamus", "--suite", config, "-o", out])
        try #require(predict.status == 0, "predict failed: \(predict.standardError)")
        let recorded = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init) == recorded)
        #expect(recorded.count == 150)
    }

    @Test("--per-expert on a run of another model is refused in one line naming the run")
    func refusesOtherModels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-grow-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("mlp.yaml").path, db = dir.appendingPathComponent("mlp.sqlite").path
        try Self.suite.replacingOccurrences(of: "name: grow-ckpt", with: "name: mlp-ckpt")
            .replacingOccurrences(of: "base: {model: growth, model_width: 16, expert_hidden: 8, growth_experts: [1, 3], growth_epochs: [1, 2], freeze_mask: [0]}",
                                  with: "base: {model: mlp, hidden: [8]}")
            .replacingOccurrences(of: "\n  other: {growth_clone_noise: 0.2}", with: "")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let trained = try BiomoeBinary.run(["run", config, "--db", db, "--plain"])
        try #require(trained.status == 0, "run failed: \(trained.standardError)")
        let result = try BiomoeBinary.run(["checkpoint", "1", "--db", db, "--per-expert", "-o", dir.appendingPathComponent("x").path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("run 1 (mlp-ckpt/grow seed 0) has no per-expert form"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
    }
}
