import Foundation

/// Runs synchronous work that waits for async code (`BlockingAsync`: mining git history) on a
/// thread of its own and awaits it, so the test's cooperative thread is free meanwhile. Swift
/// Testing runs tests on the cooperative pool, one thread per core; a test that blocked one of
/// them waiting for work that needs the pool could deadlock the whole parallel run.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
