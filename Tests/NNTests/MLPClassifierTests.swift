import Foundation
import TestSupport
import Testing
import NN

/// Three well-separated clusters in 4-d: class c sits at 2·e_c plus U(−0.5, 0.5) noise per coordinate.
private func clusters(perClass: Int, seed: UInt64) -> (inputs: [Float], targets: [Int32]) {
    let noise = testValues(3 * perClass * 4, seed: seed, in: (-0.5, 0.5))
    var inputs: [Float] = [], targets: [Int32] = []
    for i in 0..<(3 * perClass) {
        let c = i % 3
        for d in 0..<4 { inputs.append((d == c ? 2 : 0) + noise[i * 4 + d]) }
        targets.append(Int32(c))
    }
    return (inputs, targets)
}

@Suite("MLPClassifier")
struct MLPClassifierTests {
    @Test("the Fashion-MNIST MLP 784-256-10 has 203 530 parameters and 203 264 MACs per sample")
    func sizes() {
        var g = SplitMix64(seed: 1)
        let mlp = MLPClassifier(inputSize: 784, hidden: [256], classes: 10, maxBatch: 2, rng: &g)
        #expect(mlp.parameterCount == 784 * 256 + 256 + 256 * 10 + 10)
        #expect(mlp.multiplyAccumulatesPerSample == 784 * 256 + 256 * 10)
        #expect(mlp.parameters.entries.map(\.name) == ["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"])
        #expect(mlp.parameters.entries[0].shape == [256, 784])

        let softmaxRegression = MLPClassifier(inputSize: 784, hidden: [], classes: 10, maxBatch: 2, rng: &g)
        #expect(softmaxRegression.parameterCount == 7850)
        #expect(softmaxRegression.multiplyAccumulatesPerSample == 7840)
    }

    @Test("the same seed gives the same initial weights; weights lie within 1/√fan-in")
    func deterministicInit() {
        var g1 = SplitMix64(seed: 9), g2 = SplitMix64(seed: 9)
        let a = MLPClassifier(inputSize: 16, hidden: [8], classes: 3, maxBatch: 1, rng: &g1)
        let b = MLPClassifier(inputSize: 16, hidden: [8], classes: 3, maxBatch: 1, rng: &g2)
        #expect(a.parameters.snapshotValues() == b.parameters.snapshotValues())
        #expect(a.parameters.values(of: 0).allSatisfy { abs($0) <= 0.25 })              // 1/√16
        #expect(a.parameters.values(of: 2).allSatisfy { abs($0) <= 1 / Float(8).squareRoot() })
        #expect(a.parameters.values(of: 0).contains { abs($0) > 0.2 })                  // not a tiny constant
    }

