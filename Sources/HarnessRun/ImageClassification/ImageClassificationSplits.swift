import Datasets
import HarnessConfig
import HarnessStore

/// Train / validation / test splits of an IDX data set, loaded once per `biomoe run` and shared
/// by every run that names the same data (the files are read-only inputs).
struct ImageClassificationSplits {
    let train: ImageClassificationSet
    let validation: ImageClassificationSet
    let test: ImageClassificationSet

    static func load(task: [String: ConfigValue]) throws -> ImageClassificationSplits {
        let path = task["path"]?.stringValue ?? ""
        let directory = path.isEmpty ? nil : path
        let full: ImageClassificationSet
        let test: ImageClassificationSet
        let name = task["dataset"]?.stringValue ?? ""
        switch DatasetKind(rawValue: name) {
        case .mnist:
            full = try MNIST.load(split: .train, directory: directory)
            test = try MNIST.load(split: .test, directory: directory)
        case .fashionMNIST:
            full = try FashionMNIST.load(split: .train, directory: directory)
            test = try FashionMNIST.load(split: .test, directory: directory)
        case .sequence, .noData, .git, nil:
            throw ExperimentError.invalidSplit("task.dataset '\(name)' is not an image data set; expected one of "
                + [DatasetKind.fashionMNIST, .mnist].map(\.rawValue).joined(separator: ", "))
        }
        let validationSize = task["validation_size"]?.intValue ?? 0
        guard validationSize < full.count else {
            throw ExperimentError.invalidSplit("task.validation_size \(validationSize) leaves no training images (the file has \(full.count))")
        }
        let trainEnd = full.count - validationSize
        let trainLimit = task["train_limit"]?.intValue ?? 0
        let testLimit = task["test_limit"]?.intValue ?? 0
        return ImageClassificationSplits(
            train: full.subset(0..<(trainLimit > 0 ? min(trainLimit, trainEnd) : trainEnd)),
            validation: full.subset(trainEnd..<full.count),
            test: testLimit > 0 ? test.subset(0..<min(testLimit, test.count)) : test)
    }
}

public enum ExperimentError: Error, CustomStringConvertible {
    case invalidSplit(String)
    /// The registry handed a run to an experiment kind that does not run its model.
    case wrongExperiment(model: String, experiment: String)

    public var description: String {
        switch self {
        case .invalidSplit(let s): return s
        case let .wrongExperiment(model, experiment): return "internal: model '\(model)' was handed to the \(experiment) experiment; see Registry.experiment(for:)"
        }
    }
}
