import CBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import HarnessConfig
#endif

/// Collects the ``EnvironmentFingerprint`` of the running process.
///
/// The probe never fails: a field it cannot read becomes `"unknown"` (or `nil` for the dirty
/// flag), because a missing git binary or a tarball checkout must not stop an experiment — it
/// only makes its results harder to compare, and the stored `"unknown"` says so.
public enum EnvironmentProbe {
    /// The value stored for a field the probe could not read.
    public static let unknown = "unknown"

    /// Probes git (in `repositoryPath`), the Swift toolchain, OpenBLAS, the CPU and the OS.
    public static func current(repositoryPath: String) -> EnvironmentFingerprint {
        let commit = runCommand(["git", "-C", repositoryPath, "rev-parse", "HEAD"])
        // Dirty means changed *inputs*: rendered reports and baselines are outputs of runs and
        // do not change their numbers, so they are left out of the check.
        let status = runCommand(["git", "-C", repositoryPath, "status", "--porcelain", "--", ".",
                                 ":(exclude)reports", ":(exclude)baselines"])
        let codeCommit = commit.flatMap(firstLine) ?? unknown
        let codeDirty: Bool? = (commit == nil) ? nil : status.map { !$0.isEmpty }
        let cpuInfo = readFile("/proc/cpuinfo")
        return EnvironmentFingerprint(
            codeCommit: codeCommit,
            codeDirty: codeDirty,
            toolchain: runCommand(["swift", "--version"]).flatMap(firstLine) ?? compiledWith,
            blasLibrary: blasConfiguration(),
            blasThreads: Int(openblas_get_num_threads()),
            cpuModel: cpuInfo.flatMap(cpuModel(fromCPUInfo:)) ?? unknown,
            os: operatingSystem(),
            cpuVectorExtensions: cpuInfo.flatMap(vectorExtensions(fromCPUInfo:))
        )
    }

    /// The extensions biomoe's kernels choose between (CKernels' AVX2 and AVX-512 forms, the
    /// Swift lanes' NEON on arm64) that the first `flags` (x86) or `Features` (arm64) line of
    /// /proc/cpuinfo lists, space-separated; `"none"` for none of them, nil without such a line.
    static func vectorExtensions(fromCPUInfo text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            let key = parts.first.map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, key == "flags" || key == "Features" else { continue }
            let flags = Set(parts[1].split(separator: " ").map(String.init))
            let found = ["avx2", "avx512f", "asimd"].filter(flags.contains)
            return found.isEmpty ? "none" : found.joined(separator: " ")
        }
        return nil
    }

    /// The compiler that built this binary, for machines without `swift` on the PATH.
    static var compiledWith: String {
        #if compiler(>=6.4)
        return "Swift compiler >= 6.4"
        #elseif compiler(>=6.3)
        return "Swift compiler 6.3"
        #elseif compiler(>=6.2)
        return "Swift compiler 6.2"
        #elseif compiler(>=6.1)
        return "Swift compiler 6.1"
        #else
        return "Swift compiler < 6.1"
        #endif
    }

    /// OpenBLAS's own description, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`.
    static func blasConfiguration() -> String {
        guard let config = openblas_get_config() else { return unknown }
        let text = String(cString: config).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? unknown : text
    }

    /// The first `model name` line of /proc/cpuinfo (all cores of one machine share it).
    static func cpuModel(fromCPUInfo text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2,
                  parts[0].trimmingCharacters(in: .whitespaces) == "model name" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// `PRETTY_NAME` of an os-release file, without its quotes.
    static func prettyName(fromOSRelease text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            var value = line.dropFirst("PRETTY_NAME=".count)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'",
               value.last == first {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// `"<PRETTY_NAME>, kernel <release>"`, either half `unknown` if unreadable.
    static func operatingSystem() -> String {
        let name = readFile("/etc/os-release").flatMap(prettyName(fromOSRelease:)) ?? unknown
        return "\(name), kernel \(kernelRelease() ?? unknown)"
    }

    /// `uname -r`.
    static func kernelRelease() -> String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        let release = withUnsafeBytes(of: &names.release) { raw -> String in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return release.isEmpty ? nil : release
    }

    /// Runs `arguments` through `/usr/bin/env` (so the PATH is searched) and returns its standard
    /// output, or `nil` if it could not start or exited with a non-zero status.
    public static func runCommand(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        // Read before waiting: a child that fills the pipe buffer would otherwise never exit.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func firstLine(_ text: String) -> String? {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line, !line.isEmpty else { return nil }
        return line
    }

    private static func readFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
