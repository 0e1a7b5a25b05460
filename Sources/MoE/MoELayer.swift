import NN
import Tensor

/// A mixture-of-experts layer:
///
///     y[b] = Σ_{j<k} keep[b,j] · w[b,j] · expert_{i[b,j]}(x[b])        (routed)
///     y[b] = Σ_{e<E} p[b,e] · expert_e(x[b])                             (soft mixture, see `routedLearning`)
///
/// Shapes: x [B,D], y [B,D_out], router decision p [B,E], i and w [B,k], keep [B,k] ∈ {0,1}.
///
/// Two execution paths give the same numbers (up to BLAS rounding on different row counts):
/// `.dense` runs every expert on the whole batch, then gathers each row's k outputs (the
/// reference); `.sparse` gathers each expert's assigned rows, runs it on those only and
/// scatter-adds the weighted outputs back (what a real deployment does; k/E of the expert work).
///
/// Capacity (optional factor c): each expert takes at most ⌈c·B·k/E⌉ assignments per batch,
/// claimed in batch order (row b before b+1, and within a row slot 0 before slot 1); the rest are
/// dropped (keep = 0, contribute zero, get no gradient) and counted in `droppedAssignments`.
///
/// `routedLearning`:
/// - true: training runs exactly what inference runs (top-k, capacity), so only the chosen experts
///   get gradient, each scaled by its combine weight;
/// - false: TRAINING is the soft mixture over all E experts weighted by the router's full
///   probabilities (no top-k, no capacity), so every expert gets gradient ∝ p[b,e]; inference
///   (`training: false`) still routes to the top k. For routers whose probabilities are zero
///   outside the top k (noisy, hash, random) the two coincide apart from renormalisation.
public final class MoELayer {
    public enum Dispatch: String, CaseIterable, Sendable {
        case dense, sparse
    }

    public let router: any Router
    public let experts: [any Expert]
    public let inputSize: Int
    public let outputSize: Int
    public let maxBatch: Int
    public var dispatch: Dispatch
    public var capacityFactor: Float?
    public var routedLearning: Bool
    public var loadBalancing: LoadBalancingLoss
    /// Assignments dropped for lack of capacity in the last forward pass.
    public private(set) var droppedAssignments = 0
    /// Kept assignments per expert in the last routed forward pass [E].
    public private(set) var assignmentCounts: [Int]
    /// Whether the last forward pass was the soft mixture (training with `routedLearning` false).
    public private(set) var lastForwardWasSoftMixture = false
    /// Threads for the sparse path's experts; nil: the kernels' count (OpenBLAS's, see
    /// `KernelParallel`). Outputs and gradients do not depend on it: tests set it to compare counts.
    public var threadCount: Int?

    private let workspace: Workspace
    /// Per expert: outputs [maxBatch,D_out] and gathered inputs [maxBatch,D] (sparse path).
    private let expertOutputs: [UnsafeMutableBufferPointer<Float>]
    private let gatheredInputs: [UnsafeMutableBufferPointer<Float>]
    /// Per expert, scratch for its backward: dout [maxBatch,D_out] and dinp [maxBatch,D] (one
    /// each, so experts can run their backward passes at the same time).
    private let expertDout, expertDinp: [UnsafeMutableBufferPointer<Float>]
    /// keep and dL/dweights [maxBatch,k]; dL/dprobabilities [maxBatch,E].
    private let keep, dweights, dprobabilities: UnsafeMutableBufferPointer<Float>
    /// Per expert, the slots b·k + j it serves, in batch order [E][maxBatch].
    private let assignments: UnsafeMutableBufferPointer<Int32>

