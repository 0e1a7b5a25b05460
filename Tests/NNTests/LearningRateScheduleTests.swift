import Testing
import NN

private func expectClose(_ actual: Float, _ expected: Double, tolerance: Double = 1e-7,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(Double(actual) - expected) <= tolerance, "rate \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

@Suite("Learning-rate schedules")
struct LearningRateScheduleTests {
    // peak 0.5, W = 4, S = 12, minRatio 0.2: the cosine spans steps 4 … 12 (8 steps), floor 0.1.
    let cosine = LearningRateSchedule(kind: .cosine, peak: 0.5, warmupSteps: 4, totalSteps: 12, minRatio: 0.2)

    @Test("warm-up rises linearly from peak/W at step 1 to the peak at step W")
    func warmup() {
        // 0.5 · s / 4
        expectClose(cosine.rate(atStep: 1), 0.125)
        expectClose(cosine.rate(atStep: 2), 0.25)
        expectClose(cosine.rate(atStep: 3), 0.375)
        expectClose(cosine.rate(atStep: 4), 0.5)
    }

    @Test("the cosine passes (1 + minRatio)/2 · peak halfway and reaches peak · minRatio at the last step")
    func cosineDecay() {
        // step 6: progress 2/8 = 1/4, ½(1 + cos π/4) = ½(1 + √2/2) = 0.853553390593
        //   rate = 0.5 · (0.2 + 0.8 · 0.853553390593) = 0.5 · 0.882842712475 = 0.441421356237
        expectClose(cosine.rate(atStep: 6), 0.441421356237)
        // step 8: progress 1/2, cos π/2 = 0 → (1 + 0.2)/2 · 0.5 = 0.3
        expectClose(cosine.rate(atStep: 8), 0.3)
        // step 10: progress 3/4, ½(1 − √2/2) = 0.146446609407 → 0.5 · (0.2 + 0.117157287525) = 0.158578643763
        expectClose(cosine.rate(atStep: 10), 0.158578643763)
        // step 12: progress 1, cos π = −1 → 0.5 · 0.2 = 0.1
        expectClose(cosine.rate(atStep: 12), 0.1)
    }

    @Test("steps past totalSteps stay at the floor")
    func pastTheEnd() {
        for step in [13, 20, 1_000] { expectClose(cosine.rate(atStep: step), 0.1) }
    }

    @Test("the cosine never rises and never leaves [floor, peak]")
    func monotone() {
        let rates = (1...20).map { cosine.rate(atStep: $0) }
        for s in 4..<19 { #expect(rates[s] <= rates[s - 1], "step \(s + 1) rose above step \(s)") }
        #expect(rates.allSatisfy { $0 >= 0.1 - 1e-7 && $0 <= 0.5 })
    }

    @Test("a cosine with minRatio 0 and no warm-up starts just below the peak and ends at 0")
    func cosineToZero() {
        // W = 0, S = 4: step s has progress s/4. step 1: ½(1 + √2/2) = 0.853553390593; step 2: ½; step 4: 0.
        let schedule = LearningRateSchedule(kind: .cosine, peak: 1, warmupSteps: 0, totalSteps: 4, minRatio: 0)
        expectClose(schedule.rate(atStep: 1), 0.853553390593)
        expectClose(schedule.rate(atStep: 2), 0.5)
        expectClose(schedule.rate(atStep: 4), 0)
    }

    @Test("a warm-up as long as the run ends at the peak and then drops to the floor")
    func warmupFillsTheRun() {
        let schedule = LearningRateSchedule(kind: .cosine, peak: 0.5, warmupSteps: 4, totalSteps: 4, minRatio: 0.2)
        expectClose(schedule.rate(atStep: 4), 0.5)
        expectClose(schedule.rate(atStep: 5), 0.1)
    }

    @Test("constant with no warm-up is the peak at every step")
    func constantWithoutWarmup() {
        let schedule = LearningRateSchedule(kind: .constant, peak: 3e-3, warmupSteps: 0, totalSteps: 10, minRatio: 0.1)
        for step in 1...25 { #expect(schedule.rate(atStep: step) == 3e-3, "step \(step)") }
    }

    @Test("constant with warm-up rises to the peak and stays there, ignoring the floor")
    func constantWithWarmup() {
        let schedule = LearningRateSchedule(kind: .constant, peak: 0.5, warmupSteps: 2, totalSteps: 10, minRatio: 0.1)
        expectClose(schedule.rate(atStep: 1), 0.25)
        for step in 2...15 { #expect(schedule.rate(atStep: step) == 0.5, "step \(step)") }
    }

    @Test("the kinds are spelt in configs as constant and cosine")
    func configSpelling() {
        #expect(LearningRateScheduleKind.allCases.map(\.rawValue) == ["constant", "cosine"])
        #expect(LearningRateScheduleKind(rawValue: "cosine") == .cosine)
        #expect(LearningRateScheduleKind(rawValue: "linear") == nil)
    }
}
