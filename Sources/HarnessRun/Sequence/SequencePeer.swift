import Foundation
import HarnessConfig

/// Trains a sequence variant's model in PyTorch instead (`peer: pytorch`): runs
/// baselines/pytorch/mqar_transformer.py with the run's settings and records its figures and
/// curves as this run's. An independent implementation of the same model and recipe tells a
/// result of the recipe from a defect of biomoe's kernels (a control that fails in both is the
/// recipe's).
///
/// The script covers what the backbones suites' attention controls use: softmax attention with
/// learned or no positions, with or without the MLP, on MQAR, trained with AdamW (or Adam without
/// weight decay), a constant or warm-up + cosine rate, clipping and early stopping at a validation
/// accuracy. Any other setting is refused with the key that asked for it when the config is read
/// (`SequencePeerSettings`, checked by `SuiteSpec`), rather than trained as something else. Its random streams are numpy's and torch's, so a peer run agrees with biomoe's
/// in distribution, not bit for bit; its metrics: `val_accuracy`, `test_accuracy`,
/// `steps_trained`, `train_sequences`, `sequences_to_90`, `final_train_loss`, `train_seconds`,
/// `parameters`; its series `train_loss`, `grad_norm`, `val_accuracy`.
enum SequencePeer {
    static let script = "mqar_transformer.py"

    static func run(spec: RunSpec, progress: ProgressHandler) throws -> RunOutcome {
        progress(0, "training in PyTorch (\(script))")
        let object = try PyTorchPeer.runScript(script, try arguments(spec))
        return try outcome(object, path: PyTorchPeer.directory + "/" + script)
    }

    /// The script's command line for `spec` (the keys it reads, in its spelling).
    static func arguments(_ spec: RunSpec) throws -> [String] {
        func number(_ key: String) throws -> String { String(try spec.double(key)) }
        func integer(_ key: String) throws -> String { String(try spec.int(key)) }
        var arguments = ["--seed", String(spec.seed), "--threads", "1",
                         "--positions", try spec.string("positions"), "--heads", try integer("heads"),
                         "--layers", try integer("layers"), "--d-model", try integer("d_model"),
                         "--seq-len", try integer("seq_len"), "--kv-pairs", try integer("num_kv_pairs"),
                         "--vocab", try integer("vocab_size"), "--power-a", try number("power_a"),
                         "--lr", try number("learning_rate"), "--beta1", try number("beta1"), "--beta2", try number("beta2"),
                         "--eps", try number("epsilon"), "--weight-decay", try number("weight_decay"),
                         "--schedule", try spec.string("lr_schedule"), "--warmup", try integer("warmup_steps"),
                         "--min-lr-ratio", try number("min_lr_ratio"), "--clip", try number("grad_clip"),
                         "--batch", try integer("train_batch"), "--steps", try integer("steps"),
                         "--eval-every", try integer("eval_every"), "--eval-sequences", try integer("eval_sequences"),
                         "--stop-accuracy", try number("stop_accuracy")]
        arguments.append(try spec.bool("mlp") ? "--mlp" : "--no-mlp")
        if try spec.bool("random_non_queries") { arguments.append("--random-non-queries") }
        return arguments
    }

    /// The run's metrics and series from the script's JSON.
    static func outcome(_ object: [String: Any], path: String) throws -> RunOutcome {
        guard let metrics = object["metrics"] as? [String: Double],
              let test = metrics["test_accuracy"], let validation = metrics["val_accuracy"], let steps = metrics["steps_trained"] else {
            throw PerfError.peerFailed(script: path, reason: "its JSON lacks metrics test_accuracy, val_accuracy or steps_trained")
        }
        guard let curve = object["curve"] as? [[String: Double]] else {
            throw PerfError.peerFailed(script: path, reason: "its JSON has no `curve` list of points")
        }
        var outcome = RunOutcome()
        for point in curve {
            guard let step = point["step"] else { continue }
            for series in ["train_loss", "grad_norm", "val_accuracy"] {
                if let value = point[series] { outcome.point(series, step: Int(step), value) }
            }
        }
        outcome.metric("steps_trained", steps)
        for name in ["train_sequences", "final_train_loss", "train_seconds"] {
            if let value = metrics[name] { outcome.metric(name, value) }
        }
        // The script omits it when validation never reached 90 % (JSON has no NaN).
        outcome.metric("sequences_to_90", metrics["sequences_to_90"] ?? .nan)
        outcome.metric("val_accuracy", validation)
        outcome.metric("test_accuracy", test)
        if let parameters = object["parameters"] as? Double { outcome.metric("parameters", parameters) }
        return outcome
    }
}
