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
            "task": .map(FieldSpec.hashed(suite.task, specs: ExperimentSchema.task)),
            "model": .map(FieldSpec.hashed(variant.resolved, specs: ExperimentSchema.base)),
        ])
        runConfigHash = sha256Hex(resolved.canonicalJSON)
    }

    /// A label for error messages: `demo/softmax seed 0`.
    public var runLabel: String { "\(suiteName)/\(variant) seed \(seed)" }

    // Typed accessors. The validator has already filled every key of the run's model, so a
    // missing key or a value of another type is a harness bug (a key read by the wrong model, a
    // typo in a key name); it throws instead of reading as 0 or "" and running something else.

    public func int(_ key: String) throws -> Int { try read(key, "an integer") { $0.intValue } }
    public func double(_ key: String) throws -> Double { try read(key, "a number") { $0.doubleValue } }
    public func string(_ key: String) throws -> String { try read(key, "a string") { $0.stringValue } }
    public func bool(_ key: String) throws -> Bool { try read(key, "true or false") { $0.boolValue } }
    public func intList(_ key: String) throws -> [Int] {
        try read(key, "a list of integers") { value in
            guard let items = value.listValue else { return nil }
            let ints = items.compactMap(\.intValue)
            return ints.count == items.count ? ints : nil
        }
    }

    /// A closed-set key parsed with `init(rawValue:)`: an unknown spelling throws, listing the
    /// accepted values, rather than falling back to some case.
    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string(key)
        guard let value = E(rawValue: raw) else {
            throw RunSpecError.unknownChoice(run: runLabel, key: key, value: raw, accepted: type.allCases.map(\.rawValue))
        }
        return value
    }

    /// The value of `key` (task keys first, then the variant's), converted by `convert`.
    private func read<T>(_ key: String, _ expected: String, _ convert: (ConfigValue) -> T?) throws -> T {
        guard let value = task[key] ?? model[key] else { throw RunSpecError.missingKey(run: runLabel, key: key) }
        guard let converted = convert(value) else {
            throw RunSpecError.wrongType(run: runLabel, key: key, expected: expected, found: value.displayString)
        }
        return converted
    }

    /// Flat key/value rows for the `param` table and report tables (`task.epochs`, `model.hidden`).
    public var parameterRows: [(key: String, value: String)] {
        let taskRows = task.keys.sorted().map { ("task.\($0)", task[$0]?.displayString ?? "") }
        let modelRows = model.keys.sorted().map { ("model.\($0)", model[$0]?.displayString ?? "") }
        return taskRows + modelRows
    }
}

/// A run read a key its resolved config does not hold as asked. The validator fills every key
/// of the run's model, so this names a harness bug; the message says which run and key.
public enum RunSpecError: Error, Equatable, CustomStringConvertible {
    case missingKey(run: String, key: String)
    case wrongType(run: String, key: String, expected: String, found: String)
    case unknownChoice(run: String, key: String, value: String, accepted: [String])

    public var description: String {
        switch self {
        case let .missingKey(run, key):
            return "\(run): key '\(key)' is not in the run's resolved config; it belongs to another model or is misspelt in the runner"
        case let .wrongType(run, key, expected, found):
            return "\(run): key '\(key)' holds \(found); expected \(expected)"
        case let .unknownChoice(run, key, value, accepted):
            return "\(run): \(key) '\(value)' is not one of \(accepted.joined(separator: ", "))"
        }
    }
}
