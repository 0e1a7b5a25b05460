import Dispatch
import MicroExperts
import MoE
import NN
import Tensor

/// Seed 002's scaling target — routing cost linear in the number of experts up to 20 and more —
/// measured on the pipeline's own parts: E experts are E/4 instances of each domain expert (an
/// instance shares its expert's model, as the expert manager's instances do), the gate is MoE's
/// `SoftmaxGate` with E outputs over the query vector (untrained: its cost does not depend on its
/// weights), and one routing decision is the gate's forward pass, every instance's `canHandle`
/// and `QueryGate.rank` over the E scores.
public enum RoutingScaling {
    /// Mean seconds of one routing decision over `requests`, for each expert count in `counts`
    /// (each a multiple of 4).
    public static func measure(requests: [PipelineRequest], experts: [DomainExpert], encoder: QueryEncoder,
                               counts: [Int], rng: inout Philox4x32_10) -> [(experts: Int, seconds: Double)] {
        precondition(!experts.isEmpty && counts.allSatisfy { $0 > 0 && $0 % experts.count == 0 },
                     "RoutingScaling: every count must be a positive multiple of \(experts.count)")
        let vectors = requests.map { encoder.encode($0) }
        var result: [(experts: Int, seconds: Double)] = []
        for E in counts {
            let gate = SoftmaxGate(inputSize: encoder.dimension, experts: E, topK: 1, maxBatch: 1)
            var list: [(name: String, shape: [Int])] = []
            gate.declareParameters(into: &list)
            let table = ParameterTable(list)
            do { try gate.bind(to: table) } catch { preconditionFailure("RoutingScaling: \(error)") }
            gate.initializeParameters(using: &rng)
            let rule = QueryGate(topK: 2)
            let keys = Array(0..<E)
            var noise = Philox4x32_10(key: (0, 0))
            let started = DispatchTime.now().uptimeNanoseconds
            for (request, vector) in zip(requests, vectors) {
                vector.withUnsafeBufferPointer { gate.forward(inputs: $0, batch: 1, training: false, generator: &noise) }
                var gateScores: [Int: Double] = [:], selfScores: [Int: Double] = [:]
                for e in 0..<E {
                    gateScores[e] = Double(gate.decision.probabilities[e])
                    selfScores[e] = experts[e % experts.count].canHandle(request)
                }
                _ = rule.rank(keys, gate: gateScores, selfAssessment: selfScores)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            result.append((E, seconds / Double(max(requests.count, 1))))
        }
        return result
    }
}
