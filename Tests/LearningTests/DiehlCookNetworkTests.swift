import Foundation
import TestSupport
import Testing
@testable import Learning

/// Hand-computed steps of the Diehl & Cook network: each test drives a tiny network with chosen
/// input spikes and checks the state against the reference's equations worked by hand.
@Suite("Diehl & Cook network")
struct DiehlCookNetworkTests {
    /// N excitatory neurons on `weights.count / N` inputs, membranes at rest.
    func network(_ weights: [Float], neurons: Int, wMax: Float = 1) -> DiehlCookNetwork {
        var p = DiehlCookParameters(excitatory: neurons)
        p.inputs = weights.count / neurons
        p.wMax = wMax
        let net = DiehlCookNetwork(parameters: p, weights: weights, theta: [Float](repeating: 0, count: neurons))
        net.setMembranes(excitatory: p.restE, inhibitory: p.restI)
        return net
    }

    @Test("membranes relax toward rest by one exponential-Euler step of the reference's equations")
    func eulerRelaxation() {
        let net = network([0.5], neurons: 1)
        net.resetState()                                   // v_e = −105 mV, v_i = −100 mV
        net.step(firing: [], learn: false, count: false)
        // v_e: −65 + (−105 + 65)·e^(−0.5/100) = −104.80050;  v_i: −60 + (−100 + 60)·e^(−0.5/10) = −98.04918
        #expect(close(net.excitatoryState.v[0], -104.80050, abs: 2e-4))
        #expect(close(net.inhibitoryState.v[0], -98.04918, abs: 2e-4))
    }

    @Test("an input spike adds its weight to g_e, which moves the membrane from the next step")
    func inputSpike() {
        let net = network([0.5], neurons: 1)
        net.step(firing: [0], learn: false, count: false)
        #expect(net.excitatoryState.ge[0] == 0.5)
        #expect(net.excitatoryState.v[0] == -65)
        net.step(firing: [], learn: false, count: false)
        // g = 1.5, v∞ = −65/1.5 = −43.3333: v = −43.3333 + (−65 + 43.3333)·e^(−0.0075) = −64.83807;
        // g_e: 0.5·e^(−0.5/1) = 0.30327
        #expect(close(net.excitatoryState.v[0], -64.83807, abs: 2e-4))
        #expect(close(net.excitatoryState.ge[0], 0.30327, abs: 1e-5))
    }

    @Test("an excitatory spike fires its inhibitory partner, which inhibits every other excitatory neuron and not its own")
    func lateralInhibition() {
        let net = network([50, 0], neurons: 2)             // one input, drives neuron 0 only
        net.step(firing: [0], learn: false, count: true)   // g_e = [50, 0]
        net.step(firing: [], learn: false, count: true)    // g = 51, v∞ = −1.27: v_0 = −1.27 − 63.73·e^(−0.255) = −50.66 > −52: spike
        #expect(net.lastSpikes.excitatory == [0])
        #expect(net.inhibitoryState.ge == [10.4, 0])
        net.step(firing: [], learn: false, count: true)    // g = 11.4, v∞ = −5.26: v_i0 = −5.26 − 54.74·e^(−0.57) = −36.2 > −40: spike
        #expect(net.lastSpikes.inhibitory == [0])
        #expect(net.excitatoryState.gi == [0, 17])
        #expect(net.spikeCounts == [1, 0])
    }

    /// Input 0 (weight 50) fires at steps 1 and 13, input 1 (weight 0.5) at step 5; neuron 0
    /// spikes at steps 2 and 14 (refractory 10 steps in between).
    func stdpSequence(learn: Bool) -> DiehlCookNetwork {
        let net = network([50, 0.5], neurons: 1, wMax: 100)
        for t in 1...14 {
            let inputs: [Int32] = t == 1 || t == 13 ? [0] : t == 5 ? [1] : []
            net.step(firing: inputs[...], learn: learn, count: true)
        }
        return net
    }

