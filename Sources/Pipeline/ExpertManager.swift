/// Tracks each domain expert's record and load and ranks them by seed 002's formula, adding an
/// instance to an expert that is busy and doing well and retiring one that is idle.
///
///     success_rate ← (success_rate·(n − 1) + [answered]) / n        (seed 002, per request)
///     load = requests routed to the expert among the last `window`, per instance
///     rank = 0.5·success_rate + 0.3·(1 − load/maxLoad) + 0.2·(1 / latency_s)
///
/// The seed's latency term is 1 / (mean latency in seconds), unbounded as latency falls (a 1 ms
/// expert scores 200 on it), so with millisecond experts it dominates the rank; kept as written
/// and reported as such. Scaling: an expert with load > 0.8·maxLoad and rank > 0.8 gets another
/// instance (load is then shared); one with load < 0.2·maxLoad and more than one instance loses
/// one. Instances of one expert share its model: they divide load, not weights.
public struct ExpertManager: Sendable, Codable, Equatable {
    public struct Record: Sendable, Codable, Equatable {
        public var requests = 0
        public var successRate = 1.0
        public var meanLatencySeconds = 0.0
        public var instances = 1
    }

    public let window: Int
    public let maximumLoad: Int
    public private(set) var records: [ExpertDomain: Record]
    /// The domains the last `window` requests were routed to, oldest first.
    public private(set) var recent: [ExpertDomain] = []
    public private(set) var instancesAdded = 0
    public private(set) var instancesRetired = 0

    public init(window: Int = 20, maximumLoad: Int = 10) {
        precondition(window > 0 && maximumLoad > 0, "ExpertManager needs window and maximumLoad > 0")
        self.window = window
        self.maximumLoad = maximumLoad
        records = Dictionary(uniqueKeysWithValues: ExpertDomain.allCases.map { ($0, Record()) })
    }

    /// Requests among the last `window` routed to `domain`, divided by its instances (rounded up).
    public func load(of domain: ExpertDomain) -> Int {
        let count = recent.filter { $0 == domain }.count
        let instances = records[domain]?.instances ?? 1
        return (count + instances - 1) / instances
    }

    public var loads: [ExpertDomain: Int] {
        Dictionary(uniqueKeysWithValues: ExpertDomain.allCases.map { ($0, load(of: $0)) })
    }

    /// Records that `domain` was asked, whether it answered, and how long it took.
    public mutating func record(domain: ExpertDomain, answered: Bool, latencySeconds: Double) {
        var r = records[domain] ?? Record()
        r.requests += 1
        let n = Double(r.requests)
        r.successRate = (r.successRate * (n - 1) + (answered ? 1 : 0)) / n
        r.meanLatencySeconds += (latencySeconds - r.meanLatencySeconds) / n
        records[domain] = r
    }

    /// Notes the request's primary routing choice (the load window).
    public mutating func routed(to domain: ExpertDomain) {
        recent.append(domain)
        if recent.count > window { recent.removeFirst(recent.count - window) }
    }

    /// Seed 002's rank of each expert (higher is better).
    public func ranking() -> [ExpertDomain: Double] {
        var result: [ExpertDomain: Double] = [:]
        for d in ExpertDomain.allCases {
            let r = records[d] ?? Record()
            let latencyTerm = r.meanLatencySeconds > 0 ? 1 / r.meanLatencySeconds : 0
            result[d] = 0.5 * r.successRate + 0.3 * (1 - Double(load(of: d)) / Double(maximumLoad)) + 0.2 * latencyTerm
        }
        return result
    }

    /// Adds or retires instances by the rule above; call after each request.
    public mutating func scale() {
        let ranks = ranking()
        for d in ExpertDomain.allCases {
            guard var r = records[d] else { continue }
            let load = Double(load(of: d)), cap = Double(maximumLoad)
            if load > 0.8 * cap, (ranks[d] ?? 0) > 0.8 {
                r.instances += 1
                instancesAdded += 1
            } else if load < 0.2 * cap, r.instances > 1 {
                r.instances -= 1
                instancesRetired += 1
            }
            records[d] = r
        }
    }
}
