import Affect
import Datasets
import Foundation
import Memory
import NN
import Pipeline
import Sequence
import Tensor
import Testing

/// Where the pipeline tests find real data, and the small parts they build pipelines from.
/// Every expert is built fresh per test: experts hold workspaces, and tests run in parallel.
enum PipelineFixtures {
    static let vaderDirectory = ProcessInfo.processInfo.environment["BIOMOE_VADER_DIR"] ?? "/usr/share/datasets/vader"
    static let nrcPath = (ProcessInfo.processInfo.environment["BIOMOE_NRC_DIR"] ?? "/usr/share/datasets/nrc") + "/nrc_en.json"
    static let lexiconsInstalled = ["vader_lexicon.txt", "emoji_utf8_lexicon.txt"].allSatisfy {
        FileManager.default.fileExists(atPath: vaderDirectory + "/" + $0)
    } && FileManager.default.fileExists(atPath: nrcPath)
    static let lexiconsMissing: Comment = "VADER's lexicons (\(vaderDirectory)) or the NRC lexicon (\(nrcPath)) are not installed: run python3 scripts/fetch-vader.py and python3 scripts/fetch-nrc.py"

    static let fashionInstalled = FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory + "/t10k-images-idx3-ubyte.gz")
        && FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory + "/t10k-labels-idx1-ubyte.gz")
    static let fashionMissing: Comment = "Fashion-MNIST is not in \(FashionMNIST.defaultDirectory): apt-get install dataset-fashion-mnist"

    /// The detector on the real lexicons when installed, else on a two-word in-memory lexicon
    /// (enough for the pipeline's plumbing; tests about affect itself need the real one).
    static let detector: AffectDetector = {
        if lexiconsInstalled, let real = try? AffectDetector.load(vaderDirectory: vaderDirectory, nrcPath: nrcPath) { return real }
        return AffectDetector(vader: VaderSentiment(lexicon: VaderLexicon(valences: ["happy": 2.7, "sad": -2.1])),
                              nrc: NRCEmotionLexicon(emotions: ["happy": [.joy], "sad": [.sadness]]))
    }()

    /// Fashion-MNIST's test split (10 000 images; the training split would cost 188 MB of floats).
    static let fashionTest: ImageClassificationSet? = fashionInstalled ? try? FashionMNIST.load(split: .test) : nil

    /// An MLP 784-32-10 trained for 4 epochs on the first 1 000 test-split images, as parameter
    /// values (each test loads them into its own classifier); nil without Fashion-MNIST.
    static let trainedVisionValues: [Float]? = {
        guard let data = fashionTest else { return nil }
        var rng = Philox4x32_10(key: (31, 0xF457))
        let expert = VisionExpert.train(on: data.subset(0..<1000), hidden: [32], epochs: 4, batch: 50, learningRate: 3e-3, rng: &rng)
        return expert.classifier.parameters.snapshotValues()
    }()

    /// A vision expert with the briefly trained weights when Fashion-MNIST is installed, else untrained.
    static func visionExpert() -> VisionExpert {
        var rng = Philox4x32_10(key: (32, 0))
        let classifier = MLPClassifier(inputSize: 784, hidden: [32], classes: 10, maxBatch: 50, rng: &rng)
        if let values = trainedVisionValues { try? classifier.parameters.loadValues(values) }
        return VisionExpert(classifier: classifier)
    }

    /// A tiny untrained byte-level Mamba: d_model 16, one layer, maxT 32.
    static func tinyLanguageModel(seed: UInt32 = 5) throws -> SequenceModel {
        var rng = Philox4x32_10(key: (seed, 0x1A))
        let config = SequenceModelConfig(vocabSize: 256, dModel: 16, layers: 1, mixer: .mamba(dState: 4, dConv: 4, expand: 2),
                                         maxBatch: 1, maxT: 32)
        return try SequenceModel(config: config, rng: &rng)
    }

    /// A pipeline with all four experts, a 64-bucket encoder and an exact long-term memory.
    static func pipeline(router kind: QueryRouterKind, topK: Int = 2, aggregation: AnswerAggregation = .weighted,
                         remembersAnswers: Bool = true) throws -> RequestPipeline {
        let encoder = QueryEncoder(buckets: 64)
        var rng = Philox4x32_10(key: (7, 7))
        let router = QueryRouter(kind: kind, inputSize: encoder.dimension, rng: &rng)
        let experts: [DomainExpert] = [
            LanguageExpert(model: try tinyLanguageModel(), continuationBytes: 16), visionExpert(), SymbolicDomainExpert(),
            AffectExpert(detector: detector),
        ]
        let index = try TieredVectorIndex(dimension: encoder.dimension, approximateThreshold: 10_000,
                                          ivfSettings: IVFSettings(listCount: 4, probeCount: 2))
        return RequestPipeline(encoder: encoder, detector: detector, router: router, experts: experts,
                               policy: RoutingPolicy(topK: topK), aggregation: aggregation,
                               memory: LongTermMemory(index: index), remembersAnswers: remembersAnswers)
    }
}
