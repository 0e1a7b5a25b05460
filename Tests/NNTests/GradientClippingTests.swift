import Testing
import NN

/// Two tensors whose gradients are [3, 4] and [12]: global norm √(9 + 16 + 144) = √169 = 13.
private func tableWithNorm13() -> ParameterTable {
    let table = ParameterTable([(name: "w", shape: [2]), (name: "b", shape: [1])])
    _ = table.grads.update(fromContentsOf: [3, 4, 12] as [Float])
    table.values.update(repeating: 1)
    return table
}

@Suite("Gradient clipping")
struct GradientClippingTests {
    @Test("a norm above the bound scales every gradient by maxNorm / norm and returns the norm before")
    func clipsAboveTheBound() {
        let table = tableWithNorm13()
        // 6.5 / 13 = 0.5 → [1.5, 2, 6], whose norm is 6.5
        #expect(table.clipGradientNorm(to: 6.5) == 13)
        #expect(Array(table.grads) == [1.5, 2, 6])
        #expect(Array(table.values) == [1, 1, 1])
        // Clipping again finds the norm at the bound and changes nothing.
        #expect(table.clipGradientNorm(to: 6.5) == 6.5)
        #expect(Array(table.grads) == [1.5, 2, 6])
    }

    @Test("gradientNorm reports the same global norm and never changes a gradient")
    func normWithoutClipping() {
        let table = tableWithNorm13()
        #expect(table.gradientNorm() == 13)
        #expect(Array(table.grads) == [3, 4, 12])
    }

    @Test("a norm within the bound leaves the gradients bit for bit")
    func leavesWithinTheBound() {
        for maxNorm: Float in [13, 20] {
            let table = tableWithNorm13()
            #expect(table.clipGradientNorm(to: maxNorm) == 13)
            #expect(Array(table.grads) == [3, 4, 12], "maxNorm \(maxNorm)")
        }
    }

    @Test("a scale that is not a power of two is applied to every entry of every tensor")
    func clipsToUnitNorm() {
        let table = tableWithNorm13()
        // 1 / 13 → [3/13, 4/13, 12/13], norm 1
        table.clipGradientNorm(to: 1)
        let expected: [Double] = [3.0 / 13, 4.0 / 13, 12.0 / 13]
        for (g, e) in zip(table.grads, expected) { #expect(abs(Double(g) - e) <= 1e-7, "\(g) vs \(e)") }
    }

    @Test("a NaN or infinite gradient leaves every gradient untouched and the non-finite norm is returned")
    func nonFiniteNorm() {
        for bad: Float in [.nan, .infinity, -.infinity] {
            let table = tableWithNorm13()
            table.grads[1] = bad
            let norm = table.clipGradientNorm(to: 1)
            #expect(bad.isNaN ? norm.isNaN : norm == .infinity, "gradient \(bad) gave norm \(norm)")
            #expect(table.grads[0] == 3 && table.grads[2] == 12)
            #expect(bad.isNaN ? table.grads[1].isNaN : table.grads[1] == bad)
        }
    }

    @Test("gradients whose squares overflow Float still give a finite norm and are clipped")
    func largeGradients() {
        // 3e30, 4e30: squares 9e60 and 1.6e61 overflow Float but not the Double sum; norm 5e30.
        let table = ParameterTable([(name: "w", shape: [2])])
        _ = table.grads.update(fromContentsOf: [3e30, 4e30] as [Float])
        let norm = table.clipGradientNorm(to: 5)
        #expect(abs(Double(norm) - 5e30) <= 5e30 * 1e-6)
        #expect(abs(table.grads[0] - 3) <= 3e-6 && abs(table.grads[1] - 4) <= 4e-6)
    }

    @Test("an empty table has norm 0")
    func emptyTable() {
        #expect(ParameterTable([]).clipGradientNorm(to: 1) == 0)
    }
}
