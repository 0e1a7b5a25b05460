import Foundation
import Metrics
import NN
import HarnessConfig
import HarnessStore

public struct SuiteRunSummary: Sendable, Equatable {
    public var executed = 0
    public var skipped = 0
    public var failed = 0
    /// Copied from an earlier config of the same suite with identical run settings.
    public var reused = 0
    /// Left to another `biomoe run` process on the same database that holds them (or recorded
    /// them first).
    public var elsewhere = 0
    /// Not attempted because a stop was requested (SIGINT, SIGTERM); 0 when it ran to the end.
    public var leftByStop = 0
}

/// Runs every (variant, seed) of a suite that the database does not yet hold as complete.
///
/// Why one transaction per run, written at the end: a run killed half-way leaves no rows, so
/// "complete" in the database always means every metric of that run is there, and rerunning the
/// suite finishes exactly what is missing.
public struct SuiteRunner {
    let spec: SuiteSpec
    let store: ResultStore
    let registry: Registry
    let progress: ProgressReporter
    let environment: EnvironmentFingerprint
    let shard: RunShard
    let stop: StopRequest?
    /// Run again the complete runs recorded from a dirty tree (``ResultStore/supersedeDirtyRuns(suiteName:)``).
    let rerunDirty: Bool

    public init(spec: SuiteSpec, store: ResultStore, registry: Registry, progress: ProgressReporter,
                environment: EnvironmentFingerprint = EnvironmentProbe.current(repositoryPath: "."),
                shard: RunShard = .whole, stop: StopRequest? = nil, rerunDirty: Bool = false) {
        self.rerunDirty = rerunDirty
        self.shard = shard
        self.stop = stop
        self.spec = spec
        self.store = store
        self.registry = registry
        self.progress = progress
        self.environment = environment
    }

    public func run() throws -> SuiteRunSummary {
        // Every error escaping the body comes from the results file (an experiment's own errors
        // are recorded as its run's failure): name the file and say what was kept.
        try Self.writing(store) { try runSuite() }
    }