    @Test("trace STDP: depression ν_pre·x_post1 at an input spike, potentiation ν_post·x_pre·x_post2(before) at an output spike")
    func stdp() {
        let net = stdpSequence(learn: true)
        #expect(net.spikeCounts == [2])
        let p = net.parameters
        let d1 = Float(exp(-0.5 / 20.0)), d2 = Float(exp(-0.5 / 40.0)), dPre = Float(exp(-0.5 / 20.0))
        func power(_ x: Float, _ k: Int) -> Float { (0..<k).reduce(Float(1)) { r, _ in r * x } }
        // input 1 at step 5: −ν_pre·x_post1 = −ν_pre·d1³ (post spike at step 2); the output spike
        // at step 14 then potentiates it by ν_post·x_pre·x_post2 = ν_post·dPre⁹·d2¹²
        let w1 = (0.5 - p.nuPre * power(d1, 3)) + p.nuPost * power(d2, 12) * power(dPre, 9)
        // input 0 at step 1: x_post1 = 0 → no change; at step 13: −ν_pre·d1¹¹;
        // output spike at step 2: x_post2(before) = 0 → no change; at step 14: +ν_post·x_pre·x_post2 = ν_post·dPre·d2¹²
        let w0 = (50 - p.nuPre * power(d1, 11)) + p.nuPost * power(d2, 12) * dPre
        #expect(close(net.weights[1], w1, abs: 1e-7, rel: 1e-6), "w1 \(net.weights[1]) vs \(w1)")
        #expect(close(net.weights[0], w0, abs: 1e-5, rel: 1e-6), "w0 \(net.weights[0]) vs \(w0)")
        #expect(net.weights[0] > 50, "the second output spike must potentiate")
        #expect(close(net.theta[0], 0.1), "θ₊ = 0.05 per spike")
    }

    @Test("with learning off, weights and thresholds stay as they were")
    func learningOff() {
        let net = stdpSequence(learn: false)
        #expect(net.spikeCounts == [2])
        #expect(net.weights == [50, 0.5])
        #expect(net.theta == [0])
    }

    @Test("weights are clipped to [0, w_max]")
    func clipping() {
        func run(nuPre: Float) -> [Float] {
            var p = DiehlCookParameters(excitatory: 1)
            p.inputs = 2
            p.wMax = 50
            p.nuPre = nuPre
            let net = DiehlCookNetwork(parameters: p, weights: [50, 0.00001], theta: [0])
            net.setMembranes(excitatory: p.restE, inhibitory: p.restI)
            for t in 1...16 {     // input 0 at steps 1 and 13 → output spikes at 2 and 14; input 1 at step 16
                net.step(firing: (t == 1 || t == 13 ? [Int32(0)] : t == 16 ? [1] : [])[...], learn: true, count: false)
            }
            return net.weights
        }
        #expect(run(nuPre: 0)[0] == 50, "potentiation from w_max must stay at w_max")
        #expect(run(nuPre: 1)[1] == 0, "depression by x_post1 ≫ w must stop at 0")
    }

    @Test("normalisation rescales every neuron's input weights to sum to the weight sum")
    func normalisation() {
        var rng = SplitMix64(seed: 3)
        let net = DiehlCookNetwork(parameters: DiehlCookParameters(excitatory: 7), rng: &rng)
        net.normalizeWeights()
        let w = net.weights
        for j in 0..<7 {
            let sum = stride(from: j, to: w.count, by: 7).reduce(Float(0)) { $0 + w[$1] }
            #expect(close(sum, 78, rel: 1e-4), "neuron \(j): \(sum)")
        }
    }

    @Test("initial weights are (U + 0.01)·0.3, inside [0.003, 0.303)")
    func initialWeights() {
        var rng = SplitMix64(seed: 4)
        let w = DiehlCookNetwork(parameters: DiehlCookParameters(excitatory: 5), rng: &rng).weights
        #expect(w.allSatisfy { $0 >= 0.003 && $0 < 0.303 })
        let mean = w.reduce(0, +) / Float(w.count)
        #expect(abs(mean - 0.153) < 0.01, "mean \(mean)")
    }

    @Test("an image that draws fewer than 5 spikes is shown again, up to the cap")
    func representation() {
        var rng = SplitMix64(seed: 5)
        let net = DiehlCookNetwork(parameters: DiehlCookParameters(excitatory: 4), rng: &rng)
        let blank = [Float](repeating: 0, count: 784)
        let response = net.present(blank[...], learn: false, rng: &rng)
        #expect(response.presentations == 20 && response.totalSpikes == 0 && response.inputSpikes == 0)
    }
}
