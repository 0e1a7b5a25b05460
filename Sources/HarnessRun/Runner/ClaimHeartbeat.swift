import Foundation
import HarnessStore

/// Renews this process's run claims on a background thread while `biomoe run` trains, so a
/// run longer than the lease keeps its claim, and a process that dies stops renewing and loses
/// it after at most one lease.
final class ClaimHeartbeat: @unchecked Sendable {
    /// How long a claim lasts without renewal (seconds): long enough that a busy machine's
    /// missed beat does not free a run, short enough that a dead node's runs return soon.
    static let lease: TimeInterval = 120
    static let interval: TimeInterval = 30

    private let owner: RunClaimOwner
    private let timer: DispatchSourceTimer

    init(store: ResultStore, owner: RunClaimOwner) {
        self.owner = owner
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "biomoe.claim-heartbeat"))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        // Weak: the timer's handler must not keep the database open after the runner is done
        // (a file copied right afterwards would miss what is still in its WAL).
        timer.setEventHandler { [weak store, owner] in
            // A failed renewal is not fatal: the claim then lapses and another process may
            // start the run; recording it twice is refused by the schema, never duplicated.
            try? store?.renewClaims(owner: owner, lease: Self.lease)
        }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
