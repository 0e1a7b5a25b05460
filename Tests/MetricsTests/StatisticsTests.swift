import Foundation
import Testing
@testable import Metrics

@Suite("Statistics, throughput and memory")
struct StatisticsTests {
    @Test("[1, 2, 3] has mean 2, sd 1 and 95 % half-width 4.302653/√3")
    func threeValues() {
        let values = [1.0, 2, 3]
        #expect(Statistics.mean(values) == 2)
        // Σ(x−x̄)² = 1 + 0 + 1 = 2, /(n−1) = 1, √1 = 1
        #expect(Statistics.standardDeviation(values) == 1)
        let ci = Statistics.confidenceInterval95(values)
        // t₀.₉₇₅(2) = 4.302653; 4.302653 · 1/√3 = 2.48414
        #expect(abs(ci.halfWidth - 2.4841378677795514) < 1e-12)
        #expect(abs(ci.lower - (2 - 2.48414)) < 1e-5 && abs(ci.upper - (2 + 2.48414)) < 1e-5)
        #expect(ci.count == 3)
    }

    @Test("the median is the middle of the sorted values, or the mean of the middle two; NaN for none")
    func median() {
        #expect(Statistics.median([5, 1, 3]) == 3)
        #expect(Statistics.median([4, 1, 3, 10]) == 3.5)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([]).isNaN)
    }

    @Test("one value has a mean but no interval; none has neither")
    func degenerate() {
        let one = Statistics.confidenceInterval95([0.7])
        #expect(one.mean == 0.7 && one.halfWidth.isNaN && one.lower.isNaN && one.upper.isNaN)
        #expect(Statistics.standardDeviation([0.7]).isNaN)
        #expect(Statistics.mean([]).isNaN)
    }

    @Test("a NaN seed makes the mean and interval NaN")
    func nanKept() {
        let ci = Statistics.confidenceInterval95([1, .nan, 3])
        #expect(ci.mean.isNaN && ci.halfWidth.isNaN)
    }

    @Test("t quantiles come from the table up to 30 degrees of freedom, then 1.96")
    func tQuantiles() {
        #expect(Statistics.studentTQuantile975(degreesOfFreedom: 1) == 12.706205)
        #expect(Statistics.studentTQuantile975(degreesOfFreedom: 9) == 2.262157)
        #expect(Statistics.studentTQuantile975(degreesOfFreedom: 30) == 2.042272)
        #expect(abs(Statistics.studentTQuantile975(degreesOfFreedom: 31) - 1.96) < 1e-4)
    }

    @Test("throughput divides samples by seconds, NaN for no time, and pools by sums")
    func throughput() {
        #expect(Throughput(samples: 1000, seconds: 0.5).samplesPerSecond == 2000)
        #expect(Throughput.samplesPerSecond(samples: 10, seconds: 0).isNaN)
        // (100 + 500) / (1 + 3) = 150; the mean of the two rates (100 + 166.7)/2 would be 133.3
        let pooled = Throughput(samples: 100, seconds: 1) + Throughput(samples: 500, seconds: 3)
        #expect(pooled.samplesPerSecond == 150)
    }

    @Test("peak RSS is read from VmHWM in kB")
    func peakMemory() throws {
        let status = "Name:\tswift\nVmPeak:\t  999 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n"
        #expect(PeakMemory.highWaterMarkBytes(procStatus: status) == 2_097_152)
        #expect(PeakMemory.highWaterMarkBytes(procStatus: "Name:\tx\n") == nil)
        #if os(Linux)
        let bytes = try #require(PeakMemory.residentBytes())
        #expect(bytes > 1_000_000)  // any Swift process holds more than 1 MB
        #endif
    }

    @Test("population coefficient of variation by hand: loads 1, 2, 3, 6 → mean 3, σ = √3.5, CV = √3.5 / 3; nothing routed is NaN")
    func populationCoefficientOfVariation() {
        // deviations −2, −1, 0, 3 → squares 4, 1, 0, 9 → 14 / 4 = 3.5
        #expect(abs(Statistics.populationCoefficientOfVariation([1, 2, 3, 6]) - 3.5.squareRoot() / 3) < 1e-15)
        #expect(Statistics.populationCoefficientOfVariation([5, 5, 5]) == 0)
        #expect(Statistics.populationCoefficientOfVariation([0, 0]).isNaN)
    }

    #if os(Linux)
    @Test("resetting the peak forgets a 256 MB buffer that was touched and freed")
    func peakMemoryReset() throws {
        let size = 256 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
        memset(buffer, 1, size)  // touched: resident
        let during = try #require(PeakMemory.residentBytes())
        buffer.deallocate()      // a block this large is unmapped on free
        #expect(PeakMemory.resetPeak())
        let after = try #require(PeakMemory.residentBytes())
        #expect(during >= size && after <= during - size / 2, "peak \(during) B before the reset, \(after) B after")
    }
    #endif
}
