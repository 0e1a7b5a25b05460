import Foundation
import HarnessConfig
import HarnessStore

/// Everything `compare`, `gate` and reports need to produce a ``BaselineComparison``: which
/// suite, which database, against what, under which tolerances.
public struct ComparisonRequest: Sendable {
    /// What the current results are compared with.
    public enum Reference: Sendable, Equatable {
        /// A baseline file (`baselines/<suite>.json`).
        case file(String)
        /// An earlier `biomoe run` of the suite in the same database (history, slow drift).
        case invocation(Int64)
    }

    public var suite: String
    /// The exact config to compare (from a YAML argument); nil: the suite's most recent invocation.
    public var configHash: String?
    public var databasePath: String
    public var reference: Reference
    /// The tolerances; nil: those recorded with the suite in the database.
    public var policy: GatePolicy?

    public init(suite: String, configHash: String? = nil, databasePath: String, reference: Reference, policy: GatePolicy? = nil) {
        self.suite = suite
        self.configHash = configHash
        self.databasePath = databasePath
        self.reference = reference
        self.policy = policy
    }

    /// Reads the reference first (so a missing or malformed baseline is reported as such even
    /// when the database is missing too), then the current results, and compares them.
    public func compare() throws -> BaselineComparison {
        var baseline: BaselineFile?
        if case .file(let path) = reference { baseline = try BaselineFile.load(path: path) }
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw BaselineError.databaseMissing(path: databasePath, suite: suite)
        }
        let store = try ResultStore(path: databasePath)
        let currentSuite = try SuiteSnapshot.selectSuite(store: store, name: suite, configHash: configHash, databasePath: databasePath)
        let current = try SuiteSnapshot.read(store: store, suite: currentSuite, requireComplete: false, databasePath: databasePath)
        let label: String
        switch reference {
        case .file(let path):
            label = path
        case .invocation(let id):
            let earlier = try SuiteSnapshot.selectInvocation(store: store, name: suite, id: id, databasePath: databasePath)
            baseline = try SuiteSnapshot.read(store: store, suite: earlier, invocationId: id, requireComplete: false,
                                              databasePath: databasePath).baseline
            label = "invocation \(id) of \(databasePath)"
        }
        guard let baseline else { throw BaselineError.missing(path: label) }
        let tolerances = try policy.map { ($0, nil) } ?? GatePolicy.recorded(in: currentSuite)
        var comparison = BaselineComparison.compare(
            baseline: baseline, current: current.baseline, policy: tolerances.0, variantOrder: current.variantOrder,
            baselineLabel: label, currentLabel: "\(databasePath) (config \(currentSuite.configHash.prefix(12)))")
        comparison.policySource = policy == nil ? tolerances.1 : nil
        return comparison
    }
}

extension GatePolicy {
    /// The tolerances recorded with `suite` when it was run (its config's `gate:` section), and
    /// the config file they came from; the defaults, with a nil source, when none were recorded.
    ///
    /// - Throws: ``BaselineError/malformedPolicy`` when the stored JSON does not decode.
    public static func recorded(in suite: SuiteRow) throws -> (policy: GatePolicy, source: String?) {
        guard let json = suite.gatePolicy else { return (GatePolicy(), nil) }
        do {
            return (try GatePolicy(json: json), suite.sourcePath ?? "the recorded config")
        } catch {
            throw BaselineError.malformedPolicy(suite: suite.name, reason: "\(error)")
        }
    }
}
