import Foundation
import MoE
import NN
import Tensor

/// The seed's growth model (input → projection → gated experts → classifier) with room for
/// `maxExperts` experts of which only the *active* ones take part:
///
///     h = relu(x · W_pᵀ + b_p);   y = Σ_j w_j · expert_{i_j}(h);   z = y · W_oᵀ + b_o;   loss = CE(softmax(z), t) + aux
///
/// Shapes: x [B,I], h and y [B,D], z [B,V]; the gate is `MaskedGate`. Every slot's parameters are
/// allocated up front in the one table, so growing means switching a slot on (after copying a
/// teacher into it), never re-allocating or re-initialising anything: the existing experts are
/// untouched at the moment of growth (tested bit for bit). Learning is routed: an expert gets
/// task gradient only from the rows routed to it. A frozen expert still computes and passes
/// gradient to h, but the optimizer step leaves it (and its Adam moments) exactly as it is.
public final class GrowingMixture {
    public let inputSize: Int
    public let classes: Int
    public let modelWidth: Int
    public let expertHidden: Int
    public let maxExperts: Int
    public let topK: Int
    public let temperature: Float
    public let maxBatch: Int
    public let parameters: ParameterTable
    public let experts: [MLPExpert]
    /// Which slots take part in routing.
    public private(set) var active: [Bool]
    /// Experts whose parameters the optimizer leaves alone (`freeze_mask`).
    public var frozen: [Bool]
    /// Slots switched off for low use; a pruned slot is never reused.
    public private(set) var pruned: [Bool]

    let gate: MaskedGate
    /// The seed's gate signals, nil when all are off (the model is then exactly the plain one).
    let signals: GateSignals?
    public let signalSettings: GateSignalSettings
    /// ∂loss/∂g, the gate's input, when the signals are on [maxBatch,D].
    private var dgateInput: [Float]
    /// EMC's reference: a copy of every expert's values (see `setOutputAnchors`), nil until set.
    var anchorTable: ParameterTable?
    var anchorExperts: [MLPExpert] = []
    private let projWeight, projBias, gateWeight, gateBias, headWeight, headBias: Int
    /// z1, h, y, dh, dy [maxBatch,D]; logits, probs, dlogits [maxBatch,V]; per-row losses.
    private var z1, h, y, dh, dy, dz1: [Float]
    private var logits, probs, dlogits, losses: [Float]
    /// Per expert: the batch slots (b·k + j) it serves, its gathered inputs and outputs.
    private var assignment: [[Int]]
    private var gathered, outputs, expertDout, expertDinp: [Float]
    private var dweights: [Float]
    /// The slots of the last forward pass: expert and combine weight of each of a row's k routes,
    /// and how many routes a row has (the gate's k, or 1 when routing was forced).
    private var routeExpert: [Int], routeWeight: [Float]
    private var routesPerRow = 1
    private var lastPassWasForced = false

