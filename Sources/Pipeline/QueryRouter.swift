import Foundation
import MoE
import NN
import Spiking
import Tensor

/// Which gate routes requests: the routing suite's softmax gate or its spiking (LIF) gate, or a
/// reference without parameters: `oracle` (all weight on the request's labelled domain, the
/// ceiling), `uniform` (1/E everywhere, so self-assessment decides alone) and `random` (all
/// weight on a domain drawn uniformly per request, the chance floor).
public enum QueryRouterKind: String, CaseIterable, Codable, Sendable {
    case softmax
    case spiking
    case oracle
    case uniform
    case random

    /// Whether the kind has parameters to train.
    public var isLearned: Bool { self == .softmax || self == .spiking }
}

/// The learned gate of the request pipeline: one of MoE's routers (the same `SoftmaxGate` and
/// `SpikingGate` the routing suite measures, not a copy) over the query vector, with one output
/// per `ExpertDomain`, trained supervised on labelled requests:
///
///     p = router(x)                  (softmax(z) or softmax(spike counts / τ))
///     L = −(1/B) Σ_b log p[b, y_b];   ∂L/∂p[b, y_b] = −1 / (B · p[b, y_b])
///
/// The gradient reaches the router's parameters through its own backward (for the spiking gate
/// through the surrogate spike derivative). Adam, mini-batches drawn from a seeded generator.
public final class QueryRouter {
    public let kind: QueryRouterKind
    /// The MoE gate (nil for the references).
    public let router: Router?
    public let parameters: ParameterTable
    public let inputSize: Int
    public let experts = ExpertDomain.allCases.count
    private let maxBatch: Int
    /// Routers draw noise only in training; inference passes this fixed generator.
    private var inferenceGenerator = Philox4x32_10(key: (0, 0))
    /// The random reference's draws.
    private var referenceGenerator: Philox4x32_10
    private var dprobabilities: [Float]

    /// `spikingTimeSteps` and `spikingPopulation` size the LIF populations (spiking only).
    public init(kind: QueryRouterKind, inputSize D: Int, maxBatch: Int = 64, spikingTimeSteps: Int = 4,
                spikingPopulation: Int = 4, rng: inout Philox4x32_10) {
        let E = ExpertDomain.allCases.count
        self.kind = kind
        self.maxBatch = maxBatch
        inputSize = D
        switch kind {
        case .softmax:
            router = SoftmaxGate(inputSize: D, experts: E, topK: 1, maxBatch: maxBatch)
        case .spiking:
            router = SpikingGate(inputSize: D, experts: E, topK: 1, population: spikingPopulation, timeSteps: spikingTimeSteps,
                                 maxBatch: maxBatch)
        case .oracle, .uniform, .random:
            router = nil
        }
        var list: [(name: String, shape: [Int])] = []
        router?.declareParameters(into: &list)
        parameters = ParameterTable(list)
        if let router {
            do { try router.bind(to: parameters) } catch { preconditionFailure("QueryRouter: \(error)") }
            router.initializeParameters(using: &rng)
        }
        referenceGenerator = Philox4x32_10(key: (rng.nextWord(), 0x7A11))
        dprobabilities = [Float](repeating: 0, count: maxBatch * E)
    }

    /// Trains on `vectors` (N rows of D floats) with labels (domain indices) for `epochs`
    /// passes of shuffled mini-batches; returns each epoch's mean cross-entropy.
    @discardableResult
    public func train(vectors: [Float], labels: [Int32], epochs: Int, batch: Int, learningRate: Float,
                      rng: inout Philox4x32_10) -> [Double] {
        let D = inputSize, E = experts, N = labels.count
        guard let router else { return [] }
        precondition(vectors.count == N * D && batch > 0 && batch <= maxBatch, "QueryRouter.train: \(vectors.count) floats for \(N)×\(D), batch \(batch)")
        var adam = Adam(learningRate: learningRate)
        var order = Array(0..<N)
        var x = [Float](repeating: 0, count: batch * D)
        var losses: [Double] = []
        for _ in 0..<epochs {
            rng.shuffle(&order)
            var total = 0.0
            var start = 0
            while start < N {
                let B = min(batch, N - start)
                for r in 0..<B { for j in 0..<D { x[r * D + j] = vectors[order[start + r] * D + j] } }
                parameters.zeroGrads()
                x.withUnsafeBufferPointer { xs in
                    router.forward(inputs: xs, batch: B, training: true, generator: &rng)
                    for i in 0..<(B * E) { dprobabilities[i] = 0 }
                    for r in 0..<B {
                        let y = Int(labels[order[start + r]])
                        let p = max(router.decision.probabilities[r * E + y], 1e-12)
                        total += -Double(logf(p))
                        dprobabilities[r * E + y] = -1 / (Float(B) * p)
                    }
                    dprobabilities.withUnsafeBufferPointer { dp in
                        router.backward(dinputs: nil, dprobabilities: UnsafeBufferPointer(rebasing: dp[0..<(B * E)]),
                                        inputs: xs, batch: B)
                    }
                }
                adam.step(parameters)
                start += B
            }
            losses.append(total / Double(max(N, 1)))
        }
        return losses
    }

    /// The gate's reading of one query: its probability per domain and, for the spiking gate,
    /// each population's spike count. The oracle reads `label` (uniform when it is nil).
    public func read(_ vector: [Float], label: ExpertDomain? = nil) -> GateReading {
        precondition(vector.count == inputSize, "QueryRouter.read: \(vector.count) floats, expected D = \(inputSize)")
        let E = experts
        guard let router else {
            var p = [Double](repeating: kind == .uniform ? 1 / Double(E) : 0, count: E)
            switch kind {
            case .oracle:
                if let label { p[label.index] = 1 } else { p = [Double](repeating: 1 / Double(E), count: E) }
            case .random:
                p[referenceGenerator.uniformInt(below: E)] = 1
            case .uniform, .softmax, .spiking:
                break
            }
            return GateReading(probabilities: p, spikeCounts: nil)
        }
        vector.withUnsafeBufferPointer { router.forward(inputs: $0, batch: 1, training: false, generator: &inferenceGenerator) }
        let decision = router.decision
        return GateReading(probabilities: (0..<E).map { Double(decision.probabilities[$0]) },
                           spikeCounts: decision.spikeCounts.map { counts in (0..<E).map { Double(counts[$0]) } })
    }
}

/// The learned gate's output for one request.
public struct GateReading: Sendable, Codable, Equatable {
    /// p per domain, in `ExpertDomain.allCases` order.
    public var probabilities: [Double]
    /// Spike count per domain's population (spiking gate only).
    public var spikeCounts: [Double]?
}