    public init(router: any Router, experts: [any Expert], maxBatch: Int, dispatch: Dispatch = .sparse,
                capacityFactor: Float? = nil, routedLearning: Bool = true, loadBalancing: LoadBalancingLoss = .none) {
        let E = router.experts, k = router.topK
        precondition(experts.count == E, "MoELayer: the router chooses among \(E) experts but \(experts.count) were given")
        precondition(maxBatch > 0 && maxBatch <= router.decision.maxBatch,
                     "MoELayer maxBatch \(maxBatch) must be in 1...\(router.decision.maxBatch) (the router's)")
        let D = router.inputSize
        let outputSize = experts.first?.outputSize ?? 0
        precondition(experts.allSatisfy { $0.inputSize == D && $0.outputSize == outputSize },
                     "MoELayer: every expert must map the router's input width \(D) to the same output width")
        if let capacityFactor { precondition(capacityFactor > 0, "MoELayer capacityFactor must be > 0, got \(capacityFactor)") }
        self.router = router
        self.experts = experts
        inputSize = D
        self.outputSize = outputSize
        self.maxBatch = maxBatch
        self.dispatch = dispatch
        self.capacityFactor = capacityFactor
        self.routedLearning = routedLearning
        self.loadBalancing = loadBalancing
        assignmentCounts = [Int](repeating: 0, count: E)
        workspace = Workspace(count: 2 * E * maxBatch * (outputSize + D) + 2 * maxBatch * k + maxBatch * E)
        let ws = workspace
        expertOutputs = (0..<E).map { _ in ws.carve(maxBatch * outputSize) }
        gatheredInputs = (0..<E).map { _ in ws.carve(maxBatch * D) }
        expertDout = (0..<E).map { _ in ws.carve(maxBatch * outputSize) }
        expertDinp = (0..<E).map { _ in ws.carve(maxBatch * D) }
        keep = ws.carve(maxBatch * k)
        dweights = ws.carve(maxBatch * k)
        dprobabilities = ws.carve(maxBatch * E)
        assignments = .allocate(capacity: E * maxBatch)
        assignments.initialize(repeating: 0)
    }

    deinit { assignments.deallocate() }

    public var decision: RoutingDecision { router.decision }

    /// The router's parameters, then each expert's, in expert order.
    public func declareParameters(into list: inout [(name: String, shape: [Int])]) {
        router.declareParameters(into: &list)
        for expert in experts { expert.declareParameters(into: &list) }
    }

    public func bind(to table: ParameterTable) throws {
        try router.bind(to: table)
        for expert in experts { try expert.bind(to: table) }
    }

    /// Router first, then experts in order, all from the one generator.
    public func initializeParameters<G: RandomNumberGenerator>(using generator: inout G) {
        router.initializeParameters(using: &generator)
        for expert in experts { expert.initializeParameters(using: &generator) }
    }

    /// y = MoE(x) for `B` rows; returns the load-balancing loss of the routing decision.
    @discardableResult
    public func forward<G: RandomNumberGenerator>(out: UnsafeMutableBufferPointer<Float>, inp: UnsafeBufferPointer<Float>,
                                                  B: Int, training: Bool, generator: inout G) throws -> Float {
        precondition(B > 0 && B <= maxBatch, "MoELayer batch must be in 1...\(maxBatch), got \(B)")
        precondition(out.count >= B * outputSize && inp.count >= B * inputSize, "MoELayer.forward: buffers hold fewer than B=\(B) rows")
        let E = router.experts, k = router.topK, D = inputSize, O = outputSize
        let x = prefix(inp, B * D), y = prefix(out, B * O)
        router.forward(inputs: x, batch: B, training: training, generator: &generator)
        let p = decision.probabilities, w = decision.weights, idx = decision.indices
        y.update(repeating: 0)
        lastForwardWasSoftMixture = training && !routedLearning
        if lastForwardWasSoftMixture {
            droppedAssignments = 0
            for e in 0..<E {
                experts[e].forward(out: prefix(expertOutputs[e], B * O), inp: x, B: B)
                // y[b] += p[b,e] · expert_e(x[b])
                for b in 0..<B { addScaledRow(y, b, expertOutputs[e], b, p[b * E + e], O) }
            }
            return try loadBalancing.forward(router: router)
        }
        assign(B: B, E: E, k: k)
        switch dispatch {
        case .dense:
            for e in 0..<E { experts[e].forward(out: prefix(expertOutputs[e], B * O), inp: x, B: B) }
            // y[b] += keep·w[b,j] · expert_{i[b,j]}(x[b])
            for b in 0..<B {
                for j in 0..<k where keep[b * k + j] != 0 {
                    addScaledRow(y, b, expertOutputs[Int(idx[b * k + j])], b, w[b * k + j], O)
                }
            }
        case .sparse:
            // Each expert on its own gathered rows, into its own buffers: independent of the others.
            forEachExpert(B: B) { e in
                let n = assignmentCounts[e]
                if n == 0 { return }
                let gathered = gatheredInputs[e]
                for r in 0..<n {
                    let b = Int(assignments[e * maxBatch + r]) / k
                    for d in 0..<D { gathered[r * D + d] = inp[b * D + d] }
                }
                experts[e].forward(out: prefix(expertOutputs[e], n * O), inp: prefix(UnsafeBufferPointer(gathered), n * D), B: n)
            }
            // Combined in expert order, whatever ran them: the same sums in the same order.
            for e in 0..<E {
                for r in 0..<assignmentCounts[e] {
                    let slot = Int(assignments[e * maxBatch + r])
                    addScaledRow(y, slot / k, expertOutputs[e], r, w[slot], O)
                }
            }
        }
        return try loadBalancing.forward(router: router)
    }

