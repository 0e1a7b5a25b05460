import Foundation
import HarnessConfig

/// The machine and code a run was measured on.
///
/// Every run row points at one of these, because a number without the commit, toolchain, BLAS
/// build and CPU that produced it cannot be compared with anything: two timings are only
/// comparable when their fingerprints are equal.
///
/// The ``fingerprint`` identifies equal environments. It is a stable hash of
/// ``canonicalDescription``, which lists every field (and nothing else, in particular no time),
/// so registering the same environment twice finds the existing row.
public struct EnvironmentFingerprint: Codable, Hashable, Sendable {
    /// `git rev-parse HEAD` of the code that ran, or `"unknown"` outside a repository.
    public var codeCommit: String
    /// Whether the working tree had uncommitted changes; `nil` when git could not tell.
    public var codeDirty: Bool?
    /// First line of `swift --version`, or the compiler version the binary was built with.
    public var toolchain: String
    /// `openblas_get_config()`: version, architecture kernel and build options.
    public var blasLibrary: String
    /// `openblas_get_num_threads()` at probe time.
    public var blasThreads: Int
    /// `model name` from /proc/cpuinfo, or `"unknown"`.
    public var cpuModel: String
    /// `PRETTY_NAME` from /etc/os-release followed by the kernel release.
    public var os: String
    /// Which of the vector extensions biomoe's own kernels choose between the CPU has, from
    /// /proc/cpuinfo: `"avx2 avx512f"`, `"avx2"`, `"asimd"` (arm64), or `"none"`; `nil` when not
    /// recorded (runs from before it was, or no /proc/cpuinfo).
    ///
    /// Why: the kernels give the same bits in every form, but not the same speed, and a virtual
    /// machine's model name ("AMD EPYC") does not say which form ran a timing.
    public var cpuVectorExtensions: String?

    public init(
        codeCommit: String,
        codeDirty: Bool?,
        toolchain: String,
        blasLibrary: String,
        blasThreads: Int,
        cpuModel: String,
        os: String,
        cpuVectorExtensions: String? = nil
    ) {
        self.codeCommit = codeCommit
        self.codeDirty = codeDirty
        self.toolchain = toolchain
        self.blasLibrary = blasLibrary
        self.blasThreads = blasThreads
        self.cpuModel = cpuModel
        self.os = os
        self.cpuVectorExtensions = cpuVectorExtensions
    }

    /// Every field as one line of `name=value`, in alphabetical order of names; an unrecorded
    /// ``cpuVectorExtensions`` is left out, so environments recorded before it existed keep their
    /// fingerprints.
    ///
    /// Values are JSON string literals (escaped), so a value containing `=` or a newline cannot
    /// make two different environments print alike. Hash this with SHA-256 if a
    /// cryptographic identifier is ever needed; ``fingerprint`` only needs stability.
    public var canonicalDescription: String {
        let dirty: String
        switch codeDirty {
        case .some(true): dirty = "true"
        case .some(false): dirty = "false"
        case .none: dirty = "null"
        }
        var fields: [(String, String)] = [
            ("blasLibrary", Self.quoted(blasLibrary)),
            ("blasThreads", String(blasThreads)),
            ("codeCommit", Self.quoted(codeCommit)),
            ("codeDirty", dirty),
            ("cpuModel", Self.quoted(cpuModel)),
            ("os", Self.quoted(os)),
            ("toolchain", Self.quoted(toolchain)),
        ]
        if let cpuVectorExtensions { fields.insert(("cpuVectorExtensions", Self.quoted(cpuVectorExtensions)), at: 5) }
        return fields.map { "\($0.0)=\($0.1)" }.joined(separator: "\n")
    }

    /// `fnv1a64:` followed by 16 lowercase hex digits of the FNV-1a hash of
    /// ``canonicalDescription``'s UTF-8 bytes. Same fields, same string, on every platform.
    public var fingerprint: String {
        "fnv1a64:" + Self.hex(Self.fnv1a64(Array(canonicalDescription.utf8)))
    }

    /// 64-bit FNV-1a: h = (h ⊕ byte) · 0x100000001b3, starting from 0xcbf29ce484222325.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func quoted(_ text: String) -> String {
        ConfigValue.quote(text)
    }
}
