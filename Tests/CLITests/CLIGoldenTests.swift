import Foundation
import Metrics
import Testing

/// Whole-output tests of the built `biomoe` executable, in the style of swift-argument-parser's
/// end-to-end tests: run the smoke suite once into a temporary database, then compare the
/// complete output of `report`, `list`, `list --runs`, `compare --all` and `export metrics` with
/// the golden files in Tests/CLITests/Golden/.
///
/// Timing-dependent text is masked on both sides before comparing (``GoldenMask``): timestamps,
/// commits, the temporary directory, the environment table, and every cell of a timing column or
/// of a machine-dependent metric's row (latency, throughput, train_seconds, peak_rss; see
/// `MetricCatalog`). Everything else — accuracies, calibration, losses, counts, layout — is
/// deterministic on one machine and BLAS build, so any change shows up as a diff.
///
/// After an intended output change, rewrite the golden files and review the diff:
///
///     BIOMOE_UPDATE_GOLDEN=1 swift test -c release -Xswiftc -enable-testing --filter CLITests
///
/// The golden numbers come from Debian's OpenBLAS on x86-64; another BLAS may round differently.
@Suite("biomoe end to end: whole command output against golden files", .enabled(if: SmokeRun.datasetInstalled), .serialized)
struct CLIGoldenTests {
    @Test("report renders the smoke suite's README exactly as the golden file, up to timing")
    func report() throws {
        let smoke = try SmokeRun.shared.get()
        let out = smoke.directory.appendingPathComponent("report").path
        let result = try BiomoeBinary.run(["report", "experiments/smoke.yaml", "--db", smoke.database, "--out", out])
        try #require(result.status == 0, "report failed: \(result.standardError)")
        #expect(result.standardOutput == out + "/README.md\n")
        try expectGolden("report-README.md", String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/README.md")), as: UTF8.self), smoke)
    }

    @Test("list prints the database path and the suite's counts")
    func list() throws {
        let smoke = try SmokeRun.shared.get()
        let result = try BiomoeBinary.run(["list", "--db", smoke.database])
        try #require(result.status == 0, "list failed: \(result.standardError)")
        try expectGolden("list.txt", result.standardOutput, smoke)
    }

    @Test("list --runs prints every run with its status")
    func listRuns() throws {
        let smoke = try SmokeRun.shared.get()
        let result = try BiomoeBinary.run(["list", "--runs", "--db", smoke.database])
        try #require(result.status == 0, "list --runs failed: \(result.standardError)")
        try expectGolden("list-runs.txt", result.standardOutput, smoke)
    }

    @Test("compare --all prints every metric of every variant against the committed baseline")
    func compareAll() throws {
        let smoke = try SmokeRun.shared.get()
        let result = try BiomoeBinary.run(["compare", "smoke", "--baseline", "baselines/smoke.json", "--all", "--db", smoke.database])
        try #require(result.status == 0, "compare failed (\(result.status)): \(result.standardError)")
        try expectGolden("compare-all.txt", result.standardOutput, smoke)
    }

    @Test("export metrics prints one CSV row per run and metric")
    func exportMetrics() throws {
        let smoke = try SmokeRun.shared.get()
        let result = try BiomoeBinary.run(["export", "metrics", "--db", smoke.database, "--format", "csv"])
        try #require(result.status == 0, "export failed: \(result.standardError)")
        try expectGolden("export-metrics.csv", result.standardOutput, smoke)
    }

    @Test("publish writes a file without predictions whose report `report` reproduces byte for byte")
    func publishThenReport() throws {
        let smoke = try SmokeRun.shared.get()
        let published = smoke.directory.appendingPathComponent("results/smoke.sqlite").path
        let reportDir = smoke.directory.appendingPathComponent("reports/smoke").path
        let publish = try BiomoeBinary.run(["publish", "smoke", "--db", smoke.database, "--out", published, "--report-dir", reportDir])
        try #require(publish.status == 0, "publish failed: \(publish.standardError)")
        #expect(publish.standardOutput.hasSuffix("\n" + reportDir + "/README.md\n"))
        #expect(publish.standardOutput.contains("6 run(s), 12000 prediction(s) reduced to reliability totals of 6 run(s)"))
        let again = smoke.directory.appendingPathComponent("again").path
        let report = try BiomoeBinary.run(["report", "smoke", "--db", published, "--out", again])
        try #require(report.status == 0, "report failed: \(report.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: reportDir).filter { $0.hasSuffix(".md") || $0.hasSuffix(".gp") }.sorted()
        #expect(files == ["README.md", "accuracy.gp", "latency-cdf.gp", "loss.gp", "reliability.gp"])
        for file in files {
            #expect(FileManager.default.contents(atPath: reportDir + "/" + file) == FileManager.default.contents(atPath: again + "/" + file),
                    "\(file) differs")
        }
        // The reliability diagram from the working file (predictions) equals the published one (totals).
        let working = smoke.directory.appendingPathComponent("working-report").path
        try #require(try BiomoeBinary.run(["report", "smoke", "--db", smoke.database, "--out", working]).status == 0)
        #expect(FileManager.default.contents(atPath: working + "/reliability.gp") == FileManager.default.contents(atPath: again + "/reliability.gp"))
    }

