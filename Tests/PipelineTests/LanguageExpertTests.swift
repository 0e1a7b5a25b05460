import Foundation
import Pipeline
import Sequence
import Testing

/// Bits per character by a separate route: the model's parallel forward over the window, then
/// log-softmax in Double: bits = (1/T) Σ_t (logsumexp(z_t) − z_t[x_{t+1}]) / ln 2.
private func directBitsPerCharacter(_ model: SequenceModel, _ text: String) -> Double {
    let window = Array(Array(text.utf8).suffix(model.config.maxT + 1))
    let T = window.count - 1, V = model.config.vocabSize
    let tokens = window.dropLast().map { Int32($0) }
    let logits = tokens.withUnsafeBufferPointer { Array(model.forward(tokens: $0, B: 1, T: T)) }
    var nats = 0.0
    for t in 0..<T {
        let row = logits[(t * V)..<((t + 1) * V)].map { Double($0) }
        let top = row.max()!
        let logSumExp = top + log(row.reduce(0.0) { $0 + exp($1 - top) })
        nats += logSumExp - row[Int(window[t + 1])]
    }
    return nats / Double(T) / log(2.0)
}

@Suite("Language expert")
struct LanguageExpertTests {
    @Test("bits per character equal forward + log-softmax computed here, within 1e-8 relative")
    func bitsPerCharacter() throws {
        let model = try PipelineFixtures.tinyLanguageModel()
        let expert = LanguageExpert(model: model)
        // 11 bytes (T = 10), and 56 bytes of which only the last maxT + 1 = 33 count
        for text in ["hello world", "The Jargon File is a glossary of hacker slang, long ago."] {
            let bits = expert.bitsPerCharacter(Array(text.utf8))
            let direct = directBitsPerCharacter(model, text)
            // The expert exponentiates in Float (e^(z − max), ~6e-8 relative rounding per term) before
            // summing in Double; this computes in Double throughout. Measured: 2.6e-9 relative.
            #expect(abs(bits - direct) <= 1e-8 * abs(direct), "\(text): expert \(bits), direct \(direct)")
            // an untrained model is near log₂ 256 = 8 bits
            #expect((6...10).contains(bits))
        }
        let long = "The Jargon File is a glossary of hacker slang, long ago."
        #expect(long.utf8.count == 56)
        let tail = String(long.suffix(33))
        #expect(abs(expert.bitsPerCharacter(Array(long.utf8)) - directBitsPerCharacter(model, tail)) <= 1e-8 * 8)
    }

    @Test("self-assessment is 2^(−bpc/2), 0 below two bytes")
    func canHandle() throws {
        let expert = LanguageExpert(model: try PipelineFixtures.tinyLanguageModel())
        let text = "what is a hack?"
        let c = expert.canHandle(PipelineRequest(text: text))
        #expect(abs(c - pow(2, -expert.bitsPerCharacter(Array(text.utf8)) / 2)) < 1e-15)
        #expect(expert.canHandle(PipelineRequest(text: "a")) == 0 && expert.canHandle(PipelineRequest(text: "")) == 0)
    }

    @Test("the answer's continuation is deterministic for the same text and context")
    func deterministicContinuation() throws {
        let expert = LanguageExpert(model: try PipelineFixtures.tinyLanguageModel())
        let twin = LanguageExpert(model: try PipelineFixtures.tinyLanguageModel())
        let request = PipelineRequest(text: "Tell me about the hacker ethic")
        let context = ExpertContext(shortTerm: Array("earlier turn".utf8))
        let first = try expert.answer(request, context: context)
        _ = try expert.answer(PipelineRequest(text: "something else in between"), context: ExpertContext())
        let second = try expert.answer(request, context: context)
        let fromTwin = try twin.answer(request, context: context)
        #expect(first == second && first == fromTwin)
        #expect(first.domain == .language && first.text.hasPrefix("… ") && first.answerKey == nil)
        let bpc = expert.bitsPerCharacter(Array(request.text.utf8))
        #expect(first.bitsPerCharacter == bpc && abs(first.confidence - pow(2, -bpc / 2)) < 1e-15)
        // another text seeds another generator
        #expect(try expert.answer(PipelineRequest(text: "Tell me about the hacker ethic!"), context: context).text != first.text)
    }

    @Test("an empty text throws emptyRequest; one byte answers at 8 bits")
    func emptyAndTiny() throws {
        let expert = LanguageExpert(model: try PipelineFixtures.tinyLanguageModel())
        #expect(throws: PipelineError.emptyRequest) { try expert.answer(PipelineRequest(text: ""), context: ExpertContext()) }
        let one = try expert.answer(PipelineRequest(text: "?"), context: ExpertContext())
        #expect(one.bitsPerCharacter == 8 && abs(one.confidence - 1.0 / 16) < 1e-15)
    }
}
