import Dispatch

/// Waits for async library code from the harness's synchronous stages.
///
/// Why: the runner, the registry and the command line are synchronous (one run at a time, each
/// written in one transaction), while `GitMiner` is async because swift-subprocess is. The body
/// runs in a detached task on the cooperative pool while the calling thread waits, so it must
/// not need the calling thread (nothing in it may be bound to the main actor).
///
/// Call it from a thread of its own (the command line's main thread, the suite runner), never
/// from a task on the cooperative pool: the pool has one thread per core, and if every one of
/// them waited here, the body would have none to run on (a deadlock). Async code, such as a
/// Swift Testing test, hands the synchronous work to a thread of its own first (the tests'
/// `onOwnThread`).
public enum BlockingAsync {
    public static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { outcome.set(.success(try await body())) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        guard let result = outcome.get() else { preconditionFailure("the task signalled before storing its result") }
        return try result.get()
    }
}

/// The task's result, written once by the task before it signals and read after the wait.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = DispatchQueue(label: "biomoe.blocking-async")
    private var result: Result<T, Error>?
    func set(_ value: Result<T, Error>) { lock.sync { result = value } }
    func get() -> Result<T, Error>? { lock.sync { result } }
}
