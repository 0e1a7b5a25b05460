import Testing
import Tensor
#if canImport(Glibc)
import Glibc
#endif

@Suite("Vector exp")
struct VectorExpTests {
    @Test("relative error against expf stays below 2e-7 on a dense grid over [-87, 88]")
    func errorBound() {
        var worst: Double = 0, worstX: Float = 0
        var x: Float = -87
        while x < 88 {
            var lanes = FloatLanes()
            for lane in 0..<8 { lanes[lane] = x + Float(lane) * 0.000_37 }
            let fast = vectorExp(lanes)
            for lane in 0..<8 {
                let exact = exp(Double(lanes[lane]))
                let error = abs(Double(fast[lane]) - exact) / exact
                if error > worst { (worst, worstX) = (error, lanes[lane]) }
            }
            x += 0.0031
        }
        #expect(worst < 2e-7, "worst relative error \(worst) at x = \(worstX)")
    }

    @Test("exact at 0, 0 far below, infinity far above, NaN kept")
    func edges() {
        let v = vectorExp(FloatLanes(0, -100, 100, .nan, 1, -1, -87.5, .infinity))
        #expect(v[0] == 1)
        #expect(v[1] == 0 && v[6] == 0)
        #expect(v[2] == .infinity && v[7] == .infinity)
        #expect(v[3].isNaN)
        #expect(abs(v[4] - 2.7182817) <= 3e-7 && abs(v[5] - 0.36787945) <= 1e-7)
    }

    @Test("the non-positive entry point gives vectorExp's bits on x ≤ 0, 0 below −87.3, and keeps NaN")
    func nonPositiveMatchesBits() {
        var x: Float = -90
        var mismatches = 0, checked = 0
        while x <= 0 {
            var lanes = FloatLanes()
            for lane in 0..<8 { lanes[lane] = min(0, x + Float(lane) * 0.000_71) }
            let fast = vectorExpNonPositive(lanes), general = vectorExp(lanes)
            for lane in 0..<8 where fast[lane].bitPattern != general[lane].bitPattern { mismatches += 1 }
            checked += 8
            x += 0.0047
        }
        #expect(checked > 100_000)
        #expect(mismatches == 0)
        let edges = vectorExpNonPositive(FloatLanes(0, -100, -.infinity, .nan, -87.5, -1e-30, -0.0, -87.2))
        #expect(edges[0] == 1 && edges[6] == 1 && edges[5] == 1)
        #expect(edges[1] == 0 && edges[2] == 0 && edges[4] == 0)
        #expect(edges[3].isNaN)
        let exact = exp(Double(Float(-87.2)))
        #expect(edges[7] > 0 && abs(Double(edges[7]) - exact) / exact < 2e-7)
    }
}

@Suite("Vector log, softplus and its derivative")
struct VectorLogTests {
    @Test("log's relative error against Double log stays below 2e-7 from 1e-30 to 1e30")
    func logErrorBound() {
        var worst: Double = 0, worstX: Float = 0
        var x: Float = 1e-30
        while x < 1e30 {
            var lanes = FloatLanes()
            for lane in 0..<8 { lanes[lane] = x * (1 + Float(lane) * 0.0123) }
            let fast = vectorLog(lanes)
            for lane in 0..<8 {
                let exact = log(Double(lanes[lane]))
                let error = abs(Double(fast[lane]) - exact) / max(abs(exact), 1e-3)
                if error > worst { (worst, worstX) = (error, lanes[lane]) }
            }
            x *= 1.0371
        }
        #expect(worst < 2e-7, "worst relative error \(worst) at x = \(worstX)")
        #expect(vectorLog(FloatLanes(repeating: 1)) == FloatLanes(repeating: 0))
    }

    @Test("softplus and its derivative agree with log1pf(expf(x)) and −expm1f(−s) to 5e-7 relative, tiny values included")
    func softplusMatchesScalar() {
        var worstValue: Float = 0, worstDerivative: Float = 0
        var x: Float = -80
        while x < 30 {
            var lanes = FloatLanes()
            for lane in 0..<8 { lanes[lane] = x + Float(lane) * 0.0017 }
            let value = vectorSoftplus(lanes), derivative = vectorSoftplusDerivative(output: value)
            for lane in 0..<8 {
                let exact = lanes[lane] > 20 ? lanes[lane] : log1pf(expf(lanes[lane]))
                worstValue = max(worstValue, abs(value[lane] - exact) / exact)
                let exactDerivative = -expm1f(-value[lane])
                if exactDerivative > 0 {
                    worstDerivative = max(worstDerivative, abs(derivative[lane] - exactDerivative) / exactDerivative)
                }
            }
            x += 0.0137
        }
        #expect(worstValue < 5e-7, "softplus: worst relative error \(worstValue)")
        #expect(worstDerivative < 5e-7, "derivative: worst relative error \(worstDerivative)")
        #expect(vectorSoftplusDerivative(output: FloatLanes(repeating: 0)) == FloatLanes(repeating: 0))
        #expect(vectorSoftplus(FloatLanes(repeating: 25)) == FloatLanes(repeating: 25))
    }
}
