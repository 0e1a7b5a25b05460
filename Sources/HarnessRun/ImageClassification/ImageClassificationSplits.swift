import Datasets
import HarnessConfig
import HarnessStore

/// Train / validation / test splits of an IDX data set, loaded once per `biomoe run` and shared
/// by every run that names the same data (the files are read-only inputs).
struct ImageClassificationSplits {
    let train: ImageClassificationSet
    let validation: ImageClassificationSet
    let test: ImageClassificationSet
    /// The domain of every image of each split (permuted-mnist only; nil for single-domain sets).
    var domains: SplitDomains? = nil

    struct SplitDomains {
        let count: Int
        let train: [Int32]
        let validation: [Int32]
        let test: [Int32]
    }

    static func load(task: [String: ConfigValue]) throws -> ImageClassificationSplits {
        let path = task["path"]?.stringValue ?? ""
        let directory = path.isEmpty ? nil : path
        var full: ImageClassificationSet
        var test: ImageClassificationSet
        var fullDomains: [Int32]?, testDomains: [Int32]?
        let domainCount = task["domains"]?.intValue ?? 1
        let name = task["dataset"]?.stringValue ?? ""
        switch DatasetKind(rawValue: name) {
        case .mnist:
            full = try MNIST.load(split: .train, directory: directory)
            test = try MNIST.load(split: .test, directory: directory)
        case .permutedMNIST:
            let permutations = PermutedDomains.permutations(domains: domainCount, pixels: 28 * 28,
                                                            seed: UInt32(task["domain_seed"]?.intValue ?? 0))
            let train = PermutedDomains.apply(try MNIST.load(split: .train, directory: directory), permutations: permutations)
            let held = PermutedDomains.apply(try MNIST.load(split: .test, directory: directory), permutations: permutations)
            (full, fullDomains, test, testDomains) = (train.images, train.domains, held.images, held.domains)
        case .fashionMNIST:
            full = try FashionMNIST.load(split: .train, directory: directory)
            test = try FashionMNIST.load(split: .test, directory: directory)
        case .sequence, .noData, .git, nil:
            throw ExperimentError.invalidSplit("task.dataset '\(name)' is not an image data set; expected one of "
                + [DatasetKind.fashionMNIST, .mnist, .permutedMNIST].map(\.rawValue).joined(separator: ", "))
        }
        let validationSize = task["validation_size"]?.intValue ?? 0
        guard validationSize < full.count else {
            throw ExperimentError.invalidSplit("task.validation_size \(validationSize) leaves no training images (the file has \(full.count))")
        }
        let trainEnd = full.count - validationSize
        let trainLimit = task["train_limit"]?.intValue ?? 0
        let testLimit = task["test_limit"]?.intValue ?? 0
        let trainRange = 0..<(trainLimit > 0 ? min(trainLimit, trainEnd) : trainEnd)
        let testRange = 0..<(testLimit > 0 ? min(testLimit, test.count) : test.count)
        var splits = ImageClassificationSplits(train: full.subset(trainRange), validation: full.subset(trainEnd..<full.count),
                                               test: test.subset(testRange))
        if let fullDomains, let testDomains {
            splits.domains = SplitDomains(count: domainCount, train: Array(fullDomains[trainRange]),
                                          validation: Array(fullDomains[trainEnd..<full.count]), test: Array(testDomains[testRange]))
        }
        return splits
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
