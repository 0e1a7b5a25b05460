import Datasets
import NN
import Tensor

/// The vision expert: the Fashion-MNIST classifier of the dense baselines (an MLP 784-256-10,
/// Adam, the fashion-baselines suite's recipe), trained in the run that builds the pipeline.
///
/// Self-assessment: 0 without an image (it cannot answer), else its top softmax probability
/// on that image, so a confusing image lets another expert's bid count for more.
public final class VisionExpert: DomainExpert {
    public let domain = ExpertDomain.vision
    public let classifier: MLPClassifier
    public let classNames: [String]
    private var probabilities: [Float]

    public init(classifier: MLPClassifier, classNames: [String] = FashionMNIST.classNames) {
        precondition(classifier.inputSize == 784 && classifier.classes == classNames.count,
                     "VisionExpert needs a 784-input classifier with one output per class name")
        self.classifier = classifier
        self.classNames = classNames
        probabilities = [Float](repeating: 0, count: classNames.count)
    }

    /// Trains a fresh MLP on `data` for `epochs` (shuffled mini-batches of `batch`, Adam at
    /// `learningRate`), all draws from `rng`.
    /// The hidden widths of the dense baseline MLP (784-256-10); a saved expert reloads into this shape.
    public static let hidden = [256]
    public static let batch = 128

    public static func train(on data: ImageClassificationSet, hidden: [Int] = VisionExpert.hidden, epochs: Int, batch: Int = VisionExpert.batch,
                             learningRate: Float = 1e-3, rng: inout Philox4x32_10) -> VisionExpert {
        let model = MLPClassifier(inputSize: data.pixelsPerImage, hidden: hidden, classes: data.classes, maxBatch: batch, rng: &rng)
        var adam = Adam(learningRate: learningRate)
        var order = Array(0..<data.count)
        let D = data.pixelsPerImage
        var x = [Float](repeating: 0, count: batch * D)
        var y = [Int32](repeating: 0, count: batch)
        for _ in 0..<epochs {
            rng.shuffle(&order)
            var start = 0
            while start < order.count {
                let B = min(batch, order.count - start)
                for r in 0..<B {
                    let i = order[start + r]
                    for j in 0..<D { x[r * D + j] = data.pixels[i * D + j] }
                    y[r] = data.labels[i]
                }
                model.trainStep(inputs: x, targets: y, batch: B, optimizer: &adam)
                start += B
            }
        }
        return VisionExpert(classifier: model)
    }

    public func canHandle(_ request: PipelineRequest) -> Double {
        guard let image = request.image, image.count == classifier.inputSize else { return 0 }
        predict(image)
        return Double(probabilities.max() ?? 0)
    }

    public func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer {
        guard let image = request.image else { throw PipelineError.imageRequired }
        guard image.count == classifier.inputSize else {
            throw PipelineError.malformedImage(source: "the request's image", reason: "\(image.count) pixels; expected 28×28 = 784")
        }
        predict(image)
        var best = 0
        for c in 1..<probabilities.count where probabilities[c] > probabilities[best] { best = c }
        let p = Double(probabilities[best])
        return ExpertAnswer(domain: .vision, text: "\(classNames[best]) (p = \(formatProbability(p)))",
                            confidence: p, answerKey: String(best))
    }

    /// Class probabilities of one image into `probabilities`.
    private func predict(_ image: [Float]) {
        image.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                guard let input = x.baseAddress, let output = p.baseAddress else { return }
                classifier.predictProbabilities(inputs: input, batch: 1, into: output)
            }
        }
    }
}

/// A probability with two decimals, for answers.
func formatProbability(_ p: Double) -> String {
    let hundredths = Int((p * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
