import Datasets
import Dispatch
import Foundation
import Learning
import Tensor
import HarnessConfig
import HarnessStore

/// Can a router learn online, without backprop, which frozen expert to use, and re-learn when
/// the world changes? (issue 6, experiments/routing-learning.yaml)
///
/// Setup: the classes are split into G groups (`class_groups`); one MLP expert per group is
/// trained on the training split restricted to its group (`GroupExperts`, shared by every
/// variant of a seed). The router then meets `stream_length` images one at a time, in a seeded
/// order, from the test split (reported runs) or the validation split (hyper-parameter
/// selection; the last `validation_size` training images, never seen by the experts). Per
/// sample it picks an expert index; reward = 1 if that expert's argmax over its own group's
/// classes is the label, else 0 (so a wrong-group expert always earns 0). At the midpoint the
/// index → expert map is rotated by one (`RoutingStream`): the policy must re-learn.
///
/// Routing accuracy = the chosen expert is the sample's group expert; task accuracy = reward;
/// regret is against the oracle's reward on the same sample (the oracle routes to the group
/// expert, so its reward is that expert's correctness and regret is never negative).
struct RoutingLearningExperiment: Experiment {
    let spec: RunSpec
    let data: ImageClassificationSplits
    let experts: GroupExpertCache

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let streams = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed))
        let classGroups = try Self.classGroups(spec)
        let kind = try spec.choice("policy", as: RoutingPolicyKind.self)
        progress(0, "training group experts")
        let trained = try experts.experts(spec: spec, data: data, classGroups: classGroups)
        let split = try spec.choice("stream_split", as: StreamSplit.self)
        let set: ImageClassificationSet
        switch split {
        case .validation: set = data.validation
        case .test: set = data.test
        }
        let length = try spec.int("stream_length")
        guard length <= set.count else { throw RoutingLearningError.streamTooLong(length: length, split: split.rawValue, available: set.count) }
        var orderRNG = streams.generator("stream-order")
        let shift = try spec.choice("shift", as: DomainShift.self)
        let stream = RoutingStream(labels: set.labels, classGroups: classGroups, length: length,
                                   rotates: shift == .rotate, shifts: shift != .none, rng: &orderRNG)
        let predictions = trained.predictions(split: split)
        let features = RouterFeatures(kind: try spec.choice("router_features", as: RouterFeatureKind.self), rows: set.rows, cols: set.cols,
                                      projectionDim: try spec.int("projection_dim"),
                                      bias: kind == .linucb || kind == .slidingWindowLinUCB, streams: streams)
        // Online centring: each context minus the mean of those before it (the bias feature kept).
        let centring = try spec.bool("center_features")
        let centred = features.dimension - (features.bias ? 1 : 0)
        var runningMean = [Double](repeating: 0, count: centred)
        // Input shift: from the shift on, feature d of the context is what feature π(d) was.
        var permutationRNG = streams.generator("feature-permutation")
        var permutation = Array(0..<centred)
        permutationRNG.shuffle(&permutation)
        var unpermuted = [Float](repeating: 0, count: centred)
        var policy = try kind.make(spec: spec, experts: trained.groupCount, features: features.dimension, streams: streams)
        var choiceRNG = streams.generator("routing")
        let window = try spec.int("window"), eventEvery = try spec.int("event_every")
        let initialWeights = plasticWeights(policy)

        var outcome = RunOutcome()
        var routed = [Double](repeating: 0, count: length)
        var rewards = [Double](repeating: 0, count: length)
        var oracleRewards = [Double](repeating: 0, count: length)
        var context = [Float](repeating: 0, count: features.dimension)
        var spikes = 0.0, presentations = 0
        // The STDP router's cluster per sample, and every context (for k-means on the same features).
        var clusters: [Int] = [], contexts: [Float] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let started = DispatchTime.now().uptimeNanoseconds
        for t in 0..<length {
            let image = stream.order[t]
            set.pixels.withUnsafeBufferPointer { px in
                context.withUnsafeMutableBufferPointer { out in
                    features.extract(out: out, image: UnsafeBufferPointer(rebasing: px[(image * features.inputSize)..<((image + 1) * features.inputSize)]))
                }
            }
            if shift == .permuteFeatures && t >= stream.shiftStep {
                for d in 0..<centred { unpermuted[d] = context[d] }
                for d in 0..<centred { context[d] = unpermuted[permutation[d]] }
            }
            if centring {
                // x ← x − mean(x_0 … x_{t−1});  mean ← mean + (x − mean)/(t + 1)
                for d in 0..<centred {
                    let raw = Double(context[d])
                    context[d] = Float(raw - runningMean[d])
                    runningMean[d] += (raw - runningMean[d]) / Double(t + 1)
                }
            }
            let correct = stream.correctIndex(step: t)
            policy.revealCorrectExpert(correct)
            let chosen = context.withUnsafeBufferPointer { policy.choose(context: $0, rng: &choiceRNG) }
            let expert = stream.expert(atIndex: chosen, step: t)
            let label = set.labels[image]
            let reward: Float = predictions[expert][image] == label ? 1 : 0
            try context.withUnsafeBufferPointer {
                try policy.update(context: $0, chosen: chosen, reward: reward, correctExpert: kind == .backprop ? correct : nil)
            }
            routed[t] = chosen == correct ? 1 : 0
            rewards[t] = Double(reward)
            oracleRewards[t] = predictions[stream.groups[t]][image] == label ? 1 : 0
            if let stdp = policy as? STDPClusterRouter {
                spikes += Double(stdp.lastCounts.reduce(0, +)) / Double(stdp.layer.neurons * stdp.steps)
                presentations += 1
                clusters.append(stdp.lastCluster)
                contexts += context
            }
            let snapshot = (policy as? ThreeFactorRouter).flatMap { $0.useNeuromodulators ? $0.orchestra.snapshot : nil }
            if t % eventEvery == 0 {
                let event = RoutingEvent(chosen: chosen, correct: correct, expert: expert, group: stream.groups[t],
                                         label: Int(label), reward: reward, neuromodulators: snapshot)
                outcome.events.append(RunEvent(kind: "routing", step: t, payload: String(decoding: try encoder.encode(event), as: UTF8.self)))
                if let s = snapshot {
                    outcome.point("nm_dopamine", step: t, Double(s.dopamine))
                    outcome.point("nm_norepinephrine", step: t, Double(s.norepinephrineArousal))
                    outcome.point("nm_acetylcholine", step: t, Double(s.acetylcholineMultiplier))
                    outcome.point("nm_serotonin", step: t, Double(s.serotoninMood))
                    outcome.point("nm_temperature", step: t, Double(s.temperature))
                    outcome.point("nm_gate", step: t, Double(s.gate))
                }
            }
            if t == stream.shiftStep {
                outcome.events.append(RunEvent(kind: "shift", step: t, payload: shift == .rotate ? "{\"rotation\":1}" : "{\"permuted_features\":\(centred)}"))
            }
            if (t + 1) % window == 0 || t + 1 == length {
                if let w0 = initialWeights, let w = plasticWeights(policy) { outcome.point("weight_drift", step: t + 1, euclideanDistance(w, w0)) }
                progress(Double(t + 1) / Double(length), "\(kind.rawValue) sample \(t + 1)/\(length)")
            }
        }
        let streamSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        record(routed: routed, rewards: rewards, oracle: oracleRewards, stream: stream, window: window, into: &outcome)
        if presentations > 0 { outcome.metric("spike_rate", spikes / Double(presentations)) }
        if let stdp = policy as? STDPClusterRouter, !clusters.isEmpty {
            // What the online clusters separate, against k-means with as many clusters on the
            // same features in hindsight: the ceiling of any cluster → expert table router.
            outcome.metric("cluster_purity", clusterPurity(clusters: clusters, groups: stream.groups))
            var kmeansRNG = streams.generator("kmeans")
            let kmeans = KMeans(points: contexts, dimension: features.dimension, clusters: min(stdp.layer.neurons, length), rng: &kmeansRNG)
            outcome.metric("kmeans_purity", clusterPurity(clusters: kmeans.assign(contexts), groups: stream.groups))
        }
        if let w0 = initialWeights, let w = plasticWeights(policy) { outcome.metric("weight_drift", euclideanDistance(w, w0)) }
        for (g, accuracy) in trained.ownGroupTestAccuracy.enumerated() { outcome.metric("expert_accuracy_g\(g)", accuracy) }
        outcome.metric("expert_train_seconds", trained.trainSeconds)
        outcome.metric("stream_seconds", streamSeconds)
        outcome.metric("router_features", Double(features.dimension))
        return outcome
    }

    /// Curves and scalars from the per-sample outcomes (see `StreamCurves`). "Final" is the last
    /// tenth of the stream, long enough that one unlucky window does not decide it.
    func record(routed: [Double], rewards: [Double], oracle: [Double], stream: RoutingStream, window: Int,
                into outcome: inout RunOutcome) {
        let n = routed.count
        for p in StreamCurves.blockMeans(routed, window: window) { outcome.point("routing_accuracy", step: p.step, p.value) }
        for p in StreamCurves.blockMeans(rewards, window: window) { outcome.point("task_accuracy", step: p.step, p.value) }
        let regret = StreamCurves.cumulativeRegret(obtained: rewards, oracle: oracle)
        var t = window
        while t < n { outcome.point("cumulative_regret", step: t, regret[t - 1]); t += window }
        outcome.point("cumulative_regret", step: n, regret[n - 1])
        let mean = { (v: [Double], r: Range<Int>) in r.isEmpty ? Double.nan : v[r].reduce(0, +) / Double(r.count) }
        let tail = (n - max(n / 10, 1))..<n
        outcome.metric("routing_accuracy", mean(routed, 0..<n))
        outcome.metric("final_routing_accuracy", mean(routed, tail))
        outcome.metric("routing_accuracy_before_shift", mean(routed, 0..<stream.shiftStep))
        outcome.metric("routing_accuracy_after_shift", mean(routed, stream.shiftStep..<n))
        outcome.metric("task_accuracy", mean(rewards, 0..<n))
        outcome.metric("final_task_accuracy", mean(rewards, tail))
        outcome.metric("oracle_task_accuracy", mean(oracle, 0..<n))
        outcome.metric("samples_to_90_before_shift",
                       StreamCurves.samplesToReach(routed, threshold: 0.9, window: window, in: 0..<stream.shiftStep))
        outcome.metric("samples_to_90_after_shift",
                       stream.shiftStep < n ? StreamCurves.samplesToReach(routed, threshold: 0.9, window: window, in: stream.shiftStep..<n) : .nan)
        outcome.metric("cumulative_regret", regret[n - 1])
        // Back to 90 % of its own routing accuracy over the last tenth before the shift.
        if stream.shiftStep < n {
            let before = mean(routed, max(0, stream.shiftStep - n / 10)..<stream.shiftStep)
            outcome.metric("samples_to_recover",
                           StreamCurves.samplesToReach(routed, threshold: 0.9 * before, window: window, in: stream.shiftStep..<n))
        }
        outcome.metric("shift_step", Double(stream.shiftStep))
        outcome.metric("groups", Double(stream.groupCount))
    }

    /// `class_groups` checked: groups numbered 0…G−1 with none empty and G ≥ 2.
    static func classGroups(_ spec: RunSpec) throws -> [Int] {
        let groups = try spec.intList("class_groups")
        let count = (groups.max() ?? -1) + 1
        guard count >= 2, (0..<count).allSatisfy({ groups.contains($0) }) else {
            throw RoutingLearningError.badClassGroups(groups)
        }
        return groups
    }
}

/// The JSON payload of a `routing` event.
struct RoutingEvent: Codable, Equatable {
    var chosen: Int
    var correct: Int
    var expert: Int
    var group: Int
    var label: Int
    var reward: Float
    var neuromodulators: NeuromodulatorSnapshot?
}

enum RoutingLearningError: Error, CustomStringConvertible {
    case badClassGroups([Int])
    case streamTooLong(length: Int, split: String, available: Int)
    case badSetting(String)

    var description: String {
        switch self {
        case .badClassGroups(let g):
            return "class_groups \(g) must number the groups 0…G−1 (G ≥ 2) with every group used, e.g. [0, 2, 0, 2, 0, 1, 0, 1, 2, 1]"
        case .badSetting(let message):
            return message
        case let .streamTooLong(length, split, available):
            return "stream_length \(length) exceeds the \(available) images of the \(split) split; lower stream_length or raise task.validation_size / test_limit"
        }
    }
}