    public init<G: RandomNumberGenerator>(inputSize: Int, classes: Int, modelWidth D: Int, expertHidden H: Int, maxExperts E: Int,
                                          initialExperts: Int, topK: Int, temperature: Float, maxBatch: Int,
                                          signals signalSettings: GateSignalSettings = GateSignalSettings(), rng: inout G) {
        precondition(E >= 1 && (1...E).contains(initialExperts) && topK >= 1, "GrowingMixture: need 1 ≤ initial ≤ max experts and k ≥ 1")
        self.inputSize = inputSize
        self.classes = classes
        modelWidth = D
        expertHidden = H
        maxExperts = E
        self.topK = topK
        self.temperature = temperature
        self.maxBatch = maxBatch
        experts = (0..<E).map { MLPExpert(name: "experts.\($0)", inputSize: D, hiddenSize: H, outputSize: D, maxBatch: maxBatch) }
        var list: [(name: String, shape: [Int])] = [("proj.weight", [D, inputSize]), ("proj.bias", [D]),
                                                    ("gate.weight", [E, D]), ("gate.bias", [E])]
        for expert in experts { expert.declareParameters(into: &list) }
        list += [("head.weight", [classes, D]), ("head.bias", [classes])]
        // the signals' tensors come last, so a model without them has the plain layout
        if !signalSettings.isOff { GateSignals.declare(signalSettings, width: D, slots: E, into: &list) }
        parameters = ParameterTable(list)
        projWeight = parameters.index(of: "proj.weight")!
        projBias = parameters.index(of: "proj.bias")!
        gateWeight = parameters.index(of: "gate.weight")!
        gateBias = parameters.index(of: "gate.bias")!
        headWeight = parameters.index(of: "head.weight")!
        headBias = parameters.index(of: "head.bias")!
        for expert in experts { try! expert.bind(to: parameters) }
        // Initialisation order: projection, gate, every slot's expert, read-out (PyTorch nn.Linear).
        initializeLinear(weight: parameters.values(of: projWeight), bias: parameters.values(of: projBias), C: inputSize, OC: D, using: &rng)
        initializeLinear(weight: parameters.values(of: gateWeight), bias: parameters.values(of: gateBias), C: D, OC: E, using: &rng)
        for expert in experts { expert.initializeParameters(using: &rng) }
        initializeLinear(weight: parameters.values(of: headWeight), bias: parameters.values(of: headBias), C: D, OC: classes, using: &rng)
        self.signalSettings = signalSettings
        signals = signalSettings.isOff ? nil
            : GateSignals(settings: signalSettings, width: D, slots: E, maxBatch: maxBatch, table: parameters, rng: &rng)
        dgateInput = [Float](repeating: 0, count: signalSettings.isOff ? 0 : maxBatch * D)
        active = (0..<E).map { $0 < initialExperts }
        frozen = [Bool](repeating: false, count: E)
        pruned = frozen
        gate = MaskedGate(inputSize: D, maxExperts: E, topK: topK, temperature: temperature, maxBatch: maxBatch)
        let BD = maxBatch * D, BV = maxBatch * classes
        (z1, h, y, dh, dy, dz1) = ([Float](repeating: 0, count: BD), [Float](repeating: 0, count: BD), [Float](repeating: 0, count: BD),
                                   [Float](repeating: 0, count: BD), [Float](repeating: 0, count: BD), [Float](repeating: 0, count: BD))
        (logits, probs, dlogits) = ([Float](repeating: 0, count: BV), [Float](repeating: 0, count: BV), [Float](repeating: 0, count: BV))
        losses = [Float](repeating: 0, count: maxBatch)
        assignment = [[Int]](repeating: [], count: E)
        gathered = [Float](repeating: 0, count: BD * topK)
        outputs = [Float](repeating: 0, count: E * BD)
        expertDout = [Float](repeating: 0, count: BD)
        expertDinp = [Float](repeating: 0, count: BD)
        dweights = [Float](repeating: 0, count: maxBatch * topK)
        routeExpert = [Int](repeating: 0, count: maxBatch * topK)
        routeWeight = [Float](repeating: 0, count: maxBatch * topK)
    }

    public var activeCount: Int { active.filter { $0 }.count }
    public var parameterCount: Int { parameters.count }
    /// Parameters of the projection, gate rows and experts of the active slots, and the read-out.
    public var activeParameterCount: Int {
        let perExpert = 2 * modelWidth * expertHidden + expertHidden + modelWidth
        return (inputSize + 1) * modelWidth + activeCount * (modelWidth + 1 + perExpert) + (modelWidth + 1) * classes
            + (signals?.trainedParameterCount ?? 0)
    }

    /// Multiply-accumulates of one inference: projection, gate, k experts, read-out.
    public var multiplyAccumulatesPerSample: Int {
        inputSize * modelWidth + maxExperts * modelWidth + min(topK, activeCount) * 2 * modelWidth * expertHidden + modelWidth * classes
            + (signals?.multiplyAccumulatesPerSample ?? 0)
    }

