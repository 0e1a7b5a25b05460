import NN
@testable import MoE
import TestSupport

/// Σ_i x[i] · w[i] in Double over the first w.count elements.
func projected(_ x: UnsafeMutableBufferPointer<Float>, _ w: [Float]) -> Double {
    var sum = 0.0
    for i in 0..<w.count { sum += Double(x[i]) * Double(w[i]) }
    return sum
}

func makeBuffer(_ values: [Float]) -> UnsafeMutableBufferPointer<Float> {
    let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(values.count, 1))
    _ = buffer.initialize(from: values)
    return buffer
}

/// A table holding exactly the parameters `declare` lists, filled with U(−scale, scale).
func makeTable(seed: UInt64, scale: Float, _ declare: (inout [(name: String, shape: [Int])]) -> Void) -> ParameterTable {
    var list: [(name: String, shape: [Int])] = []
    declare(&list)
    let table = ParameterTable(list)
    _ = table.values.update(fromContentsOf: testValues(table.count, seed: seed, in: (-scale, scale)))
    return table
}

/// Checks every tensor of `table` plus the input `x` against `analytic` / `dx`; returns the reports.
func checkAll(_ table: ParameterTable, analytic: [Float], x: UnsafeMutableBufferPointer<Float>?, dx: [Float],
              checker: GradientCheck, loss: () -> Double) -> [GradientCheckReport] {
    var reports: [GradientCheckReport] = []
    for (i, entry) in table.entries.enumerated() {
        reports.append(analytic[entry.range].withUnsafeBufferPointer {
            checker.check(entry.name, values: table.values(of: i), analytic: $0, loss: loss)
        })
    }
    if let x {
        reports.append(dx.withUnsafeBufferPointer { checker.check("x", values: x, analytic: $0, loss: loss) })
    }
    return reports
}

/// The whole classifier's backward for one batch against finite differences of its objective
/// (mean cross-entropy + auxiliary losses) over every parameter, with the same router noise
/// (seed 9) in each evaluation. Returns the per-tensor reports and the analytic gradient.
func classifierGradientReports(_ model: MoEClassifier, inputs: [Float], targets: [Int32],
                               batch B: Int) throws -> (reports: [GradientCheckReport], analytic: [Float]) {
    try inputs.withUnsafeBufferPointer { x in
        try targets.withUnsafeBufferPointer { t in
            guard let x = x.baseAddress, let t = t.baseAddress else { return ([], []) }
            var noise = SplitMix64(seed: 9)
            _ = try model.computeGradients(inputs: x, targets: t, batch: B, rng: &noise)
            let analytic = Array(model.parameters.grads)
            func loss() -> Double {
                var noise = SplitMix64(seed: 9)
                let result = try? model.meanLoss(inputs: x, targets: t, batch: B, rng: &noise)
                return Double((result?.loss ?? .nan) + (result?.auxLoss ?? .nan))
            }
            let checker = GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2)
            return (checkAll(model.parameters, analytic: analytic, x: nil, dx: [], checker: checker, loss: loss), analytic)
        }
    }
}
