/// What one config key accepts. Each section of a config (top level, `task`, `base`) is a list
/// of these, so validation, defaults and the README's key table all come from one place.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case int(ClosedRange<Int>)
        case double(ClosedRange<Double>, lowerExclusive: Bool = false)
        case choice([String])
        case name  // lowercase letters, digits, '-' and '_'; used in file names
        case string
        case bool
        case intList(element: ClosedRange<Int>, count: ClosedRange<Int>)
        case doubleList(element: ClosedRange<Double>, count: ClosedRange<Int>)

        /// A `.choice` of every case of `type`, spelled by raw value: the accepted values come
        /// from the enum the runner parses with, so the two cannot disagree.
        public static func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Kind where E.RawValue == String {
            .choice(type.allCases.map(\.rawValue))
        }
    }

    public let key: String
    public let kind: Kind
    /// nil means the key is required.
    public let defaultValue: ConfigValue?
    public let help: String
    /// The `model` values this key belongs to; nil means every model. Keys of other models are
    /// left out of the canonical form, so adding a router option never changes the hash of an
    /// MLP suite.
    public let models: [String]?
    /// Left out of the suite and run hashes while it holds its default. For keys added after
    /// suites were published whose default reproduces the old behaviour: adding such a key moves
    /// no existing suite's or run's identity (no rerun, no "config changed" against a baseline).
    public let hashedOnlyWhenChanged: Bool
    /// The same, for these models only: a key one model always had (and hashes) and another
    /// gained later (e.g. `peer`, perf's since its first suite, sequence's later).
    public let hashedOnlyWhenChangedInModels: [String]

    public init(_ key: String, _ kind: Kind, default defaultValue: ConfigValue?, help: String, models: [String]? = nil,
                hashedOnlyWhenChanged: Bool = false, hashedOnlyWhenChangedInModels: [String] = []) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
        self.models = models
        self.hashedOnlyWhenChanged = hashedOnlyWhenChanged
        self.hashedOnlyWhenChangedInModels = hashedOnlyWhenChangedInModels
    }

    /// `values` without the keys of `specs` that are hashed only when changed and hold their default.
    public static func hashed(_ values: [String: ConfigValue], specs: [FieldSpec]) -> [String: ConfigValue] {
        let model = values["model"]?.stringValue
        return values.filter { key, value in
            guard let spec = specs.first(where: { $0.key == key }),
                  spec.hashedOnlyWhenChanged || model.map(spec.hashedOnlyWhenChangedInModels.contains) == true else { return true }
            return value != spec.defaultValue
        }
    }

    public func applies(toModel model: String) -> Bool {
        models.map { $0.contains(model) } ?? true
    }

    /// The expectation, phrased for an error message: "an integer in 1...1000".
    public var expectation: String {
        switch kind {
        case .int(let r): return "an integer in \(r.lowerBound)...\(r.upperBound)"
        case .double(let r, let open):
            return "a number in \(open ? "(" : "[")\(r.lowerBound), \(r.upperBound)]"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .name: return "a name of lowercase letters, digits, '-' or '_'"
        case .string: return "a string"
        case .bool: return "true or false"
        case .intList(let e, let c):
            return "a list of \(c.lowerBound)...\(c.upperBound) integers in \(e.lowerBound)...\(e.upperBound)"
        case .doubleList(let e, let c):
            return "a list of \(c.lowerBound)...\(c.upperBound) numbers in [\(e.lowerBound), \(e.upperBound)]"
        }
    }
}
