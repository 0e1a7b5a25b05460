import Foundation
import GRDB
import Testing
@testable import HarnessRun
@testable import HarnessStore

/// Claims with leases: two `biomoe run` processes on one database split a suite's runs.
@Suite("Run claims")
struct RunClaimTests {
    static let me = RunClaimOwner(host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier, token: "me")
    /// A live process of this host (this one) under another token: another `biomoe run`.
    static let other = RunClaimOwner(host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier, token: "other")

    @Test("a run claimed by a live process is refused to another until its lease lapses, then taken over")
    func leaseLapses() throws {
        let fixture = try StoreFixture()
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let store = fixture.store
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other, lease: 120, now: now) == .claimed)
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120, now: now + 60)
                == .heldElsewhere(Self.other.description))
        // Another key is free; the holder may claim its own key again.
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 1, runConfigHash: "h", owner: Self.me, lease: 120, now: now + 60) == .claimed)
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other, lease: 120, now: now + 60) == .claimed)
        // Renewed at +60, so it holds at +150 and lapses after +180.
        try store.renewClaims(owner: Self.other, lease: 120, now: now + 60)
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120, now: now + 150)
                == .heldElsewhere(Self.other.description))
        #expect(try store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120, now: now + 181) == .claimed)
    }

    @Test("a claim of a process that no longer exists on this host is taken over at once")
    func deadHolder() throws {
        let fixture = try StoreFixture()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = RunClaimOwner(host: ProcessInfo.processInfo.hostName, pid: finished.processIdentifier, token: "dead")
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: dead, lease: 120) == .claimed)
        #expect(try fixture.store.hasLiveClaims(suiteId: fixture.suiteId, except: Self.me) == false)
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120) == .claimed)
        // On another host only the lease counts: its pid says nothing here.
        let remote = RunClaimOwner(host: "node-17.cluster", pid: finished.processIdentifier, token: "remote")
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 1, runConfigHash: "h", owner: remote, lease: 120) == .claimed)
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 1, runConfigHash: "h", owner: Self.me, lease: 120) == .heldElsewhere(remote.description))
        #expect(try fixture.store.hasLiveClaims(suiteId: fixture.suiteId, except: Self.me))
    }

    @Test("a run another config of the suite is training with the same settings is held elsewhere; other settings or another suite are free")
    func claimsSpanConfigs() throws {
        let fixture = try StoreFixture()
        let edited = try fixture.store.register(suite: SuiteRegistration(
            name: StoreFixture.suite.name, configHash: "def456", configVersion: 1,
            canonicalConfig: #"{"seeds":[1,2,3],"task":"fashion-mnist"}"#, sourcePath: "experiments/fmnist-moe.yaml"))
        let another = try fixture.store.register(suite: SuiteRegistration(
            name: "other-suite", configHash: "abc123", configVersion: 1,
            canonicalConfig: #"{"seeds":[1,2],"task":"fashion-mnist"}"#, sourcePath: "experiments/other-suite.yaml"))
        #expect(edited != fixture.suiteId)
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other, lease: 120) == .claimed)
        #expect(try fixture.store.claimRun(suiteId: edited, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120)
                == .heldElsewhere(Self.other.description))
        #expect(try fixture.store.hasLiveClaims(suiteId: edited, except: Self.me))
        #expect(try fixture.store.claimRun(suiteId: edited, variant: "a", seed: 0, runConfigHash: "changed", owner: Self.me, lease: 120) == .claimed)
        #expect(try fixture.store.claimRun(suiteId: another, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120) == .claimed)
        try fixture.store.releaseClaim(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other)
        #expect(try fixture.store.claimRun(suiteId: edited, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120) == .claimed)
    }

    @Test("a recorded run is reported complete, not claimed, and its holder's claim is released")
    func completeRun() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other, lease: 120) == .claimed)
        try fixture.store.record(RunRecordInput(header: fixture.header(variant: "a", seed: 0), params: [:], metrics: [], series: [], events: [], predictions: []))
        try fixture.store.releaseClaim(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.other)
        #expect(try fixture.count("runClaim") == 0)
        #expect(try fixture.store.claimRun(suiteId: fixture.suiteId, variant: "a", seed: 0, runConfigHash: "h", owner: Self.me, lease: 120) == .complete)
    }
}

/// Two `biomoe run` processes started together on one database.
@Suite("Two processes on one results file", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")))
struct ConcurrentRunTests {
    /// The reliability suite's scratch suite: 8 runs of about half a second each.
    static let suite = ScratchSuite.yaml

    @Test("they split the suite's runs between them: every run recorded once, none failed, the file sound")
    func splitTheWork() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("scratch.yaml").path
        let db = directory.appendingPathComponent("two.sqlite").path
        try Self.suite.write(toFile: config, atomically: true, encoding: .utf8)
        let results = try await onOwnThread {
            let first = try BiomoeChild.start(["run", config, "--db", db, "--plain"])
            let second = try BiomoeChild.start(["run", config, "--db", db, "--plain"])
            return [BiomoeChild.finish(first.0, errors: first.1), BiomoeChild.finish(second.0, errors: second.1)]
        }
        for result in results { #expect(result.status == 0 && !result.signalled, "\(result.standardError)") }
        try Self.check(db)
    }

    static func check(_ db: String) throws {
        let store = try ResultStore(path: db)
        let counts = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n, COUNT(DISTINCT variant || '/' || seed) AS keys FROM run GROUP BY status")
                .map { ($0["status"] as String, $0["n"] as Int, $0["keys"] as Int) }
        }
        #expect(counts.count == 1 && counts[0].0 == "complete" && counts[0].1 == 8 && counts[0].2 == 8, "\(counts)")
        // Each process ran some: the second did not wait for the first to finish everything.
        let executedBy = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT invocationId) FROM run") ?? 0 }
        #expect(executedBy == 2)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runClaim") } == 0)
    }
}
