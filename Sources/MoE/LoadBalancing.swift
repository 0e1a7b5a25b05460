/// The auxiliary loss as named in a suite config (`load_balancing:`); raw values are the config
/// spelling. `LoadBalancingLoss(kind:coefficient:)` adds the coefficient.
public enum LoadBalancingKind: String, CaseIterable, Sendable {
    case none
    case `switch` = "switch"
    case switchAllSlots = "switch-all-slots"
    case variance
    case importanceLoad = "importance-load"
}

/// The auxiliary loss that keeps a router from sending everything to a few experts.
///
/// - `switchTransformer(alpha)` (Fedus et al. 2021): `α · E · Σ_i f_i · P_i`, with
///   f_i = (1/B) Σ_b 1[indices[b,0] = i] — the TOP-1 slot only, whatever k is — and
///   P_i = (1/B) Σ_b probabilities[b,i]. f is a count, so the gradient flows through P only.
/// - `switchAllSlots(alpha)`: the same loss with f_i = (1/(B·k)) Σ_b Σ_j 1[indices[b,j] = i], the
///   share of ALL k slots (the top-k form used by Mixtral-style implementations). With k = 2 the
///   top-1 form leaves the second slot unbalanced; this one balances what utilisation measures.
/// - `variance(coefficient)`: `c · Var_i(m_i)`, m_i = (1/B) Σ_b probabilities[b,i], the population
///   variance over experts of the mean routing probability (ALL of the distribution, no slots).
/// - `importanceAndLoad(importance, load)`: the noisy top-k gate's own losses (see
///   `NoisyTopKGate`); Importance sums G over every slot; any other router is a config error.
public enum LoadBalancingLoss: Equatable, Sendable {
    case none
    case switchTransformer(alpha: Float)
    case switchAllSlots(alpha: Float)
    case variance(coefficient: Float)
    case importanceAndLoad(importance: Float, load: Float)

    /// The loss `kind` names, with `coefficient` as its α (both weights for importance + load).
    public init(kind: LoadBalancingKind, coefficient alpha: Float) {
        switch kind {
        case .none: self = .none
        case .switch: self = .switchTransformer(alpha: alpha)
        case .switchAllSlots: self = .switchAllSlots(alpha: alpha)
        case .variance: self = .variance(coefficient: alpha)
        case .importanceLoad: self = .importanceAndLoad(importance: alpha, load: alpha)
        }
    }

    /// α = 0.01 as in the Switch Transformer paper.
    public static let switchDefault = LoadBalancingLoss.switchTransformer(alpha: 0.01)

    /// The loss for the router's last decision.
    public func forward(router: any Router) throws -> Float {
        let decision = router.decision
        let p = UnsafeBufferPointer(decision.probabilities)
        switch self {
        case .none:
            return 0
        case let .switchTransformer(alpha):
            return switchLoadBalancingLoss(probabilities: p, indices: UnsafeBufferPointer(decision.indices),
                                           B: decision.batch, E: decision.experts, k: decision.topK, alpha: alpha)
        case let .switchAllSlots(alpha):
            return switchLoadBalancingLoss(probabilities: p, indices: UnsafeBufferPointer(decision.indices),
                                           B: decision.batch, E: decision.experts, k: decision.topK, alpha: alpha,
                                           countedSlots: decision.topK)
        case let .variance(coefficient):
            return expertVarianceLoss(probabilities: p, B: decision.batch, E: decision.experts, coefficient: coefficient)
        case let .importanceAndLoad(importance, load):
            guard let gate = router as? NoisyTopKGate else { throw Self.needsNoisyGate(router) }
            return gate.importanceAndLoadLoss(importanceWeight: importance, loadWeight: load)
        }
    }

    /// Adds the loss's gradient into `dprobabilities` [B,E] (and, for the noisy gate's load
    /// loss, into the gate's own state; call before `router.backward`).
    public func backward(dprobabilities: UnsafeMutableBufferPointer<Float>, router: any Router) throws {
        let decision = router.decision
        let p = UnsafeBufferPointer(decision.probabilities)
        switch self {
        case .none:
            return
        case let .switchTransformer(alpha):
            switchLoadBalancingBackward(dprobabilities: dprobabilities, indices: UnsafeBufferPointer(decision.indices),
                                        B: decision.batch, E: decision.experts, k: decision.topK, alpha: alpha)
        case let .switchAllSlots(alpha):
            switchLoadBalancingBackward(dprobabilities: dprobabilities, indices: UnsafeBufferPointer(decision.indices),
                                        B: decision.batch, E: decision.experts, k: decision.topK, alpha: alpha,
                                        countedSlots: decision.topK)
        case let .variance(coefficient):
            expertVarianceBackward(dprobabilities: dprobabilities, probabilities: p,
                                   B: decision.batch, E: decision.experts, coefficient: coefficient)
        case let .importanceAndLoad(importance, load):
            guard let gate = router as? NoisyTopKGate else { throw Self.needsNoisyGate(router) }
            gate.importanceAndLoadBackward(dprobabilities: dprobabilities, importanceWeight: importance, loadWeight: load)
        }
    }