    @Test("run on a published file fails with exit 1 before running anything, names the file and the merge that makes it writable")
    func runOnPublishedFile() throws {
        let smoke = try SmokeRun.shared.get()
        let published = smoke.directory.appendingPathComponent("published-for-run.sqlite").path
        try #require(try BiomoeBinary.run(["publish", "smoke", "--db", smoke.database, "--out", published,
                                           "--report-dir", smoke.directory.appendingPathComponent("published-for-run").path]).status == 0)
        let before = FileManager.default.contents(atPath: published)
        let result = try BiomoeBinary.run(["run", "experiments/smoke.yaml", "--db", published, "--plain"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: '\(published)' is a published results file (written by `biomoe publish`), which biomoe only reads; nothing was run. "
                                              + "To add runs to it, merge it into a working database and run there: biomoe merge \(published) --into results/runs/smoke.sqlite"),
                "\(result.standardError)")
        #expect(!result.standardOutput.contains("done in"))
        #expect(FileManager.default.contents(atPath: published) == before, "the published file is unchanged")
    }

    @Test("publish of a suite the database does not hold fails with exit 1 and names the suites it holds")
    func publishUnknownSuite() throws {
        let smoke = try SmokeRun.shared.get()
        let out = smoke.directory.appendingPathComponent("results/nope.sqlite").path
        let result = try BiomoeBinary.run(["publish", "nope", "--db", smoke.database, "--out", out])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("error: No suite 'nope' in '\(smoke.database)' (it holds: smoke)."))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Compares masked `actual` with the golden file, or rewrites the file under BIOMOE_UPDATE_GOLDEN=1.
    func expectGolden(_ name: String, _ actual: String, _ smoke: SmokeRun, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let masked = GoldenMask.apply(actual, temporaryDirectory: smoke.directory.path)
        let url = BiomoeBinary.packageRoot.appendingPathComponent("Tests/CLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["BIOMOE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(masked.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(masked == golden, "\(name) differs from the golden file:\n\(GoldenMask.firstDifference(masked, golden))\n(BIOMOE_UPDATE_GOLDEN=1 rewrites it)",
                sourceLocation: sourceLocation)
    }
}

/// The smoke suite run once (by the first test that needs it) into a temporary database.
struct SmokeRun: Sendable {
    static let datasetInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")

    let directory: URL
    let database: String

    static let shared: Result<SmokeRun, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appendingPathComponent("smoke.sqlite").path
        let result = try BiomoeBinary.run(["run", "experiments/smoke.yaml", "--db", database, "--plain"])
        guard result.status == 0 else {
            throw BiomoeFailure(message: "biomoe run experiments/smoke.yaml exited \(result.status): \(result.standardError)")
        }
        return SmokeRun(directory: directory, database: database)
    }
}

