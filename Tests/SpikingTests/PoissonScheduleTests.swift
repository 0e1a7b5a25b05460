import TestSupport
import Testing
import Spiking

@Suite("Poisson input schedule")
struct PoissonScheduleTests {
    func schedule(_ p: [Float], steps: Int, seed: UInt64) -> PoissonSchedule {
        var rng = SplitMix64(seed: seed)
        return p.withUnsafeBufferPointer { PoissonSchedule(probabilities: $0, steps: steps, rng: &rng) }
    }

    @Test("each input fires in a step with probability p, independently of its last spike")
    func bernoulliRate() {
        let p: Float = 0.05, inputs = 2000, steps = 700
        let s = schedule([Float](repeating: p, count: inputs), steps: steps, seed: 1)
        // mean spikes per input: 35 (binomial SD 5.77 per input, 0.13 over 2 000 inputs)
        let mean = Double(s.spikeCount) / Double(inputs)
        #expect(abs(mean - 35) < 0.6, "mean \(mean)")
        // P(spike at t and t+1) = p² when steps are independent (0.0025 ± ~0.0001)
        var fired = Set<Int>()
        for t in 0..<steps { for i in s.inputs(at: t) { fired.insert(t * inputs + Int(i)) } }
        var both = 0
        for t in 0..<(steps - 1) { for i in s.inputs(at: t) where fired.contains((t + 1) * inputs + Int(i)) { both += 1 } }
        let pairRate = Double(both) / Double(inputs * (steps - 1))
        #expect(abs(pairRate - 0.0025) < 0.0003, "P(consecutive) \(pairRate)")
    }

    @Test("p = 0 never fires, p = 1 fires every step, and each step lists its inputs in order")
    func edges() {
        let s = schedule([0, 1, 0.5, 1], steps: 50, seed: 2)
        for t in 0..<50 {
            let here = Array(s.inputs(at: t))
            #expect(here.contains(1) && here.contains(3) && !here.contains(0))
            #expect(here == here.sorted())
        }
    }

    @Test("the same seed gives the same spikes")
    func deterministic() {
        let p = (0..<784).map { Float($0 % 7) * 0.005 }
        #expect(schedule(p, steps: 700, seed: 9) == schedule(p, steps: 700, seed: 9))
        #expect(schedule(p, steps: 700, seed: 9) != schedule(p, steps: 700, seed: 10))
    }
}