    /// Forward pass for B rows; leaves logits, the gate decision and every routed expert's
    /// outputs in place; returns the gate's balance loss. With `forced`, row b goes to expert
    /// forced[b] alone with weight 1 (a task's own expert); the gate still computes its
    /// probabilities, for its routing loss.
    @discardableResult
    func forward(inputs: UnsafePointer<Float>, batch B: Int, balance: Float = 0, forced: [Int]? = nil) -> Float {
        precondition(B > 0 && B <= maxBatch, "GrowingMixture batch must be in 1...\(maxBatch), got \(B)")
        let D = modelWidth, V = classes, k = topK
        let x = UnsafeBufferPointer(start: inputs, count: B * inputSize)
        // h = relu(x · W_pᵀ + b_p)
        z1.withUnsafeMutableBufferPointer { z in
            linearForward(out: UnsafeMutableBufferPointer(rebasing: z[0..<(B * D)]), inp: x, weight: UnsafeBufferPointer(parameters.values(of: projWeight)),
                          bias: UnsafeBufferPointer(parameters.values(of: projBias)), B: B, C: inputSize, OC: D)
        }
        for i in 0..<(B * D) { h[i] = max(z1[i], 0) }
        let aux: Float
        if let signals {
            h.withUnsafeBufferPointer { signals.forward(h: $0, B: B, table: parameters) }
            aux = signals.gateInput.withUnsafeBufferPointer { g in
                signals.bias.withUnsafeBufferPointer { bias in
                    gate.forward(h: g, weight: UnsafeBufferPointer(parameters.values(of: gateWeight)),
                                 bias: UnsafeBufferPointer(parameters.values(of: gateBias)), active: active, B: B,
                                 balance: forced == nil ? balance : 0, logitBias: bias)
                }
            }
        } else {
            aux = h.withUnsafeBufferPointer { hb in
                gate.forward(h: hb, weight: UnsafeBufferPointer(parameters.values(of: gateWeight)),
                             bias: UnsafeBufferPointer(parameters.values(of: gateBias)), active: active, B: B, balance: forced == nil ? balance : 0)
            }
        }
        lastPassWasForced = forced != nil
        routesPerRow = forced == nil ? gate.k : 1
        for b in 0..<B {
            for j in 0..<routesPerRow {
                if let forced {
                    precondition(active[forced[b]], "GrowingMixture: row \(b) is forced to inactive expert \(forced[b])")
                    (routeExpert[b * k], routeWeight[b * k]) = (forced[b], 1)
                } else {
                    (routeExpert[b * k + j], routeWeight[b * k + j]) = gate.choice(row: b, slot: j)
                }
            }
        }
        // y[b] = Σ_j w[b,j] · expert_{i[b,j]}(h[b]); each expert runs once on the rows routed to it
        for e in 0..<maxExperts { assignment[e].removeAll(keepingCapacity: true) }
        for b in 0..<B { for j in 0..<routesPerRow { assignment[routeExpert[b * k + j]].append(b * k + j) } }
        for i in 0..<(B * D) { y[i] = 0 }
        for e in 0..<maxExperts where !assignment[e].isEmpty {
            let rows = assignment[e]
            for (r, slot) in rows.enumerated() {
                let b = slot / k
                for d in 0..<D { gathered[r * D + d] = h[b * D + d] }
            }
            runExpert(e, onGatheredRows: rows.count)
            for (r, slot) in rows.enumerated() {
                let b = slot / k, w = routeWeight[slot]
                for d in 0..<D { y[b * D + d] += w * outputs[e * maxBatch * D + r * D + d] }
            }
        }
        // z = y · W_oᵀ + b_o
        logits.withUnsafeMutableBufferPointer { z in
            y.withUnsafeBufferPointer { yb in
                linearForward(out: UnsafeMutableBufferPointer(rebasing: z[0..<(B * V)]), inp: UnsafeBufferPointer(rebasing: yb[0..<(B * D)]),
                              weight: UnsafeBufferPointer(parameters.values(of: headWeight)),
                              bias: UnsafeBufferPointer(parameters.values(of: headBias)), B: B, C: D, OC: V)
            }
        }
        return aux
    }

    /// The logits [B,V] of the last forward pass.
    public func lastLogits(batch B: Int) -> ArraySlice<Float> { logits[0..<(B * classes)] }

