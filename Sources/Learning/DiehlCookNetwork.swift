import Foundation
import Spiking
import Tensor

/// What one image drew from the excitatory population.
public struct DiehlCookResponse: Sendable, Equatable {
    /// Spikes of every excitatory neuron during the last presentation (not the rest after it).
    public var counts: [Int32]
    /// Presentations it took (more than 1 when fewer than `minimumSpikes` answered).
    public var presentations: Int
    /// Input spikes of the last presentation.
    public var inputSpikes: Int

    public var totalSpikes: Int { counts.reduce(0) { $0 + Int($1) } }
}

/// The network of Diehl & Cook (2015): Poisson inputs → N conductance-based LIF excitatory
/// neurons with adaptive thresholds, each paired with an inhibitory neuron that inhibits every
/// other excitatory neuron; trace STDP on the input weights, normalised before every training
/// presentation. Constants and update rules: `DiehlCookParameters`.
///
/// Per step of dt, in the reference's order (state update, threshold and reset, then the spikes
/// of this step propagate and take effect from the next step):
///
///     v ← v∞ + (v − v∞)·e^(−dt·g/τ)   exponential Euler (`integrate`), g = 1 + g_e + g_i
///     g_e ← g_e·e^(−dt/τ_ge),  g_i ← g_i·e^(−dt/τ_gi),  x ← x·e^(−dt/τ_x) for the STDP traces
///
/// Differences from the reference, each named where it lives: exponential rather than forward
/// Euler (`integrate` says why), no synaptic delays on the input
/// connections (the reference draws 0–10 ms; BindsNET's version also has none), the input spikes
/// are drawn per spike rather than per step (`PoissonSchedule`, same distribution), θ decays
/// once per presentation or rest by the product of its per-step factors, and an image is retried
/// at most `maximumPresentations` times.
///
/// A class with manually allocated state: one presentation runs 1 000 steps over a dozen arrays,
/// and the per-step loops must not pay for copy-on-write checks.
public final class DiehlCookNetwork {
    public let parameters: DiehlCookParameters
    private let n: Int
    private let inputCount: Int
    /// Input → excitatory weights, input-major: w[i·N + j].
    private let w: UnsafeMutablePointer<Float>
    private let thetaE: UnsafeMutablePointer<Float>
    private let vE: UnsafeMutablePointer<Float>
    private let geE: UnsafeMutablePointer<Float>
    private let giE: UnsafeMutablePointer<Float>
    private let refractoryE: UnsafeMutablePointer<Int32>
    private let vI: UnsafeMutablePointer<Float>
    private let geI: UnsafeMutablePointer<Float>
    private let refractoryI: UnsafeMutablePointer<Int32>
    /// The integrated membranes before threshold, reset and refractory hold.
    private let nextE: UnsafeMutablePointer<Float>
    private let nextI: UnsafeMutablePointer<Float>
    /// The step (of `clock`) of every input's last spike; its trace is `prePowers[clock − last]`.
    /// Why lazy: decaying 784 traces every step costs more than the whole excitatory layer at
    /// N = 100, and a trace is read only when an output neuron spikes.
    private let preLast: UnsafeMutablePointer<Int>
    /// x_pre after k steps without a spike: the eager update's repeated flush(x·e^(−dt/τ_pre))
    /// from 1, so lazy and eager traces are the same Floats.
    private let prePowers: [Float]
    /// Learning steps taken (traces evolve only while learning).
    private var clock = 0
    private let post1: UnsafeMutablePointer<Float>
    private let post2: UnsafeMutablePointer<Float>
    private let counts: UnsafeMutablePointer<Int32>
    private var probabilities: [Float]
    private var spikedE: [Int] = []
    private var spikedI: [Int] = []
    private let constants: DiehlCookStepConstants

