import Foundation

// Per-row losses over a slice of a logit row, with their gradients, for learners whose outputs are
// split into heads. Each adds `weight` × its gradient into `dlogits` (nil: loss only) and returns
// the unweighted loss; the caller sums rows and picks the weights (1/B for a batch mean, the
// replay mixing of van de Ven & Tolias). Sums are in Double in column order, so results are the
// same bits on every machine.

/// Cross-entropy of the softmax over `columns` only (an "active" head):
///
///     p_k = exp(z_k − m) / Σ_{j∈columns} exp(z_j − m),   loss = −log p_target,   ∂loss/∂z_k = p_k − 1[k = target]
///
/// Columns outside `columns` get no gradient: they are not part of this head.
@discardableResult
public func maskedCrossEntropy(logits: UnsafePointer<Float>, dlogits: UnsafeMutablePointer<Float>?,
                               columns: Range<Int>, target: Int, weight: Float) -> Float {
    precondition(columns.contains(target), "maskedCrossEntropy: target \(target) is outside the active columns \(columns)")
    var m = -Float.infinity
    for k in columns { m = max(m, logits[k]) }
    var sum = 0.0
    for k in columns { sum += Double(expf(logits[k] - m)) }
    let logSum = Float(log(sum))
    if let dlogits {
        // ∂loss/∂z_k = p_k − 1[k = target]
        for k in columns {
            let p = expf(logits[k] - m - logSum)
            dlogits[k] += weight * (p - (k == target ? 1 : 0))
        }
    }
    return logSum - (logits[target] - m)
}

/// Knowledge distillation with temperature T (Hinton et al. 2015; Li & Hoiem 2017), as van de Ven
/// & Tolias compute it: the teacher's `teacherCount` scores give q = softmax(teacher / T), padded
/// with zeros up to the student's `columns.count` (classes the teacher never saw); the student's
/// p = softmax(z[columns] / T);
///
///     loss = −T² Σ_k q_k log p_k,    ∂loss/∂z_k = T (p_k − q_k)
@discardableResult
public func distillation(studentLogits: UnsafePointer<Float>, dlogits: UnsafeMutablePointer<Float>?, columns: Range<Int>,
                         teacherLogits: UnsafePointer<Float>, teacherCount: Int, temperature T: Float, weight: Float) -> Float {
    precondition(teacherCount > 0 && teacherCount <= columns.count,
                 "distillation: \(teacherCount) teacher scores for \(columns.count) student columns")
    precondition(T > 0, "distillation: temperature must be > 0, got \(T)")
    // q = softmax(teacher / T)
    var mt = -Float.infinity
    for k in 0..<teacherCount { mt = max(mt, teacherLogits[k] / T) }
    var st = 0.0
    for k in 0..<teacherCount { st += Double(expf(teacherLogits[k] / T - mt)) }
    let logSt = Float(log(st))
    // log p = z / T − logsumexp(z / T)
    var ms = -Float.infinity
    for k in columns { ms = max(ms, studentLogits[k] / T) }
    var ss = 0.0
    for k in columns { ss += Double(expf(studentLogits[k] / T - ms)) }
    let logSs = Float(log(ss))
    var loss = 0.0
    for (i, k) in columns.enumerated() {
        let q = i < teacherCount ? expf(teacherLogits[i] / T - mt - logSt) : 0
        let logP = studentLogits[k] / T - ms - logSs
        loss -= Double(q * logP)
        // ∂loss/∂z_k = T (p_k − q_k)
        dlogits?[k] += weight * T * (expf(logP) - q)
    }
    return Float(loss) * T * T
}
