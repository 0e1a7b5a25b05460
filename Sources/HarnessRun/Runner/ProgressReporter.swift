import Foundation
import HarnessConfig
import HarnessStore

/// Shows how far a suite has got: a redrawn bar with ETA on a terminal, plain lines otherwise
/// (CI logs, pipes), so logs stay readable and terminals stay quiet. A plain line is written
/// every 5 % of the suite and at least every `plainInterval` seconds, so a log of a suite whose
/// runs each take many minutes still shows the current run's step and loss.
public final class ProgressReporter {
    private let isTerminal: Bool
    private let output: FileHandle
    private let clock: () -> Date
    private let plainInterval: TimeInterval
    private let started: Date
    private var lastLine = ""
    private var lastPlainFraction = -1.0
    private var lastPlainTime: Date

    public init(output: FileHandle = .standardError, forcePlain: Bool = false, plainInterval: TimeInterval = 60,
                clock: @escaping () -> Date = Date.init) {
        self.output = output
        self.clock = clock
        self.plainInterval = plainInterval
        started = clock()
        lastPlainTime = started
        isTerminal = !forcePlain && isatty(output.fileDescriptor) == 1
    }

    /// - Parameters:
    ///   - done: runs finished so far plus the fraction of the current one.
    ///   - total: runs this invocation will execute.
    public func update(done: Double, total: Int, label: String, detail: String) {
        let fraction = total > 0 ? min(max(done / Double(total), 0), 1) : 1
        let now = clock()
        let elapsed = now.timeIntervalSince(started)
        let eta = fraction > 0.001 ? elapsed * (1 - fraction) / fraction : .nan
        if isTerminal {
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let line = "\r\(bar) \(String(format: "%3.0f%%", fraction * 100)) ETA \(Self.format(eta)) \(label) \(detail)"
            write(line.padding(toLength: max(line.count, lastLine.count), withPad: " ", startingAt: 0))
            lastLine = line
        } else if fraction - lastPlainFraction >= 0.05 || fraction == 1 || now.timeIntervalSince(lastPlainTime) >= plainInterval {
            lastPlainFraction = fraction
            lastPlainTime = now
            write("[\(String(format: "%3.0f%%", fraction * 100)) eta \(Self.format(eta))] \(label): \(detail)\n")
        }
    }

    /// A permanent line (run finished, run skipped), printed above the bar.
    public func log(_ message: String) {
        if isTerminal && !lastLine.isEmpty {
            write("\r" + String(repeating: " ", count: lastLine.count) + "\r")
            lastLine = ""
        }
        write(message + "\n")
    }

    public func finish() {
        if isTerminal && !lastLine.isEmpty { write("\n") }
        lastLine = ""
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }

    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
    }
}
