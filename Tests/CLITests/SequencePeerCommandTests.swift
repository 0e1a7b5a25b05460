import Foundation
import Testing

/// `peer: pytorch` end to end: `biomoe run` trains the variant's model with
/// baselines/pytorch/mqar_transformer.py and records it like any run.
@Suite("Sequence peer end to end", .serialized)
struct SequencePeerCommandTests {
    static let suite = """
        schema: 1
        name: peers
        version: 1
        seeds: [0]
        task: {dataset: sequence}
        base: {model: sequence, seq_task: mqar, mixer: softmax-attention, positions: learned, mlp: true, optimizer: adamw,
               weight_decay: 0.1, lr_schedule: cosine, warmup_steps: 5, grad_clip: 1, vocab_size: 128, seq_len: 32,
               num_kv_pairs: 2, d_model: 16, train_batch: 8, steps: 20, eval_every: 10, eval_sequences: 40, throughput_repeats: 0}
        variants:
          biomoe: {}
          pytorch: {peer: pytorch}
        """

    @Test("a PyTorch peer run records its accuracy and curves, with exactly the parameter count of biomoe's model",
          .enabled(if: CheckpointCommandTests.torchInstalled, "needs CPU torch: bash baselines/pytorch/install.sh"))
    func recordsThePeer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("peers.yaml"), db = dir.appendingPathComponent("peers.sqlite").path
        try Self.suite.write(to: config, atomically: true, encoding: .utf8)
        let run = try BiomoeBinary.run(["run", config.path, "--db", db, "--plain"])
        try #require(run.status == 0, "run failed: \(run.standardOutput) \(run.standardError)")
        #expect(run.standardError.contains("[2/2] pytorch seed 0: done in "), "\(run.standardError)")
        let export = try BiomoeBinary.run(["export", "metrics", "--db", db])
        try #require(export.status == 0, "\(export.standardError)")
        func metric(_ variant: String, _ name: String) -> String? {
            export.standardOutput.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
                .first { $0.count > 5 && $0[2] == variant && $0[4] == name }?[5]
        }
        let parameters = try #require(metric("biomoe", "parameters"))
        #expect(metric("pytorch", "parameters") == parameters, "the peer is the same model: \(export.standardOutput)")
        #expect(metric("pytorch", "steps_trained") == "20" && metric("pytorch", "test_accuracy") != nil)
        #expect(metric("pytorch", "recurrent_state_bytes") == nil, "the peer records only what it measured")
    }
}
