/// One (variant, seed) of a suite: everything a runner needs, and the key that says whether it
/// has already been run.
public struct RunSpec: Sendable {
    public let suiteName: String
    public let variant: String
    public let seed: Int
    public let suiteSeed: Int
    public let version: Int
    public let task: [String: ConfigValue]
    public let model: [String: ConfigValue]
    /// Everything that determines this run's numbers: version, suite seed, task, resolved
    /// variant, seed. Stored as JSON with the run.
    public let resolved: ConfigValue
    /// SHA-256 of `resolved`. A run is skipped when a complete run with the same suite name,
    /// variant, seed and this hash exists, so adding a variant to a suite reruns nothing else.
    public let runConfigHash: String

    public init(suite: SuiteSpec, variant: VariantSpec, seed: Int) {
        suiteName = suite.name
        self.variant = variant.name
        self.seed = seed
        suiteSeed = suite.suiteSeed
        version = suite.version
        task = suite.task
        model = variant.resolved
        resolved = .map([
            "version": .int(suite.version),
            "suite_seed": .int(suite.suiteSeed),
            "seed": .int(seed),
            "task": .map(suite.task),
            "model": .map(variant.resolved),
        ])
        runConfigHash = sha256Hex(resolved.canonicalJSON)
    }

    public func int(_ key: String) -> Int { task[key]?.intValue ?? model[key]?.intValue ?? 0 }
    public func double(_ key: String) -> Double { task[key]?.doubleValue ?? model[key]?.doubleValue ?? 0 }
    public func string(_ key: String) -> String { task[key]?.stringValue ?? model[key]?.stringValue ?? "" }
    public func intList(_ key: String) -> [Int] { (model[key] ?? task[key])?.listValue?.compactMap(\.intValue) ?? [] }

    /// Flat key/value rows for the `param` table and report tables (`task.epochs`, `model.hidden`).
    public var parameterRows: [(key: String, value: String)] {
        let taskRows = task.keys.sorted().map { ("task.\($0)", task[$0]?.displayString ?? "") }
        let modelRows = model.keys.sorted().map { ("model.\($0)", model[$0]?.displayString ?? "") }
        return taskRows + modelRows
    }
}
