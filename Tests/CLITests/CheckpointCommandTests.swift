import Foundation
import Testing

/// `save_checkpoints: true` and `biomoe checkpoint RUN -o FILE`: each run's final model stored
/// beside the results file, exported only when it is the file the run wrote, and loadable into
/// PyTorch with the outputs the run recorded.
@Suite("Checkpoints out", .enabled(if: SmokeRun.datasetInstalled), .serialized)
struct CheckpointCommandTests {
    static func suite(saving: Bool) -> String {
        """
        schema: 1
        name: ckpt
        version: 1
        seeds: [0]
        save_checkpoints: \(saving)
        task: {validation_size: 200, train_limit: 1000, test_limit: 200, epochs: 1, batch_size: 50, latency_samples: 3}
        base: {model: moe, experts: 4, model_width: 16, expert_hidden: 8}
        variants:
          mlp: {model: mlp, hidden: [16, 8]}
          softmax: {}
          noisy: {router: noisy-top-k}
        """
    }

    /// A scratch directory holding `ckpt.sqlite` with the three runs (ids 1, 2, 3 in file order).
    func runSuite(saving: Bool = true) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("ckpt.yaml")
        try Self.suite(saving: saving).write(to: config, atomically: true, encoding: .utf8)
        let run = try BiomoeBinary.run(["run", config.path, "--db", dir.appendingPathComponent("ckpt.sqlite").path, "--plain"])
        try #require(run.status == 0, "run failed: \(run.standardError)")
        return dir
    }

    func stored(_ dir: URL) throws -> [URL] {
        let folder = dir.appendingPathComponent("ckpt.checkpoints/ckpt")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("a suite with save_checkpoints stores each run's model beside the results file, and the export is that file")
    func storesAndExports() throws {
        let dir = try runSuite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try stored(dir)
        #expect(files.map(\.lastPathComponent).map { String($0.prefix(while: { $0 != "-" })) } == ["mlp", "noisy", "softmax"])
        let out = dir.appendingPathComponent("softmax.safetensors").path
        let export = try BiomoeBinary.run(["checkpoint", "2", "--db", dir.appendingPathComponent("ckpt.sqlite").path, "-o", out])
        try #require(export.status == 0, "checkpoint failed: \(export.standardError)")
        #expect(export.standardOutput.hasPrefix("\(out): run 2 (ckpt/softmax seed 0), 22 tensors, "))
        #expect(export.standardOutput.hasSuffix(" bytes (SHA-256 checked)\n"))
        let source = try #require(files.first { $0.lastPathComponent.hasPrefix("softmax-seed0-") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes == (try Data(contentsOf: source)))
        let header = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for field in [#""variant":"softmax""#, #""model":"moe""#, #""format":"biomoe.MoEClassifier""#, #""run_config_hash":"#, #""router.weight":"#] {
            #expect(header.contains(field), "the header lacks \(field)")
        }
    }

    @Test("a missing, truncated or altered checkpoint, a run without one and an unknown run are refused in one line, -o untouched")
    func refusesDamagedCheckpoints() throws {
        let dir = try runSuite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ckpt.sqlite").path
        let out = dir.appendingPathComponent("out.safetensors")
        try Data("previous".utf8).write(to: out)
        func refused(_ run: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try BiomoeBinary.run(["checkpoint", run, "--db", db, "-o", out.path])
            #expect(result.status == 1, sourceLocation: sourceLocation)
            #expect(result.standardError.contains(message), "stderr: \(result.standardError)", sourceLocation: sourceLocation)
            #expect(result.standardError.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
            #expect(try Data(contentsOf: out) == Data("previous".utf8), "-o was changed", sourceLocation: sourceLocation)
        }
        let files = try stored(dir)
        // Truncated: the size differs from the recorded one.
        let mlp = try Data(contentsOf: files[0])
        try mlp.prefix(mlp.count / 2).write(to: files[0])
        try refused("1", "'\(files[0].path)' is not the checkpoint run 1 (ckpt/mlp seed 0) wrote: it is \(mlp.count / 2) bytes; the run wrote \(mlp.count)")
        // Altered in place: same size, another SHA-256.
        var softmax = try Data(contentsOf: files[2])
        softmax[softmax.count - 1] ^= 0x01
        try softmax.write(to: files[2])
        try refused("2", "'\(files[2].path)' is not the checkpoint run 2 (ckpt/softmax seed 0) wrote: its SHA-256 is ")
        try FileManager.default.removeItem(at: files[1])
        try refused("3", "the checkpoint of run 3 (ckpt/noisy seed 0), '\(files[1].path)', is missing")
        try refused("99", "'\(db)' has no run 99")

        let plain = try runSuite(saving: false)
        defer { try? FileManager.default.removeItem(at: plain) }
        let result = try BiomoeBinary.run(["checkpoint", "1", "--db", plain.appendingPathComponent("ckpt.sqlite").path, "-o", out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("stored no checkpoint: its suite ran without `save_checkpoints: true`"))
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("ckpt.checkpoints").path))
    }

    @Test("save_checkpoints on a model without trained parameters is a config error naming the key")
    func refusesModelsWithoutParameters() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("bad.yaml")
        try "schema: 1\nname: bad\nversion: 1\nseeds: [0]\nsave_checkpoints: true\ntask: {dataset: none}\nbase: {model: perf}\nvariants:\n  p: {}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try BiomoeBinary.run(["run", config.path, "--db", dir.appendingPathComponent("x.sqlite").path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("save_checkpoints"))
        #expect(result.standardError.contains("variant p uses model perf, which has no trained parameters to store"))
    }

    @Test("merging shards copies their checkpoints, and every run of the merged file exports")
    func mergeCopiesCheckpoints() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("ckpt.yaml").path
        try Self.suite(saving: true).write(toFile: config, atomically: true, encoding: .utf8)
        for shard in ["1/2", "2/2"] {
            let db = dir.appendingPathComponent("shard-\(shard.prefix(1)).sqlite").path
            try #require(try BiomoeBinary.run(["run", config, "--db", db, "--plain", "--shard", shard]).status == 0)
        }
        let merged = dir.appendingPathComponent("all.sqlite").path
        let merge = try BiomoeBinary.run(["merge", dir.appendingPathComponent("shard-1.sqlite").path,
                                          dir.appendingPathComponent("shard-2.sqlite").path, "--into", merged])
        try #require(merge.status == 0, "merge failed: \(merge.standardError)")
        #expect(merge.standardOutput.hasSuffix("; 3 checkpoint(s) copied\n"))
        for run in 1...3 {
            let export = try BiomoeBinary.run(["checkpoint", String(run), "--db", merged, "-o", dir.appendingPathComponent("r\(run).safetensors").path])
            #expect(export.status == 0, "run \(run): \(export.standardError)")
        }
    }

    @Test("a sequence backbone's checkpoint is stored too, with the model's config in its metadata")
    func sequenceCheckpoint() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("seq.yaml").path
        try """
        schema: 1
        name: seq
        version: 1
        seeds: [0]
        save_checkpoints: true
        task: {dataset: sequence}
        base: {model: sequence, mixer: mamba, d_model: 16, layers: 1, seq_task: mqar, seq_len: 16, vocab_size: 32, num_kv_pairs: 2,
               steps: 5, train_batch: 4, eval_every: 5, eval_sequences: 8, throughput_repeats: 0}
        variants:
          mamba: {}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("seq.sqlite").path
        let run = try BiomoeBinary.run(["run", config, "--db", db, "--plain"])
        try #require(run.status == 0, "run failed: \(run.standardError)")
        let out = dir.appendingPathComponent("mamba.safetensors").path
        let export = try BiomoeBinary.run(["checkpoint", "1", "--db", db, "-o", out])
        try #require(export.status == 0, "checkpoint failed: \(export.standardError)")
        let header = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)).prefix(8192), as: UTF8.self)
        for field in [#""format":"biomoe.SequenceModel""#, #""model":"sequence""#, #""variant":"mamba""#, #""layers.0.mixer.in_proj.weight":"#] {
            #expect(header.contains(field), "the header lacks \(field)")
        }
    }

    static let torchInstalled: Bool = {
        let probe = try? BiomoeBinary.run(program: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import torch, numpy"])
        return probe?.status == 0
    }()

    @Test("an exported checkpoint loads into PyTorch and gives the run's recorded test probabilities to 1e-5",
          .enabled(if: torchInstalled, "needs CPU torch: bash baselines/pytorch/install.sh"))
    func loadsIntoPyTorch() throws {
        let dir = try runSuite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ckpt.sqlite").path
        func export(_ run: Int) throws -> (checkpoint: String, predictions: String) {
            let checkpoint = dir.appendingPathComponent("run\(run).safetensors").path
            let predictions = dir.appendingPathComponent("run\(run).csv").path
            try #require(try BiomoeBinary.run(["checkpoint", String(run), "--db", db, "-o", checkpoint]).status == 0)
            try #require(try BiomoeBinary.run(["export", "predictions", "--db", db, "--run", String(run), "-o", predictions]).status == 0)
            return (checkpoint, predictions)
        }
        func check(_ checkpoint: String, _ predictions: String) throws -> BiomoeBinary.Result {
            try BiomoeBinary.run(program: URL(fileURLWithPath: "/usr/bin/env"),
                                 ["python3", "baselines/pytorch/check_checkpoint.py", checkpoint, "--predictions", predictions])
        }
        let runs = try (1...3).map(export)
        for (run, files) in zip(1..., runs) {
            let result = try check(files.checkpoint, files.predictions)
            #expect(result.status == 0, "run \(run): \(result.standardOutput) \(result.standardError)")
            #expect(result.standardOutput.contains(#""samples": 200"#) && result.standardOutput.contains(#""status": "ok""#))
        }
        // The comparison can fail: the softmax model against the noisy-top-k run's probabilities.
        let crossed = try check(runs[1].checkpoint, runs[2].predictions)
        #expect(crossed.status == 1, "\(crossed.standardOutput) \(crossed.standardError)")
        #expect(crossed.standardOutput.contains(#""status": "MISMATCH""#))
    }
}