    /// Backward of `forward` (same `inp` and `B`): adds into the experts' and router's grads,
    /// and into `dinp` when given (from the experts and from the router).
    public func backward(dinp: UnsafeMutableBufferPointer<Float>?, dout: UnsafeBufferPointer<Float>,
                         inp: UnsafeBufferPointer<Float>, B: Int) throws {
        let E = router.experts, k = router.topK, D = inputSize, O = outputSize
        let x = prefix(inp, B * D)
        let dx = dinp.map { prefix($0, B * D) }
        let p = decision.probabilities, w = decision.weights, idx = decision.indices
        let dp = prefix(dprobabilities, B * E)
        dp.update(repeating: 0)
        if lastForwardWasSoftMixture {
            for e in 0..<E {
                let g = prefix(expertDout[0], B * O)
                for b in 0..<B {
                    // "y[b] += p[b,e] · out_e[b]"  ⇒  dp[b,e] += ⟨dy[b], out_e[b]⟩,  dout_e[b] = p[b,e] · dy[b]
                    dp[b * E + e] += rowDot(dout, b, expertOutputs[e], b, O)
                    for o in 0..<O { g[b * O + o] = p[b * E + e] * dout[b * O + o] }
                }
                experts[e].backward(dinp: dx, dout: UnsafeBufferPointer(g), inp: x, B: B)
            }
        } else {
            let dw = prefix(dweights, B * k)
            dw.update(repeating: 0)
            switch dispatch {
            case .dense:
                for e in 0..<E where assignmentCounts[e] > 0 {
                    let g = prefix(expertDout[0], B * O)
                    g.update(repeating: 0)
                    for b in 0..<B {
                        for j in 0..<k where Int(idx[b * k + j]) == e && keep[b * k + j] != 0 {
                            // "y[b] += w[b,j] · out_e[b]"  ⇒  dw[b,j] = ⟨dy[b], out_e[b]⟩,  dout_e[b] += w[b,j] · dy[b]
                            dw[b * k + j] += rowDot(dout, b, expertOutputs[e], b, O)
                            for o in 0..<O { g[b * O + o] += w[b * k + j] * dout[b * O + o] }
                        }
                    }
                    experts[e].backward(dinp: dx, dout: UnsafeBufferPointer(g), inp: x, B: B)
                }
            case .sparse:
                // Each expert writes its own grads, its own scratch and the dw entries of its own
                // slots (every slot has one expert): independent of the others.
                let wantsDinp = dx != nil
                forEachExpert(B: B) { e in
                    let n = assignmentCounts[e]
                    if n == 0 { return }
                    let g = prefix(expertDout[e], n * O)
                    for r in 0..<n {
                        let slot = Int(assignments[e * maxBatch + r]), b = slot / k
                        dw[slot] += rowDot(dout, b, expertOutputs[e], r, O)
                        for o in 0..<O { g[r * O + o] = w[slot] * dout[b * O + o] }
                    }
                    let gx = prefix(expertDinp[e], n * D)
                    if wantsDinp { gx.update(repeating: 0) }
                    experts[e].backward(dinp: wantsDinp ? gx : nil, dout: UnsafeBufferPointer(g),
                                        inp: prefix(UnsafeBufferPointer(gatheredInputs[e]), n * D), B: n)
                }
                if let dx {
                    // scatter-add the gathered rows' input gradient back to their batch rows, in expert order
                    for e in 0..<E {
                        let gx = expertDinp[e]
                        for r in 0..<assignmentCounts[e] {
                            let b = Int(assignments[e * maxBatch + r]) / k
                            for d in 0..<D { dx[b * D + d] += gx[r * D + d] }
                        }
                    }
                }
            }
            topKWeightsBackward(dprobabilities: dp, dweights: UnsafeBufferPointer(dw), probabilities: UnsafeBufferPointer(p),
                                indices: UnsafeBufferPointer(idx), weights: UnsafeBufferPointer(w), B: B, E: E, k: k,
                                renormalize: decision.renormalizesWeights)
        }
        try loadBalancing.backward(dprobabilities: dp, router: router)
        router.backward(dinputs: dx, dprobabilities: UnsafeBufferPointer(dp), inputs: x, batch: B)
    }

