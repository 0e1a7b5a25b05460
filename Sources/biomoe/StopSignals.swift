import Foundation
import HarnessRun

/// SIGINT and SIGTERM during `biomoe run`: the first asks the runner to stop after the run in
/// progress (it is recorded, nothing is lost), the second exits at once (the run in progress
/// is then rerun next time; one transaction per run means it is never half-recorded).
enum StopSignals {
    static func install(_ stop: StopRequest) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // delivered to the dispatch source instead of ending the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.request(number) {
                    FileHandleOutput.standardError("\nbiomoe: \(name(number)) again: stopping now; the run in progress is rerun next time")
                    _exit(128 + number)  // not exit(): no atexit work racing the thread that is training
                }
                FileHandleOutput.standardError("\nbiomoe: \(name(number)) received: finishing the run in progress, then stopping "
                    + "(send it again to stop at once)")
            }
            source.resume()
            return source
        }
    }

    /// Stops handling them: the default action (end the process) again.
    static func uninstall(_ sources: [DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(number)"
        }
    }
}