    private func runExpert(_ e: Int, onGatheredRows n: Int) {
        let D = modelWidth
        gathered.withUnsafeBufferPointer { g in
            outputs.withUnsafeMutableBufferPointer { o in
                experts[e].forward(out: UnsafeMutableBufferPointer(rebasing: o[(e * maxBatch * D)..<(e * maxBatch * D + n * D)]),
                                   inp: UnsafeBufferPointer(rebasing: g[0..<(n * D)]), B: n)
            }
        }
    }

    /// Zeroes the grads and fills them with ∂(mean CE + balance)/∂θ for the batch; returns the
    /// mean cross-entropy and the balance loss. Leaves `correct(row:)` valid for the batch.
    @discardableResult
    public func computeGradients(inputs: UnsafePointer<Float>, targets: UnsafePointer<Int32>, batch B: Int,
                                 balance: Float = 0) -> (loss: Float, aux: Float) {
        let aux = forward(inputs: inputs, batch: B, balance: balance)
        let V = classes
        let t = UnsafeBufferPointer(start: targets, count: B)
        probs.withUnsafeMutableBufferPointer { p in
            losses.withUnsafeMutableBufferPointer { l in
                logits.withUnsafeBufferPointer { z in
                    softmaxCrossEntropyForward(losses: UnsafeMutableBufferPointer(rebasing: l[0..<B]), probs: UnsafeMutableBufferPointer(rebasing: p[0..<(B * V)]),
                                               logits: UnsafeBufferPointer(rebasing: z[0..<(B * V)]), targets: t, B: B, V: V)
                }
            }
        }
        var sum = 0.0
        for b in 0..<B { sum += Double(losses[b]) }
        for i in 0..<(B * V) { dlogits[i] = 0 }
        dlogits.withUnsafeMutableBufferPointer { dz in
            probs.withUnsafeBufferPointer { p in
                softmaxCrossEntropyBackward(dlogits: UnsafeMutableBufferPointer(rebasing: dz[0..<(B * V)]), probs: UnsafeBufferPointer(rebasing: p[0..<(B * V)]),
                                            targets: t, B: B, V: V, scale: 1 / Float(B))
            }
        }
        let dz = Array(dlogits[0..<(B * V)])
        dz.withUnsafeBufferPointer { backward(inputs: inputs, dlogits: $0.baseAddress!, batch: B, balance: balance) }
        if let signals, signalSettings.predictive || signalSettings.merit {
            // a row's utility: the probability the model gave its class
            let utilities = (0..<B).map { probs[$0 * V + Int(t[$0])] }
            signals.addUtilityGradients(first: gate.topOne, utilities: utilities, B: B, table: parameters)
            signals.updateMerit(first: gate.topOne, utilities: utilities, B: B, table: parameters)
        }
        return (Float(sum / Double(B)), aux)
    }

