import Foundation
import HarnessConfig
import HarnessStore

/// A suite's results read from a database into baseline form: what `baseline update` writes,
/// and the "current" (or `--against`) side of every comparison.
public struct SuiteSnapshot: Sendable {
    public var baseline: BaselineFile
    /// Variants in the order their first run was recorded (the config file's order).
    public var variantOrder: [String]

    /// The suite named `name` to compare or snapshot: the config whose hash is `configHash` if
    /// given, else the config of the suite's most recent invocation (so running config A, then B,
    /// then A again selects A).
    public static func selectSuite(store: ResultStore, name: String, configHash: String?, databasePath: String) throws -> SuiteRow {
        let candidates = try store.suites(named: name)
        if let configHash {
            if let exact = candidates.first(where: { $0.configHash == configHash }) { return exact }
            throw BaselineError.configNotFound(name: name, configHash: configHash, database: databasePath)
        }
        var best: (suite: SuiteRow, invocation: Int64)?
        for suite in candidates {
            guard let id = suite.id else { continue }
            let last = try store.invocations(suiteId: id).last?.id ?? 0
            if best == nil || last >= (best?.invocation ?? 0) { best = (suite, last) }
        }
        guard let chosen = best?.suite else {
            throw BaselineError.suiteNotFound(name: name, database: databasePath,
                                              available: Array(Set(try store.allSuites().map(\.suite.name))).sorted())
        }
        return chosen
    }

    /// The invocation `id` of any config of suite `name`, with its suite row.
    public static func selectInvocation(store: ResultStore, name: String, id: Int64, databasePath: String) throws -> SuiteRow {
        let candidates = try store.suites(named: name)
        guard !candidates.isEmpty else {
            throw BaselineError.suiteNotFound(name: name, database: databasePath,
                                              available: Array(Set(try store.allSuites().map(\.suite.name))).sorted())
        }
        var available: [Int64] = []
        for suite in candidates {
            guard let suiteId = suite.id else { continue }
            let ids = try store.invocations(suiteId: suiteId).compactMap(\.id)
            if ids.contains(id) { return suite }
            available += ids
        }
        throw BaselineError.invocationNotFound(id: id, suite: name, available: available.sorted())
    }

    /// Reads the complete runs of `suite` (only those recorded by `invocationId`, if given).
    ///
    /// - Parameter requireComplete: refuse when a (variant, seed) of the suite's config has no
    ///   complete run: a baseline with a missing seed would make every later gate "not comparable".
    public static func read(store: ResultStore, suite: SuiteRow, invocationId: Int64? = nil,
                            requireComplete: Bool, databasePath: String) throws -> SuiteSnapshot {
        guard let suiteId = suite.id else { throw BaselineError.noCompleteRuns(suite: suite.name, database: databasePath) }
        var runs = try store.runs(suiteId: suiteId, status: .complete)
        if let invocationId { runs = runs.filter { $0.invocationId == invocationId } }
        guard !runs.isEmpty else { throw BaselineError.noCompleteRuns(suite: suite.name, database: databasePath) }
        if requireComplete {
            let expected = expectedKeys(canonicalConfig: suite.canonicalConfig)
            let present = Set(runs.map(\.key))
            let missing = expected.filter { !present.contains($0) }.sorted()
            if !missing.isEmpty { throw BaselineError.incompleteSuite(suite: suite.name, missing: missing) }
        }

        let metricRows = try store.metrics(runIds: runs.compactMap(\.id))
        let runById = Dictionary(uniqueKeysWithValues: runs.compactMap { run in run.id.map { ($0, run) } })
        // variant → metric → (seed → value), and the unit each metric was recorded with
        var values: [String: [String: [Int: Double]]] = [:]
        var units: [String: [String: String]] = [:]
        for row in metricRows {
            guard let run = runById[row.runId] else { continue }
            values[run.variant, default: [:]][row.name, default: [:]][run.seed] = row.value
            units[run.variant, default: [:]][row.name] = row.unit
        }
        var variants: [String: [String: BaselineMetric]] = [:]
        for (variant, metrics) in values {
            var summaries: [String: BaselineMetric] = [:]
            for (name, bySeed) in metrics {
                summaries[name] = BaselineMetric(name: name, values: bySeed, unit: units[variant]?[name] ?? "")
            }
            variants[variant] = summaries
        }
        let environments = try Set(runs.map(\.environmentId)).sorted().compactMap { try store.environment(id: $0)?.environment }
        let file = BaselineFile(suite: suite.name, version: suite.configVersion, configHash: suite.configHash,
                                canonicalConfig: suite.canonicalConfig, environments: environments, variants: variants)
        return SuiteSnapshot(baseline: file, variantOrder: RunRow.variantOrder(runs))
    }

    /// Every (variant, seed) the canonical config asks for.
    static func expectedKeys(canonicalConfig: String) -> [RunKey] {
        guard let data = canonicalConfig.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let seeds = object["seeds"] as? [Int],
              let variants = (object["variants"] as? [String: Any])?.keys else { return [] }
        return variants.sorted().flatMap { variant in seeds.map { RunKey(variant: variant, seed: $0) } }
    }
}
