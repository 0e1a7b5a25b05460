import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Everything a report shows, read from the database in one pass. Rendering works on this
/// value alone, so it is testable without a database and cannot reach back into a run.
public struct ReportInput {
    public struct Run {
        public let id: Int64
        public let variant: String
        public let seed: Int
        public let environmentId: Int64
        public let finishedAt: String
        public let metrics: [String: Double]
        public let units: [String: String]
        public let series: [String: [(step: Int, value: Double)]]
    }

    /// Reliability bins pooled over a variant's seeds (counts add; means weight by count).
    public struct ReliabilityBin {
        public let lower: Double
        public let upper: Double
        public let count: Int
        public let meanConfidence: Double
        public let accuracy: Double
    }

    public let suiteName: String
    public let version: Int
    public let configHash: String
    public let sourcePath: String
    public let canonicalConfig: String
    public let databasePath: String
    public let variants: [String]
    public let seeds: [Int]
    public let runs: [Run]
    public let environments: [EnvironmentRow]
    public let reliability: [String: [ReliabilityBin]]
    /// The suite compared with `baselines/<suite>.json`, when that file exists.
    public var baseline: ReportBaseline?
    /// (variant, seed) keys whose attempts all failed, with the last attempt's error: a report
    /// must say what is missing and why, not only average what is there.
    public var failures: [Failure] = []
    /// Each peer run's `peer-build` event payload (JSON: the commit and BLAS kernel of a build
    /// the run timed, as biomoe before issue 11), by run id; empty for suites without one.
    public var peerBuilds: [Int64: String] = [:]

    public struct Failure: Equatable {
        public let variant: String
        public let seed: Int
        public let attempts: Int
        public let error: String
    }

    public func runs(of variant: String) -> [Run] {
        runs.filter { $0.variant == variant }.sorted { $0.seed < $1.seed }
    }
}

/// The report's "Compared with baseline" section: the comparison, or why there is none.
public struct ReportBaseline {
    public let path: String
    /// nil when the baseline could not be read or compared (`problem` says why).
    public let comparison: BaselineComparison?
    public let problem: String?
    /// The config file the tolerances came from; nil for the defaults.
    public let policySource: String?
}

extension ReportInput {
    /// The stored canonical config (JSON) as an object, nil if it does not parse.
    static func canonicalObject(_ json: String) -> [String: Any]? {
        guard let data = json.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Every configured variant's resolved settings by name, including variants with no run yet;
    /// report sections read settings (loss, mixer, sizes) from here and figures from the runs.
    var variantSettings: [String: [String: Any]] {
        Self.canonicalObject(canonicalConfig)?["variants"] as? [String: [String: Any]] ?? [:]
    }
}