    /// Zeroes the grads and fills them with the backward pass of the last `forward` (same inputs
    /// and B) from ∂loss/∂logits [B,V], plus the balance loss (unforced passes) and, with
    /// `routingTargets`, the gate's routing loss β · mean_b −ln p[b, target_b].
    public func backward(inputs: UnsafePointer<Float>, dlogits dz: UnsafePointer<Float>, batch B: Int, balance: Float = 0,
                         routingTargets: [Int]? = nil, routingWeight: Float = 0) {
        let D = modelWidth, V = classes, k = topK
        parameters.zeroGrads()
        for i in 0..<(B * D) { dh[i] = 0; dy[i] = 0 }
        // "z = y · W_oᵀ + b_o"
        dy.withUnsafeMutableBufferPointer { dyb in
            y.withUnsafeBufferPointer { yb in
                linearBackward(dinp: UnsafeMutableBufferPointer(rebasing: dyb[0..<(B * D)]), dweight: parameters.grads(of: headWeight),
                               dbias: parameters.grads(of: headBias), dout: UnsafeBufferPointer(start: dz, count: B * V),
                               inp: UnsafeBufferPointer(rebasing: yb[0..<(B * D)]),
                               weight: UnsafeBufferPointer(parameters.values(of: headWeight)), B: B, C: D, OC: V)
            }
        }
        // "y[b] += w[b,j] · out_e[b]"  ⇒  ∂w[b,j] = ⟨∂y[b], out_e[b]⟩,  ∂out_e[b] = w[b,j] · ∂y[b]
        for i in 0..<(B * k) { dweights[i] = 0 }
        for e in 0..<maxExperts where !assignment[e].isEmpty {
            let rows = assignment[e]
            for (r, slot) in rows.enumerated() {
                let b = slot / k, w = routeWeight[slot]
                var dot: Float = 0
                for d in 0..<D {
                    dot += dy[b * D + d] * outputs[e * maxBatch * D + r * D + d]
                    expertDout[r * D + d] = w * dy[b * D + d]
                    gathered[r * D + d] = h[b * D + d]
                }
                dweights[slot] += dot
            }
            // the expert's saved activations are for these rows: its forward ran on them last
            let n = rows.count
            for i in 0..<(n * D) { expertDinp[i] = 0 }
            expertDinp.withUnsafeMutableBufferPointer { gx in
                expertDout.withUnsafeBufferPointer { g in
                    gathered.withUnsafeBufferPointer { inp in
                        experts[e].backward(dinp: UnsafeMutableBufferPointer(rebasing: gx[0..<(n * D)]), dout: UnsafeBufferPointer(rebasing: g[0..<(n * D)]),
                                            inp: UnsafeBufferPointer(rebasing: inp[0..<(n * D)]), B: n)
                    }
                }
            }
            for (r, slot) in rows.enumerated() {
                let b = slot / k
                for d in 0..<D { dh[b * D + d] += expertDinp[r * D + d] }
            }
        }
        // a forced pass's weights are constants: the gate learns from its routing loss alone
        if lastPassWasForced { for i in 0..<(B * k) { dweights[i] = 0 } }
        if let signals {
            for i in 0..<(B * D) { dgateInput[i] = 0 }
            dgateInput.withUnsafeMutableBufferPointer { dg in
                signals.gateInput.withUnsafeBufferPointer { g in
                    gate.backward(dh: dg, dweights: dweights, h: g, weight: UnsafeBufferPointer(parameters.values(of: gateWeight)),
                                  dweight: parameters.grads(of: gateWeight), dbias: parameters.grads(of: gateBias), active: active, B: B,
                                  balance: lastPassWasForced ? 0 : balance, routingTargets: routingTargets, routingWeight: routingWeight)
                }
                gate.dlogits.withUnsafeBufferPointer { dgz in
                    h.withUnsafeBufferPointer { hb in
                        dh.withUnsafeMutableBufferPointer { dhb in
                            signals.backward(dg: dg, dlogits: UnsafeBufferPointer(rebasing: dgz[0..<(B * maxExperts)]), h: hb, dh: dhb, B: B, table: parameters)
                        }
                    }
                }
            }
        } else {
            dh.withUnsafeMutableBufferPointer { dhb in
                h.withUnsafeBufferPointer { hb in
                    gate.backward(dh: dhb, dweights: dweights, h: hb, weight: UnsafeBufferPointer(parameters.values(of: gateWeight)),
                                  dweight: parameters.grads(of: gateWeight), dbias: parameters.grads(of: gateBias), active: active, B: B,
                                  balance: lastPassWasForced ? 0 : balance, routingTargets: routingTargets, routingWeight: routingWeight)
                }
            }
        }
        // "h = relu(z1)",  "z1 = x · W_pᵀ + b_p"
        for i in 0..<(B * D) { dz1[i] = z1[i] > 0 ? dh[i] : 0 }
        dz1.withUnsafeBufferPointer { g in
            linearBackward(dinp: nil, dweight: parameters.grads(of: projWeight), dbias: parameters.grads(of: projBias),
                           dout: UnsafeBufferPointer(rebasing: g[0..<(B * D)]), inp: UnsafeBufferPointer(start: inputs, count: B * inputSize),
                           weight: UnsafeBufferPointer(parameters.values(of: projWeight)), B: B, C: inputSize, OC: D)
        }
    }

    /// The arg-max class of row b of the last forward pass.
    func predictedClass(row b: Int) -> Int {
        var best = 0
        for v in 1..<classes where logits[b * classes + v] > logits[b * classes + best] { best = v }
        return best
    }

