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
    /// How long OpenBLAS's idle worker threads spin (with sched_yield) after a call before they
    /// sleep: 2^n cycles, n from 4 to 30, default 28 (seconds of spinning). Our own kernels run
    /// on the same cores right after each GEMM, so spinning BLAS workers take half of a 2-core
    /// machine from them: Mamba training at 2 threads ran at 1.34× one thread with the default and
    /// 1.88× with n = 4. Read only when the library loads, like the core type; it changes no
    /// result, only who waits how.
    static let threadTimeoutVariable = "OPENBLAS_THREAD_TIMEOUT"
    static let threadTimeout = "4"

    /// Run first in `main`: gives OpenBLAS the short thread timeout (unless the user set one) and,
    /// when OpenBLAS fell back to a generic kernel, the matching core, re-executing at most once.
    static func prepare() {
        let environment = ProcessInfo.processInfo.environment
        var reason: String?
        var core: BLASCore?
        if environment[variable] == nil, let features = cpuFeatures(),
           let target = BLASCore.upgrade(from: BLASCore.loaded, features: features) {
            reason = """
                biomoe: OpenBLAS loaded its generic \(BLASCore.loadedName) kernel on this \(features.tier) CPU; \
                re-running on its \(target.rawValue) kernel (\(variable)=\(target.rawValue)). \
                Set \(variable) yourself, or blas_core in the suite, to choose another.
                """
            core = target
        }
        guard environment[threadTimeoutVariable] == nil || core != nil else { return }
        if let reason { FileHandleOutput.standardError(reason) }
        reexecute(with: core)
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

    /// Replaces this process by the same binary and arguments with `OPENBLAS_CORETYPE=core` (when
    /// given) and the thread timeout (when unset). Returns only if the exec failed, after saying
    /// so; the caller then goes on with the loaded core.
    private static func reexecute(with core: BLASCore?) {
        if let core { setenv(variable, core.rawValue, 1) }
        setenv(threadTimeoutVariable, threadTimeout, 0)
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