struct BiomoeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs the `biomoe` product of this build.
enum BiomoeBinary {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The package root, where the commands run (they read experiments/ and baselines/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle, as swift-argument-parser's `productsDirectory`
    /// finds it (the test runner lives in the products directory on Linux), else .build/release.
    static var executable: URL {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("biomoe"),
                          packageRoot.appendingPathComponent(".build/release/biomoe")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs biomoe from `directory` (the package root unless given).
    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        try run(program: executable, arguments, in: directory)
    }

    /// Runs another program the same way (from the package root, one BLAS thread), e.g. the
    /// PyTorch scripts of baselines/pytorch/ through `/usr/bin/env python3`.
    static func run(program: URL, _ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // One BLAS thread, whatever the caller's environment: OpenBLAS's summation order depends
        // on its thread count, and the golden numbers were made with one.
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        // Files, not pipes: a full pipe would block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-cli-out-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out"), errURL = scratch.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Replaces what depends on the clock, the machine or the temporary directory with placeholders.
enum GoldenMask {
    static let timing = "<timing>"
    /// Metric names and labels whose values depend on the machine (MetricCatalog).
    static let machineDependent: Set<String> = Set(MetricCatalog.all.filter(\.machineDependent).flatMap { [$0.name, $0.label] })
    /// Report table columns that hold timing.
    static let timingColumn = try! Regex(#"(?i)samples/s|latency|µs|seconds|throughput|memory|rss|finished|\btime\b"#)

    static func apply(_ text: String, temporaryDirectory: String) -> String {
        var text = text.replacingOccurrences(of: temporaryDirectory, with: "<tmp>")
        // macOS temporary directories are reached through a /private symlink.
        text = text.replacingOccurrences(of: "/private<tmp>", with: "<tmp>")
        text = text.replacing(try! Regex(#"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?( ?Z| ?[+-]\d{2}:?\d{2})?"#), with: "<time>")
        text = text.replacing(try! Regex(#"`[0-9a-f]{40}(?![0-9a-f])[^`]*`"#), with: "`<commit>`")
        text = text.replacing(try! Regex(#"\b[0-9a-f]{40}\b"#), with: "<commit>")
        // Which machine fields differ from the baseline's depends on where the test runs.
        // The Markdown form is a paragraph: drop the blank line after it too, or a machine whose
        // fields differ leaves one blank line more than the golden file.
        var lines: [String] = []
        var droppedParagraph = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("ENVIRONMENT DIFFERS") { continue }
            if line.hasPrefix("**Environment differs**") { droppedParagraph = true; continue }
            if droppedParagraph && line.isEmpty { droppedParagraph = false; continue }
            droppedParagraph = false
            lines.append(line)
        }
        var result: [String] = []
        var header: [String] = []
        var section = ""
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("#") { section = line }
            if line.hasPrefix("|") {
                let isHeader = index + 1 < lines.count && lines[index + 1].hasPrefix("|---")
                if isHeader { header = cells(line) }
                if isHeader || line.hasPrefix("|---") {
                    result.append(line)
                    continue
                }
                var row = cells(line)
                if section.hasPrefix("## Environment") {
                    row = row.enumerated().map { $0 == 0 ? $1 : "<environment>" }
                } else {
                    row = maskRow(row, header: header)
                }
                result.append("| " + row.joined(separator: " | ") + " |")
            } else if line.contains(",") && !line.contains(" ") {
                result.append(maskRow(line.components(separatedBy: ","), header: []).joined(separator: ","))
            } else {
                result.append(maskAligned(line))
            }
        }
        return result.joined(separator: "\n")
    }

    static func cells(_ line: String) -> [String] {
        var inner = Substring(line)
        if inner.hasPrefix("| ") { inner = inner.dropFirst(2) }
        if inner.hasSuffix(" |") { inner = inner.dropLast(2) }
        return inner.components(separatedBy: " | ")
    }

    /// Timing columns, and every cell after a machine-dependent metric's name.
    static func maskRow(_ row: [String], header: [String]) -> [String] {
        var masked = row
        var after = false
        for (i, cell) in row.enumerated() {
            let title = i < header.count ? header[i] : ""
            if after || (!title.isEmpty && title.contains(timingColumn)) {
                masked[i] = timing
            }
            if machineDependent.contains(cell.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "")) { after = true }
        }
        return masked
    }

    /// Column-aligned text (`compare`): cells are separated by two or more spaces, whose count
    /// depends on the widest (timing) cell, so cells are re-joined with exactly two spaces.
    static func maskAligned(_ line: String) -> String {
        let indent = line.prefix { $0 == " " }
        let body = line.dropFirst(indent.count)
        guard body.contains("  ") else { return line }
        let row = body.split(separator: try! Regex(" {2,}")).map(String.init)
        return indent + maskRow(row, header: []).joined(separator: "  ")
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : nil) != (i < y.count ? y[i] : nil) {
            return "line \(i + 1):\n  actual: \(i < x.count ? x[i] : "<end>")\n  golden: \(i < y.count ? y[i] : "<end>")"
        }
        return "(no difference)"
    }
}
