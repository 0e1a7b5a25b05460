import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Environment fingerprint and probe")
struct EnvironmentTests {
    static let base = EnvironmentFingerprint(
        codeCommit: "0123456789abcdef0123456789abcdef01234567", codeDirty: true,
        toolchain: "Swift version 6.3.1", blasLibrary: "OpenBLAS 0.3.21", blasThreads: 2,
        cpuModel: "AMD EPYC", os: "Debian GNU/Linux 12 (bookworm), kernel 6.1.0")

    @Test("FNV-1a 64 matches the published test vectors")
    func fnvVectors() {
        #expect(EnvironmentFingerprint.fnv1a64([]) == 0xcbf2_9ce4_8422_2325)
        #expect(EnvironmentFingerprint.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(EnvironmentFingerprint.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test("the canonical description lists every field sorted by name, values JSON-quoted")
    func canonicalDescription() {
        var environment = Self.base
        environment.cpuModel = "Quote \" and\nnewline"
        #expect(environment.canonicalDescription == """
            blasLibrary="OpenBLAS 0.3.21"
            blasThreads=2
            codeCommit="0123456789abcdef0123456789abcdef01234567"
            codeDirty=true
            cpuModel="Quote \\" and\\nnewline"
            os="Debian GNU/Linux 12 (bookworm), kernel 6.1.0"
            toolchain="Swift version 6.3.1"
            """)
    }

    @Test("equal environments have equal fingerprints; changing any one field changes it")
    func fingerprintStability() {
        let copy = EnvironmentFingerprint(
            codeCommit: Self.base.codeCommit, codeDirty: true, toolchain: Self.base.toolchain,
            blasLibrary: Self.base.blasLibrary, blasThreads: 2, cpuModel: Self.base.cpuModel,
            os: Self.base.os)
        #expect(copy.fingerprint == Self.base.fingerprint)
        #expect(Self.base.fingerprint.hasPrefix("fnv1a64:"))
        #expect(Self.base.fingerprint.count == "fnv1a64:".count + 16)

        let edits: [(String, (inout EnvironmentFingerprint) -> Void)] = [
            ("codeCommit", { $0.codeCommit = "fedcba9876543210fedcba9876543210fedcba98" }),
            ("codeDirty false", { $0.codeDirty = false }),
            ("codeDirty unknown", { $0.codeDirty = nil }),
            ("toolchain", { $0.toolchain = "Swift version 6.2" }),
            ("blasLibrary", { $0.blasLibrary = "OpenBLAS 0.3.26" }),
            ("blasThreads", { $0.blasThreads = 1 }),
            ("cpuModel", { $0.cpuModel = "Intel Xeon" }),
            ("os", { $0.os = "Ubuntu 24.04" }),
        ]
        var seen: Set<String> = [Self.base.fingerprint]
        for (name, edit) in edits {
            var changed = Self.base
            edit(&changed)
            #expect(changed.fingerprint != Self.base.fingerprint, "editing \(name) kept the fingerprint")
            seen.insert(changed.fingerprint)
        }
        #expect(seen.count == edits.count + 1)
    }

    /// FNV-1a of `base`'s seven-line description, as every build before the field hashed it.
    static let baseFingerprintHex = "57511c448386b5c3"

    /// An environment without the field keeps the fingerprint it was recorded with, so a rerun
    /// on an old results file finds its environment row.
    @Test("vector extensions join the description when recorded, and leave older fingerprints as they were")
    func vectorExtensions() {
        #expect(Self.base.fingerprint == "fnv1a64:\(Self.baseFingerprintHex)")
        var recorded = Self.base
        recorded.cpuVectorExtensions = "avx2 avx512f"
        #expect(recorded.canonicalDescription.split(separator: "\n").map { String($0.prefix { $0 != "=" }) }
                    == ["blasLibrary", "blasThreads", "codeCommit", "codeDirty", "cpuModel", "cpuVectorExtensions", "os", "toolchain"])
        #expect(recorded.canonicalDescription.contains("cpuVectorExtensions=\"avx2 avx512f\""))
        #expect(recorded.fingerprint != Self.base.fingerprint)
        var other = recorded
        other.cpuVectorExtensions = "avx2"
        #expect(other.fingerprint != recorded.fingerprint)
    }

    @Test("the probe fills every field on this machine, with the worktree's commit")
    func probeOnThisMachine() {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let environment = EnvironmentProbe.current(repositoryPath: repository.path)
        #expect(environment.codeCommit.count == 40, "commit: \(environment.codeCommit)")
        #expect(environment.codeCommit.allSatisfy { $0.isHexDigit })
        #expect(environment.codeDirty != nil)
        #expect(environment.toolchain.contains("Swift"), "toolchain: \(environment.toolchain)")
        #expect(environment.blasLibrary.hasPrefix("OpenBLAS"), "BLAS: \(environment.blasLibrary)")
        #expect(environment.blasThreads >= 1)
        #expect(!environment.cpuModel.isEmpty && environment.cpuModel != EnvironmentProbe.unknown)
        #expect(environment.os.contains(", kernel "))
        #expect(environment.cpuVectorExtensions != nil, "no flags line in /proc/cpuinfo")
        #expect(!environment.os.contains(EnvironmentProbe.unknown), "os: \(environment.os)")
    }

    @Test("outside a git repository the commit is unknown and the dirty flag nil, no crash")
    func probeOutsideRepository() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("biomoe-norepo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = EnvironmentProbe.current(repositoryPath: directory.path)
        #expect(environment.codeCommit == EnvironmentProbe.unknown)
        #expect(environment.codeDirty == nil)
        #expect(EnvironmentProbe.runCommand(["biomoe-no-such-command-\(UUID().uuidString)"]) == nil)
    }

    @Test("cpuinfo and os-release are parsed from their text")
    func parsing() {
        let cpuinfo = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz
            processor\t: 1
            model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz
            """
        #expect(EnvironmentProbe.cpuModel(fromCPUInfo: cpuinfo) == "Intel(R) Xeon(R) CPU @ 2.20GHz")
        #expect(EnvironmentProbe.cpuModel(fromCPUInfo: "processor\t: 0\n") == nil)
        #expect(EnvironmentProbe.vectorExtensions(fromCPUInfo: "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq\n") == "avx2 avx512f")
        #expect(EnvironmentProbe.vectorExtensions(fromCPUInfo: "flags\t\t: fpu sse2 avx avx2 fma\n") == "avx2")
        #expect(EnvironmentProbe.vectorExtensions(fromCPUInfo: "flags\t\t: fpu sse2 ssse3\n") == "none")
        #expect(EnvironmentProbe.vectorExtensions(fromCPUInfo: "processor\t: 0\nFeatures\t: fp asimd evtstrm aes\n") == "asimd")
        #expect(EnvironmentProbe.vectorExtensions(fromCPUInfo: cpuinfo) == nil)

        let osRelease = """
            NAME="Debian GNU/Linux"
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            VERSION_ID="12"
            """
        #expect(EnvironmentProbe.prettyName(fromOSRelease: osRelease) == "Debian GNU/Linux 12 (bookworm)")
        #expect(EnvironmentProbe.prettyName(fromOSRelease: "PRETTY_NAME=Alpine\n") == "Alpine")
        #expect(EnvironmentProbe.prettyName(fromOSRelease: "NAME=x\n") == nil)
    }
}
