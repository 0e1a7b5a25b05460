import Pipeline
import Testing

/// Seed 002's bookkeeping: success rate, the load window, the rank and the scaling rule.
@Suite("Expert manager")
struct ExpertManagerTests {
    @Test("success rate and mean latency after three records, and the rank formula")
    func successRateAndRank() {
        var manager = ExpertManager(window: 20, maximumLoad: 10)
        manager.record(domain: .language, answered: true, latencySeconds: 0.01)
        // n = 1: (1·0 + 1)/1 = 1; latency 0.01
        #expect(manager.records[.language]?.successRate == 1 && manager.records[.language]?.requests == 1)
        manager.record(domain: .language, answered: false, latencySeconds: 0.03)
        // n = 2: (1·1 + 0)/2 = 0.5; latency 0.01 + (0.03 − 0.01)/2 = 0.02
        #expect(manager.records[.language]?.successRate == 0.5)
        #expect(abs(manager.records[.language]!.meanLatencySeconds - 0.02) < 1e-15)
        manager.record(domain: .language, answered: true, latencySeconds: 0.05)
        // n = 3: (0.5·2 + 1)/3 = 2/3; latency 0.02 + (0.05 − 0.02)/3 = 0.03
        let record = manager.records[.language]!
        #expect(abs(record.successRate - 2.0 / 3) < 1e-15 && abs(record.meanLatencySeconds - 0.03) < 1e-15)
        #expect(record.requests == 3 && record.instances == 1)
        for _ in 0..<3 { manager.routed(to: .language) }
        // rank = 0.5·(2/3) + 0.3·(1 − 3/10) + 0.2·(1/0.03) = 1/3 + 0.21 + 20/3 = 7.21
        let ranks = manager.ranking()
        #expect(abs(ranks[.language]! - 7.21) < 1e-9, "\(ranks[.language]!)")
        // untouched experts: success rate 1, load 0, no latency yet (term 0) → 0.5 + 0.3 = 0.8
        for d in [ExpertDomain.vision, .symbolic, .affect] { #expect(abs(ranks[d]! - 0.8) < 1e-15) }
        // a failure first: (1·0 + 0)/1 = 0
        manager.record(domain: .affect, answered: false, latencySeconds: 0.2)
        // rank = 0 + 0.3 + 0.2·5 = 1.3
        #expect(manager.records[.affect]?.successRate == 0 && abs(manager.ranking()[.affect]! - 1.3) < 1e-12)
    }

    @Test("load counts the last `window` primary routings, per instance")
    func loadWindow() {
        var manager = ExpertManager(window: 4, maximumLoad: 10)
        for d in [ExpertDomain.language, .vision, .language, .language, .symbolic, .symbolic] { manager.routed(to: d) }
        // the window keeps [language, language, symbolic, symbolic]
        #expect(manager.recent == [.language, .language, .symbolic, .symbolic])
        #expect(manager.loads == [.language: 2, .vision: 0, .symbolic: 2, .affect: 0])
    }

    @Test("scale() adds an instance when load > 0.8·max and rank > 0.8; load is then shared, rounded up")
    func scaleUp() {
        var manager = ExpertManager(window: 20, maximumLoad: 10)
        for _ in 0..<9 { manager.routed(to: .language) }
        // load 9 > 8, but rank = 0.5 + 0.3·0.1 + 0 = 0.53: no new instance
        manager.scale()
        #expect(manager.records[.language]?.instances == 1 && manager.instancesAdded == 0)
        // latency 1 s: rank = 0.53 + 0.2 = 0.73, still ≤ 0.8
        manager.record(domain: .language, answered: true, latencySeconds: 1)
        manager.scale()
        #expect(manager.records[.language]?.instances == 1)
        // a 0.5 s second request: mean 0.75 s, rank = 0.53 + 0.2/0.75 = 0.7967, still ≤ 0.8
        manager.record(domain: .language, answered: true, latencySeconds: 0.5)
        manager.scale()
        #expect(manager.records[.language]?.instances == 1)
        manager.record(domain: .language, answered: true, latencySeconds: 0)
        // mean (1 + 0.5 + 0)/3 = 0.5 s → rank 0.5 + 0.03 + 0.4 = 0.93 > 0.8
        #expect(abs(manager.ranking()[.language]! - 0.93) < 1e-12)
        manager.scale()
        #expect(manager.records[.language]?.instances == 2 && manager.instancesAdded == 1)
        #expect(manager.load(of: .language) == 5)   // ⌈9 / 2⌉
        manager.scale()                              // load 5: neither rule applies
        #expect(manager.records[.language]?.instances == 2 && manager.instancesAdded == 1 && manager.instancesRetired == 0)
    }

    @Test("load exactly 0.8·max does not scale up; exactly 0.2·max does not retire")
    func boundaries() {
        var manager = ExpertManager(window: 20, maximumLoad: 10)
        manager.record(domain: .vision, answered: true, latencySeconds: 0.001)   // rank ≫ 0.8
        for _ in 0..<8 { manager.routed(to: .vision) }
        manager.scale()
        #expect(manager.records[.vision]?.instances == 1)
        manager.routed(to: .vision)   // 9 > 8
        manager.scale()
        #expect(manager.records[.vision]?.instances == 2)
        // 9 routings over 2 instances; push 5 out of the window: 4 left → load 2 = 0.2·max, kept
        for _ in 0..<16 { manager.routed(to: .affect) }
        #expect(manager.load(of: .vision) == 2)
        manager.scale()
        #expect(manager.records[.vision]?.instances == 2 && manager.instancesRetired == 0)
    }

    @Test("scale() retires an instance when load < 0.2·max, never the last one")
    func retire() {
        var manager = ExpertManager(window: 20, maximumLoad: 10)
        manager.record(domain: .symbolic, answered: true, latencySeconds: 0.01)
        for _ in 0..<10 { manager.routed(to: .symbolic) }
        manager.scale()
        #expect(manager.records[.symbolic]?.instances == 2)
        for _ in 0..<20 { manager.routed(to: .vision) }   // symbolic leaves the window
        manager.scale()
        // symbolic load 0 < 2: back to one instance; vision load 20 > 8 but rank 0.5 + 0.3·(1 − 2) = 0.2
        #expect(manager.records[.symbolic]?.instances == 1 && manager.instancesRetired == 1)
        #expect(manager.records[.vision]?.instances == 1 && manager.instancesAdded == 1)
        manager.scale()
        #expect(manager.records[.symbolic]?.instances == 1 && manager.instancesRetired == 1)
        #expect(manager.records[.language]?.instances == 1)   // idle, one instance: never retired
    }
}
