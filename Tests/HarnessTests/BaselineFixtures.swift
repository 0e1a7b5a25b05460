import Foundation
@testable import HarnessBaseline
import Metrics
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

/// Synthetic baselines: per-seed values written by hand, so every expected mark is known.
enum BaselineFixtures {
    static let environment = EnvironmentFingerprint(
        codeCommit: "0123456789abcdef0123456789abcdef01234567", codeDirty: false,
        toolchain: "Swift version 6.3.1", blasLibrary: "OpenBLAS 0.3.21", blasThreads: 2,
        cpuModel: "AMD EPYC", os: "Debian GNU/Linux 12")

    static let canonical = #"{"name":"demo","seeds":[0,1,2],"task":{"epochs":3},"version":1}"#

    /// A one-variant ("mlp") baseline with these metrics: name → per-seed values (seeds 0, 1, …).
    static func file(_ metrics: [String: [Double]], hash: String = "aaaa", version: Int = 1,
                     canonicalConfig: String = canonical, variant: String = "mlp") -> BaselineFile {
        var summaries: [String: BaselineMetric] = [:]
        for (name, values) in metrics {
            let bySeed = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset, $0.element) })
            summaries[name] = BaselineMetric(name: name, values: bySeed, unit: MetricCatalog.info(name)?.unit ?? "score")
        }
        return BaselineFile(suite: "demo", version: version, configHash: hash, canonicalConfig: canonicalConfig,
                            environments: [environment], variants: [variant: summaries])
    }

    static func compare(_ baseline: BaselineFile, _ current: BaselineFile, policy: GatePolicy = GatePolicy()) -> BaselineComparison {
        BaselineComparison.compare(baseline: baseline, current: current, policy: policy,
                                   baselineLabel: "baselines/demo.json", currentLabel: "results/demo.sqlite")
    }

    /// The single row of `metric` (of variant "mlp").
    static func row(_ comparison: BaselineComparison, _ metric: String) -> ComparisonRow? {
        comparison.rows.first { $0.metric == metric }
    }
}
