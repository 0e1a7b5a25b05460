/// A quadratic pull of every parameter towards an anchor, weighted per parameter:
///
///     penalty = Σ_i Ω_i (θ_i − θ*_i)²,    ∂penalty/∂θ_i = 2 Ω_i (θ_i − θ*_i)
///
/// The shared form of EWC (Ω = the diagonal Fisher of a past task, θ* its solution, scaled by λ/2)
/// and SI (Ω = the accumulated, normalised path integrals, θ* the last task's solution, scaled by c).
public struct QuadraticAnchor: Sendable {
    public var importance: [Float]
    public var anchor: [Float]

    public init(importance: [Float], anchor: [Float]) {
        precondition(importance.count == anchor.count, "QuadraticAnchor: \(importance.count) importances for \(anchor.count) parameters")
        self.importance = importance
        self.anchor = anchor
    }

    /// Σ Ω (θ − θ*)², summed in Double in parameter order.
    public func penalty(_ values: UnsafeBufferPointer<Float>) -> Double {
        precondition(values.count == anchor.count, "QuadraticAnchor: \(values.count) parameters, anchored \(anchor.count)")
        var sum = 0.0
        for i in 0..<anchor.count {
            let d = values[i] - anchor[i]
            sum += Double(importance[i] * d * d)
        }
        return sum
    }

    /// grads += scale · 2 Ω (θ − θ*)
    public func addGradient(values: UnsafeBufferPointer<Float>, grads: UnsafeMutableBufferPointer<Float>, scale: Float) {
        precondition(values.count == anchor.count && grads.count == anchor.count,
                     "QuadraticAnchor: \(values.count) values / \(grads.count) grads for \(anchor.count) parameters")
        let s = 2 * scale
        importance.withUnsafeBufferPointer { omega in
            anchor.withUnsafeBufferPointer { star in
                for i in 0..<star.count {
                    grads[i] += s * omega[i] * (values[i] - star[i])
                }
            }
        }
    }
}
