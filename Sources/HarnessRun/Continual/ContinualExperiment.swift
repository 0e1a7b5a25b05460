import Continual
import Growth
import HarnessConfig
import HarnessStore
import Tensor

/// A run of experiments/continual.yaml: an MLP learns the split protocol of `task.dataset` task
/// after task with `cl_method` in scenario `cl_scenario` (`ContinualLearner`), and is tested on
/// every task seen so far after each task. No hyper-parameter is chosen here: the suite states
/// the reference's, so the test split is only ever read out, never selected on.
///
/// Records the summaries of the accuracy matrix (`average_accuracy` after the last task,
/// `forgetting`, `backward_transfer`), the matrix itself as one series per task
/// (`accuracy_on_task_<j>`, step = tasks trained), and the training loss every 200 steps.
struct ContinualExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits

    func run(progress: ProgressHandler) throws -> RunOutcome {
        var settings = ContinualSettings(scenario: try spec.choice("cl_scenario", as: ContinualScenario.self),
                                         method: try spec.choice("cl_method", as: ContinualMethod.self))
        settings.hidden = try spec.intList("hidden")
        settings.iterationsPerTask = try spec.int("cl_iterations")
        settings.batchSize = try spec.int("batch_size")
        settings.learningRate = Float(try spec.double("learning_rate"))
        settings.ewcLambda = Float(try spec.double("cl_ewc_lambda"))
        settings.siStrength = Float(try spec.double("cl_si_c"))
        settings.siDamping = Float(try spec.double("cl_si_damping"))
        settings.temperature = Float(try spec.double("cl_temperature"))
        settings.replayPerClass = try spec.int("cl_replay_per_class")

        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        var order = Array(0..<data.train.classes)
        if try spec.bool("cl_shuffle_classes") {
            var rng = streams.generator("continual-classes")
            rng.shuffle(&order)
        }
        let tasks: SplitTasks
        do {
            tasks = try SplitTasks(trainLabels: data.train.labels, testLabels: data.test.labels, classOrder: order,
                                   classesPerTask: try spec.int("cl_classes_per_task"))
        } catch let error as SplitTasksError {
            throw ExperimentError.invalidSplit("\(error.description) (model continual, key cl_classes_per_task)")
        }
        var outcome = RunOutcome()
        let matrix: AccuracyMatrix, losses: [(step: Int, loss: Double)]
        if settings.method.isRoutedGrowth {
            let hidden = settings.hidden
            guard hidden.count == 2 else {
                throw ExperimentError.invalidSplit("cl_method \(settings.method.rawValue) sizes the growth model from hidden: [width, expert hidden]; got \(hidden) (\(spec.runLabel))")
            }
            let protection: RoutedGrowthProtection = settings.method == .routedGrowthFreeze ? .freeze : (settings.method == .routedGrowthEMC ? .emc : .none)
            var growth = RoutedGrowthSettings(scenario: settings.scenario, protection: protection)
            growth.modelWidth = hidden[0]
            growth.expertHidden = hidden[1]
            growth.iterationsPerTask = settings.iterationsPerTask
            growth.batchSize = settings.batchSize
            growth.learningRate = settings.learningRate
            growth.emcLambda = Float(try spec.double("cl_emc_lambda"))
            growth.cloneNoise = Float(try spec.double("cl_clone_noise"))
            growth.routingWeight = Float(try spec.double("cl_routing_weight"))
            let learner = RoutedGrowthLearner(settings: growth, tasks: tasks, train: data.train, test: data.test, streams: streams)
            let result = learner.run { fraction, detail in progress(fraction, detail) }
            (matrix, losses) = (result.matrix, result.losses)
            outcome.metric("train_seconds", result.trainSeconds)
            outcome.metric("parameters", Double(learner.model.parameterCount))
            outcome.metric("task_routing_accuracy", result.routingAccuracy.reduce(0, +) / Double(max(result.routingAccuracy.count, 1)))
            outcome.metric("past_expert_rows", result.pastExpertRows)
        } else {
            let learner = ContinualLearner(settings: settings, tasks: tasks, train: data.train, test: data.test, streams: streams)
            let result = learner.run { fraction, detail in progress(fraction, detail) }
            (matrix, losses) = (result.matrix, result.losses)
            outcome.metric("train_seconds", result.trainSeconds)
            outcome.metric("parameters", Double(learner.model.parameterCount))
        }
        outcome.metric("average_accuracy", matrix.averageAccuracy)
        outcome.metric("forgetting", matrix.forgetting)
        outcome.metric("backward_transfer", matrix.backwardTransfer)
        for (t, row) in matrix.rows.enumerated() {
            for (j, accuracy) in row.enumerated() {
                outcome.point("accuracy_on_task_\(j + 1)", step: t + 1, accuracy)
            }
        }
        for (step, loss) in losses { outcome.point("train_loss", step: step, loss) }
        outcome.events.append(RunEvent(kind: "class_order", step: 0, payload: "{\"classes\": [" + tasks.classOrder.map(String.init).joined(separator: ", ") + "]}"))
        return outcome
    }
}
