import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Reads one suite from a results database and writes `README.md` plus charts into a directory.
///
/// Only the database is read (never the config file or the data), so a report can be rebuilt on
/// any machine from a copied `.sqlite`, and the same database always yields the same bytes.
public struct ReportGenerator {
    public let databasePath: String
    public var gnuplot = Gnuplot()
    /// The baseline to compare with; nil means `baselines/<suite>.json`. No file, no section.
    public var baselinePath: String?

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// - Parameter configHash: the exact config to report; nil means the suite's newest config.
    /// - Returns: the path of the written README.md.
    @discardableResult
    public func generate(suite name: String, configHash: String?, outputDirectory: String) throws -> String {
        let store = try ResultStore(path: databasePath)
        var input = try Self.input(store: store, suite: name, configHash: configHash, databasePath: databasePath)
        input.baseline = Self.baseline(store: store, input: input, path: baselinePath ?? "baselines/\(input.suiteName).json")
        let directory = URL(fileURLWithPath: outputDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let charts = ReportSections.charts(input)
        for chart in charts { try gnuplot.render(chart, into: directory) }
        let readme = directory.appendingPathComponent("README.md")
        try Data(MarkdownReport.render(input, charts: charts).utf8).write(to: readme)
        return outputDirectory.hasSuffix("/") ? outputDirectory + "README.md" : outputDirectory + "/README.md"
    }

    static func input(store: ResultStore, suite name: String, configHash: String?, databasePath: String) throws -> ReportInput {
        let candidates = try store.suites(named: name)
        let chosen = configHash.map { hash in candidates.first { $0.configHash == hash } } ?? candidates.last
        guard let suite = chosen, let suiteId = suite.id else {
            throw ReportError.suiteNotFound(name: name, database: databasePath,
                                            available: Array(Set(try store.allSuites().map(\.suite.name))).sorted())
        }
        let runRows = try store.runs(suiteId: suiteId, status: .complete)
        guard !runRows.isEmpty else { throw ReportError.noCompleteRuns(suite: name, database: databasePath) }
        let runIds = runRows.compactMap(\.id)
        let metricRows = try store.metrics(runIds: runIds)
        var runs: [ReportInput.Run] = []
        // Reliability: each run's bin totals (stored by `publish`, else from its predictions),
        // added over a variant's runs in run order, so a published file gives the same bytes.
        var pooled: [String: [ReliabilityTotal]] = [:]
        for row in runRows {
            guard let id = row.id else { continue }
            let mine = metricRows.filter { $0.runId == id }
            var series: [String: [(step: Int, value: Double)]] = [:]
            for point in try store.series(runId: id) { series[point.name, default: []].append((point.step, point.value)) }
            runs.append(ReportInput.Run(
                id: id, variant: row.variant, seed: row.seed, environmentId: row.environmentId,
                finishedAt: Self.timestamp(row.finishedAt),
                metrics: Dictionary(uniqueKeysWithValues: mine.map { ($0.name, $0.value) }),
                units: Dictionary(uniqueKeysWithValues: mine.map { ($0.name, $0.unit) }),
                series: series))
            guard let totals = try store.reliabilityTotals(runId: id) else { continue }
            if let sum = pooled[row.variant] {
                pooled[row.variant] = zip(sum, totals).map { $0.adding($1) }
            } else {
                pooled[row.variant] = totals
            }
        }
        var reliability: [String: [ReportInput.ReliabilityBin]] = [:]
        for (variant, totals) in pooled {
            reliability[variant] = ClassificationMetrics.reliabilityBins(totals: totals)
                .map { ReportInput.ReliabilityBin(lower: $0.lower, upper: $0.upper, count: $0.count,
                                                  meanConfidence: $0.meanConfidence, accuracy: $0.accuracy) }
        }
        let environments = try Set(runRows.map(\.environmentId)).sorted().compactMap { try store.environment(id: $0) }
        let variants = RunRow.variantOrder(runRows)
        let seeds = Self.seeds(canonicalConfig: suite.canonicalConfig) ?? Array(Set(runRows.map(\.seed))).sorted()
        var input = ReportInput(
            suiteName: suite.name, version: suite.configVersion, configHash: suite.configHash,
            sourcePath: suite.sourcePath ?? "experiments/\(suite.name).yaml", canonicalConfig: suite.canonicalConfig,
            databasePath: databasePath, variants: variants, seeds: seeds, runs: runs,
            environments: environments, reliability: reliability)
        input.failures = try failures(store: store, suiteId: suiteId, complete: runRows)
        for id in runIds {
            if let event = try store.events(runId: id, kind: "peer-build").first { input.peerBuilds[id] = event.payload }
        }
        return input
    }

    /// Keys with failed attempts and no complete run, in run order, each with its last error.
    static func failures(store: ResultStore, suiteId: Int64, complete: [RunRow]) throws -> [ReportInput.Failure] {
        let done = Set(complete.map { "\($0.variant)\u{0}\($0.seed)" })
        var order: [String] = [], attempts: [String: (row: RunRow, count: Int)] = [:]
        for row in try store.runs(suiteId: suiteId, status: .failed) where !done.contains("\(row.variant)\u{0}\(row.seed)") {
            let key = "\(row.variant)\u{0}\(row.seed)"
            if attempts[key] == nil { order.append(key) }
            attempts[key] = (row, (attempts[key]?.count ?? 0) + 1)
        }
        return order.compactMap { attempts[$0] }.map {
            ReportInput.Failure(variant: $0.row.variant, seed: $0.row.seed, attempts: $0.count, error: $0.row.error ?? "")
        }
    }

    /// The comparison with the baseline file at `path`, nil when there is no such file.
    ///
    /// Reads the baseline file besides the database (the `gate:` tolerances are recorded with
    /// the suite), so the section is byte-identical for the same database and baseline.
    /// A problem (malformed file, damaged tolerances) becomes a line in the report, not a failure.
    static func baseline(store: ResultStore, input: ReportInput, path: String) -> ReportBaseline? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var source: String?
        do {
            let baseline = try BaselineFile.load(path: path)
            let suite = try SuiteSnapshot.selectSuite(store: store, name: input.suiteName, configHash: input.configHash,
                                                      databasePath: input.databasePath)
            let policy = try GatePolicy.recorded(in: suite)
            source = policy.source
            let current = try SuiteSnapshot.read(store: store, suite: suite, requireComplete: false, databasePath: input.databasePath)
            let comparison = BaselineComparison.compare(
                baseline: baseline, current: current.baseline, policy: policy.policy, variantOrder: current.variantOrder,
                baselineLabel: path, currentLabel: input.databasePath)
            return ReportBaseline(path: path, comparison: comparison, problem: nil, policySource: source)
        } catch {
            return ReportBaseline(path: path, comparison: nil, problem: "\(error)", policySource: source)
        }
    }

    static func seeds(canonicalConfig: String) -> [Int]? {
        ReportInput.canonicalObject(canonicalConfig)?["seeds"] as? [Int]
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
