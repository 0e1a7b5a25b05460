import Datasets
import Foundation
import Growth
import HarnessConfig

/// `biomoe predict`: a growth model reloaded from its per-expert checkpoint files (in this
/// process, from disk alone) classifies the test split a suite config names. The rows have the
/// columns of `biomoe export predictions` without the run id (index, label, p0 … p{K−1}, 9
/// significant digits), so the two files of one run can be compared value for value.
public enum ExpertCheckpointPrediction {
    public static func rows(checkpointDirectory: String, suitePath: String) throws -> [[String]] {
        let suite = try SuiteSpec.load(path: suitePath)
        let data = try ImageClassificationSplits.load(task: suite.task)
        let model = try ExpertCheckpoints.load(from: URL(fileURLWithPath: checkpointDirectory), maxBatch: GrowthTrainer.evaluationBatch)
        guard model.inputSize == data.test.pixelsPerImage, model.classes == data.test.classes else {
            throw ExpertCheckpointError.invalid(path: checkpointDirectory, reason: "the model reads \(model.inputSize) pixels into \(model.classes) classes; "
                + "\(suitePath)'s test split has \(data.test.pixelsPerImage) pixels and \(data.test.classes) classes")
        }
        var probabilities = [Float](repeating: 0, count: data.test.count * data.test.classes)
        data.test.pixels.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                var start = 0
                while start < data.test.count {
                    let count = min(GrowthTrainer.evaluationBatch, data.test.count - start)
                    model.predictProbabilities(inputs: x.baseAddress! + start * data.test.pixelsPerImage, batch: count,
                                               into: p.baseAddress! + start * data.test.classes)
                    start += count
                }
            }
        }
        let K = data.test.classes
        return (0..<data.test.count).map { i in
            [String(i), String(data.test.labels[i])] + probabilities[(i * K)..<((i + 1) * K)].map { String(format: "%.9g", $0) }
        }
    }
}
