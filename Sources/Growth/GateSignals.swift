import Foundation
import NN
import Tensor

/// The gate signals of `GateSignalSettings` as a layer between the features h [B,D] and the
/// `MaskedGate`: `forward` makes the gate's input g [B,D] and a bias [B,E] for its logits;
/// `backward` takes ∂loss/∂g and ∂loss/∂(logits) back to the signals' parameters and to h.
///
/// Its tensors live in the model's parameter table under `signals.*`, so Adam, checkpoints and
/// the parameter count see them: trained ones (thalamic centroids, utility head, group gate) and
/// fixed ones (the oscillators' frequencies and phases, the merit board), which the optimizer
/// never moves.
final class GateSignals {
    let settings: GateSignalSettings
    let width: Int
    let slots: Int
    /// g [maxBatch,D] and the bias [maxBatch,E] of the last forward pass; the k-WTA mask and the
    /// utility head's outputs u [maxBatch,E]; group logits q and their gradient [maxBatch,G].
    private(set) var gateInput: [Float]
    private(set) var bias: [Float]
    private var winners: [Float]
    /// Feature indices, sorted per row by k-WTA.
    private var order: [Int]
    private(set) var utility: [Float]
    private var groupLogits, dgroups: [Float]
    private var index: [String: Int] = [:]

    static func declare(_ s: GateSignalSettings, width D: Int, slots E: Int, into list: inout [(name: String, shape: [Int])]) {
        if s.phasor { list += [("signals.phasor.frequency", [D]), ("signals.phasor.phase", [D])] }
        if s.thalamic { list.append(("signals.thalamus.centroids", [E, D])) }
        if s.predictive { list += [("signals.utility.weight", [E, D]), ("signals.utility.bias", [E])] }
        if s.grouped { list += [("signals.groups.weight", [s.groups, D]), ("signals.groups.bias", [s.groups])] }
        if s.merit { list.append(("signals.merit", [E])) }
    }

    /// Binds to `table` and initialises: ω_d ~ U(0.5, 3), φ_d ~ U(0, 2π) from `rng`; everything
    /// else 0, so at the start only the oscillators, k-WTA and the personality bias act.
    init<G: RandomNumberGenerator>(settings: GateSignalSettings, width D: Int, slots E: Int, maxBatch: Int, table: ParameterTable, rng: inout G) {
        self.settings = settings
        width = D
        slots = E
        for entry in table.entries where entry.name.hasPrefix("signals.") { index[entry.name] = table.index(of: entry.name)! }
        if settings.phasor {
            let omega = table.values(of: index["signals.phasor.frequency"]!), phi = table.values(of: index["signals.phasor.phase"]!)
            for d in 0..<D { omega[d] = 0.5 + 2.5 * rng.unitUniformFloat() }
            for d in 0..<D { phi[d] = 2 * Float.pi * rng.unitUniformFloat() }
        }
        gateInput = [Float](repeating: 0, count: maxBatch * D)
        winners = [Float](repeating: 1, count: settings.kwta > 0 ? maxBatch * D : 0)
        order = Array(0..<D)
        bias = [Float](repeating: 0, count: maxBatch * E)
        utility = [Float](repeating: 0, count: settings.predictive ? maxBatch * E : 0)
        groupLogits = [Float](repeating: 0, count: maxBatch * max(settings.groups, 1))
        dgroups = groupLogits
    }

    /// Names of the tensors Adam may move.
    var trainedTensors: [String] {
        index.keys.filter { !$0.hasPrefix("signals.phasor") && $0 != "signals.merit" }.sorted()
    }

    /// Trained parameters (counted as active: they serve every expert).
    var trainedParameterCount: Int {
        (settings.thalamic ? slots * width : 0) + (settings.predictive ? slots * (width + 1) : 0) + (settings.grouped ? settings.groups * (width + 1) : 0)
    }

    /// Multiply-accumulates per sample the signals add to the gate.
    var multiplyAccumulatesPerSample: Int {
        (settings.thalamic ? slots * width : 0) + (settings.predictive ? slots * width : 0) + (settings.grouped ? settings.groups * width : 0)
    }

    func group(of e: Int) -> Int { e * settings.groups / slots }

