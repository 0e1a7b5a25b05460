import Foundation

/// A request to stop a suite between runs: the first SIGINT or SIGTERM sets it, the runner
/// finishes and records the run in progress, attempts no further run, and says how to resume.
///
/// Why between runs: a run is written in one transaction when it ends, so stopping inside one
/// loses its work; a second signal stops at once (`biomoe run` exits, the run in progress is
/// simply rerun next time, never half-recorded).
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?

    public init() {}

    /// The signal that asked to stop, nil while none has.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    public var isRequested: Bool { signal != nil }

    /// Records `signal` and returns whether a stop had already been requested.
    @discardableResult
    public func request(_ signal: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let already = received != nil
        if !already { received = signal }
        return already
    }
}
