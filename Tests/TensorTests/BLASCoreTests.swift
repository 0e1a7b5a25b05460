import Testing
import Tensor

@Suite("Choosing OpenBLAS's kernel from the CPU")
struct BLASCoreTests {
    static let xeon = """
    processor\t: 0
    vendor_id\t: GenuineIntel
    model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz
    flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 avx512f avx512dq avx512bw avx512vl
    processor\t: 1
    vendor_id\t: GenuineIntel
    flags\t\t: fpu sse sse2
    """
    static let epyc = """
    vendor_id\t: AuthenticAMD
    flags\t\t: fpu sse sse2 fma sse4_1 sse4_2 avx sse4a avx2
    """

    @Test("cpuinfo's first processor gives the vendor and the widest instruction tier")
    func parsesCPUInfo() {
        let xeon = CPUFeatures(cpuinfo: Self.xeon)
        #expect(xeon.vendor == .intel && xeon.tier == .avx512)
        let epyc = CPUFeatures(cpuinfo: Self.epyc)
        #expect(epyc.vendor == .amd && epyc.tier == .avx2)
        #expect(CPUFeatures(vendor: .other, flags: ["avx", "avx2"]).tier == .avx)  // AVX2 without FMA is not Haswell-class
        #expect(CPUFeatures(vendor: .intel, flags: ["avx512f", "avx2", "fma"]).tier == .avx2)  // F alone is not enough
        #expect(CPUFeatures(cpuinfo: "").tier == .sse)
    }

    @Test("the generic Prescott kernel on an AVX-512 Xeon is upgraded to SkylakeX, on an AVX2 EPYC to Zen")
    func upgradesAFallback() {
        let xeon = CPUFeatures(cpuinfo: Self.xeon), epyc = CPUFeatures(cpuinfo: Self.epyc)
        #expect(BLASCore.upgrade(from: .prescott, features: xeon) == .skylakeX)
        #expect(BLASCore.upgrade(from: .haswell, features: xeon) == .skylakeX)
        #expect(BLASCore.upgrade(from: .prescott, features: epyc) == .zen)
        #expect(BLASCore.upgrade(from: .sandybridge, features: CPUFeatures(vendor: .intel, flags: ["avx2", "fma"])) == .haswell)
    }

    @Test("a kernel that already uses the CPU's widest instructions is left alone")
    func keepsAFittingKernel() {
        let epyc = CPUFeatures(cpuinfo: Self.epyc)
        #expect(BLASCore.upgrade(from: .haswell, features: epyc) == nil)
        #expect(BLASCore.upgrade(from: .zen, features: epyc) == nil)
        #expect(BLASCore.upgrade(from: .skylakeX, features: CPUFeatures(cpuinfo: Self.xeon)) == nil)
        #expect(BLASCore.upgrade(from: .prescott, features: CPUFeatures(vendor: .other, flags: ["sse2"])) == nil)
    }

    @Test("kernel names match OpenBLAS's case-insensitively, and the loaded kernel is one of them")
    func names() {
        #expect(BLASCore.named("haswell") == .haswell)
        #expect(BLASCore.named("SKYLAKEX") == .skylakeX)
        #expect(BLASCore.named("bogus") == nil)
        #expect(BLASCore.loaded != nil, "OpenBLAS reports a kernel this list does not know: \(BLASCore.loadedName)")
    }
}
