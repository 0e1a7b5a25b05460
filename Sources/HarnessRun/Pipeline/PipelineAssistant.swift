import Datasets
import Foundation
import HarnessConfig
import HarnessStore
import NN
import Pipeline
import Sequence
import Tensor

/// `biomoe ask`: the pipeline of one variant of a pipeline suite (seed 0), trained once and kept
/// in a state directory, answering one request per call; sessions and the affect log live in the
/// directory's SQLite file (and the log also as JSON lines).
///
/// The directory holds `manifest.json` (the run config hash the parts were trained under),
/// `vision.safetensors`, `language.safetensors`, `router.safetensors`, for a variant with
/// long-term memory `memory.index` + `memory.json`, and `sessions.sqlite` + `affect-log.jsonl`.
/// A manifest for another config hash means the parts are stale: they are trained again.
public final class PipelineAssistant {
    public static let formatVersion = 1
    public let spec: RunSpec
    public let directory: URL
    private let pipeline: RequestPipeline
    private let sessions: SessionStore
    private var testImages: ImageClassificationSet?

    struct Manifest: Codable, Equatable {
        var formatVersion: Int
        var suite: String
        var variant: String
        var seed: Int
        var runConfigHash: String
    }

    /// Loads the trained pipeline from `stateDirectory`, training it first (about a minute on one
    /// core; `log` says so) when the directory has none for this config.
    public init(configPath: String, variant: String?, stateDirectory: String, log: (String) -> Void) throws {
        let suite = try SuiteSpec.load(path: configPath)
        guard let chosen = variant.map({ name in suite.variants.first { $0.name == name } }) ?? suite.variants.first else {
            throw ExperimentError.invalidSplit("\(configPath): no variant '\(variant ?? "")'; expected one of "
                + suite.variants.map(\.name).joined(separator: ", "))
        }
        guard chosen.resolved["model"]?.stringValue == ModelKind.pipeline.rawValue else {
            throw ExperimentError.invalidSplit("\(configPath): variant '\(chosen.name)' is model \(chosen.resolved["model"]?.stringValue ?? "?"); biomoe ask needs model: pipeline")
        }
        spec = RunSpec(suite: suite, variant: chosen, seed: suite.seeds.first ?? 0)
        directory = URL(fileURLWithPath: stateDirectory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ResultStoreError.cannotCreateDirectory(path: stateDirectory, reason: "\(error)")
        }
        let encoder = QueryEncoder()
        let manifest = Manifest(formatVersion: Self.formatVersion, suite: spec.suiteName, variant: spec.variant, seed: spec.seed,
                                runConfigHash: spec.runConfigHash)
        let parts: PipelineParts
        if let stored = try? JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json"))),
           stored == manifest {
            parts = try Self.load(spec, from: directory, encoder: encoder)
        } else {
            log("biomoe ask: training the pipeline of \(spec.runLabel) once (the vision MLP, the language model, the router); later calls load it from \(stateDirectory)")
            let data = try ImageClassificationSplits.load(task: spec.task)
            let corpus = try CharacterCorpus.load(path: try spec.string("char_corpus"), heldOutFraction: 0.1, validationFraction: 0.05)
            let requests = try PipelineBuild.requestSet(spec, data: data, corpus: corpus)
            parts = try PipelineBuild.train(spec, data: data, corpus: corpus, requests: requests, encoder: encoder) { _, detail in
                log("biomoe ask: \(detail)")
            }
            try Self.save(parts, manifest: manifest, to: directory)
        }
        pipeline = try PipelineBuild.assemble(spec, parts: parts, encoder: encoder, remembersAnswers: true)
        sessions = try SessionStore(path: directory.appendingPathComponent("sessions.sqlite").path)
    }

