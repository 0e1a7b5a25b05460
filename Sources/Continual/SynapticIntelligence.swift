/// Synaptic intelligence's importance bookkeeping (Zenke, Poole & Ganguli 2017), as van de Ven &
/// Tolias run it. During a task, after each optimiser step, every parameter's contribution to the
/// drop in loss is integrated along the path the parameters took:
///
///     w_i += −g_i · (θ_i(after) − θ_i(before))        (g: the step's gradient, penalty included)
///
/// and at the end of the task it is normalised by how far the parameter moved over the task and
/// added to the importance, with the task's end point the new anchor:
///
///     Ω_i += w_i / ((θ_i(end) − θ_i(start))² + ξ)
public struct SynapticIntelligence: Sendable {
    /// ξ, the damping that bounds Ω when a parameter barely moved (0.1 in both papers' code).
    public let damping: Float
    public private(set) var pathIntegral: [Float]
    public private(set) var taskStart: [Float]
    public private(set) var importance: [Float]

    public init(initialValues: UnsafeBufferPointer<Float>, damping: Float = 0.1) {
        self.damping = damping
        pathIntegral = Array(repeating: 0, count: initialValues.count)
        taskStart = Array(initialValues)
        importance = Array(repeating: 0, count: initialValues.count)
    }

    /// w += −g · (after − before), after one optimiser step.
    public mutating func record(grads: UnsafeBufferPointer<Float>, before: UnsafeBufferPointer<Float>,
                                after: UnsafeBufferPointer<Float>) {
        pathIntegral.withUnsafeMutableBufferPointer { w in
            for i in 0..<w.count {
                w[i] -= grads[i] * (after[i] - before[i])
            }
        }
    }

    /// Ω += w / (Δ² + ξ); the anchor moves to `values`, w restarts at 0. Returns the penalty's anchor.
    public mutating func consolidate(values: UnsafeBufferPointer<Float>) -> QuadraticAnchor {
        for i in 0..<importance.count {
            let delta = values[i] - taskStart[i]
            importance[i] += pathIntegral[i] / (delta * delta + damping)
            pathIntegral[i] = 0
        }
        taskStart = Array(values)
        return QuadraticAnchor(importance: importance, anchor: taskStart)
    }
}
