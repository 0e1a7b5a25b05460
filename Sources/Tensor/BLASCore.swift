import CBLAS

/// An OpenBLAS kernel family ("core"), spelled as `OPENBLAS_CORETYPE` and `openblas_get_corename`
/// spell it; the raw value is also the config's spelling (`blas_core`).
///
/// Why biomoe cares: Debian's OpenBLAS 0.3.21 picks its core once, when the library loads, from
/// a CPU table that predates recent Intel CPUs; on those it silently falls back to the generic
/// SSE3 `Prescott` kernel, 2–5× below the machine's speed. The core also sets the summation order
/// of every GEMM, so a result is bit-reproducible only with the core (and thread count) pinned.
public enum BLASCore: String, CaseIterable, Sendable {
    case prescott = "Prescott"
    case core2 = "Core2"
    case penryn = "Penryn"
    case dunnington = "Dunnington"
    case nehalem = "Nehalem"
    case atom = "Atom"
    case athlon = "Athlon"
    case opteron = "Opteron"
    case opteronSSE3 = "Opteron_SSE3"
    case barcelona = "Barcelona"
    case nano = "Nano"
    case sandybridge = "Sandybridge"
    case bulldozer = "Bulldozer"
    case piledriver = "Piledriver"
    case steamroller = "Steamroller"
    case excavator = "Excavator"
    case haswell = "Haswell"
    case zen = "Zen"
    case skylakeX = "SkylakeX"
    case cooperLake = "Cooperlake"

    /// The widest vector instructions the core's kernels use; a CPU must have them to run it.
    public var tier: InstructionTier {
        switch self {
        case .skylakeX, .cooperLake: return .avx512
        case .haswell, .zen, .excavator: return .avx2
        case .sandybridge, .bulldozer, .piledriver, .steamroller: return .avx
        case .prescott, .core2, .penryn, .dunnington, .nehalem, .atom, .athlon, .opteron, .opteronSSE3, .barcelona, .nano:
            return .sse
        }
    }

    /// The core OpenBLAS loaded in this process (case-insensitive match of its own name), or nil
    /// for a name this list does not know.
    public static var loaded: BLASCore? { named(loadedName) }

    /// OpenBLAS's name for the core it loaded, as it prints it.
    public static var loadedName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Case-insensitive lookup: OpenBLAS itself accepts `OPENBLAS_CORETYPE=haswell`.
    public static func named(_ name: String) -> BLASCore? {
        allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    }

    /// The fastest core for a CPU with `features`: the one OpenBLAS would pick if it knew the CPU.
    public static func best(for features: CPUFeatures) -> BLASCore {
        switch features.tier {
        case .avx512: return .skylakeX
        case .avx2: return features.vendor == .amd ? .zen : .haswell
        case .avx: return .sandybridge
        case .sse: return .prescott
        }
    }

    /// The core to switch to when OpenBLAS loaded one below what the CPU can run (the fallback
    /// described above), or nil when the loaded core already uses the CPU's widest instructions.
    public static func upgrade(from loaded: BLASCore?, features: CPUFeatures) -> BLASCore? {
        let target = best(for: features)
        guard let loaded else { return target.tier > .sse ? target : nil }
        return loaded.tier < features.tier ? target : nil
    }
}

/// Vector instruction sets, ordered: a CPU with one has every lower one.
public enum InstructionTier: Int, Comparable, Sendable, CustomStringConvertible {
    case sse, avx, avx2, avx512

    public static func < (a: InstructionTier, b: InstructionTier) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .sse: return "SSE"
        case .avx: return "AVX"
        case .avx2: return "AVX2"
        case .avx512: return "AVX-512"
        }
    }
}

/// What the CPU offers, read from /proc/cpuinfo's first processor.
public struct CPUFeatures: Equatable, Sendable {
    public enum Vendor: Sendable { case intel, amd, other }
    public var vendor: Vendor
    public var flags: Set<String>

    public init(vendor: Vendor, flags: Set<String>) {
        self.vendor = vendor
        self.flags = flags
    }

    /// Parses the text of /proc/cpuinfo (the first `vendor_id` and `flags` lines).
    public init(cpuinfo: String) {
        var vendor = Vendor.other
        var flags: Set<String> = []
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = trimmed(parts[0])
            if key == "vendor_id" && vendor == .other {
                let value = trimmed(parts[1])
                vendor = value == "GenuineIntel" ? .intel : value == "AuthenticAMD" ? .amd : .other
            } else if key == "flags" && flags.isEmpty {
                flags = Set(parts[1].split(separator: " ").map(String.init))
            }
            if vendor != .other && !flags.isEmpty { break }
        }
        self.init(vendor: vendor, flags: flags)
    }

    /// The widest tier whose instructions are all present (OpenBLAS's SkylakeX kernels need
    /// AVX-512 F, BW, VL and DQ; its Haswell kernels AVX2 and FMA).
    public var tier: InstructionTier {
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(flags.contains) { return .avx512 }
        if flags.contains("avx2") && flags.contains("fma") { return .avx2 }
        if flags.contains("avx") { return .avx }
        return .sse
    }
}

/// Strips spaces and tabs (Tensor has no Foundation).
private func trimmed(_ text: Substring) -> String {
    var s = text
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
}