    /// Class probabilities [B,V] in inference mode (the same top-k routing as training).
    public func predictProbabilities(inputs: UnsafePointer<Float>, batch B: Int, into out: UnsafeMutablePointer<Float>) {
        forward(inputs: inputs, batch: B)
        logits.withUnsafeBufferPointer { z in
            softmaxForward(probs: UnsafeMutableBufferPointer(start: out, count: B * classes),
                           logits: UnsafeBufferPointer(rebasing: z[0..<(B * classes)]), B: B, V: classes)
        }
    }

    /// The projected features h [B,D] of the last forward pass (the experts' and gate's input).
    func features(batch B: Int) -> ArraySlice<Float> { h[0..<(B * modelWidth)] }

    /// The flat index ranges the optimizer may move: projection, read-out, the gate rows of active
    /// slots and the parameters of active experts that are not frozen.
    public var trainableRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        for name in ["proj.weight", "proj.bias", "head.weight", "head.bias"] { ranges.append(parameters.entries[parameters.index(of: name)!].range) }
        let gw = parameters.entries[gateWeight].range, gb = parameters.entries[gateBias].range
        for e in 0..<maxExperts where active[e] {
            ranges.append((gw.lowerBound + e * modelWidth)..<(gw.lowerBound + (e + 1) * modelWidth))
            ranges.append((gb.lowerBound + e)..<(gb.lowerBound + e + 1))
            if !frozen[e] { ranges.append(contentsOf: expertRanges(e)) }
        }
        for name in signals?.trainedTensors ?? [] { ranges.append(parameters.entries[parameters.index(of: name)!].range) }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The flat index ranges of expert e's four tensors.
    func expertRanges(_ e: Int) -> [Range<Int>] {
        ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"].map { parameters.entries[parameters.index(of: "experts.\(e).\($0)")!].range }
    }

    /// Switches slot `student` on as a copy of expert `teacher` (its four tensors and its gate row)
    /// plus N(0, σ²) noise on each copied value, drawn from `rng`. Nothing else changes: every
    /// other expert's parameters, and so its outputs, stay bit-identical.
    public func activate<G: RandomNumberGenerator>(_ student: Int, cloning teacher: Int, noise sigma: Float, rng: inout G) {
        precondition(!active[student] && !pruned[student], "GrowingMixture: slot \(student) is already active or pruned")
        precondition(active[teacher], "GrowingMixture: teacher \(teacher) is not active")
        copy(teacher, into: student, noise: sigma, rng: &rng)
        active[student] = true
    }

    /// Switches slot `student` on with the values it was initialised with (the ablation of cloning).
    public func activateFresh(_ student: Int) {
        precondition(!active[student] && !pruned[student], "GrowingMixture: slot \(student) is already active or pruned")
        active[student] = true
    }

    private func copy<G: RandomNumberGenerator>(_ teacher: Int, into student: Int, noise sigma: Float, rng: inout G) {
        let values = parameters.values
        var pairs = zip(expertRanges(teacher), expertRanges(student)).map { ($0, $1) }
        let gw = parameters.entries[gateWeight].range.lowerBound, gb = parameters.entries[gateBias].range.lowerBound
        pairs.append(((gw + teacher * modelWidth)..<(gw + (teacher + 1) * modelWidth), (gw + student * modelWidth)..<(gw + (student + 1) * modelWidth)))
        pairs.append(((gb + teacher)..<(gb + teacher + 1), (gb + student)..<(gb + student + 1)))
        for (source, target) in pairs {
            for (i, j) in zip(source, target) {
                values[j] = values[i] + (sigma > 0 ? sigma * rng.standardNormalBoxMuller() : 0)
            }
        }
    }

    /// Takes slot e out of routing for good (pruning); at least one expert stays active.
    public func prune(_ e: Int) {
        precondition(active[e] && activeCount > 1, "GrowingMixture: cannot prune slot \(e) (inactive, or the last active expert)")
        active[e] = false
        pruned[e] = true
    }

    /// Restores masks read from a checkpoint.
    func setMasks(active: [Bool], frozen: [Bool], pruned: [Bool]) {
        self.active = active
        self.frozen = frozen
        self.pruned = pruned
    }
}
