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
}
