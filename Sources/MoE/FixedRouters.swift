import Tensor
import NN

/// A router with no parameters and no gradient (hash, random, dense reference, domain oracle):
/// it declares nothing, binds nothing, has a no-op backward and costs no multiply-accumulates
/// (hashing, drawing or reading a label is not a MAC).
public protocol ParameterFreeRouter: Router {}

extension ParameterFreeRouter {
    public func declareParameters(into list: inout [(name: String, shape: [Int])]) {}
    public func bind(to table: ParameterTable) throws {}
    public func initializeParameters<G: RandomNumberGenerator>(using generator: inout G) {}
    public func backward(dinputs: UnsafeMutableBufferPointer<Float>?, dprobabilities: UnsafeBufferPointer<Float>,
                         inputs: UnsafeBufferPointer<Float>, batch: Int) {}
    public var multiplyAccumulatesPerSample: Int { 0 }
}

/// Hash routing (Roller et al. 2021): a fixed expert per input, from a stable hash of its bytes.
///
///     h = FNV-1a-64(bit patterns of x[b,0..<D], little-endian) mod E;   indices[b,·] = h, h+1, …, h+k−1 (mod E)
///     probabilities[b,e] = 1/k on those experts, 0 elsewhere
///
/// No parameters and no gradient: a baseline that balances load without learning anything.
public final class HashRouter: ParameterFreeRouter {
    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let decision: RoutingDecision

    public init(inputSize D: Int, experts E: Int, topK k: Int, maxBatch: Int) {
        precondition(D > 0, "HashRouter inputSize must be > 0, got \(D)")
        inputSize = D
        experts = E
        topK = k
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch)
    }

    /// FNV-1a, 64-bit, over the four little-endian bytes of each Float's bit pattern.
    public static func inputHash(_ row: UnsafeBufferPointer<Float>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in row {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) {
                hash ^= UInt64((bits >> UInt32(shift)) & 0xff)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        precondition(B > 0 && B <= decision.maxBatch, "HashRouter batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts, D = inputSize
        for b in 0..<B {
            let h = Int(Self.inputHash(UnsafeBufferPointer(rebasing: inputs[(b * D)..<((b + 1) * D)])) % UInt64(E))
            decision.routeEvenly(row: b, toConsecutiveFrom: h)
        }
        decision.finish(batch: B)
    }
}

/// Random routing: k distinct experts drawn uniformly per input (a partial Fisher–Yates shuffle
/// with `uniformInt`), in training and inference alike; probabilities 1/k on them. A baseline with
/// no parameters and no gradient; the experts are listed in draw order.
public final class RandomRouter: ParameterFreeRouter {
    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let decision: RoutingDecision
    private let permutation: UnsafeMutableBufferPointer<Int32>

    public init(inputSize D: Int, experts E: Int, topK k: Int, maxBatch: Int) {
        precondition(D > 0, "RandomRouter inputSize must be > 0, got \(D)")
        inputSize = D
        experts = E
        topK = k
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch)
        permutation = .allocate(capacity: E)
        permutation.initialize(repeating: 0)
    }

    deinit { permutation.deallocate() }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        precondition(B > 0 && B <= decision.maxBatch, "RandomRouter batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts, k = topK
        for b in 0..<B {
            for e in 0..<E { permutation[e] = Int32(e); decision.probabilities[b * E + e] = 0 }
            for j in 0..<k {
                // swap slot j with a uniform slot in j..<E
                let r = j + generator.uniformInt(below: E - j)
                permutation.swapAt(j, r)
                decision.indices[b * k + j] = permutation[j]
                decision.probabilities[b * E + Int(permutation[j])] = 1 / Float(k)
            }
        }
        decision.finish(batch: B)
    }
}

/// The dense reference: every input goes to all E experts with weight 1/E (k = E), the
/// compute-unlimited upper bound sparse routing is compared against. No parameters.
public final class DenseReferenceRouter: ParameterFreeRouter {
    public let inputSize: Int
    public let experts: Int
    public var topK: Int { experts }
    public let decision: RoutingDecision

    public init(inputSize D: Int, experts E: Int, maxBatch: Int) {
        precondition(D > 0, "DenseReferenceRouter inputSize must be > 0, got \(D)")
        inputSize = D
        experts = E
        decision = RoutingDecision(experts: E, topK: E, maxBatch: maxBatch)
    }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        precondition(B > 0 && B <= decision.maxBatch, "DenseReferenceRouter batch must be in 1...\(decision.maxBatch), got \(B)")
        let E = experts
        for b in 0..<B {
            for e in 0..<E {
                decision.probabilities[b * E + e] = 1 / Float(E)
                decision.indices[b * E + e] = Int32(e)
            }
        }
        decision.finish(batch: B)
    }
}

/// The domain oracle: routes every input by the domain it was drawn from, which the caller
/// supplies with `setDomains` before each forward pass (the input alone does not say it). The
/// upper reference of a routed benchmark: each domain gets its own experts from the first step.
///
///     indices[b,j] = (d_b·k + j) mod E;   probabilities[b,e] = 1/k on those experts, 0 elsewhere
///
/// With E ≥ K·k no two domains share an expert. No parameters and no gradient.
public final class DomainOracleRouter: ParameterFreeRouter {
    public let inputSize: Int
    public let experts: Int
    public let topK: Int
    public let decision: RoutingDecision
    /// The domain of each row of the next forward pass [maxBatch].
    private let domains: UnsafeMutableBufferPointer<Int32>

    public init(inputSize D: Int, experts E: Int, topK k: Int, maxBatch: Int) {
        precondition(D > 0, "DomainOracleRouter inputSize must be > 0, got \(D)")
        inputSize = D
        experts = E
        topK = k
        decision = RoutingDecision(experts: E, topK: k, maxBatch: maxBatch)
        domains = .allocate(capacity: maxBatch)
        domains.initialize(repeating: -1)
    }

    deinit { domains.deallocate() }

    /// Sets the domains of the next `batch` rows (row b of the next forward pass is domain[b]).
    public func setDomains(_ domain: UnsafeBufferPointer<Int32>) {
        precondition(domain.count <= decision.maxBatch, "DomainOracleRouter: \(domain.count) domains for at most \(decision.maxBatch) rows")
        for b in 0..<domain.count { domains[b] = domain[b] }
    }

    public func forward<G: RandomNumberGenerator>(inputs: UnsafeBufferPointer<Float>, batch B: Int, training: Bool,
                                                  generator: inout G) {
        precondition(B > 0 && B <= decision.maxBatch, "DomainOracleRouter batch must be in 1...\(decision.maxBatch), got \(B)")
        let k = topK
        for b in 0..<B {
            let d = Int(domains[b])
            precondition(d >= 0, "DomainOracleRouter: row \(b) has no domain; call setDomains before forward")
            // indices[b,j] = (d·k + j) mod E
            decision.routeEvenly(row: b, toConsecutiveFrom: d * k)
        }
        decision.finish(batch: B)
    }
}

extension RoutingDecision {
    /// Row b goes to the k experts first, first+1, … (mod E), each with probability 1/k, 0 elsewhere.
    func routeEvenly(row b: Int, toConsecutiveFrom first: Int) {
        let E = experts, k = topK
        for e in 0..<E { probabilities[b * E + e] = 0 }
        for j in 0..<k {
            let e = (first + j) % E
            indices[b * k + j] = Int32(e)
            probabilities[b * E + e] = 1 / Float(k)
        }
    }
}
