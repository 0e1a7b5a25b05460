import NN

/// The diagonal of the Fisher information of a classifier on a task's training set, as EWC
/// estimates it in van de Ven & Tolias' code: for each sample alone (batch 1), the gradient of
/// −log p(ŷ | x) over the active `columns`, ŷ the model's own most likely class there (the
/// "true" Fisher's mode rather than the label: their default), squared and averaged:
///
///     F_i = (1/N) Σ_n (∂ log p(ŷ_n | x_n) / ∂θ_i)²
///
/// (Their code divides by N − 1, the last loop index; here by N.) `input(n)` gives sample n's
/// pixels and `columns(n)` its active outputs.
public func diagonalFisher(model: MLPClassifier, samples: Int, input: (Int) -> UnsafePointer<Float>,
                           columns: (Int) -> Range<Int>) -> [Float] {
    precondition(samples > 0, "diagonalFisher needs at least one sample")
    let table = model.parameters
    var sum = [Double](repeating: 0, count: table.count)
    var dlogits = [Float](repeating: 0, count: model.classes)
    for n in 0..<samples {
        let x = input(n)
        let logits = model.logits(inputs: x, batch: 1)
        let active = columns(n)
        var best = active.lowerBound
        for k in active where logits[k] > logits[best] { best = k }
        for k in 0..<dlogits.count { dlogits[k] = 0 }
        dlogits.withUnsafeMutableBufferPointer { d in
            _ = maskedCrossEntropy(logits: logits.baseAddress!, dlogits: d.baseAddress!, columns: active, target: best, weight: 1)
        }
        dlogits.withUnsafeBufferPointer { model.backward(inputs: x, dlogits: $0.baseAddress!, batch: 1) }
        // F_i += g_i²
        for i in 0..<table.count {
            let g = table.grads[i]
            sum[i] += Double(g * g)
        }
    }
    return sum.map { Float($0 / Double(samples)) }
}
