extension ParameterTable {
    /// Global L2 norm of all gradients; when it exceeds maxNorm, scales every gradient by
    /// maxNorm/norm (PyTorch's `clip_grad_norm_`, without its 1e-6). Returns the norm before
    /// clipping.
    ///
    ///     norm = √(Σᵢ gradᵢ²)                      over every gradient of every entry
    ///     norm > maxNorm:  gradᵢ *= maxNorm / norm
    ///
    /// Clipping one global norm rather than each tensor keeps the update's direction and only
    /// shortens it, so a single bad batch cannot throw the weights far.
    ///
    /// PyTorch divides by norm + 1e-6 and multiplies by min(1, that) on every call; the 1e-6
    /// only guards against dividing by a zero norm, which cannot happen here (we divide only
    /// when norm > maxNorm > 0). Leaving it out makes the clipped norm maxNorm rather than a
    /// hair below, and leaves gradients bit-for-bit untouched when the norm is within the
    /// bound. The two differ by a relative 1e-6 / norm.
    ///
    /// The sum of squares runs in Double over `grads` from first to last — the table's order,
    /// since entries sit in memory in declaration order — so the norm is the same on every
    /// run, and Float gradients cannot overflow it. A NaN or ∞ norm (some gradient is NaN or ∞)
    /// leaves the gradients untouched and is returned as is, so the caller can see it and skip
    /// the step; PyTorch would instead scale every gradient into NaN or 0. The returned norm is
    /// rounded to Float (∞ only if the true norm exceeds Float's range; the gradients are then
    /// still clipped, since the decision is taken on the Double norm).
    @discardableResult public func clipGradientNorm(to maxNorm: Float) -> Float {
        precondition(maxNorm > 0 && maxNorm.isFinite, "clipGradientNorm: maxNorm must be a finite norm > 0, got \(maxNorm)")
        let norm = gradientNormDouble()
        guard norm.isFinite else { return Float(norm) }
        if norm > Double(maxNorm) {
            let scale = Float(Double(maxNorm) / norm)
            for i in grads.indices { grads[i] *= scale }
        }
        return Float(norm)
    }

    /// The same global L2 norm without clipping: what a run records as `grad_norm` when it does
    /// not clip, so clipped and unclipped runs show the same quantity.
    public func gradientNorm() -> Float { Float(gradientNormDouble()) }

    /// √(Σᵢ gradᵢ²) in Double, in table order.
    private func gradientNormDouble() -> Double {
        var sumOfSquares: Double = 0
        for g in grads {
            let x = Double(g)
            sumOfSquares += x * x
        }
        return sumOfSquares.squareRoot()
    }
}
