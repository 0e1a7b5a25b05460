import Datasets
import Dispatch
import Foundation
import NN
import Sequence
import Tensor
import HarnessConfig
import HarnessStore

/// How a sequence run trains, from its config (issue 12: "training as the references train"):
/// AdamW with a warm-up and cosine schedule, global-norm clipping, and early stopping on the
/// validation figure, so an easy cell stops at its target and a hard one gets the whole budget.
/// Every key is off by default, which is the constant-rate, fixed-step loop that recorded the
/// earlier backbones runs (their numbers reproduce bit for bit).
struct SequenceTrainingPlan {
    let steps: Int
    let batchSize: Int
    let evalEvery: Int
    let schedule: LearningRateSchedule
    /// 0: no clipping.
    let gradientClip: Float
    /// 0: never stop on accuracy.
    let stopAccuracy: Double
    /// 0: train every step and keep the final parameters.
    let patience: Int

    init(spec: RunSpec) throws {
        steps = try spec.int("steps")
        batchSize = try spec.int("train_batch")
        evalEvery = try spec.int("eval_every")
        let warmup = try spec.int("warmup_steps")
        guard warmup <= steps else {
            throw SequenceExperimentError.warmupTooLong(warmup: warmup, steps: steps)
        }
        schedule = LearningRateSchedule(kind: try spec.choice("lr_schedule", as: LearningRateScheduleKind.self),
                                        peak: Float(try spec.double("learning_rate")), warmupSteps: warmup, totalSteps: steps,
                                        minRatio: Float(try spec.double("min_lr_ratio")))
        gradientClip = Float(try spec.double("grad_clip"))
        stopAccuracy = try spec.double("stop_accuracy")
        patience = try spec.int("patience")
    }
}

/// What a training loop leaves behind besides the model's parameters.
struct SequenceTrainingSummary {
    var stepsTrained = 0
    var lastLoss = Double.nan
    var trainNanoseconds: UInt64 = 0
    /// Training sequences seen when the validation accuracy first reached 0.9 (nil: never).
    var sequencesTo90: Int?
    /// The step whose parameters the model holds at the end (the best validation point with patience).
    var keptStep = 0
    var stoppedEarly = false
}

enum SequenceTraining {
    /// Trains `model` on fresh batches from `source` and writes the curves into `outcome`:
    /// `train_loss` (mean since the last point), `grad_norm` (mean pre-clip global norm since the
    /// last point), and the validation figure at every `eval_every` steps.
    ///
    /// Early stopping compares validation figures (accuracy, higher is better; bits per
    /// character for char-lm, lower is better). With `patience`, the parameters of the best point
    /// are kept (a snapshot, restored at the end), as the references' checkpoint selection does.
    static func run(_ model: SequenceModel, source: SequenceTaskSource, plan: SequenceTrainingPlan, optimizer: inout Adam,
                    validation: TokenSequenceBatch, dataRNG: inout Philox4x32_10, outcome: inout RunOutcome,
                    progress: ProgressHandler) throws -> SequenceTrainingSummary {
        let isLM = source.isLanguageModelling
        let validationSeries = isLM ? "val_bits_per_char" : "val_accuracy"
        var summary = SequenceTrainingSummary()
        var intervalLoss = 0.0, intervalNorm = 0.0, intervalSteps = 0
        var best = -Double.infinity, bestSnapshot: [Float]?, pointsSinceBest = 0
        for step in 1...plan.steps {
            let batch = try source.trainingBatch(count: plan.batchSize, using: &dataRNG)
            let mask = batch.lossMask(), targets = batch.scoredTargets()
            optimizer.learningRate = plan.schedule.rate(atStep: step)
            let started = DispatchTime.now().uptimeNanoseconds
            let loss = batch.tokens.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { y in
                    mask.withUnsafeBufferPointer { m in
                        model.computeGradients(tokens: x, targets: y, mask: m, B: batch.batchSize, T: batch.length)
                    }
                }
            }
            // ‖g‖ before clipping; clipping rescales only when it exceeds the limit.
            let norm = plan.gradientClip > 0 ? model.parameters.clipGradientNorm(to: plan.gradientClip) : model.parameters.gradientNorm()
            optimizer.step(model.parameters)
            summary.trainNanoseconds += DispatchTime.now().uptimeNanoseconds - started
            summary.stepsTrained = step
            guard loss.isFinite else {
                // A diverged run is a result (the rate was too high), not a crash: record and stop.
                outcome.point("train_loss", step: step, Double(loss))
                outcome.events.append(RunEvent(kind: "diverged", step: step, payload: jsonString("training loss became \(loss)")))
                summary.lastLoss = Double(loss)
                summary.keptStep = step
                return summary
            }
            intervalLoss += Double(loss)
            intervalNorm += Double(norm)
            intervalSteps += 1
            guard step % plan.evalEvery == 0 || step == plan.steps else { continue }
            summary.lastLoss = intervalLoss / Double(intervalSteps)
            outcome.point("train_loss", step: step, summary.lastLoss)
            outcome.point("grad_norm", step: step, intervalNorm / Double(intervalSteps))
            let score = SequenceScore.evaluate(model, on: validation)
            let figure = isLM ? score.bitsPerCharacter : score.accuracy
            outcome.point(validationSeries, step: step, figure)
            progress(Double(step) / Double(plan.steps + 1), "step \(step)/\(plan.steps) loss \(String(format: "%.4f", summary.lastLoss)) val \(String(format: "%.4f", figure))")
            (intervalLoss, intervalNorm, intervalSteps) = (0, 0, 0)
            if !isLM, summary.sequencesTo90 == nil, figure >= 0.9 { summary.sequencesTo90 = step * plan.batchSize }
            // Higher is better for accuracy, lower for bits per character.
            let merit = isLM ? -figure : figure
            if merit > best {
                best = merit
                pointsSinceBest = 0
                summary.keptStep = step
                if plan.patience > 0 { bestSnapshot = model.parameters.snapshotValues() }
            } else {
                pointsSinceBest += 1
            }
            if plan.stopAccuracy > 0, !isLM, figure >= plan.stopAccuracy {
                summary.stoppedEarly = step < plan.steps
                outcome.events.append(RunEvent(kind: "stopped", step: step,
                                               payload: jsonString("validation accuracy \(figure) reached stop_accuracy \(plan.stopAccuracy)")))
                break
            }
            if plan.patience > 0, pointsSinceBest >= plan.patience {
                summary.stoppedEarly = step < plan.steps
                outcome.events.append(RunEvent(kind: "stopped", step: step,
                                               payload: jsonString("no better validation figure for \(plan.patience) points; keeping step \(summary.keptStep)")))
                break
            }
        }
        if plan.patience > 0, let bestSnapshot {
            try model.parameters.loadValues(bestSnapshot)
        } else {
            summary.keptStep = summary.stepsTrained
        }
        return summary
    }
}