    /// g and the logit bias for B rows of h.
    func forward(h: UnsafeBufferPointer<Float>, B: Int, table: ParameterTable) {
        let s = settings, D = width, E = slots
        for i in 0..<(B * D) { gateInput[i] = h[i] }
        if s.phasor {
            let omega = table.values(of: index["signals.phasor.frequency"]!), phi = table.values(of: index["signals.phasor.phase"]!)
            // g_d = h_d · (1 + a cos(ω_d h_d + φ_d))
            for b in 0..<B { for d in 0..<D { gateInput[b * D + d] = h[b * D + d] * (1 + s.phasorDepth * cosf(omega[d] * h[b * D + d] + phi[d])) } }
        }
        if s.kwta > 0 && s.kwta < D {
            // g_d ← g_d · 1[d among the k largest of the row]   (ties: smaller index)
            // one index buffer for every row: no allocation per row
            for b in 0..<B {
                let base = b * D
                for d in 0..<D { order[d] = d }
                order.sort { gateInput[base + $0] > gateInput[base + $1] || (gateInput[base + $0] == gateInput[base + $1] && $0 < $1) }
                for d in 0..<D { winners[base + d] = 0 }
                for d in order.prefix(s.kwta) { winners[base + d] = 1 }
                for d in 0..<D { gateInput[base + d] *= winners[base + d] }
            }
        }
        for i in 0..<(B * E) { bias[i] = 0 }
        gateInput.withUnsafeBufferPointer { gAll in
            let g = UnsafeBufferPointer(rebasing: gAll[0..<(B * D)])
            if s.thalamic {
                let c = table.values(of: index["signals.thalamus.centroids"]!)
                // t_e = −s ‖g − c_e‖² / D
                for b in 0..<B {
                    for e in 0..<E {
                        var sum: Float = 0
                        for d in 0..<D { let x = g[b * D + d] - c[e * D + d]; sum += x * x }
                        bias[b * E + e] -= s.thalamicScale * sum / Float(D)
                    }
                }
            }
            if s.grouped {
                let G = s.groups
                groupLogits.withUnsafeMutableBufferPointer { q in
                    // q = W_g g + b_g;  bias_e += q_{group(e)}
                    linearForward(out: UnsafeMutableBufferPointer(rebasing: q[0..<(B * G)]), inp: g,
                                  weight: UnsafeBufferPointer(table.values(of: index["signals.groups.weight"]!)),
                                  bias: UnsafeBufferPointer(table.values(of: index["signals.groups.bias"]!)), B: B, C: D, OC: G)
                }
                for b in 0..<B { for e in 0..<E { bias[b * E + e] += groupLogits[b * G + group(of: e)] } }
            }
            if s.predictive {
                utility.withUnsafeMutableBufferPointer { u in
                    // u = W_u g + b_u;  bias_e += w u_e   (no gradient into the gate's loss)
                    linearForward(out: UnsafeMutableBufferPointer(rebasing: u[0..<(B * E)]), inp: g,
                                  weight: UnsafeBufferPointer(table.values(of: index["signals.utility.weight"]!)),
                                  bias: UnsafeBufferPointer(table.values(of: index["signals.utility.bias"]!)), B: B, C: D, OC: E)
                }
                for i in 0..<(B * E) { bias[i] += s.predictiveWeight * utility[i] }
            }
        }
        if s.merit {
            let merit = table.values(of: index["signals.merit"]!)
            for b in 0..<B { for e in 0..<E { bias[b * E + e] += s.meritWeight * merit[e] } }
        }
        if !s.bias.isEmpty { for b in 0..<B { for e in 0..<E { bias[b * E + e] += s.bias[e] } } }
    }

