import MoE
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
        var target = [Float](repeating: 0, count: B * D)
        let members = teacher.members
        precondition(!members.isEmpty && !members.contains(s), "distillation: the teacher must be other experts than the student \(s)")
        // T(h) = (1/|members|) Σ_m expert_m(h)
        for m in members {
            let o = expertOutputs(m, features: h, batch: B)
            for i in 0..<(B * D) { target[i] += o[i] / Float(members.count) }
        }
        return addOutputMatchingGradients(expert: s, features: h, target: target, weight: alpha, batch: B)
    }

    /// EMC (the seed's soft freeze): remembers every expert's current values as the reference
    /// its outputs are later held to.
    public func setOutputAnchors() {
        if anchorTable == nil {
            var list: [(name: String, shape: [Int])] = []
            let copies = experts.map { MLPExpert(name: $0.name, inputSize: modelWidth, hiddenSize: expertHidden, outputSize: modelWidth, maxBatch: maxBatch) }
            for expert in copies { expert.declareParameters(into: &list) }
            let table = ParameterTable(list)
            for expert in copies { try! expert.bind(to: table) }
            anchorTable = table
            anchorExperts = copies
        }
        for entry in anchorTable!.entries {
            let source = parameters.entries[parameters.index(of: entry.name)!].range
            for (i, j) in zip(source, entry.range) { anchorTable!.values[j] = parameters.values[i] }
        }
    }

    /// Adds the gradient of the EMC penalty of each expert in `anchored` on the features of the
    /// last forward pass (all B rows) and returns it:
    ///
    ///     L = λ · Σ_{e ∈ anchored} (1 / (B·D)) Σ_b ‖expert_e(h_b) − anchor_e(h_b)‖²
    ///
    /// where anchor_e is expert e as `setOutputAnchors` saw it: an output-space penalty that keeps
    /// the experts a task does not own computing what they computed, while their weights may move.
    @discardableResult
    public func addOutputAnchorGradients(anchored: [Int], lambda: Float, batch B: Int) -> Float {
        precondition(anchorTable != nil, "addOutputAnchorGradients: setOutputAnchors first")
        let h = Array(features(batch: B))
        var loss: Float = 0
        for e in anchored {
            var target = [Float](repeating: 0, count: B * modelWidth)
            h.withUnsafeBufferPointer { f in target.withUnsafeMutableBufferPointer { o in anchorExperts[e].forward(out: o, inp: f, B: B) } }
            loss += addOutputMatchingGradients(expert: e, features: h, target: target, weight: lambda, batch: B)
        }
        return loss
    }

    /// "L = w/(B·D) Σ (S − T)²"  ⇒  ∂S = 2w (S − T) / (B·D), into expert e's grads only.
    private func addOutputMatchingGradients(expert e: Int, features h: [Float], target: [Float], weight: Float, batch B: Int) -> Float {
        let D = modelWidth
        let output = expertOutputs(e, features: h, batch: B)
        var loss: Float = 0
        var dout = [Float](repeating: 0, count: B * D)
        let scale = 2 * weight / Float(B * D)
        for i in 0..<(B * D) {
            let diff = output[i] - target[i]
            loss += diff * diff
            dout[i] = scale * diff
        }
        h.withUnsafeBufferPointer { hb in
            dout.withUnsafeBufferPointer { g in experts[e].backward(dinp: nil, dout: g, inp: hb, B: B) }
        }
        return weight * loss / Float(B * D)
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
