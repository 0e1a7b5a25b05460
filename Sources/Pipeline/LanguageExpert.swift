import Datasets
import Foundation
import NN
import Sequence
import Tensor

/// The language expert: a byte-level language model on the backbones suite's Mamba or causal
/// linear-attention backbone, trained in the run on the Jargon File (Debian's jargon-text, real
/// English prose), answering with a continuation of the request.
///
/// Self-assessment: how well the model predicts the request's own bytes, c = 2^(−bpc/2) with bpc
/// its bits per character (≈ 0.35 at 3 bits/char, ≈ 0.06 at 8, the cost of a byte the model knows
/// nothing about). Text like the corpus scores higher than tweets, numbers or symbols.
/// The continuation is sampled at temperature `temperature` from a generator seeded by the text,
/// so the same request gets the same reply.
public final class LanguageExpert: DomainExpert {
    public let domain = ExpertDomain.language
    public let model: SequenceModel
    /// Bytes of context fed before the request (the session's earlier turns for this expert).
    public let contextBytes: Int
    public let continuationBytes: Int
    public let temperature: Float
    /// The last step's logits, the sampler's weights and the one token fed: allocated once, so
    /// generating a continuation allocates nothing per byte.
    private var logitRow: [Float]
    private var weights: [Double]
    private var token: [Int32] = [0]
    private var lastBits: (bytes: [UInt8], bits: Double)?

    /// Bytes of context and request fed before generating (the most recent ones).
    public let promptBytes: Int

    public init(model: SequenceModel, contextBytes: Int = 256, promptBytes: Int = 128, continuationBytes: Int = 48, temperature: Float = 0.7) {
        precondition(model.config.vocabSize == CharacterCorpus.vocabSize, "LanguageExpert needs a byte-level model (vocabulary 256)")
        self.model = model
        self.contextBytes = contextBytes
        self.promptBytes = promptBytes
        self.continuationBytes = continuationBytes
        self.temperature = temperature
        logitRow = [Float](repeating: 0, count: CharacterCorpus.vocabSize)
        weights = [Double](repeating: 0, count: CharacterCorpus.vocabSize)
    }

    /// Trains a fresh model for `steps` Adam steps of `batch` random windows of `length` bytes.
    public static func train(corpus: CharacterCorpus, mixer: MixerKind, dModel: Int, layers: Int, steps: Int,
                             batch: Int = 16, length: Int = 128, learningRate: Float, rng: inout Philox4x32_10) throws -> LanguageExpert {
        let config = SequenceModelConfig(vocabSize: CharacterCorpus.vocabSize, dModel: dModel, layers: layers, mixer: mixer,
                                         maxBatch: batch, maxT: length)
        let model = try SequenceModel(config: config, rng: &rng)
        var adam = Adam(learningRate: learningRate)
        for _ in 0..<steps {
            let windows = try corpus.trainingBatch(count: batch, length: length, using: &rng)
            windows.tokens.withUnsafeBufferPointer { x in
                windows.targets.withUnsafeBufferPointer { y in
                    _ = model.trainStep(tokens: x, targets: y, mask: nil, B: batch, T: length, optimizer: &adam)
                }
            }
        }
        return LanguageExpert(model: model)
    }

    public func canHandle(_ request: PipelineRequest) -> Double {
        let bytes = Array(request.text.utf8)
        guard bytes.count >= 2 else { return 0 }
        return pow(2, -bitsPerCharacter(bytes) / 2)
    }

    public func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer {
        let bytes = Array(request.text.utf8)
        guard !bytes.isEmpty else { throw PipelineError.emptyRequest }
        let bpc = bytes.count >= 2 ? bitsPerCharacter(bytes) : 8
        // feed the session's context and the request, then sample the continuation
        var prompt = Array(context.shortTerm.suffix(contextBytes))
        prompt.append(contentsOf: bytes)
        prompt.append(0x20)
        prompt = Array(prompt.suffix(promptBytes))
        model.resetState(B: 1)
        for byte in prompt.dropLast() { feed(byte) }
        var rng = Philox4x32_10(key: (UInt32(truncatingIfNeeded: RandomStreams.fnv1a64(request.text)), 0x1A96))
        var next = prompt.last ?? 0x20
        var out: [UInt8] = []
        for _ in 0..<continuationBytes {
            feed(next)
            next = sample(&rng)
            if next == 0x0A, !out.isEmpty { break }
            out.append(next == 0x0A ? 0x20 : next)
        }
        let continuation = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return ExpertAnswer(domain: .language, text: "… " + continuation, confidence: pow(2, -bpc / 2), bitsPerCharacter: bpc)
    }

    /// Mean −log₂ p(byte_{t+1} | bytes_{≤t}) over the text's last maxT + 1 bytes (after the
    /// first of them), from one parallel forward pass. The last text's figure is kept, so the
    /// answer after a self-assessment does not run the model over the text again.
    public func bitsPerCharacter(_ bytes: [UInt8]) -> Double {
        if let cached = lastBits, cached.bytes == bytes { return cached.bits }
        let window = Array(bytes.suffix(model.config.maxT + 1))
        let T = window.count - 1, V = model.config.vocabSize
        let tokens = window.prefix(T).map { Int32($0) }
        let logits = tokens.withUnsafeBufferPointer { model.forward(tokens: $0, B: 1, T: T) }
        var total = 0.0
        for t in 0..<T {
            var maximum = -Float.infinity
            for v in 0..<V where logits[t * V + v] > maximum { maximum = logits[t * V + v] }
            var sum = 0.0
            for v in 0..<V { sum += Double(Foundation.exp(logits[t * V + v] - maximum)) }
            total += -(Double(logits[t * V + Int(window[t + 1])] - maximum) - Foundation.log(sum)) / Foundation.log(2.0)
        }
        let bits = total / Double(T)
        lastBits = (bytes, bits)
        return bits
    }

    /// One recurrent step; leaves the next byte's logits in `logitRow`.
    private func feed(_ byte: UInt8) {
        token[0] = Int32(byte)
        let logits = token.withUnsafeBufferPointer { model.step(tokens: $0, B: 1) }
        for v in 0..<logitRow.count { logitRow[v] = logits[v] }
    }

    /// A byte from softmax(logits / temperature) by inverse CDF.
    private func sample(_ rng: inout Philox4x32_10) -> UInt8 {
        var maximum = -Float.infinity
        for v in logitRow where v > maximum { maximum = v }
        var sum = 0.0
        for v in 0..<logitRow.count {
            weights[v] = Double(Foundation.exp((logitRow[v] - maximum) / temperature))
            sum += weights[v]
        }
        var u = rng.unitUniformDouble() * sum
        for v in 0..<weights.count {
            u -= weights[v]
            if u <= 0 { return UInt8(v) }
        }
        return UInt8(weights.count - 1)
    }
}