    /// From ∂loss/∂g [B,D] (`dg`, modified) and ∂loss/∂(gate logits) [B,E]: adds the trained
    /// signals' gradients and ∂loss/∂h into `dh`.
    func backward(dg: UnsafeMutableBufferPointer<Float>, dlogits dz: UnsafeBufferPointer<Float>, h: UnsafeBufferPointer<Float>,
                  dh: UnsafeMutableBufferPointer<Float>, B: Int, table: ParameterTable) {
        let s = settings, D = width, E = slots
        gateInput.withUnsafeBufferPointer { gAll in
            let g = UnsafeBufferPointer(rebasing: gAll[0..<(B * D)])
            if s.thalamic {
                let c = table.values(of: index["signals.thalamus.centroids"]!), dc = table.grads(of: index["signals.thalamus.centroids"]!)
                // "t_e = −s ‖g − c_e‖² / D"  ⇒  ∂g −= 2s/D · ∂t_e (g − c_e),  ∂c_e += 2s/D · ∂t_e (g − c_e)
                for b in 0..<B {
                    for e in 0..<E where dz[b * E + e] != 0 {
                        let f = 2 * s.thalamicScale / Float(D) * dz[b * E + e]
                        for d in 0..<D {
                            let x = g[b * D + d] - c[e * D + d]
                            dg[b * D + d] -= f * x
                            dc[e * D + d] += f * x
                        }
                    }
                }
            }
            if s.grouped {
                let G = s.groups
                // "bias_e += q_{group(e)}"  ⇒  ∂q_γ = Σ_{e in γ} ∂z_e
                for i in 0..<(B * G) { dgroups[i] = 0 }
                for b in 0..<B { for e in 0..<E { dgroups[b * G + group(of: e)] += dz[b * E + e] } }
                dgroups.withUnsafeBufferPointer { dq in
                    linearBackward(dinp: UnsafeMutableBufferPointer(rebasing: dg[0..<(B * D)]), dweight: table.grads(of: index["signals.groups.weight"]!),
                                   dbias: table.grads(of: index["signals.groups.bias"]!), dout: UnsafeBufferPointer(rebasing: dq[0..<(B * G)]),
                                   inp: g, weight: UnsafeBufferPointer(table.values(of: index["signals.groups.weight"]!)), B: B, C: D, OC: G)
                }
            }
        }
        // "g_d ← g_d · winner_d"  ⇒  ∂m_d = ∂g_d · winner_d
        if s.kwta > 0 && s.kwta < D { for i in 0..<(B * D) { dg[i] *= winners[i] } }
        if s.phasor {
            let omega = table.values(of: index["signals.phasor.frequency"]!), phi = table.values(of: index["signals.phasor.phase"]!)
            // "g_d = h_d (1 + a cos θ_d)",  θ_d = ω_d h_d + φ_d  ⇒  ∂h_d += ∂g_d (1 + a cos θ_d − a ω_d h_d sin θ_d)
            for b in 0..<B {
                for d in 0..<D {
                    let x = h[b * D + d], theta = omega[d] * x + phi[d]
                    dh[b * D + d] += dg[b * D + d] * (1 + s.phasorDepth * (cosf(theta) - omega[d] * x * sinf(theta)))
                }
            }
        } else {
            for i in 0..<(B * D) { dh[i] += dg[i] }
        }
    }

    /// The utility head's squared error on the first choices, (1/B) Σ_b (u[b, first_b] − y_b)²,
    /// added to its gradients; returns the loss. y_b: the probability the model gave row b's class.
    @discardableResult
    func addUtilityGradients(first: (Int) -> Int, utilities y: [Float], B: Int, table: ParameterTable) -> Float {
        guard settings.predictive else { return 0 }
        let D = width, E = slots
        let dw = table.grads(of: index["signals.utility.weight"]!), db = table.grads(of: index["signals.utility.bias"]!)
        var loss: Float = 0
        for b in 0..<B {
            let e = first(b), r = utility[b * E + e] - y[b]
            loss += r * r / Float(B)
            // "L_u = (1/B) Σ (u − y)²"  ⇒  ∂u = 2 (u − y) / B, on the first choice's output only
            let du = 2 * r / Float(B)
            db[e] += du
            for d in 0..<D { dw[e * D + d] += du * gateInput[b * D + d] }
        }
        return loss
    }

    /// The merit board's update after a training batch (see `GateSignalSettings`).
    func updateMerit(first: (Int) -> Int, utilities y: [Float], B: Int, table: ParameterTable) {
        guard settings.merit, B > 0 else { return }
        let merit = table.values(of: index["signals.merit"]!)
        var sum = [Float](repeating: 0, count: slots), count = [Int](repeating: 0, count: slots)
        var mean: Float = 0
        for b in 0..<B { sum[first(b)] += y[b]; count[first(b)] += 1; mean += y[b] / Float(B) }
        // merit_e ← μ merit_e + (1 − μ)(ȳ_e − ȳ), for the experts that took rows
        for e in 0..<slots where count[e] > 0 {
            merit[e] = settings.meritMomentum * merit[e] + (1 - settings.meritMomentum) * (sum[e] / Float(count[e]) - mean)
        }
    }

    /// Mean over rows of the mean absolute deviation of the logit bias over the active experts:
    /// how far the signals move the gate's preferences (0 for a bias common to all experts).
    func biasSpread(B: Int, active: [Bool]) -> Double {
        let E = slots, activeCount = active.filter { $0 }.count
        guard activeCount > 0, B > 0 else { return 0 }
        var total = 0.0
        for b in 0..<B {
            var mean: Float = 0
            for e in 0..<E where active[e] { mean += bias[b * E + e] / Float(activeCount) }
            var spread: Float = 0
            for e in 0..<E where active[e] { spread += abs(bias[b * E + e] - mean) / Float(activeCount) }
            total += Double(spread)
        }
        return total / Double(B)
    }
}
