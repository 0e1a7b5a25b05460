import Foundation
@testable import HarnessConfig
@testable import HarnessRun
import Testing

/// A sequence suite whose one variant adds `extra` to an MQAR attention base.
private func suite(_ extra: String) -> String {
    """
    schema: 1
    name: peers
    version: 1
    seeds: [0]
    task: {dataset: sequence}
    base: {model: sequence, seq_task: mqar, mixer: softmax-attention, positions: learned, optimizer: adamw, weight_decay: 0.1, mlp: true}
    variants: {v: {\(extra)}}
    """
}

@Suite("Sequence peer: the same model trained in PyTorch")
struct SequencePeerTests {
    @Test("a PyTorch peer asking for what the script does not implement is refused when the config is read, naming the key")
    func refusesUnsupported() throws {
        for (extra, key) in [("peer: pytorch, mixer: mamba", "mixer"), ("peer: pytorch, short_conv: 4", "short_conv"),
                             ("peer: pytorch, positions: rope", "positions"), ("peer: pytorch, optimizer: adam", "optimizer"),
                             ("peer: pytorch, init_scheme: zoology", "init_scheme"), ("peer: pytorch, patience: 3", "patience")] {
            do {
                _ = try SuiteSpec.parse(yaml: suite(extra), path: "peers.yaml")
                Issue.record("\(extra) was accepted")
            } catch let error as ConfigError {
                #expect("\(error)".contains("variants.v.\(key)") && "\(error)".contains("peer: biomoe"), "\(error)")
            }
        }
        // What the controls use is accepted; Adam is accepted without weight decay (then it is AdamW).
        _ = try SuiteSpec.parse(yaml: suite("peer: pytorch, mlp: false, heads: 1, positions: none"), path: "peers.yaml")
        _ = try SuiteSpec.parse(yaml: suite("peer: pytorch, optimizer: adam, weight_decay: 0"), path: "peers.yaml")
        // A biomoe variant may use anything.
        _ = try SuiteSpec.parse(yaml: suite("mixer: mamba"), path: "peers.yaml")
    }

    @Test("peer leaves a sequence run's hash alone at its default, changes it when set, and is still hashed for perf")
    func hashing() throws {
        let plain = try SuiteSpec.parse(yaml: suite("heads: 1"), path: "peers.yaml")
        let spelled = try SuiteSpec.parse(yaml: suite("heads: 1, peer: biomoe"), path: "peers.yaml")
        let peer = try SuiteSpec.parse(yaml: suite("heads: 1, peer: pytorch"), path: "peers.yaml")
        let hash = { (spec: SuiteSpec) in RunSpec(suite: spec, variant: spec.variants[0], seed: 0).runConfigHash }
        #expect(hash(plain) == hash(spelled))
        #expect(hash(plain) != hash(peer))
        let perf: [String: ConfigValue] = ["model": .string("perf"), "peer": .string("biomoe")]
        #expect(FieldSpec.hashed(perf, specs: ExperimentSchema.base)["peer"] == .string("biomoe"), "perf runs hashed it from the start")
        let sequence: [String: ConfigValue] = ["model": .string("sequence"), "peer": .string("biomoe")]
        #expect(FieldSpec.hashed(sequence, specs: ExperimentSchema.base)["peer"] == nil)
    }

    @Test("the script's command line carries every setting it trains with")
    func arguments() throws {
        let spec = try SuiteSpec.parse(yaml: suite("peer: pytorch, learning_rate: 0.001, steps: 40, vocab_size: 512, random_non_queries: false"), path: "peers.yaml")
        let arguments = try SequencePeer.arguments(RunSpec(suite: spec, variant: spec.variants[0], seed: 2))
        func value(_ flag: String) -> String? { arguments.firstIndex(of: flag).map { arguments[$0 + 1] } }
        #expect(value("--seed") == "2" && value("--lr") == "0.001" && value("--steps") == "40" && value("--positions") == "learned")
        #expect(value("--weight-decay") == "0.1" && value("--vocab") == "512" && value("--kv-pairs") == "4")
        #expect(arguments.contains("--mlp") && !arguments.contains("--random-non-queries"))
    }

    @Test("the script's JSON becomes the run's metrics and curves; a run that never reached 90 % records NaN sequences to 90 %")
    func outcome() throws {
        let object: [String: Any] = [
            "parameters": 168256.0,
            "metrics": ["test_accuracy": 0.25, "val_accuracy": 0.26, "steps_trained": 200.0, "train_sequences": 12800.0,
                        "final_train_loss": 2.0, "train_seconds": 3.5],
            "curve": [["step": 100.0, "train_loss": 3.0, "grad_norm": 0.5, "val_accuracy": 0.2],
                      ["step": 200.0, "train_loss": 2.0, "grad_norm": 0.4, "val_accuracy": 0.26]],
        ]
        let outcome = try SequencePeer.outcome(object, path: "p.py")
        let metrics = Dictionary(uniqueKeysWithValues: outcome.metrics.map { ($0.name, $0.value) })
        #expect(metrics["test_accuracy"] == 0.25 && metrics["steps_trained"] == 200 && metrics["parameters"] == 168256)
        #expect(metrics["sequences_to_90"]?.isNaN == true)
        #expect(outcome.series.filter { $0.name == "val_accuracy" }.map(\.step) == [100, 200])
        #expect(outcome.series.count == 6)
        #expect(throws: PerfError.self) { try SequencePeer.outcome(["curve": []], path: "p.py") }
    }
}
