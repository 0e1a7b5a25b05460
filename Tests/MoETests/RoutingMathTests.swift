import TestSupport
import Testing
import NN
@testable import MoE

@Suite("Top-k, renormalisation and balancing losses")
struct RoutingMathTests {
    @Test("top-2 of [0.1, 0.4, 0.2, 0.3] is experts 1, 3 with weights 4/7 and 3/7")
    func topKRenormalisation() {
        let p = makeBuffer([0.1, 0.4, 0.2, 0.3]), w = makeBuffer(zeros: 2)
        let idx = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2)
        defer { p.deallocate(); w.deallocate(); idx.deallocate() }
        selectTopK(indices: idx, scores: p.readOnly, tieBreak: nil, B: 1, E: 4, k: 2)
        #expect(Array(idx) == [1, 3])
        topKWeightsForward(weights: w, probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 1, E: 4, k: 2, renormalize: true)
        #expect(abs(w[0] - 4.0 / 7) < 1e-6 && abs(w[1] - 3.0 / 7) < 1e-6, "\(Array(w))")
        topKWeightsForward(weights: w, probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 1, E: 4, k: 2, renormalize: false)
        #expect(Array(w) == [0.4, 0.3])
    }

    @Test("ties go to the larger tie-break value, then to the smaller index")
    func ties() {
        let scores = makeBuffer([2, 5, 5, 5]), tie = makeBuffer([0, 0.1, 0.7, 0.7])
        let idx = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 3)
        defer { scores.deallocate(); tie.deallocate(); idx.deallocate() }
        selectTopK(indices: idx, scores: scores.readOnly, tieBreak: nil, B: 1, E: 4, k: 3)
        #expect(Array(idx) == [1, 2, 3])
        selectTopK(indices: idx, scores: scores.readOnly, tieBreak: tie.readOnly, B: 1, E: 4, k: 3)
        #expect(Array(idx) == [2, 3, 1])
    }

    @Test("renormalisation backward matches finite differences")
    func renormalisationGradient() {
        let p = makeBuffer([0.1, 0.4, 0.2, 0.3, 0.5, 0.25, 0.05, 0.2]), w = makeBuffer(zeros: 4)
        let idx = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 4)
        defer { p.deallocate(); w.deallocate(); idx.deallocate() }
        selectTopK(indices: idx, scores: p.readOnly, tieBreak: nil, B: 2, E: 4, k: 2)
        let r: [Float] = [0.7, -1.3, 0.4, 2.0]
        func loss() -> Double {
            topKWeightsForward(weights: w, probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 2, E: 4, k: 2, renormalize: true)
            return projected(w, r)
        }
        _ = loss()
        let dp = makeBuffer(zeros: 8), dw = makeBuffer(r)
        defer { dp.deallocate(); dw.deallocate() }
        topKWeightsBackward(dprobabilities: dp, dweights: dw.readOnly, probabilities: p.readOnly, indices: UnsafeBufferPointer(idx),
                            weights: w.readOnly, B: 2, E: 4, k: 2, renormalize: true)
        let report = GradientCheck(epsilon: 1e-3).check("p", values: p, analytic: dp.readOnly, loss: loss)
        #expect(report.passed, "\(report)")
        #expect(dp[0] == 0 && dp[2] == 0)          // unchosen experts of row 0
        // row 0: S = 0.7, w = (4/7, 3/7); dp_1 = (0.7 − (0.7·4/7 − 1.3·3/7)) / 0.7
        let expected: Float = (0.7 - (0.4 - 3.9 / 7)) / 0.7
        #expect(abs(dp[1] - expected) < 1e-5)
    }

    @Test("Switch loss on 4 samples, 2 experts: f = (3/4, 1/4), P = (0.6, 0.4), α·E·Σ f·P = 0.01·2·0.55")
    func switchLossByHand() {
        // rows: top-1 experts 0, 0, 0, 1; P_0 = (0.9 + 0.6 + 0.7 + 0.2) / 4 = 0.6
        let p = makeBuffer([0.9, 0.1, 0.6, 0.4, 0.7, 0.3, 0.2, 0.8])
        let idx = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 4)
        defer { p.deallocate(); idx.deallocate() }
        selectTopK(indices: idx, scores: p.readOnly, tieBreak: nil, B: 4, E: 2, k: 1)
        #expect(Array(idx) == [0, 0, 0, 1])
        let loss = switchLoadBalancingLoss(probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 4, E: 2, k: 1, alpha: 0.01)
        let expected: Float = 0.01 * 2 * (0.75 * 0.6 + 0.25 * 0.4)
        #expect(abs(loss - expected) < 1e-7, "\(loss)")
        let dp = makeBuffer(zeros: 8)
        defer { dp.deallocate() }
        switchLoadBalancingBackward(dprobabilities: dp, indices: UnsafeBufferPointer(idx), B: 4, E: 2, k: 1, alpha: 0.01)
        // dp[b,i] = α·E·f_i / B
        let d0: Float = 0.01 * 2 * 0.75 / 4, d1: Float = 0.01 * 2 * 0.25 / 4
        #expect(abs(dp[0] - d0) < 1e-8 && abs(dp[7] - d1) < 1e-8)
        // with f fixed the loss is linear in p, so finite differences agree
        let report = GradientCheck(epsilon: 1e-2).check("p", values: p, analytic: dp.readOnly) {
            Double(switchLoadBalancingLoss(probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 4, E: 2, k: 1, alpha: 0.01))
        }
        #expect(report.passed, "\(report)")
    }

    @Test("Switch loss over all k slots: 3 samples, 3 experts, k = 2, f = (3, 2, 1)/6 by hand")
    func switchAllSlotsLossByHand() {
        // slots (b: top-1, top-2): (0, 1), (0, 2), (1, 0) ⇒ counts 3, 2, 1 over B·k = 6 slots;
        // top-1 only would give f = (2, 1, 0)/3.
        let p = makeBuffer([0.5, 0.3, 0.2, 0.6, 0.1, 0.3, 0.3, 0.6, 0.1])
        let idx = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 6)
        defer { p.deallocate(); idx.deallocate() }
        selectTopK(indices: idx, scores: p.readOnly, tieBreak: nil, B: 3, E: 3, k: 2)
        #expect(Array(idx) == [0, 1, 0, 2, 1, 0])
        // P = ((0.5 + 0.6 + 0.3), (0.3 + 0.1 + 0.6), (0.2 + 0.3 + 0.1)) / 3 = (1.4, 1.0, 0.6) / 3
        let all = switchLoadBalancingLoss(probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 3, E: 3, k: 2, alpha: 0.1, countedSlots: 2)
        let expectedAll: Float = 0.1 * 3 * (3.0 / 6 * 1.4 / 3 + 2.0 / 6 * 1.0 / 3 + 1.0 / 6 * 0.6 / 3)
        #expect(abs(all - expectedAll) < 1e-7, "\(all)")
        let top1 = switchLoadBalancingLoss(probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 3, E: 3, k: 2, alpha: 0.1)
        let expectedTop1: Float = 0.1 * 3 * (2.0 / 3 * 1.4 / 3 + 1.0 / 3 * 1.0 / 3)
        #expect(abs(top1 - expectedTop1) < 1e-7, "\(top1)")
        let dp = makeBuffer(zeros: 9)
        defer { dp.deallocate() }
        switchLoadBalancingBackward(dprobabilities: dp, indices: UnsafeBufferPointer(idx), B: 3, E: 3, k: 2, alpha: 0.1, countedSlots: 2)
        // dp[b,i] = α·E·f_i / B
        #expect(abs(dp[0] - 0.1 * 3 * 0.5 / 3) < 1e-8 && abs(dp[5] - 0.1 * 3 / 6 / 3) < 1e-8)
        let report = GradientCheck(epsilon: 1e-2).check("p", values: p, analytic: dp.readOnly) {
            Double(switchLoadBalancingLoss(probabilities: p.readOnly, indices: UnsafeBufferPointer(idx), B: 3, E: 3, k: 2, alpha: 0.1, countedSlots: 2))
        }
        #expect(report.passed, "\(report)")
    }

    @Test("CV² of (1, 2, 3, 6) is var 3.5 / mean² 9; its backward matches finite differences")
    func coefficientOfVariation() {
        let x = makeBuffer([1, 2, 3, 6]), dx = makeBuffer(zeros: 4)
        defer { x.deallocate(); dx.deallocate() }
        let cv = coefficientOfVariationSquared(x.readOnly)
        #expect(abs(cv - 3.5 / 9) < 1e-6)
        coefficientOfVariationSquaredBackward(dx: dx, x: x.readOnly, scale: 2)
        let report = GradientCheck(epsilon: 1e-3).check("x", values: x, analytic: dx.readOnly) {
            2 * Double(coefficientOfVariationSquared(x.readOnly))
        }
        #expect(report.passed, "\(report)")
    }

    @Test("variance penalty: means (0.75, 0.25) give c·0.0625; backward matches finite differences")
    func variancePenalty() {
        let p = makeBuffer([0.9, 0.1, 0.6, 0.4]), dp = makeBuffer(zeros: 4)
        defer { p.deallocate(); dp.deallocate() }
        let penalty = expertVarianceLoss(probabilities: p.readOnly, B: 2, E: 2, coefficient: 2)
        #expect(abs(penalty - 0.125) < 1e-6)
        expertVarianceBackward(dprobabilities: dp, probabilities: p.readOnly, B: 2, E: 2, coefficient: 2)
        let report = GradientCheck(epsilon: 1e-3).check("p", values: p, analytic: dp.readOnly) {
            Double(expertVarianceLoss(probabilities: p.readOnly, B: 2, E: 2, coefficient: 2))
        }
        #expect(report.passed, "\(report)")
        #expect(dp[0] > 0 && dp[1] < 0)
    }

    @Test("importanceAndLoad with a softmax gate is a config error that names the fix")
    func importanceNeedsNoisyGate() {
        let config = MoEConfig(router: .softmax, experts: 4, topK: 1, loadBalancing: .importanceAndLoad(importance: 0.1, load: 0.1))
        #expect(throws: MoEError.self) { try config.validate() }
        #expect((try? MoEConfig(router: .noisyTopK, experts: 4, topK: 1,
                                loadBalancing: .importanceAndLoad(importance: 0.1, load: 0.1)).validate()) != nil)
    }
}
