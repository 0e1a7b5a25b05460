import Foundation

/// What each recorded metric means: its unit, which direction is better, a label for tables, how
/// its numbers are printed and a one-line definition.
///
/// Why a catalog: reports, baselines and gates need to know that lower ECE is better and that
/// latency is in seconds; keeping it beside the metric names means no stage guesses. Recording
/// takes the unit from here (`RunOutcome.metric`), so a metric cannot be stored without an
/// entry, and docs/METRICS.md is generated from it (``MetricReference``).
public enum MetricDirection: String, Sendable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
    case informational = "none"
}

public struct MetricInfo: Sendable {
    /// The recorded name, or for a family its pattern: the members' shared prefix followed by an
    /// index placeholder in braces ("utilization_e{i}" stands for utilization_e0, utilization_e1, …).
    public let name: String
    /// For a family, the prefix its members share before their decimal index ("utilization_e");
    /// nil for a single metric.
    public let familyPrefix: String?
    /// Table heading; for a family, with the same placeholder as ``name`` (see ``label(for:)``).
    public let label: String
    /// The unit stored with every recorded value (the `metric.unit` column).
    public let unit: String
    public let direction: MetricDirection
    /// Timing and memory depend on the machine: gate them only as ratios measured in one process.
    public let machineDependent: Bool
    /// How report and comparison tables print the value.
    public let format: MetricFormat
    /// One line: what is measured, on which data, and its reference where there is one.
    public let definition: String

    init(_ name: String, _ label: String, unit: String, _ direction: MetricDirection, machineDependent: Bool = false,
         format: MetricFormat, _ definition: String) {
        self.name = name
        if name.hasSuffix("}"), let open = name.lastIndex(of: "{") {
            familyPrefix = String(name[..<open])
        } else {
            familyPrefix = nil
        }
        self.label = label
        self.unit = unit
        self.direction = direction
        self.machineDependent = machineDependent
        self.format = format
        self.definition = definition
    }

    /// The member's index ("utilization_e3" → 3) when `recorded` belongs to this family; nil for
    /// other names and for single metrics.
    public func index(of recorded: String) -> Int? {
        guard let prefix = familyPrefix, recorded.hasPrefix(prefix) else { return nil }
        let digits = recorded.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether a recorded metric name is this entry (or a member of this family).
    public func matches(_ recorded: String) -> Bool {
        familyPrefix == nil ? recorded == name : index(of: recorded) != nil
    }

    /// The label of one recorded metric: a family's placeholder replaced by the member's index
    /// ("utilization of expert {i}" → "utilization of expert 3").
    public func label(for recorded: String) -> String {
        guard let prefix = familyPrefix, let index = index(of: recorded) else { return label }
        let placeholder = String(name.dropFirst(prefix.count))
        return label.replacingOccurrences(of: placeholder, with: String(index))
    }
}

public enum MetricCatalog {
    /// Every metric any experiment kind records, in the order reports and comparisons list them
    /// (the entries themselves are in MetricCatalog+Entries.swift).
    public static let all: [MetricInfo] = classification + routing + routingLearning + sequence + perf + microExperts + reliability + growth + pipeline + memoryIndex

    private static let single: [String: MetricInfo] = Dictionary(
        uniqueKeysWithValues: all.filter { $0.familyPrefix == nil }.map { ($0.name, $0) })
    private static let families = all.filter { $0.familyPrefix != nil }

    /// The entry of a recorded metric name: an exact entry, or the family it is a member of
    /// ("utilization_e3" → "utilization_e{i}"); nil when the catalog does not know it.
    public static func info(_ name: String) -> MetricInfo? {
        single[name] ?? families.first { $0.matches(name) }
    }

    /// Position of a recorded metric in ``all`` (members of a family share their entry's), for
    /// listing metrics in catalog order; nil when unknown.
    public static func position(of name: String) -> Int? {
        all.firstIndex { $0.matches(name) }
    }
}
