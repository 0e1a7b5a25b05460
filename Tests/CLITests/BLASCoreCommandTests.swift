import Foundation
import Metrics
import Testing
import Tensor

/// `run --blas-core` and the suite's `blas_core`: the process re-runs itself on the pinned
/// OpenBLAS kernel, and the recorded environment names that kernel.
@Suite("biomoe run on a pinned OpenBLAS kernel", .enabled(if: SmokeRun.datasetInstalled), .serialized)
struct BLASCoreCommandTests {
    static let tinySuite = """
    schema: 1
    name: blas-pin
    version: 1
    seeds: [0]
    task: {validation_size: 100, train_limit: 300, test_limit: 100, epochs: 1, batch_size: 50, latency_samples: 3}
    base: {model: mlp, hidden: [8]}
    variants:
      mlp: {}
    """

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-blas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Self.tinySuite.write(to: url.appendingPathComponent("blas-pin.yaml"), atomically: true, encoding: .utf8)
        return url
    }

    @Test("an unknown kernel name fails with exit 1 and lists the accepted names")
    func unknownKernel() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try BiomoeBinary.run(["run", dir.appendingPathComponent("blas-pin.yaml").path, "--db", dir.appendingPathComponent("x.sqlite").path, "--blas-core", "Pentium"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--blas-core Pentium: unknown OpenBLAS kernel; expected one of Prescott, "))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.sqlite").path))
    }

    @Test("a pinned kernel other than the loaded one re-runs the process on it, and the report's environment names it")
    func pinnedKernelIsUsedAndRecorded() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target: BLASCore = BLASCore.loaded == .prescott ? .nehalem : .prescott
        let db = dir.appendingPathComponent("pin.sqlite").path
        let run = try BiomoeBinary.run(["run", dir.appendingPathComponent("blas-pin.yaml").path, "--db", db, "--plain", "--blas-core", target.rawValue])
        try #require(run.status == 0, "run failed: \(run.standardError)")
        #expect(run.standardError.contains("re-running with OPENBLAS_CORETYPE=\(target.rawValue)"))
        let out = dir.appendingPathComponent("report").path
        let report = try BiomoeBinary.run(["report", "blas-pin", "--db", db, "--out", out])
        try #require(report.status == 0, "report failed: \(report.standardError)")
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(readme.contains("DYNAMIC_ARCH NO_AFFINITY \(target.rawValue) "), "environment table does not name \(target.rawValue)")
    }

    @Test("a kernel the CPU lacks the instructions for is refused before anything runs")
    func kernelBeyondTheCPU() throws {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return }
        let tier = CPUFeatures(cpuinfo: cpuinfo).tier
        guard let beyond = BLASCore.allCases.first(where: { $0.tier > tier }) else { return }  // an AVX-512 CPU runs them all
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try BiomoeBinary.run(["run", dir.appendingPathComponent("blas-pin.yaml").path, "--db", dir.appendingPathComponent("x.sqlite").path, "--blas-core", beyond.rawValue])
        #expect(result.status == 1)
        #expect(result.standardError.contains("pins OpenBLAS's \(beyond.rawValue) kernel, which needs \(beyond.tier); this CPU has \(tier)"))
    }

    /// (variant, seed, metric) → value as exported, for metrics that do not depend on the machine.
    static func deterministicRows(_ csv: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 7, MetricCatalog.info(cells[4])?.machineDependent == false else { continue }
            rows["\(cells[2]) seed \(cells[3]) \(cells[4])"] = cells[5]
        }
        return rows
    }

    @Test("the smoke suite pinned to the Haswell kernel on one thread reproduces the committed results to the last bit, on any AVX2 CPU")
    func haswellReproducesTheCommittedSmokeResults() throws {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              CPUFeatures(cpuinfo: cpuinfo).tier >= BLASCore.haswell.tier else { return }  // no AVX2: Haswell cannot run here
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("smoke-haswell.sqlite").path
        // BiomoeBinary.run pins OPENBLAS_NUM_THREADS=1, as the committed results were run.
        let run = try BiomoeBinary.run(["run", "experiments/smoke.yaml", "--db", db, "--plain", "--blas-core", "Haswell"])
        try #require(run.status == 0, "run failed: \(run.standardError)")
        let ours = try BiomoeBinary.run(["export", "metrics", "--db", db, "--format", "csv"])
        let committed = try BiomoeBinary.run(["export", "metrics", "--db", "results/smoke.sqlite", "--format", "csv"])
        try #require(ours.status == 0 && committed.status == 0, "export failed: \(ours.standardError) \(committed.standardError)")
        let expected = Self.deterministicRows(committed.standardOutput)
        #expect(expected.count >= 30 && expected.keys.contains("mlp-64 seed 2 test_accuracy"))
        let actual = Self.deterministicRows(ours.standardOutput)
        for key in expected.keys.sorted() where actual[key] != expected[key] {
            Issue.record("\(key): \(actual[key] ?? "missing") on Haswell, \(expected[key] ?? "") committed")
        }
        #expect(actual.count == expected.count)
        // The kernel differs from the committed run's (Zen), and `compare` says so rather than hiding it.
        let compare = try BiomoeBinary.run(["compare", "smoke", "--db", db, "--baseline", "baselines/smoke.json"])
        try #require(compare.status == 0, "compare failed: \(compare.standardError)")
        let environment = compare.standardOutput.split(separator: "\n").first { $0.hasPrefix("ENVIRONMENT DIFFERS") } ?? ""
        #expect(environment.contains("blasLibrary:") && environment.contains(" Zen ") && environment.contains(" Haswell "),
                "compare did not report the kernel change: \(compare.standardOutput.prefix(400))")
    }
}