    @Test("finite differences of the whole 2-layer MLP agree with backward; a sign-flipped entry is flagged")
    func gradientCheck() {
        let B = 4
        var g = SplitMix64(seed: 3)
        let mlp = MLPClassifier(inputSize: 6, hidden: [5], classes: 3, maxBatch: B, rng: &g)
        let inputs = testValues(B * 6, seed: 41, in: (-2, 2))
        let targets: [Int32] = [0, 2, 1, 2]
        inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                guard let x = x.baseAddress, let t = t.baseAddress else { return }
                _ = mlp.computeGradients(inputs: x, targets: t, batch: B)
                let analytic = Array(mlp.parameters.grads)   // meanLoss below does not touch grads, but be explicit
                // A small ε keeps perturbed hidden units on the same side of the ReLU kink.
                let checker = GradientCheck(epsilon: 1e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2)
                func loss() -> Double { Double(mlp.meanLoss(inputs: x, targets: t, batch: B)) }
                for (i, entry) in mlp.parameters.entries.enumerated() {
                    let report = analytic[entry.range].withUnsafeBufferPointer { grads in
                        checker.check(entry.name, values: mlp.parameters.values(of: i), analytic: grads, loss: loss)
                    }
                    #expect(report.passed, "\(report)")
                    #expect(analytic[entry.range].contains { $0 != 0 }, "\(entry.name) has an all-zero gradient")
                }

                var wrong = Array(analytic[mlp.parameters.entries[0].range])
                let flipped = wrong.indices.max { abs(wrong[$0]) < abs(wrong[$1]) } ?? 0
                wrong[flipped] = -wrong[flipped]
                let broken = wrong.withUnsafeBufferPointer { grads in
                    checker.check("layers.0.weight", values: mlp.parameters.values(of: 0), analytic: grads, loss: loss)
                }
                #expect(broken.failures.map(\.index) == [flipped])
            }
        }
    }

    @Test("training on separable clusters drives the loss near zero and predicts every point right",
          arguments: [[Int](), [16]])
    func trainsToLowLoss(hidden: [Int]) {
        let data = clusters(perClass: 10, seed: 51)
        let B = 30
        var g = SplitMix64(seed: 4)
        let mlp = MLPClassifier(inputSize: 4, hidden: hidden, classes: 3, maxBatch: B, rng: &g)
        var optimizer = Adam(learningRate: 0.05)
        var probs = [Float](repeating: 0, count: B * 3)
        data.inputs.withUnsafeBufferPointer { x in
            data.targets.withUnsafeBufferPointer { t in
                guard let x = x.baseAddress, let t = t.baseAddress else { return }
                let initialLoss = mlp.meanLoss(inputs: x, targets: t, batch: B)
                let firstStepLoss = mlp.trainStep(inputs: x, targets: t, batch: B, optimizer: &optimizer)
                #expect(firstStepLoss == initialLoss)         // the loss returned is from before the update
                #expect(initialLoss > 0.5)                    // ≈ log 3 = 1.1 at random init
                var loss = firstStepLoss
                for _ in 0..<300 { loss = mlp.trainStep(inputs: x, targets: t, batch: B, optimizer: &optimizer) }
                #expect(loss < 0.05, "final loss \(loss)")
                #expect(mlp.meanLoss(inputs: x, targets: t, batch: B) < 0.05)
                probs.withUnsafeMutableBufferPointer { p in
                    guard let p = p.baseAddress else { return }
                    mlp.predictProbabilities(inputs: x, batch: B, into: p)
                }
            }
        }
        for b in 0..<B {
            let row = probs[(b * 3)..<(b * 3 + 3)]
            #expect(abs(row.reduce(0, +) - 1) < 1e-5)
            let predicted = row.indices.max { row[$0] < row[$1] }.map { $0 - b * 3 }
            #expect(predicted == Int(data.targets[b]), "sample \(b) predicted \(String(describing: predicted))")
        }
    }

    @Test("a batch smaller than maxBatch uses only its own rows")
    func partialBatch() {
        var g = SplitMix64(seed: 8)
        let mlp = MLPClassifier(inputSize: 4, hidden: [3], classes: 3, maxBatch: 5, rng: &g)
        let data = clusters(perClass: 1, seed: 61)  // 3 samples
        var one = [Float](repeating: 0, count: 3), three = [Float](repeating: 0, count: 9)
        data.inputs.withUnsafeBufferPointer { x in
            guard let x = x.baseAddress else { return }
            one.withUnsafeMutableBufferPointer { p in if let p = p.baseAddress { mlp.predictProbabilities(inputs: x, batch: 1, into: p) } }
            three.withUnsafeMutableBufferPointer { p in if let p = p.baseAddress { mlp.predictProbabilities(inputs: x, batch: 3, into: p) } }
        }
        // BLAS may pick a different kernel for 1 row than for 3, so allow rounding differences.
        for v in 0..<3 { #expect(abs(three[v] - one[v]) < 1e-6, "probs[0,\(v)]: \(three[v]) vs \(one[v])") }
        #expect(three[3..<6] != three[0..<3])
    }

    @Test("backward from the cross-entropy's own logit gradients gives the gradients of computeGradients (to rounding)")
    func logitsAndBackwardMatchComputeGradients() {
        var g = SplitMix64(seed: 12)
        let mlp = MLPClassifier(inputSize: 4, hidden: [5, 3], classes: 3, maxBatch: 6, rng: &g)
        let data = clusters(perClass: 2, seed: 7)  // 6 samples
        data.inputs.withUnsafeBufferPointer { x in
            data.targets.withUnsafeBufferPointer { t in
                _ = mlp.computeGradients(inputs: x.baseAddress!, targets: t.baseAddress!, batch: 6)
                let expected = Array(mlp.parameters.grads)
                // dlogits = (softmax(z) − onehot) / B, the loss's own gradient
                let z = Array(mlp.logits(inputs: x.baseAddress!, batch: 6))
                var dz = [Float](repeating: 0, count: 18)
                for b in 0..<6 {
                    let row = z[(b * 3)..<(b * 3 + 3)]
                    let m = row.max()!
                    let e = row.map { expf($0 - m) }
                    let sum = e.reduce(0, +)
                    for k in 0..<3 { dz[b * 3 + k] = (e[k] / sum - (k == Int(t[b]) ? 1 : 0)) / 6 }
                }
                mlp.backward(inputs: x.baseAddress!, dlogits: dz, batch: 6)
                let got = Array(mlp.parameters.grads)
                for i in 0..<got.count { #expect(abs(got[i] - expected[i]) <= 1e-6 * max(1, abs(expected[i])), "grad[\(i)]") }
            }
        }
    }
}