    /// Answers one request. `image` is a PGM/PNG path or `fashion-mnist:INDEX` (a test image);
    /// `session` names a conversation whose short-term memory and affect carry over.
    public func ask(text: String, image: String?, session: String?) throws -> PipelineReply {
        var request = PipelineRequest(text: text)
        if let image { request.image = try loadImage(image) }
        var state = PipelineSession(affectSmoothing: try spec.double("affect_smoothing"))
        if let session, let stored = try sessions.state(of: session) {
            do {
                state = try JSONDecoder().decode(PipelineSession.self, from: Data(stored.utf8))
            } catch {
                throw ExperimentError.invalidSplit("\(sessions.path): session '\(session)' cannot be read (\(error)); start another session name")
            }
        }
        let reply = try pipeline.answer(request, session: &state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let trace = String(decoding: try encoder.encode(reply), as: UTF8.self)
        let stateJSON = session == nil ? nil : String(decoding: try encoder.encode(state), as: UTF8.self)
        try sessions.record(session: session, state: stateJSON, turn: state.turns, input: text, trace: trace)
        try appendLogLine(session: session, turn: state.turns, input: text, trace: trace)
        return reply
    }

    private func appendLogLine(session: String?, turn: Int, input: String, trace: String) throws {
        let url = directory.appendingPathComponent("affect-log.jsonl")
        let entry: [String: Any] = ["session": session ?? NSNull(), "turn": turn, "time": Date().timeIntervalSince1970, "input": input]
        var line = String(decoding: try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]), as: UTF8.self)
        line.removeLast()  // "}" — the trace is spliced in as an object, not re-encoded as a string
        line += ",\"trace\":" + trace + "}\n"
        if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }

    private func loadImage(_ source: String) throws -> [Float] {
        if source.hasPrefix("fashion-mnist:") {
            guard let index = Int(source.dropFirst("fashion-mnist:".count)) else {
                throw PipelineError.malformedImage(source: source, reason: "expected fashion-mnist:INDEX with INDEX a whole number")
            }
            if testImages == nil { testImages = try FashionMNIST.load(split: .test, directory: nil) }
            guard let set = testImages, (0..<set.count).contains(index) else {
                throw PipelineError.malformedImage(source: source, reason: "the Fashion-MNIST test split has images 0…\((testImages?.count ?? 1) - 1)")
            }
            return Array(set.image(at: index))
        }
        let file = try GrayImageFile.read(path: source)
        guard file.width == 28, file.height == 28 else {
            throw PipelineError.malformedImage(source: source, reason: "the image is \(file.width)×\(file.height); the vision expert reads 28×28 (Fashion-MNIST's size)")
        }
        return file.pixels
    }

    // MARK: State files

    static func save(_ parts: PipelineParts, manifest: Manifest, to directory: URL) throws {
        try parts.vision.classifier.parameters.safetensors(metadata: ["format": "biomoe.VisionExpert"])
            .write(to: directory.appendingPathComponent("vision.safetensors"))
        try parts.language.model.save(to: directory.appendingPathComponent("language.safetensors"))
        try parts.router.parameters.safetensors(metadata: ["format": "biomoe.QueryRouter"])
            .write(to: directory.appendingPathComponent("router.safetensors"))
        if let memory = parts.memory { try memory.save(to: directory.appendingPathComponent("memory").path) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent("manifest.json"), options: .atomic)
    }

    static func load(_ spec: RunSpec, from directory: URL, encoder: QueryEncoder) throws -> PipelineParts {
        var rng = Philox4x32_10(key: (0, 0))
        let classifier = MLPClassifier(inputSize: 784, hidden: VisionExpert.hidden, classes: FashionMNIST.classNames.count,
                                       maxBatch: VisionExpert.batch, rng: &rng)
        try classifier.parameters.load(safetensors: SafetensorsFile(contentsOf: directory.appendingPathComponent("vision.safetensors")))
        let model = try SequenceModel(config: try PipelineBuild.languageConfig(spec), rng: &rng)
        try model.load(contentsOf: directory.appendingPathComponent("language.safetensors"))
        let router = try PipelineBuild.router(spec, encoder: encoder, rng: &rng)
        try router.parameters.load(safetensors: SafetensorsFile(contentsOf: directory.appendingPathComponent("router.safetensors")))
        let memory = try spec.bool("long_term_memory") ? try LongTermMemory.load(from: directory.appendingPathComponent("memory").path) : nil
        return PipelineParts(detector: try PipelineBuild.detector(spec), vision: VisionExpert(classifier: classifier),
                             language: LanguageExpert(model: model), router: router, memory: memory, routerLosses: [], trainSeconds: 0)
    }
}
