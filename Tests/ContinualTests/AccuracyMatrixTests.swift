import Continual
import Testing

@Suite("AccuracyMatrix")
struct AccuracyMatrixTests {
    @Test("by hand: average accuracy, forgetting and backward transfer of a 3-task matrix")
    func byHand() {
        // R = [[0.9], [0.8, 0.95], [0.6, 0.7, 1.0]]
        let m = AccuracyMatrix(rows: [[0.9], [0.8, 0.95], [0.6, 0.7, 1.0]])
        #expect(abs(m.averageAccuracy - (0.6 + 0.7 + 1.0) / 3) < 1e-12)
        // forgetting: task 0 best 0.9 → 0.6 (0.3); task 1 best 0.95 → 0.7 (0.25); mean 0.275
        #expect(abs(m.forgetting - 0.275) < 1e-12)
        // backward transfer: (0.6 − 0.9 + 0.7 − 0.95) / 2 = −0.275 (the same here: each best is right after training)
        #expect(abs(m.backwardTransfer - -0.275) < 1e-12)
    }

    @Test("forgetting takes the best earlier accuracy, which need not be the one right after training")
    func forgettingUsesTheBest() {
        let m = AccuracyMatrix(rows: [[0.5], [0.9, 0.8], [0.7, 0.8, 0.9]])
        #expect(abs(m.forgetting - (0.2 + 0) / 2) < 1e-12)          // task 0: best 0.9 → 0.7
        #expect(abs(m.backwardTransfer - (0.2 + 0) / 2) < 1e-12)    // task 0: 0.5 → 0.7
    }

    @Test("one task has an average but no forgetting (NaN, not 0)")
    func oneTask() {
        var m = AccuracyMatrix()
        m.append([0.75])
        #expect(m.averageAccuracy == 0.75)
        #expect(m.forgetting.isNaN && m.backwardTransfer.isNaN)
    }
}
