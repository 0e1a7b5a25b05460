import Datasets
import HarnessConfig
import HarnessStore
import Memory
import Tensor

/// A run of the memory suite (experiments/memory.yaml): the long-term memory's approximate
/// index (IVF, `IVFIndex`) against its exact cosine search (`ExactCosineIndex`) on real images —
/// the first `index_vectors_per_set` training images of Fashion-MNIST and of MNIST (784 pixels
/// / 255 each), queried with the first `index_queries_per_set` test images of each — measuring
/// recall@k of the IVF's top k against the exact top k and the speed-up of its mean query time,
/// at the configured probe count and over a sweep of probe counts (series). Queries are timed
/// one at a time on one BLAS thread. The seed draws the k-means initialisation.
struct MemoryIndexExperiment: Experiment {
    let spec: RunSpec

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let perSet = try spec.int("index_vectors_per_set"), queriesPerSet = try spec.int("index_queries_per_set")
        let fashionDirectory = try spec.string("fashion_mnist_dir"), mnistDirectory = try spec.string("mnist_dir")
        let fashionTrain = try FashionMNIST.load(split: .train, directory: fashionDirectory)
        let fashionTest = try FashionMNIST.load(split: .test, directory: fashionDirectory)
        let mnistTrain = try MNIST.load(split: .train, directory: mnistDirectory)
        let mnistTest = try MNIST.load(split: .test, directory: mnistDirectory)
        guard perSet <= min(fashionTrain.count, mnistTrain.count), queriesPerSet <= min(fashionTest.count, mnistTest.count) else {
            throw ExperimentError.invalidSplit("index_vectors_per_set \(perSet) / index_queries_per_set \(queriesPerSet) exceed the images available (\(spec.runLabel))")
        }
        func rows(_ set: ImageClassificationSet, _ count: Int) -> [[Float]] { (0..<count).map { Array(set.image(at: $0)) } }
        let vectors = rows(fashionTrain, perSet) + rows(mnistTrain, perSet)
        let queries = rows(fashionTest, queriesPerSet) + rows(mnistTest, queriesPerSet)
        progress(0.1, "\(vectors.count) vectors, \(queries.count) queries")

        let probe = try spec.int("ivf_probe")
        let sweep = Array(Set(try spec.intList("ivf_probe_sweep") + [probe])).sorted()
        let settings = IVFSettings(listCount: try spec.int("ivf_lists"), probeCount: probe,
                                   seed: RandomStreams.fnv1a64("memory-index \(spec.suiteSeed) \(spec.seed)"))
        let results = try IndexBenchmark.sweep(vectors: vectors, queries: queries, k: try spec.int("recall_k"),
                                               settings: settings, probeCounts: sweep)
        guard let main = results.first(where: { $0.settings.probeCount == probe }) else {
            throw ExperimentError.invalidSplit("ivf_probe \(probe) gave no benchmark row (\(spec.runLabel))")
        }
        var outcome = RunOutcome()
        outcome.metric("index_vectors", Double(main.count))
        outcome.metric("index_recall", main.recall)
        outcome.metric("index_speedup", main.speedUp)
        outcome.metric("index_scanned_fraction", main.scannedFraction)
        outcome.metric("index_exact_query_seconds", main.exactMeanQuerySeconds)
        outcome.metric("index_ivf_query_seconds", main.approximateMeanQuerySeconds)
        outcome.metric("index_exact_build_seconds", main.exactBuildSeconds)
        outcome.metric("index_ivf_train_seconds", main.approximateTrainingSeconds)
        outcome.metric("index_ivf_add_seconds", main.approximateAddSeconds)
        for row in results {
            outcome.point("index_recall_by_probe", step: row.settings.probeCount, row.recall)
            outcome.point("index_speedup_by_probe", step: row.settings.probeCount, row.speedUp)
        }
        return outcome
    }
}
