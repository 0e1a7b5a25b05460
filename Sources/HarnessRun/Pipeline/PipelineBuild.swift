import Affect
import Datasets
import Dispatch
import Foundation
import HarnessConfig
import Memory
import NN
import Pipeline
import Sequence
import Tensor

/// The trained parts of a request pipeline, from one run spec (a variant and a seed of
/// experiments/pipeline.yaml).
struct PipelineParts {
    let detector: AffectDetector
    let vision: VisionExpert
    let language: LanguageExpert
    let router: QueryRouter
    let memory: LongTermMemory?
    let routerLosses: [Double]
    let trainSeconds: Double
}

/// Builds a pipeline from a run spec: the request set, the trained experts and router, the
/// memory, and their assembly — shared by the suite's runs and by `biomoe ask`, which saves the
/// parts once and reloads them on later calls.
enum PipelineBuild {
    static func requestSet(_ spec: RunSpec, data: ImageClassificationSplits, corpus: CharacterCorpus) throws -> RequestSet {
        let sizes = RequestSet.Sizes(train: try spec.int("requests_train"), validation: try spec.int("requests_validation"),
                                     test: try spec.int("requests_test"))
        let tweets = try VaderRatedSet.tweets.load(directory: try spec.string("affect_dir"))
        return try RequestSet.build(sizes: sizes, images: (data.train, data.validation, data.test), corpus: corpus,
                                    tweets: tweets, seed: UInt32(try spec.int("request_seed")))
    }

    static func detector(_ spec: RunSpec) throws -> AffectDetector {
        try AffectDetector.load(vaderDirectory: try spec.string("affect_dir"), nrcPath: try spec.string("nrc_lexicon"))
    }

    /// A fresh, untrained router of the spec's kind (the seed's draws for its initial weights).
    static func router(_ spec: RunSpec, encoder: QueryEncoder, rng: inout Philox4x32_10) throws -> QueryRouter {
        QueryRouter(kind: try spec.choice("query_router", as: QueryRouterKind.self), inputSize: encoder.dimension,
                    spikingTimeSteps: try spec.int("time_steps"), spikingPopulation: try spec.int("population"), rng: &rng)
    }

    static func languageConfig(_ spec: RunSpec) throws -> SequenceModelConfig {
        SequenceModelConfig(vocabSize: CharacterCorpus.vocabSize, dModel: try spec.int("d_model"), layers: try spec.int("layers"),
                            mixer: try spec.sequenceMixer(), maxBatch: try spec.int("train_batch"), maxT: try spec.int("seq_len"))
    }

    static func train(_ spec: RunSpec, data: ImageClassificationSplits, corpus: CharacterCorpus, requests: RequestSet,
                      encoder: QueryEncoder, progress: ProgressHandler) throws -> PipelineParts {
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let started = DispatchTime.now().uptimeNanoseconds
        var visionRNG = streams.generator("pipeline.vision")
        let vision = VisionExpert.train(on: data.train, epochs: try spec.int("vision_epochs"), rng: &visionRNG)
        progress(0.1, "vision expert trained")
        var languageRNG = streams.generator("pipeline.language")
        let config = try languageConfig(spec)
        let language = try LanguageExpert.train(corpus: corpus, mixer: config.mixer, dModel: config.dModel, layers: config.layers,
                                                steps: try spec.int("steps"), batch: config.maxBatch, length: config.maxT,
                                                learningRate: Float(try spec.double("learning_rate")), rng: &languageRNG)
        progress(0.6, "language expert trained")
        var routerRNG = streams.generator("pipeline.router")
        let router = try router(spec, encoder: encoder, rng: &routerRNG)
        let (vectors, labels) = encoded(requests.train, encoder: encoder)
        let losses = router.train(vectors: vectors, labels: labels, epochs: try spec.int("gate_epochs"), batch: 32,
                                  learningRate: Float(try spec.double("gate_learning_rate")), rng: &routerRNG)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let memory = try spec.bool("long_term_memory") ? try filledMemory(spec, requests: requests.train, vectors: vectors, encoder: encoder) : nil
        return PipelineParts(detector: try detector(spec), vision: vision, language: language, router: router, memory: memory,
                             routerLosses: losses, trainSeconds: seconds)
    }

    /// Query vectors (rows of D) and domain labels of labelled requests.
    static func encoded(_ requests: [PipelineRequest], encoder: QueryEncoder) -> (vectors: [Float], labels: [Int32]) {
        var vectors: [Float] = []
        vectors.reserveCapacity(requests.count * encoder.dimension)
        var labels: [Int32] = []
        for request in requests {
            vectors.append(contentsOf: encoder.encode(request))
            labels.append(Int32(request.expectedDomain?.index ?? 0))
        }
        return (vectors, labels)
    }

    /// The long-term memory holding the training requests with their labelled domains.
    static func filledMemory(_ spec: RunSpec, requests: [PipelineRequest], vectors: [Float], encoder: QueryEncoder) throws -> LongTermMemory {
        let lists = max(1, Int(Double(requests.count).squareRoot()))
        let index = try TieredVectorIndex(dimension: encoder.dimension, approximateThreshold: try spec.int("memory_approximate_threshold"),
                                          ivfSettings: IVFSettings(listCount: lists, probeCount: max(1, lists / 8)))
        let memory = LongTermMemory(index: index)
        let D = encoder.dimension
        for (i, request) in requests.enumerated() {
            try memory.remember(Array(vectors[(i * D)..<((i + 1) * D)]), domain: request.expectedDomain ?? .language, text: request.text)
        }
        return memory
    }

    static func assemble(_ spec: RunSpec, parts: PipelineParts, encoder: QueryEncoder, remembersAnswers: Bool = false) throws -> RequestPipeline {
        let policy = RoutingPolicy(topK: try spec.int("top_k"), maximumLoad: try spec.int("max_load"),
                                   selfAssessment: try spec.bool("self_assessment"),
                                   affectMode: try spec.choice("affect_mode", as: AffectMode.self),
                                   memoryWeight: parts.memory == nil ? 0 : try spec.double("memory_weight"))
        return RequestPipeline(encoder: encoder, detector: parts.detector, router: parts.router,
                               experts: [parts.language, parts.vision, SymbolicDomainExpert(), AffectExpert(detector: parts.detector)],
                               policy: policy, aggregation: try spec.choice("answer_aggregation", as: AnswerAggregation.self),
                               memory: parts.memory, remembersAnswers: remembersAnswers)
    }
}