    private func runSuite() throws -> SuiteRunSummary {
        let environmentId = try store.register(environment: environment)
        let suiteId = try store.register(suite: SuiteRegistration(
            name: spec.name, configHash: spec.configHash, configVersion: spec.version,
            canonicalConfig: spec.canonical.canonicalJSON, sourcePath: spec.sourcePath,
            gatePolicy: spec.gate.json))
        // Another shard's invocation may be running right now, so only a whole-suite run may call
        // a running invocation abandoned.
        // The same for a whole-suite run while another process holds claims on this suite: the
        // running invocation is probably that process's.
        let owner = RunClaimOwner.current()
        if shard.isWhole, try !store.hasLiveClaims(suiteId: suiteId, except: owner),
           try store.markAbandonedInvocations(suiteId: suiteId) > 0 {
            progress.log("\(spec.name): an earlier run of this suite was interrupted; its complete runs are kept")
        }
        if rerunDirty {
            let superseded = try store.supersedeDirtyRuns(suiteName: spec.name)
            if superseded > 0 {
                progress.log("\(spec.name): \(superseded) complete run(s) recorded from a dirty tree kept but marked superseded; running them again")
            }
        }
        let complete = try store.completedSeeds(suiteId: suiteId)
        let all = spec.expand().enumerated().filter { shard.contains(position: $0.offset) }.map(\.element)
        let pending = all.filter { !complete.contains(RunKey(variant: $0.variant, seed: $0.seed)) }
        var summary = SuiteRunSummary()
        summary.skipped = all.count - pending.count
        if summary.skipped > 0 {
            let scope = shard.isWhole ? "" : " in shard \(shard)"
            progress.log("\(spec.name): \(summary.skipped) of \(all.count) runs\(scope) already complete (config \(spec.configHash.prefix(12))); skipping them")
        }
        guard !pending.isEmpty else { return summary }

        let invocationId = try store.beginInvocation(suiteId: suiteId, environmentId: environmentId)
        let heartbeat = ClaimHeartbeat(store: store, owner: owner)
        defer { heartbeat.stop() }
        for (index, runSpec) in pending.enumerated() {
            if stop?.isRequested == true {
                summary.leftByStop = pending.count - index
                break
            }
            let label = "[\(index + 1)/\(pending.count)] \(runSpec.variant) seed \(runSpec.seed)"
            let started = Date()
            let header = { (finished: Date) in
                RunHeader(suiteId: suiteId, invocationId: invocationId, environmentId: environmentId,
                          variant: runSpec.variant, seed: runSpec.seed, configHash: runSpec.runConfigHash,
                          resolvedConfig: runSpec.resolved.canonicalJSON, startedAt: started, finishedAt: finished)
            }
            // Claimed before anything starts, so a second process on this database skips it.
            switch try store.claimRun(suiteId: suiteId, variant: runSpec.variant, seed: runSpec.seed, runConfigHash: runSpec.runConfigHash,
                                      owner: owner, lease: ClaimHeartbeat.lease) {
            case .claimed:
                break
            case .complete:
                summary.elsewhere += 1
                progress.log("\(label): recorded meanwhile by another process; skipping")
                continue
            case .heldElsewhere(let holder):
                summary.elsewhere += 1
                progress.log("\(label): being run by another process (\(holder)); skipping")
                continue
            }
            defer { try? store.releaseClaim(suiteId: suiteId, variant: runSpec.variant, seed: runSpec.seed, runConfigHash: runSpec.runConfigHash, owner: owner) }
            if let copy = try store.reuseCompleteRun(runSpec, suiteId: suiteId, invocationId: invocationId) {
                summary.reused += 1
                progress.log("\(label): settings unchanged since an earlier config of this suite; reused its run (run \(copy))")
                continue
            }
            let outcome: RunOutcome
            do {
                PeakMemory.resetPeak()  // peak_rss is then this run's, not the process's so far
                let experiment = try registry.experiment(for: runSpec)
                outcome = try experiment.run { fraction, detail in
                    progress.update(done: Double(index) + fraction, total: pending.count, label: label, detail: detail)
                }
            } catch let error as ResultStoreError {
                throw error  // the database itself failed: stop rather than lose more runs
            } catch {
                summary.failed += 1
                try Self.writing(store) { _ = try store.recordFailure(header(Date()), error: "\(error)") }
                progress.log("\(label): FAILED — \(error)")
                continue
            }
            var events = outcome.events
            if spec.saveCheckpoints, let checkpoint = outcome.checkpoint {
                // Written before the run's transaction: a kill in between leaves a file no run
                // names, which the rerun overwrites with the same bytes.
                events.append(try save(checkpoint, of: runSpec))
            }
            do {
                let runId = try Self.writing(store) {
                    try store.record(RunRecordInput(
                        header: header(Date()),
                        params: Dictionary(uniqueKeysWithValues: runSpec.parameterRows.map { ($0.key, $0.value) }),
                        metrics: outcome.metrics, series: outcome.series, events: events,
                        predictions: outcome.predictions))
                }
                summary.executed += 1
                let accuracy = outcome.metrics.first { $0.name == "test_accuracy" }.map { String(format: " test accuracy %.2f%%", $0.value * 100) } ?? ""
                progress.log("\(label): done in \(String(format: "%.1f", Date().timeIntervalSince(started))) s,\(accuracy) (run \(runId))")
            } catch ResultStoreError.runAlreadyComplete {
                // Our lease lapsed (a stalled machine) and another process recorded this run
                // first: its result stands, ours is dropped, nothing is overwritten.
                summary.elsewhere += 1
                progress.log("\(label): another process recorded this run first; kept its result")
            }
        }
        progress.finish()
        try Self.writing(store) { try store.finishInvocation(id: invocationId, status: summary.leftByStop > 0 ? .interrupted : summary.failed > 0 ? .failed : .finished) }
        return summary
    }

    /// Writes a run's final model to its file in the results file's ``CheckpointDirectory``, with
    /// the run's identity and config in the metadata, and returns the event that records it.
    private func save(_ checkpoint: SafetensorsFile, of runSpec: RunSpec) throws -> RunEvent {
        var file = checkpoint
        file.metadata["suite"] = runSpec.suiteName
        file.metadata["variant"] = runSpec.variant
        file.metadata["seed"] = String(runSpec.seed)
        file.metadata["run_config"] = runSpec.resolved.canonicalJSON
        file.metadata["run_config_hash"] = runSpec.runConfigHash
        file.metadata["code_commit"] = environment.codeCommit
        let relative = CheckpointDirectory.relativePath(suite: runSpec.suiteName, variant: runSpec.variant,
                                                        seed: runSpec.seed, runConfigHash: runSpec.runConfigHash)
        let url = CheckpointDirectory(databasePath: store.path).file(relative)
        guard store.path != ResultStore.inMemoryPath else {
            throw ResultStoreError.cannotWriteCheckpoint(path: store.path, reason: "an in-memory results database has no directory to keep checkpoints in; run with --db PATH")
        }
        let bytes = file.serialized()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ResultStoreError.cannotWriteCheckpoint(path: url.path, reason: "\(error)")
        }
        return RunCheckpoint(path: relative, contents: bytes).event
    }

    /// Runs a write to the results file; a failure of the database itself (a full disk, a file
    /// made read-only) becomes ``ResultStoreError/cannotWrite(path:reason:)`` naming the file,
    /// and stops the suite: it is not the run's fault and must not be recorded as its failure.
    static func writing<T>(_ store: ResultStore, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ResultStoreError {
            throw error
        } catch {
            throw ResultStoreError.cannotWrite(path: store.path, reason: "\(error)")
        }
    }
}