    /// Runs `body(e)` for every expert: in order on one thread; with more threads (OpenBLAS's
    /// count, see `KernelParallel`) and at least `parallelAssignments` assignments, experts spread
    /// over the threads, each calling OpenBLAS with one thread — the count is process-wide, and
    /// two threads each asking for two would oversubscribe the cores. Small batches stay on one
    /// thread: waking a second costs more than half of their expert work.
    private func forEachExpert(B: Int, _ body: (Int) -> Void) {
        let threads = threadCount ?? KernelParallel.threads, E = experts.count
        if threads <= 1 || B * router.topK < Self.parallelAssignments {
            for e in 0..<E { body(e) }
            return
        }
        BLASThreads.with(1) { KernelParallel.forEach(E, threadCount: threads, body) }
    }

    /// Fewest routed assignments (batch × k) for which `forEachExpert` uses more than one thread.
    static let parallelAssignments = 64

    /// Fills keep, assignments and assignmentCounts from the decision, applying the capacity.
    private func assign(B: Int, E: Int, k: Int) {
        let capacity = capacityFactor.map { Self.capacity(factor: $0, batch: B, experts: E, topK: k) } ?? Int.max
        for e in 0..<E { assignmentCounts[e] = 0 }
        droppedAssignments = 0
        for b in 0..<B {
            for j in 0..<k {
                let e = Int(decision.indices[b * k + j])
                if assignmentCounts[e] < capacity {
                    assignments[e * maxBatch + assignmentCounts[e]] = Int32(b * k + j)
                    assignmentCounts[e] += 1
                    keep[b * k + j] = 1
                } else {
                    keep[b * k + j] = 0
                    droppedAssignments += 1
                }
            }
        }
    }

    /// ⌈c · B · k / E⌉ assignments per expert.
    public static func capacity(factor: Float, batch B: Int, experts E: Int, topK k: Int) -> Int {
        Int((factor * Float(B * k) / Float(E)).rounded(.up))
    }

    /// Routes one input row [D] in inference mode (no noise, no experts): the latency-critical
    /// "routing decision alone". No allocation.
    @discardableResult
    public func routeOnly<G: RandomNumberGenerator>(input: UnsafePointer<Float>, generator: inout G) -> RoutingDecision {
        router.forward(inputs: UnsafeBufferPointer(start: input, count: inputSize), batch: 1, training: false, generator: &generator)
        return router.decision
    }
}

/// y[yRow] += scale · src[srcRow], rows of width n.
@inline(__always)
private func addScaledRow(_ y: UnsafeMutableBufferPointer<Float>, _ yRow: Int,
                          _ src: UnsafeMutableBufferPointer<Float>, _ srcRow: Int, _ scale: Float, _ n: Int) {
    for o in 0..<n { y[yRow * n + o] += scale * src[srcRow * n + o] }
}

/// ⟨a[aRow], b[bRow]⟩ over rows of width n.
@inline(__always)
private func rowDot(_ a: UnsafeBufferPointer<Float>, _ aRow: Int,
                    _ b: UnsafeMutableBufferPointer<Float>, _ bRow: Int, _ n: Int) -> Float {
    var sum: Float = 0
    for o in 0..<n { sum += a[aRow * n + o] * b[bRow * n + o] }
    return sum
}
