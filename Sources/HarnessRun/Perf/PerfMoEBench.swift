import Dispatch
import Datasets
import Metrics
import MoE
import NN
import Tensor

/// The `moe-train` bench: the routing suite's softmax-e8 model (experiments/routing.yaml: E = 8,
/// k = 2, model width 256, expert hidden 128, switch-all-slots balancing α = 0.1, Adam 1e-3,
/// batch `train_batch`) trained on the first 60 batches of real Fashion-MNIST, then batch-1
/// forward + softmax latency on 300 test images after 50 warm-up calls — the same protocol as
/// baselines/pytorch/moe_fashion.py --quick, so the two are comparable.
///
/// Why a bench and not the routing suite's own figures: that suite runs while other suites share
/// the cores, so its throughput and latency are upper bounds; here they are timed back to back.
enum PerfMoEBench {
    static let batches = 60
    static let latencySamples = 300
    static let latencyWarmup = 50

    static func run(batchSize: Int, seed: Int, suiteSeed: Int, into outcome: inout RunOutcome) throws {
        let train = try FashionMNIST.load(split: .train)
        let test = try FashionMNIST.load(split: .test)
        let inputSize = train.pixelsPerImage
        let streams = RandomStreams(suiteSeed: UInt32(suiteSeed), runSeed: UInt32(seed))
        var initRNG = streams.generator("init")
        let config = MoEConfig(router: .softmax, experts: 8, topK: 2, modelWidth: 256, expertHidden: 128,
                               loadBalancing: LoadBalancingLoss(kind: .switchAllSlots, coefficient: 0.1))
        let model = try MoEClassifier(config: config, inputSize: inputSize, classes: train.classes, maxBatch: batchSize, rng: &initRNG)
        var optimizer = Adam(learningRate: 1e-3)
        var rng = streams.generator("train")
        let images = min(train.count, batches * batchSize) / batchSize * batchSize
        let trainSeconds: Double = try train.pixels.withUnsafeBufferPointer { x in
            try train.labels.withUnsafeBufferPointer { y in
                let start = DispatchTime.now().uptimeNanoseconds
                for offset in stride(from: 0, to: images, by: batchSize) {
                    try model.trainStep(inputs: x.baseAddress! + offset * inputSize, targets: y.baseAddress! + offset,
                                        batch: batchSize, optimizer: &optimizer, rng: &rng)
                }
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        outcome.metric("train_throughput", Double(images) / trainSeconds)
        var recorder = LatencyRecorder()
        var probabilities = [Float](repeating: 0, count: test.classes)
        try test.pixels.withUnsafeBufferPointer { x in
            try probabilities.withUnsafeMutableBufferPointer { p in
                for i in -latencyWarmup..<latencySamples {
                    let image = x.baseAddress! + ((i + latencyWarmup) % test.count) * inputSize
                    let start = DispatchTime.now().uptimeNanoseconds
                    try model.predictProbabilities(inputs: image, batch: 1, into: p.baseAddress!)
                    let elapsed = DispatchTime.now().uptimeNanoseconds - start
                    if i >= 0 { recorder.record(nanoseconds: elapsed) }
                }
            }
        }
        let summary = recorder.summary()
        outcome.metric("latency_p50", summary.p50)
        outcome.metric("latency_p99", summary.p99)
        outcome.metric("parameters", Double(model.parameters.entries.reduce(0) { $0 + $1.count }))
    }
}
