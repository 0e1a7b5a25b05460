import Datasets
import NN
import Pipeline
import Tensor
import Testing

@Suite("Vision expert")
struct VisionExpertTests {
    static func untrained() -> VisionExpert {
        var rng = Philox4x32_10(key: (3, 3))
        return VisionExpert(classifier: MLPClassifier(inputSize: 784, hidden: [16], classes: 10, maxBatch: 1, rng: &rng))
    }

    static let image = (0..<784).map { Float(($0 * 37) % 256) / 255 }

    @Test("canHandle is 0 without an image or with a wrong-size one, else the top class probability")
    func canHandle() {
        let expert = Self.untrained()
        #expect(expert.canHandle(PipelineRequest(text: "what is this?")) == 0)
        #expect(expert.canHandle(PipelineRequest(text: "", image: [Float](repeating: 0.5, count: 100))) == 0)
        var p = [Float](repeating: 0, count: 10)
        Self.image.withUnsafeBufferPointer { x in
            p.withUnsafeMutableBufferPointer { expert.classifier.predictProbabilities(inputs: x.baseAddress!, batch: 1, into: $0.baseAddress!) }
        }
        let c = expert.canHandle(PipelineRequest(text: "", image: Self.image))
        #expect(c == Double(p.max()!) && c >= 0.1 && c <= 1)
    }

    @Test("answer without an image throws imageRequired; a wrong-size image throws malformedImage")
    func errors() {
        let expert = Self.untrained()
        #expect(throws: PipelineError.imageRequired) {
            try expert.answer(PipelineRequest(text: "what is this?"), context: ExpertContext())
        }
        #expect(throws: PipelineError.malformedImage(source: "the request's image", reason: "100 pixels; expected 28×28 = 784")) {
            try expert.answer(PipelineRequest(text: "", image: [Float](repeating: 0, count: 100)), context: ExpertContext())
        }
        #expect(throws: PipelineError.malformedImage(source: "the request's image", reason: "785 pixels; expected 28×28 = 784")) {
            try expert.answer(PipelineRequest(text: "", image: [Float](repeating: 0, count: 785)), context: ExpertContext())
        }
    }

    @Test("the answer is the argmax class, its name and probability")
    func answer() throws {
        let expert = Self.untrained()
        var p = [Float](repeating: 0, count: 10)
        Self.image.withUnsafeBufferPointer { x in
            p.withUnsafeMutableBufferPointer { expert.classifier.predictProbabilities(inputs: x.baseAddress!, batch: 1, into: $0.baseAddress!) }
        }
        let best = p.firstIndex(of: p.max()!)!
        let answer = try expert.answer(PipelineRequest(text: "", image: Self.image), context: ExpertContext())
        #expect(answer.domain == .vision && answer.answerKey == String(best) && answer.confidence == Double(p[best]))
        let hundredths = Int((Double(p[best]) * 100).rounded())
        #expect(answer.text == "\(FashionMNIST.classNames[best]) (p = 0.\(hundredths < 10 ? "0" : "")\(hundredths))")
    }

    @Test("trained briefly on 1 000 Fashion-MNIST images, it classifies held-out images well above chance",
          .enabled(if: PipelineFixtures.fashionInstalled, PipelineFixtures.fashionMissing))
    func trained() throws {
        let data = try #require(PipelineFixtures.fashionTest)
        let expert = PipelineFixtures.visionExpert()
        var correct = 0
        for i in 9500..<10000 {
            let answer = try expert.answer(PipelineRequest(text: "", image: Array(data.image(at: i))), context: ExpertContext())
            if answer.answerKey == String(data.labels[i]) { correct += 1 }
        }
        print("vision expert: \(correct)/500 held-out Fashion-MNIST images right after 4 epochs on 1 000")
        #expect(correct >= 300, "\(correct)/500 right; chance is 50")
    }
}