    /// Random initial weights, (U[0, 1) + 0.01)·0.3 drawn input after input as the reference's
    /// `np.random.random((n_input, n_e))`; θ = 0; membranes at rest − 40 mV.
    public convenience init<G: RandomNumberGenerator>(parameters: DiehlCookParameters, rng: inout G) {
        var weights = [Float](repeating: 0, count: parameters.inputs * parameters.excitatory)
        for k in weights.indices {
            weights[k] = (rng.unitUniformFloat() + 0.01) * parameters.initialWeightScale
        }
        self.init(parameters: parameters, weights: weights, theta: [Float](repeating: 0, count: parameters.excitatory))
    }

    /// A network with given weights (input-major, inputs × N) and thresholds.
    public init(parameters: DiehlCookParameters, weights: [Float], theta: [Float]) {
        precondition(weights.count == parameters.inputs * parameters.excitatory, "weights must hold inputs × N values")
        precondition(theta.count == parameters.excitatory, "theta must hold N values")
        self.parameters = parameters
        constants = DiehlCookStepConstants(parameters)
        var powers: [Float] = [1]
        while let last = powers.last, last > 0 { powers.append(Self.flush(last * constants.preDecay)) }
        prePowers = powers
        n = parameters.excitatory
        inputCount = parameters.inputs
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: count)
            p.initialize(repeating: value, count: count)
            return p
        }
        w = buffer(weights.count, Float(0))
        w.update(from: weights, count: weights.count)
        thetaE = buffer(n, Float(0))
        thetaE.update(from: theta, count: n)
        vE = buffer(n, Float(0)); geE = buffer(n, Float(0)); giE = buffer(n, Float(0)); refractoryE = buffer(n, Int32(0))
        vI = buffer(n, Float(0)); geI = buffer(n, Float(0)); refractoryI = buffer(n, Int32(0))
        nextE = buffer(n, Float(0)); nextI = buffer(n, Float(0))
        preLast = buffer(inputCount, Int.min / 2); post1 = buffer(n, Float(0)); post2 = buffer(n, Float(0))
        counts = buffer(n, Int32(0))
        probabilities = [Float](repeating: 0, count: inputCount)
        resetState()
    }

    deinit {
        for p in [w, thetaE, vE, geE, giE, vI, geI, nextE, nextI, post1, post2] { p.deallocate() }
        preLast.deallocate()
        for p in [refractoryE, refractoryI, counts] { p.deallocate() }
    }

    /// The input weights, input-major (inputs × N).
    public var weights: [Float] { Array(UnsafeBufferPointer(start: w, count: inputCount * n)) }
    /// The adaptive threshold offsets θ (mV).
    public var theta: [Float] { Array(UnsafeBufferPointer(start: thetaE, count: n)) }

    /// Membranes at rest − 40 mV (the reference's start), conductances, traces and refractory
    /// counters at zero. Weights and θ are kept.
    public func resetState() {
        let p = parameters
        vE.update(repeating: p.restE - 40, count: n)
        vI.update(repeating: p.restI - 40, count: n)
        for q in [geE, giE, geI, post1, post2] { q.update(repeating: 0, count: n) }
        preLast.update(repeating: Int.min / 2, count: inputCount)
        refractoryE.update(repeating: 0, count: n)
        refractoryI.update(repeating: 0, count: n)
    }

    /// Shows one image (pixels in [0, 1], byte/255) and rests after it; with `learn`, weights
    /// are normalised before every presentation and STDP and θ adapt, otherwise both are fixed.
    /// Repeats with intensity + 1 while fewer than `minimumSpikes` excitatory spikes answer.
    @discardableResult
    public func present<G: RandomNumberGenerator>(_ image: ArraySlice<Float>, learn: Bool, rng: inout G) -> DiehlCookResponse {
        precondition(image.count == inputCount, "image must have \(inputCount) pixels, got \(image.count)")
        let p = parameters
        var intensity = p.inputIntensity
        var presentation = 0
        while true {
            presentation += 1
            if learn { normalizeWeights() }
            // rate = byte / 8 · intensity Hz; p(spike in a step) = rate · dt / 1000
            for (k, x) in image.enumerated() {
                probabilities[k] = (x * 255).rounded() / 8 * intensity * p.dt / 1000
            }
            let schedule = probabilities.withUnsafeBufferPointer {
                PoissonSchedule(probabilities: $0, steps: p.presentationSteps, rng: &rng)
            }
            counts.update(repeating: 0, count: n)
            simulate(steps: p.presentationSteps, schedule: schedule, learn: learn, count: true)
            simulate(steps: p.restSteps, schedule: nil, learn: learn, count: false)
            let response = DiehlCookResponse(counts: Array(UnsafeBufferPointer(start: counts, count: n)),
                                             presentations: presentation, inputSpikes: schedule.spikeCount)
            if response.totalSpikes >= p.minimumSpikes || presentation >= p.maximumPresentations { return response }
            intensity += 1
        }
    }

    /// Rescales every excitatory neuron's input weights to sum to `weightSum` (all-zero columns
    /// are left at zero).
    public func normalizeWeights() {
        var sums = [Float](repeating: 0, count: n)
        for i in 0..<inputCount {
            let row = w + i * n
            for j in 0..<n { sums[j] += row[j] }
        }
        let target = parameters.weightSum
        let factors = sums.map { $0 > 0 ? target / $0 : 0 }
        for i in 0..<inputCount {
            let row = w + i * n
            for j in 0..<n { row[j] *= factors[j] }
        }
    }

    /// Runs `steps` steps with the inputs of `schedule` (silent inputs when nil); with `learn`,
    /// θ then decays by the product of the steps' Euler factors.
    private func simulate(steps: Int, schedule: PoissonSchedule?, learn: Bool, count: Bool) {
        let silent: ArraySlice<Int32> = []
        for t in 0..<steps {
            step(firing: schedule?.inputs(at: t) ?? silent, learn: learn, count: count)
        }
        if learn {
            // dθ/dt = −θ/τ_θ: (1 − dt/τ_θ)^steps, applied once (θ·dt/τ_θ per step is below Float's resolution)
            let decay = Float(pow(1 - Double(parameters.dt) / parameters.tauTheta, Double(steps)))
            for j in 0..<n { thetaE[j] *= decay }
        }
    }

    /// One step of dt with the input neurons `inputs` firing in it.
    func step(firing inputs: ArraySlice<Int32>, learn: Bool, count: Bool) {
        let p = parameters
        let c = constants
        if learn {
            clock += 1
            decay(post1, by: c.post1Decay)
            decay(post2, by: c.post2Decay)
        }
        spikedE.removeAll(keepingCapacity: true)
        spikedI.removeAll(keepingCapacity: true)
        integrate(v: vE, ge: geE, gi: giE, next: nextE, rest: p.restE, inhibitoryReversal: p.inhibitoryReversalE, k: c.kE)
        for j in 0..<n {
            if refractoryE[j] > 0 { refractoryE[j] -= 1; continue }     // held at reset
            if nextE[j] > p.thresholdE + thetaE[j] {
                vE[j] = p.resetE
                refractoryE[j] = c.refractoryStepsE
                spikedE.append(j)
            } else {
                vE[j] = nextE[j]
            }
        }
        integrate(v: vI, ge: geI, gi: nil, next: nextI, rest: p.restI, inhibitoryReversal: 0, k: c.kI)
        for j in 0..<n {
            if refractoryI[j] > 0 { refractoryI[j] -= 1; continue }
            if nextI[j] > p.thresholdI {
                vI[j] = p.resetI
                refractoryI[j] = c.refractoryStepsI
                spikedI.append(j)
            } else {
                vI[j] = nextI[j]
            }
        }
        for input in inputs {
            let i = Int(input)
            let row = w + i * n
            for j in 0..<n { geE[j] += row[j] }
            if learn {
                // pre spike: x_pre = 1; w −= ν_pre · x_post1, clipped at 0
                preLast[i] = clock
                for j in 0..<n { row[j] = max(0, row[j] - p.nuPre * post1[j]) }
            }
        }
        for j in spikedE {
            geI[j] += p.excitatoryToInhibitory
            if count { counts[j] += 1 }
            guard learn else { continue }
            thetaE[j] += p.thetaPlus
            // post spike: w += ν_post · x_pre · x_post2 (before this spike), clipped at w_max
            let gain = p.nuPost * post2[j]
            for i in 0..<inputCount {
                let age = clock - preLast[i]
                guard age < prePowers.count else { continue }
                w[i * n + j] = min(p.wMax, w[i * n + j] + gain * prePowers[age])
            }
            post1[j] = 1
            post2[j] = 1
        }
        for k in spikedI {
            for j in 0..<k { giE[j] += p.inhibitoryToExcitatory }
            for j in (k + 1)..<n { giE[j] += p.inhibitoryToExcitatory }
        }
    }

    /// One exponential-Euler step of a conductance-based membrane into `next`, and the exact
    /// decay of its conductances (g_i absent: the inhibitory population has none):
    ///
    ///     g = 1 + g_e + g_i,  v∞ = (v_rest + g_e·0 + g_i·E_i) / g
    ///     v ← v∞ + (v − v∞)·e^(−dt·g/τ);  g_e ← g_e·e^(−dt/τ_ge);  g_i ← g_i·e^(−dt/τ_gi)
    ///
    /// Why not forward Euler, which Brian 1 used for the reference: it is unstable once
    /// dt·g/τ > 2, i.e. when the lateral inhibition of some 24 neurons firing within a couple of
    /// milliseconds sums above 400 leak conductances. Without the reference's input delays that
    /// happens (an N = 400 network ran away to 23 594 spikes in one presentation after 1 250
    /// images); exponential Euler, Brian 2's method for these equations, is stable for any g.
    private func integrate(v: UnsafeMutablePointer<Float>, ge: UnsafeMutablePointer<Float>, gi: UnsafeMutablePointer<Float>?,
                           next: UnsafeMutablePointer<Float>, rest: Float, inhibitoryReversal: Float, k: Float) {
        let c = constants
        let restLanes = FloatLanes(repeating: rest), reversal = FloatLanes(repeating: inhibitoryReversal)
        let minusK = FloatLanes(repeating: -k)
        let geDecay = FloatLanes(repeating: c.geDecay), giDecay = FloatLanes(repeating: c.giDecay)
        let zero = FloatLanes(repeating: 0)
        let lanes = { (vj: FloatLanes, gej: FloatLanes, gij: FloatLanes) in
            Self.integrateLanes(v: vj, ge: gej, gi: gij, rest: restLanes, reversal: reversal, minusK: minusK,
                                geDecay: geDecay, giDecay: giDecay)
        }
        var j = 0
        if let gi {
            while j + 8 <= n {
                let r = lanes(FloatLanes.load(v + j), FloatLanes.load(ge + j), FloatLanes.load(gi + j))
                r.v.store(next + j); r.ge.store(ge + j); r.gi.store(gi + j)
                j += 8
            }
        } else {
            while j + 8 <= n {
                let r = lanes(FloatLanes.load(v + j), FloatLanes.load(ge + j), zero)
                r.v.store(next + j); r.ge.store(ge + j)
                j += 8
            }
        }
        if j < n {
            let count = n - j
            let r = lanes(FloatLanes.load(v + j, count: count), FloatLanes.load(ge + j, count: count),
                          gi.map { FloatLanes.load($0 + j, count: count) } ?? zero)
            r.v.store(next + j, count: count); r.ge.store(ge + j, count: count)
            if let gi { r.gi.store(gi + j, count: count) }
        }
    }

    /// One lane group: (v, g_e, g_i) → (v_next, g_e·decay, g_i·decay); conductances below 1e-20
    /// become 0 (see `flush`).
    @inline(__always)
    private static func integrateLanes(v: FloatLanes, ge: FloatLanes, gi: FloatLanes, rest: FloatLanes, reversal: FloatLanes,
                                       minusK: FloatLanes, geDecay: FloatLanes, giDecay: FloatLanes)
        -> (v: FloatLanes, ge: FloatLanes, gi: FloatLanes) {
        let zero = FloatLanes(repeating: 0), tiny = FloatLanes(repeating: 1e-20)
        let g = 1 + ge + gi
        let vInf = (rest + gi * reversal) / g
        let geNext = ge * geDecay, giNext = gi * giDecay
        return (vInf + (v - vInf) * vectorExpNonPositive(minusK * g),
                geNext.replacing(with: zero, where: geNext .< tiny), giNext.replacing(with: zero, where: giNext .< tiny))
    }

    /// x ← flush(x·factor) over the N excitatory values at `x`.
    private func decay(_ x: UnsafeMutablePointer<Float>, by factor: Float) {
        let f = FloatLanes(repeating: factor), zero = FloatLanes(repeating: 0), tiny = FloatLanes(repeating: 1e-20)
        var j = 0
        while j + 8 <= n {
            let next = FloatLanes.load(x + j) * f
            next.replacing(with: zero, where: next .< tiny).store(x + j)
            j += 8
        }
        while j < n { x[j] = Self.flush(x[j] * factor); j += 1 }
    }

    /// A decaying conductance or trace below 1e-20 becomes 0. Why: left alone they sink into
    /// Float's subnormal range within a few hundred steps, where x86 arithmetic is ~100× slower;
    /// 1e-20 of a conductance moves a membrane by under 1e-18 mV.
    @inline(__always)
    static func flush(_ x: Float) -> Float { x < 1e-20 ? 0 : x }

    /// What the tests read: the state of excitatory neuron j, inhibitory neuron j, input i.
    var excitatoryState: (v: [Float], ge: [Float], gi: [Float]) {
        (Array(UnsafeBufferPointer(start: vE, count: n)), Array(UnsafeBufferPointer(start: geE, count: n)),
         Array(UnsafeBufferPointer(start: giE, count: n)))
    }
    var inhibitoryState: (v: [Float], ge: [Float]) {
        (Array(UnsafeBufferPointer(start: vI, count: n)), Array(UnsafeBufferPointer(start: geI, count: n)))
    }
    var traces: (pre: [Float], post1: [Float], post2: [Float]) {
        ((0..<inputCount).map { i in clock - preLast[i] < prePowers.count ? prePowers[clock - preLast[i]] : 0 }, Array(UnsafeBufferPointer(start: post1, count: n)),
         Array(UnsafeBufferPointer(start: post2, count: n)))
    }
    var spikeCounts: [Int32] { Array(UnsafeBufferPointer(start: counts, count: n)) }
    var lastSpikes: (excitatory: [Int], inhibitory: [Int]) { (spikedE, spikedI) }
    func setMembranes(excitatory: Float, inhibitory: Float) {
        vE.update(repeating: excitatory, count: n)
        vI.update(repeating: inhibitory, count: n)
    }
}

/// The per-step factors of `DiehlCookParameters`, computed once.
struct DiehlCookStepConstants {
    let geDecay: Float, giDecay: Float, kE: Float, kI: Float
    let preDecay: Float, post1Decay: Float, post2Decay: Float
    let refractoryStepsE: Int32, refractoryStepsI: Int32

    init(_ p: DiehlCookParameters) {
        geDecay = Float(exp(-Double(p.dt / p.tauGe)))
        giDecay = Float(exp(-Double(p.dt / p.tauGi)))
        kE = p.dt / p.tauE
        kI = p.dt / p.tauI
        preDecay = Float(exp(-Double(p.dt / p.tauPre)))
        post1Decay = Float(exp(-Double(p.dt / p.tauPost1)))
        post2Decay = Float(exp(-Double(p.dt / p.tauPost2)))
        refractoryStepsE = p.refractoryStepsE
        refractoryStepsI = p.refractoryStepsI
    }
}
