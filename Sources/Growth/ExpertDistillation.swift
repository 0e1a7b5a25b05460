import NN

/// Where a new expert learns from while it bootstraps: one teacher expert, or the mean output of
/// a committee of experts (the seed's committee distillation).
public enum DistillationTeacher: Equatable, Sendable {
    case expert(Int)
    case committee([Int])

    public var members: [Int] {
        switch self {
        case let .expert(e): return [e]
        case let .committee(members): return members
        }
    }
}

extension GrowingMixture {
    /// Adds α · ∂/∂θ_s of the distillation loss of student s on the features h of the last
    /// forward pass (all B rows, routed to s or not) into the grads, and returns the loss:
    ///
    ///     L = α · (1 / (B·D)) Σ_b ‖expert_s(h_b) − T(h_b)‖²,   T = mean over the teacher's members
    ///
    /// The teacher's outputs and h are constants here (no gradient to the teacher, the gate or
    /// the projection): the loss moves the student alone, towards what its teacher already does.
    /// Call after `computeGradients` on the same batch (it reuses the experts' workspaces).
    @discardableResult
    public func addDistillationGradients(student s: Int, teacher: DistillationTeacher, alpha: Float, batch B: Int) -> Float {
        let D = modelWidth
        let h = Array(features(batch: B))
        var target = [Float](repeating: 0, count: B * D), output = target
        let members = teacher.members
        precondition(!members.isEmpty && !members.contains(s), "distillation: the teacher must be other experts than the student \(s)")
        h.withUnsafeBufferPointer { hb in
            output.withUnsafeMutableBufferPointer { o in
                // T(h) = (1/|members|) Σ_m expert_m(h)
                for m in members {
                    experts[m].forward(out: o, inp: hb, B: B)
                    for i in 0..<(B * D) { target[i] += o[i] / Float(members.count) }
                }
                experts[s].forward(out: o, inp: hb, B: B)
            }
        }
        // "L = α/(B·D) Σ (S − T)²"  ⇒  ∂S = 2α (S − T) / (B·D)
        var loss: Float = 0
        var dout = [Float](repeating: 0, count: B * D)
        let scale = 2 * alpha / Float(B * D)
        for i in 0..<(B * D) {
            let diff = output[i] - target[i]
            loss += diff * diff
            dout[i] = scale * diff
        }
        h.withUnsafeBufferPointer { hb in
            dout.withUnsafeBufferPointer { g in experts[s].backward(dinp: nil, dout: g, inp: hb, B: B) }
        }
        return alpha * loss / Float(B * D)
    }

    /// Outputs of expert e on the rows of `features` [B,D] (for tests and checkpoints).
    public func expertOutputs(_ e: Int, features: [Float], batch B: Int) -> [Float] {
        var out = [Float](repeating: 0, count: B * modelWidth)
        features.withUnsafeBufferPointer { f in
            out.withUnsafeMutableBufferPointer { o in experts[e].forward(out: o, inp: f, B: B) }
        }
        return out
    }
}
