import Foundation

/// Peak resident memory of this process, the number a reader compares across models.
public enum PeakMemory {
    /// Peak resident set size ("high water mark") in bytes, from /proc/self/status `VmHWM`.
    ///
    /// Nil where /proc is unavailable (macOS) or the line is missing: callers store NULL rather
    /// than a made-up zero.
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return highWaterMarkBytes(procStatus: status)
    }

    /// Resets the high-water mark to the current resident size (Linux ≥ 4.0: writing "5" to
    /// /proc/self/clear_refs), so a run that shares its process with earlier runs reports its
    /// own peak rather than theirs. Returns false where that is not possible; the peak is then
    /// the process's since it started.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    /// Parses the `VmHWM:   1234 kB` line of a /proc/<pid>/status text into bytes (kB = 1024 B).
    public static func highWaterMarkBytes(procStatus: String) -> Int? {
        for line in procStatus.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, fields[1] == "kB", let kibibytes = Int(fields[0]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }
}