    private static func needsNoisyGate(_ router: any Router) -> MoEError {
        .invalidConfig(field: "loadBalancing", value: "importanceAndLoad with a \(type(of: router))",
                       expected: "the noisy top-k router, or switchTransformer / variance / none for other routers")
    }
}

/// Switch Transformer auxiliary loss, f from the first `countedSlots` slots (1: the top-1 slot
/// `indices[b,0]`, the paper's form; k: every slot):
///
///     f_i = (1/(B·s)) Σ_b Σ_{j<s} 1[indices[b,j] = i];   P_i = (1/B) Σ_b p[b,i];   loss = α · E · Σ_i f_i · P_i
///
/// Shapes: probabilities [B,E], indices [B,k]. A uniform router scores exactly α.
public func switchLoadBalancingLoss(
    probabilities: UnsafeBufferPointer<Float>, indices: UnsafeBufferPointer<Int32>,
    B: Int, E: Int, k: Int, alpha: Float, countedSlots s: Int = 1
) -> Float {
    precondition(B > 0 && probabilities.count >= B * E && indices.count >= B * k,
                 "switchLoadBalancingLoss: buffers hold fewer than B=\(B) rows")
    precondition((1...k).contains(s), "switchLoadBalancingLoss: countedSlots \(s) must be in 1...k = \(k)")
    // loss = α·E·Σ_i f_i P_i, one expert at a time (O(E·B·s), no scratch)
    var sum: Float = 0
    for i in 0..<E {
        var f: Float = 0, P: Float = 0
        for b in 0..<B {
            for j in 0..<s where Int(indices[b * k + j]) == i { f += 1 }
            P += probabilities[b * E + i]
        }
        sum += (f / Float(B * s)) * (P / Float(B))
    }
    return alpha * Float(E) * sum
}

/// Backward of `switchLoadBalancingLoss`; adds into `dprobabilities`.
///
/// Forward: `loss = α·E·Σ_i f_i P_i` with f constant, hence `dp[b,i] += α · E · f_i / B`.
public func switchLoadBalancingBackward(
    dprobabilities: UnsafeMutableBufferPointer<Float>, indices: UnsafeBufferPointer<Int32>,
    B: Int, E: Int, k: Int, alpha: Float, countedSlots s: Int = 1
) {
    precondition(B > 0 && dprobabilities.count >= B * E && indices.count >= B * k,
                 "switchLoadBalancingBackward: buffers hold fewer than B=\(B) rows")
    precondition((1...k).contains(s), "switchLoadBalancingBackward: countedSlots \(s) must be in 1...k = \(k)")
    for i in 0..<E {
        var f: Float = 0
        for b in 0..<B {
            for j in 0..<s where Int(indices[b * k + j]) == i { f += 1 }
        }
        f /= Float(B * s)
        // dp[b,i] += α·E·f_i / B
        let step = alpha * Float(E) * f / Float(B)
        for b in 0..<B { dprobabilities[b * E + i] += step }
    }
}

/// The variance penalty: `c · (1/E) Σ_i (m_i − m̄)²`, m_i = (1/B) Σ_b p[b,i], m̄ = (1/E) Σ_i m_i.
public func expertVarianceLoss(probabilities: UnsafeBufferPointer<Float>, B: Int, E: Int, coefficient: Float) -> Float {
    precondition(B > 0 && probabilities.count >= B * E, "expertVarianceLoss: probabilities hold fewer than B=\(B) rows")
    var total: Float = 0
    for i in 0..<(B * E) { total += probabilities[i] }
    let grandMean = total / Float(B * E)
    var sum: Float = 0
    for i in 0..<E {
        var m: Float = 0
        for b in 0..<B { m += probabilities[b * E + i] }
        m /= Float(B)
        sum += (m - grandMean) * (m - grandMean)
    }
    return coefficient * sum / Float(E)
}

/// Backward of `expertVarianceLoss`; adds into `dprobabilities`.
///
/// Forward: `loss = c/E · Σ_i (m_i − m̄)²`, hence dloss/dm_i = 2c(m_i − m̄)/E (the m̄ terms cancel)
/// and `dp[b,i] += 2c(m_i − m̄) / (E·B)`.
public func expertVarianceBackward(
    dprobabilities: UnsafeMutableBufferPointer<Float>, probabilities: UnsafeBufferPointer<Float>,
    B: Int, E: Int, coefficient: Float
) {
    precondition(B > 0 && probabilities.count >= B * E && dprobabilities.count >= B * E,
                 "expertVarianceBackward: buffers hold fewer than B=\(B) rows")
    var total: Float = 0
    for i in 0..<(B * E) { total += probabilities[i] }
    let grandMean = total / Float(B * E)
    for i in 0..<E {
        var m: Float = 0
        for b in 0..<B { m += probabilities[b * E + i] }
        m /= Float(B)
        let d = 2 * coefficient * (m - grandMean) / Float(E * B)
        for b in 0..<B { dprobabilities[b * E + i] += d }
    }
}
