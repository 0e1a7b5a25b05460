import Datasets
import HarnessConfig
import HarnessStore
import Metrics
import Pipeline
import Tensor

/// A run of the pipeline suite (experiments/pipeline.yaml): builds the full request pipeline —
/// a vision expert trained on Fashion-MNIST, a byte-level language model trained on the Jargon
/// File, the symbolic evaluator, the affect expert, a router trained on the training requests,
/// optionally a long-term memory holding them — and answers the test requests one by one, each
/// in its own session, recording routing accuracy, answer quality and per-stage latency.
///
/// The request set is the same for every run seed (`request_seed`); the seed draws the experts'
/// and the router's initial weights and batches. The validation requests give
/// `pipeline_val_routing_accuracy`, for choosing settings; the test requests everything else.
struct PipelineExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits
    let corpus: CharacterCorpus

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let requests = try PipelineBuild.requestSet(spec, data: data, corpus: corpus)
        progress(0.02, "\(requests.train.count) training, \(requests.test.count) test requests")
        let encoder = QueryEncoder()
        let parts = try PipelineBuild.train(spec, data: data, corpus: corpus, requests: requests, encoder: encoder, progress: progress)
        let pipeline = try PipelineBuild.assemble(spec, parts: parts, encoder: encoder)
        progress(0.65, "pipeline built")

        let validation = PipelineEvaluation.evaluate(pipeline, on: requests.validation)
        progress(0.75, "validation answered")
        let test = PipelineEvaluation.evaluate(pipeline, on: requests.test)

        var outcome = RunOutcome()
        outcome.metric("pipeline_val_routing_accuracy", validation.routingAccuracy)
        test.record(into: &outcome)
        outcome.metric("language_bits_per_char", PipelineEvaluation.meanBitsPerCharacter(parts.language, requests.test))
        outcome.metric("final_train_loss", parts.routerLosses.last ?? .nan)
        outcome.metric("train_seconds", parts.trainSeconds)
        outcome.metric("expert_instances_added", Double(pipeline.manager.instancesAdded))
        let counts = try spec.intList("routing_scaling")
        if !counts.isEmpty {
            guard counts.allSatisfy({ $0 % ExpertDomain.allCases.count == 0 }) else {
                throw ExperimentError.invalidSplit("routing_scaling \(counts): every count must be a multiple of \(ExpertDomain.allCases.count) (\(spec.runLabel))")
            }
            var rng = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed)).generator("pipeline.scaling")
            let experts: [DomainExpert] = [parts.language, parts.vision, SymbolicDomainExpert(), AffectExpert(detector: parts.detector)]
            for row in RoutingScaling.measure(requests: Array(requests.test.prefix(100)), experts: experts, encoder: encoder,
                                              counts: counts, rng: &rng) {
                outcome.metric("route_seconds_e\(row.experts)", row.seconds)
            }
        }
        for (epoch, loss) in parts.routerLosses.enumerated() { outcome.point("router_train_loss", step: epoch + 1, loss) }
        if let rss = PeakMemory.residentBytes() { outcome.metric("peak_rss", Double(rss)) }
        return outcome
    }
}
