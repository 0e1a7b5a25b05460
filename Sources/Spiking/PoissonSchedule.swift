import Foundation
import Tensor

/// The input spikes of one presentation of a Poisson-rate-coded image, grouped by time step.
///
/// Why a schedule rather than a draw per input and step: Brian's `PoissonGroup` fires input i at
/// step t with probability p_i = rate_i·dt, independently. Drawing that for 784 inputs × 700 steps
/// costs 550 000 random numbers per image although MNIST fires about 2 300 spikes. The gaps
/// between an input's spikes under that rule are geometric, so drawing the gaps directly gives
/// the same distribution with one draw per spike (and none for the ~80 % of pixels that are 0).
public struct PoissonSchedule: Sendable, Equatable {
    /// Number of time steps the schedule covers.
    public let steps: Int
    /// `offsets[t]..<offsets[t + 1]` indexes `inputs` for the spikes of step t (steps + 1 values).
    public private(set) var offsets: [Int32]
    /// The input index of every spike, step after step; within a step in increasing input order.
    public private(set) var inputs: [Int32]

    /// Draws the spikes of inputs firing with probabilities `probabilities` per step.
    ///
    /// Per input with 0 < p < 1, from s = −1:
    ///     s ← s + 1 + ⌊ln u / ln(1 − p)⌋,  u ~ U(0, 1]     (failures before the next success)
    /// until s ≥ steps. p ≥ 1 fires every step; p ≤ 0 never.
    public init<G: RandomNumberGenerator>(probabilities: UnsafeBufferPointer<Float>, steps: Int, rng: inout G) {
        precondition(steps >= 0, "steps must be ≥ 0")
        self.steps = steps
        var stepOf: [Int32] = []
        var inputOf: [Int32] = []
        stepOf.reserveCapacity(4096)
        inputOf.reserveCapacity(4096)
        for (input, p) in probabilities.enumerated() where p > 0 {
            if p >= 1 {
                for s in 0..<steps { stepOf.append(Int32(s)); inputOf.append(Int32(input)) }
                continue
            }
            let logFail = log1p(-Double(p))
            var s = -1
            while true {
                let u = 1 - rng.unitUniformDouble()           // (0, 1]: ln u is finite
                let failures = (log(u) / logFail).rounded(.down)
                guard failures < Double(steps) else { break }
                s += 1 + Int(failures)
                guard s < steps else { break }
                stepOf.append(Int32(s))
                inputOf.append(Int32(input))
            }
        }
        // counting sort by step, stable, so each step lists its inputs in increasing order
        var offsets = [Int32](repeating: 0, count: steps + 1)
        for s in stepOf { offsets[Int(s) + 1] += 1 }
        for t in 0..<steps { offsets[t + 1] += offsets[t] }
        var cursor = offsets
        var sorted = [Int32](repeating: 0, count: inputOf.count)
        for (s, input) in zip(stepOf, inputOf) {
            sorted[Int(cursor[Int(s)])] = input
            cursor[Int(s)] += 1
        }
        self.offsets = offsets
        self.inputs = sorted
    }

    /// Total number of spikes.
    public var spikeCount: Int { inputs.count }

    /// The inputs that fire at step `t`.
    public func inputs(at t: Int) -> ArraySlice<Int32> {
        inputs[Int(offsets[t])..<Int(offsets[t + 1])]
    }
}
