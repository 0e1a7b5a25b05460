import Continual
import Testing
import TestSupport

@Suite("QuadraticAnchor (the EWC / SI penalty)")
struct QuadraticAnchorTests {
    @Test("by hand: Ω (1, 2, 0), θ* (0, 1, 5), θ (1, 3, −5) give penalty 1 + 8 + 0 = 9 and gradient scale·2Ω(θ − θ*) = (1, 4, 0)·s")
    func byHand() {
        let anchor = QuadraticAnchor(importance: [1, 2, 0], anchor: [0, 1, 5])
        let theta = makeBuffer([1, 3, -5])
        let grads = makeBuffer([10, 10, 10])
        #expect(anchor.penalty(theta.readOnly) == 9)
        anchor.addGradient(values: theta.readOnly, grads: grads, scale: 0.5)
        #expect(Array(grads) == [11, 14, 10])
    }

    @Test("its gradient agrees with finite differences of its penalty")
    func gradient() {
        let count = 7
        let anchor = QuadraticAnchor(importance: testValues(count, seed: 1, in: (0, 3)), anchor: testValues(count, seed: 2))
        let theta = makeBuffer(testValues(count, seed: 3))
        let grads = makeBuffer(zeros: count)
        anchor.addGradient(values: theta.readOnly, grads: grads, scale: 1)
        for i in 0..<count {
            let saved = theta[i]
            theta[i] = saved + 1e-2
            let plus = anchor.penalty(theta.readOnly)
            theta[i] = saved - 1e-2
            let minus = anchor.penalty(theta.readOnly)
            theta[i] = saved
            #expect(abs((plus - minus) / 2e-2 - Double(grads[i])) < 1e-3, "parameter \(i)")
        }
    }
}
