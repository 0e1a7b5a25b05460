import Foundation
@testable import HarnessConfig
@testable import HarnessRun
import HarnessStore
import Tensor
import Testing

/// A tiny MQAR suite (2 layers of width 16) whose variant adds `extra` to the base.
private func suite(_ extra: String) -> String {
    """
    schema: 1
    name: tiny-sequence-training
    version: 1
    seeds: [0]
    task: {dataset: sequence}
    base: {model: sequence, mixer: softmax-attention, d_model: 16, layers: 2, heads: 2, train_batch: 4, steps: 12, eval_every: 3,
           eval_sequences: 8, throughput_repeats: 0, seq_task: mqar, seq_len: 16, vocab_size: 32, num_kv_pairs: 2, learning_rate: 0.003}
    variants: {v: {\(extra)}}
    """
}

private func run(_ extra: String) throws -> RunOutcome {
    let spec = try SuiteSpec.parse(yaml: suite(extra), path: "tiny.yaml")
    let registry = Registry()
    try registry.prepare(spec)
    return try registry.experiment(for: spec.expand()[0]).run(progress: { _, _ in })
}

private func metric(_ outcome: RunOutcome, _ name: String) -> Double? { outcome.metrics.first { $0.name == name }?.value }

@Suite("Sequence training: schedule, clipping and early stopping")
struct SequenceTrainingTests {
    @Test("the issue-12 keys left at their defaults leave a run's config hash as it was before they existed")
    func defaultsKeepHashes() throws {
        let plain = try SuiteSpec.parse(yaml: suite(""), path: "tiny.yaml")
        let defaults = try SuiteSpec.parse(yaml: suite("positions: none, short_conv: 0, random_non_queries: true, lr_schedule: constant, "
                                                       + "warmup_steps: 0, min_lr_ratio: 0.1, grad_clip: 0, stop_accuracy: 0, patience: 0, positive_control: 0, "
                                                       + "induction_targets: every-position, init_scheme: pytorch"),
                                           path: "tiny.yaml")
        let changed = try SuiteSpec.parse(yaml: suite("grad_clip: 1"), path: "tiny.yaml")
        func hash(_ spec: SuiteSpec) -> String { RunSpec(suite: spec, variant: spec.variants[0], seed: 0).runConfigHash }
        #expect(hash(plain) == hash(defaults))
        #expect(hash(plain) != hash(changed))
    }

    @Test("a run without the new keys trains every step and records the budget it used")
    func fullBudget() throws {
        let outcome = try run("")
        #expect(metric(outcome, "steps_trained") == 12)
        #expect(metric(outcome, "train_sequences") == 48)
        #expect(outcome.series.filter { $0.name == "grad_norm" }.count == 4)
        #expect(outcome.series.filter { $0.name == "grad_norm" }.allSatisfy { $0.value > 0 && $0.value.isFinite })
    }

    @Test("stop_accuracy ends training at the first validation point that reaches it, and says so in an event")
    func stopsAtAccuracy() throws {
        // Any accuracy ≥ 0 reaches a threshold of 1e-9… except an exactly-zero one; 0.0 accuracy
        // is possible on 16 queries, so the test asks only that training ended at a validation point.
        let outcome = try run("stop_accuracy: 0.000000001")
        let steps = try #require(metric(outcome, "steps_trained"))
        let firstPositive = outcome.series.first { $0.name == "val_accuracy" && $0.value > 0 }
        if let firstPositive {
            #expect(steps == Double(firstPositive.step))
            #expect(outcome.events.contains { $0.kind == "stopped" && $0.step == firstPositive.step })
        } else {
            #expect(steps == 12)
        }
    }

    @Test("patience stops after that many validation points without a better figure and keeps the best point's parameters")
    func patienceKeepsBest() throws {
        // At a rate of 1e-9 the parameters barely move: the second point is no better than the
        // first (equal is not better), so patience 1 stops there and keeps step 3's parameters.
        let outcome = try run("patience: 1, learning_rate: 0.000000001")
        let points = outcome.series.filter { $0.name == "val_accuracy" }
        #expect(points.map(\.step) == [3, 6])
        #expect(metric(outcome, "steps_trained") == 6)
        #expect(outcome.events.contains { $0.kind == "stopped" && $0.step == 6 && $0.payload.contains("keeping step 3") })
        #expect(metric(outcome, "val_accuracy") == points.first?.value)
    }

    @Test("the events a sequence run records carry a JSON payload, as the results database requires")
    func eventsAreJSON() throws {
        // (Adam's normalised steps do not diverge on this model even at rate 10, so only the
        // stopped event is exercised here; the diverged one goes through the same jsonString.)
        let events = try run("patience: 1, learning_rate: 0.000000001").events
        #expect(events.contains { $0.kind == "stopped" })
        for event in events {
            #expect((try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) is [String: Any], "\(event.kind): \(event.payload)")
        }
    }

    @Test("clipping, warm-up and a cosine schedule train to a finite loss and change the result")
    func scheduleAndClipping() throws {
        let plain = try run("")
        let scheduled = try run("lr_schedule: cosine, warmup_steps: 3, grad_clip: 0.5")
        let a = try #require(metric(plain, "final_train_loss")), b = try #require(metric(scheduled, "final_train_loss"))
        #expect(a.isFinite && b.isFinite)
        #expect(a != b)
    }

    @Test("a warm-up longer than the run is refused naming both keys")
    func warmupTooLong() throws {
        do {
            _ = try run("warmup_steps: 13")
            Issue.record("warmup_steps 13 > steps 12 was accepted")
        } catch {
            #expect("\(error)".contains("warmup_steps 13 exceeds steps 12"), "\(error)")
        }
    }

    @Test("MQAR with random_non_queries false leaves zeros between the queries")
    func zeroNonQueries() throws {
        let spec = try SuiteSpec.parse(yaml: suite("random_non_queries: false"), path: "tiny.yaml")
        let source = try SequenceTaskSource(spec: spec.expand()[0], corpus: nil)
        var rng = Philox4x32_10(key: (1, 2))
        let batch = try source.trainingBatch(count: 8, using: &rng)
        // Outside the kv prefix (2K = 4 tokens), every non-query token is 0.
        for b in 0..<8 {
            for t in 4..<16 where batch.targets[b * 16 + t] == -100 {
                #expect(batch.tokens[b * 16 + t] == 0)
            }
        }
    }

    @Test("induction heads train on every label by default and on the answer alone with induction_targets answer")
    func inductionTargets() throws {
        func scored(_ extra: String) throws -> [Int] {
            let spec = try SuiteSpec.parse(yaml: suite("seq_task: induction-heads, seq_len: 12" + extra), path: "tiny.yaml")
            let source = try SequenceTaskSource(spec: spec.expand()[0], corpus: nil)
            var rng = Philox4x32_10(key: (3, 4))
            let batch = try source.trainingBatch(count: 5, using: &rng)
            // The model reads N + 1 = 13 tokens; count the scored labels of each sequence.
            return (0..<5).map { b in (0..<13).filter { batch.targets[b * 13 + $0] != -100 }.count }
        }
        #expect(try scored("") == [13, 13, 13, 13, 13])
        #expect(try scored(", induction_targets: answer") == [1, 1, 1, 1, 1])
    }
}
