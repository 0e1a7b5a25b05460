import Foundation
import HarnessConfig
import Tensor

/// Puts the process on the right OpenBLAS kernel before any BLAS call.
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` only when the library loads, which happens before `main`;
/// so choosing a core means setting the variable and executing this binary again, once, with the
/// same arguments. Nothing has been read or written at that point, so the re-run is invisible
/// except for the line on standard error that says why it happened.
enum BLASKernelSelection {
    static let variable = "OPENBLAS_CORETYPE"

    /// When the user chose nothing and OpenBLAS fell back to a kernel below the CPU's widest
    /// instructions (Debian's 0.3.21 on recent Intel CPUs runs SSE3 `Prescott` kernels), re-runs on
    /// the matching one. Silent when the loaded core already fits the CPU.
    static func upgradeIfGeneric() {
        guard ProcessInfo.processInfo.environment[variable] == nil, let features = cpuFeatures(),
              let target = BLASCore.upgrade(from: BLASCore.loaded, features: features) else { return }
        FileHandleOutput.standardError("""
            biomoe: OpenBLAS loaded its generic \(BLASCore.loadedName) kernel on this \(features.tier) CPU; \
            re-running on its \(target.rawValue) kernel (\(variable)=\(target.rawValue)). \
            Set \(variable) yourself, or blas_core in the suite, to choose another.
            """)
        reexecute(with: target)
    }

    /// Makes this process run `core`, re-executing once if another core is loaded. Throws when the
    /// CPU lacks the core's instructions (OpenBLAS would accept it and then crash) or when OpenBLAS
    /// ignored the request.
    static func pin(_ core: BLASCore, source: String) throws {
        let loaded = BLASCore.loadedName
        if BLASCore.named(loaded) == core { return }
        if let features = cpuFeatures(), core.tier > features.tier {
            throw BLASCoreError(message: "\(source) pins OpenBLAS's \(core.rawValue) kernel, which needs \(core.tier); this CPU has \(features.tier). Choose one of: \(BLASCore.allCases.filter { $0.tier <= features.tier }.map(\.rawValue).joined(separator: ", "))")
        }
        if ProcessInfo.processInfo.environment[variable]?.lowercased() == core.rawValue.lowercased() {
            throw BLASCoreError(message: "\(source) pins OpenBLAS's \(core.rawValue) kernel, but OpenBLAS ignored \(variable)=\(core.rawValue) and runs \(loaded) (is it a DYNAMIC_ARCH build?)")
        }
        FileHandleOutput.standardError("biomoe: \(source) pins OpenBLAS's \(core.rawValue) kernel; this process loaded \(loaded): re-running with \(variable)=\(core.rawValue).")
        reexecute(with: core)
    }

    static func cpuFeatures() -> CPUFeatures? {
        (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)).map(CPUFeatures.init(cpuinfo:))
    }

    /// Replaces this process by the same binary and arguments with `OPENBLAS_CORETYPE=core`.
    /// Returns only if the exec failed, after saying so; the caller then goes on with the loaded core.
    private static func reexecute(with core: BLASCore) {
        setenv(variable, core.rawValue, 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        let reason = String(cString: strerror(errno))
        FileHandleOutput.standardError("biomoe: could not re-run itself (\(reason)); continuing on OpenBLAS's \(BLASCore.loadedName) kernel")
    }
}

struct BLASCoreError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
