import Tensor
import MoE
import HarnessConfig
import HarnessStore

/// The order in which the online router meets images, and which expert index is correct for
/// each one before and after the domain shift.
///
/// The router picks an index i in 0..<G; index i calls expert `expert(atIndex: i, step:)`. Before
/// the midpoint that is expert i; from the midpoint on (`shift: rotate`) it is expert (i + 1) mod G,
/// so a group-g input needs index (g − 1) mod G and everything learned about "which index" is
/// wrong at once, while the experts themselves stay the same.
struct RoutingStream: Equatable {
    /// Positions into the stream's image set, in presentation order.
    let order: [Int]
    /// Group of each stream sample (the expert that knows its class).
    let groups: [Int]
    let groupCount: Int
    /// First step of the shifted half; `order.count` when there is no shift.
    let shiftStep: Int
    let rotates: Bool

    /// Draws `length` images without replacement from `labels` (Fisher–Yates on `rng`).
    init<G: RandomNumberGenerator>(labels: [Int32], classGroups: [Int], length: Int, rotates: Bool, shifts: Bool? = nil, rng: inout G) {
        precondition(length >= 2 && length <= labels.count, "RoutingStream: length \(length) must be in 2...\(labels.count)")
        var all = Array(0..<labels.count)
        // Partial Fisher–Yates: the first `length` entries are a uniform sample in random order.
        for i in 0..<length {
            let j = i + rng.uniformInt(below: all.count - i)
            all.swapAt(i, j)
        }
        self.init(order: Array(all.prefix(length)), labels: labels, classGroups: classGroups, rotates: rotates, shifts: shifts)
    }

    /// `shifts` (default: `rotates`) puts a shift at the midpoint; `rotates` says whether the index
    /// → expert map rotates there (an input shift changes the contexts instead, see the experiment).
    init(order: [Int], labels: [Int32], classGroups: [Int], rotates: Bool, shifts: Bool? = nil) {
        self.order = order
        self.groups = order.map { classGroups[Int(labels[$0])] }
        self.groupCount = (classGroups.max() ?? 0) + 1
        self.rotates = rotates
        self.shiftStep = (shifts ?? rotates) ? order.count / 2 : order.count
    }

    var count: Int { order.count }

    /// The expert that router index `index` calls at `step`.
    func expert(atIndex index: Int, step: Int) -> Int {
        rotates && step >= shiftStep ? (index + 1) % groupCount : index
    }

    /// The index the router must choose at `step` (the one that calls the sample's group expert).
    func correctIndex(step: Int) -> Int {
        let g = groups[step]
        return rotates && step >= shiftStep ? (g + groupCount - 1) % groupCount : g
    }
}

/// Learning-curve arithmetic over a stream of 0/1 outcomes, kept apart from the loop so that
/// tests can check it on hand-made sequences.
enum StreamCurves {
    /// Mean of `values` over consecutive blocks of `window` (the last block may be shorter);
    /// returns (samples seen at the block's end, mean).
    static func blockMeans(_ values: [Double], window: Int) -> [(step: Int, value: Double)] {
        precondition(window > 0, "blockMeans: window must be > 0")
        var out: [(Int, Double)] = []
        var start = 0
        while start < values.count {
            let end = min(start + window, values.count)
            var sum = 0.0
            for i in start..<end { sum += values[i] }
            out.append((end, sum / Double(end - start)))
            start = end
        }
        return out
    }

    /// Samples needed, counted from `range.lowerBound`, until the trailing `window` outcomes
    /// (all inside `range`) first average at least `threshold`: the smallest n ≥ window with
    /// mean(values[lo + n − window ..< lo + n]) ≥ threshold. NaN if that never happens.
    static func samplesToReach(_ values: [Double], threshold: Double, window: Int, in range: Range<Int>) -> Double {
        precondition(window > 0 && range.lowerBound >= 0 && range.upperBound <= values.count, "samplesToReach: bad window or range")
        guard range.count >= window else { return .nan }
        var sum = 0.0
        for i in range.lowerBound..<(range.lowerBound + window) { sum += values[i] }
        // sliding sum over [end − window, end)
        var end = range.lowerBound + window
        while true {
            if sum >= threshold * Double(window) - 1e-9 { return Double(end - range.lowerBound) }
            guard end < range.upperBound else { return .nan }
            sum += values[end] - values[end - window]
            end += 1
        }
    }

    /// Running Σ (oracle − obtained) reward: regret_t = Σ_{s ≤ t} (r*_s − r_s).
    static func cumulativeRegret(obtained: [Double], oracle: [Double]) -> [Double] {
        precondition(obtained.count == oracle.count, "cumulativeRegret: \(obtained.count) obtained vs \(oracle.count) oracle rewards")
        var total = 0.0
        return zip(oracle, obtained).map { total += $0 - $1; return total }
    }
}
