import CKernels

/// The code that runs the Sequence kernels' lanes (the selective scan, the SiLUs, the causal
/// depthwise convolution, causal linear attention). Every form gives the same bits (tested on
/// CPUs that have them), so the choice changes speed only and a run's results do not depend on
/// the CPU; the default is the fastest the CPU has.
public enum VectorInstructions: String, CaseIterable, Sendable {
    /// Swift's SIMD8 lanes: two SSE halves on baseline x86-64, NEON on arm64.
    case swiftLanes = "swift-lanes"
    /// CKernels' AVX2 blocks of eight channels (the scan and linear attention; the SiLUs and the
    /// convolution run their Swift forms).
    case avx2
    /// CKernels' AVX-512 registers of sixteen, several in flight (linear attention runs its AVX2
    /// kernel: sixteen-lane registers measured slower there).
    case avx512

    /// Whether this CPU can run them.
    public var isAvailable: Bool {
        switch self {
        case .swiftLanes: return true
        case .avx2: return Self.cpuHasAVX2
        case .avx512: return Self.cpuHasAVX512
        }
    }

    /// The form a kernel asked for this one runs: itself where the CPU has it, else the Swift lanes.
    public var runnable: VectorInstructions { isAvailable ? self : .swiftLanes }

    /// The fastest this CPU runs: the kernels' default.
    public static let best: VectorInstructions = cpuHasAVX512 ? .avx512 : cpuHasAVX2 ? .avx2 : .swiftLanes

    private static let cpuHasAVX2 = biomoe_cpu_has_avx2()
    private static let cpuHasAVX512 = biomoe_cpu_has_avx512()
}
