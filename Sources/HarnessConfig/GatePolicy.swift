import Foundation
import Metrics
import Yams

/// How much change each metric may show before `compare` and `gate` call it: the `gate:`
/// section of a suite config.
///
/// ```yaml
/// gate:
///   relative: 0.02          # suite-wide default: 2 % of the baseline mean
///   absolute: 0             # suite-wide default, in the metric's own unit
///   metrics:
///     test_ece: {absolute: 0.01}
///     test_mce: {gated: false}
///     latency_p99: {ratio_to: latency_p50, relative: 0.5}
///   ratio_to_variant:       # gate a variant's timings as ratios to other variants' (same seed)
///     mamba-fast-1t: [mamba-reference-1t, mamba-pytorch-1t]
/// ```
///
/// A change is called only when it is both significant over seeds (``SignificanceTest``) and
/// larger than the tolerance, max(absolute, relative · |baseline mean|): a metric's tolerance
/// is the looser of its two bounds, so a relative bound alone is enough for accuracies and an
/// absolute bound alone for metrics near zero.
///
/// Not part of the config hash: loosening a tolerance changes no result, so it must not
/// invalidate stored runs or baselines. `compare` and `gate` read it from the config file.
///
/// Which metrics are gated by default: those of ``MetricCatalog`` with a better direction that
/// do not depend on the machine. Timing and memory are never gated in absolute units (shared CI
/// machines are noisy): only as a ratio to a reference metric measured in the same run
/// (`ratio_to`), or as a ratio to the same metric of another variant measured in the same suite
/// run (`ratio_to_variant`: the perf suite's fast/reference, biomoe/PyTorch and 2-thread/1-thread
/// ratios). Metrics outside the catalog are informational.
public struct GatePolicy: Hashable, Sendable, Codable {
    /// Default relative tolerance when the config has no `gate:` section.
    public static let defaultRelative = 0.02

    public var relative: Double
    public var absolute: Double
    public var metrics: [String: MetricTolerance]
    /// Variant → the variants whose same-named machine-dependent metrics it is gated against,
    /// as per-seed ratios; e.g. `mamba-fast-1t` → [`mamba-reference-1t`, `mamba-pytorch-1t`].
    public var variantRatios: [String: [String]]

    public init(relative: Double = GatePolicy.defaultRelative, absolute: Double = 0, metrics: [String: MetricTolerance] = [:],
                variantRatios: [String: [String]] = [:]) {
        self.relative = relative
        self.absolute = absolute
        self.metrics = metrics
        self.variantRatios = variantRatios
    }

    enum CodingKeys: String, CodingKey {
        case relative, absolute, metrics, variantRatios
    }

    /// `variantRatios` is written only when set and read as empty when absent, so policies
    /// stored before it existed decode, and their JSON (and every stored suite) is unchanged.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        relative = try container.decode(Double.self, forKey: .relative)
        absolute = try container.decode(Double.self, forKey: .absolute)
        metrics = try container.decode([String: MetricTolerance].self, forKey: .metrics)
        variantRatios = try container.decodeIfPresent([String: [String]].self, forKey: .variantRatios) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relative, forKey: .relative)
        try container.encode(absolute, forKey: .absolute)
        try container.encode(metrics, forKey: .metrics)
        if !variantRatios.isEmpty { try container.encode(variantRatios, forKey: .variantRatios) }
    }

    /// The rule for `metric` of a variant gated as a ratio to another variant's same metric: the
    /// metric's tolerances and direction, gated when the metric has a better direction.
    public func variantRatioRule(for metric: String) -> MetricRule {
        let base = rule(for: metric)
        let informational = base.direction == .informational
        return MetricRule(metric: metric, ratioTo: nil, gated: !informational && metrics[metric]?.gated != false,
                          whyNotGated: informational ? "informational" : (metrics[metric]?.gated == false ? "gated: false in the config" : nil),
                          relative: base.relative, absolute: base.absolute, direction: base.direction)
    }

    /// The rule for one recorded metric, with the suite-wide defaults filled in.
    public func rule(for metric: String) -> MetricRule {
        let override = metrics[metric]
        let info = MetricCatalog.info(metric)
        let ratioTo = override?.ratioTo
        var whyNot: String?
        if info == nil || info?.direction == .informational {
            whyNot = "informational"
        } else if info?.machineDependent == true && ratioTo == nil {
            whyNot = "machine-dependent; gate it as a ratio (ratio_to)"
        } else if override?.gated == false {
            whyNot = "gated: false in the config"
        }
        return MetricRule(metric: metric, ratioTo: ratioTo, gated: whyNot == nil, whyNotGated: whyNot,
                          relative: override?.relative ?? relative, absolute: override?.absolute ?? absolute,
                          direction: info?.direction ?? .informational)
    }
}

/// A per-metric override of the suite-wide tolerances; `nil` fields inherit.
public struct MetricTolerance: Hashable, Sendable, Codable {
    public var relative: Double?
    public var absolute: Double?
    public var gated: Bool?
    /// Gate this metric as its ratio to that metric, per seed, measured in the same run.
    public var ratioTo: String?

    public init(relative: Double? = nil, absolute: Double? = nil, gated: Bool? = nil, ratioTo: String? = nil) {
        self.relative = relative
        self.absolute = absolute
        self.gated = gated
        self.ratioTo = ratioTo
    }
}

/// The resolved rule for one metric.
public struct MetricRule: Hashable, Sendable {
    public let metric: String
    public let ratioTo: String?
    public let gated: Bool
    /// Why the metric is shown but not gated; nil when gated.
    public let whyNotGated: String?
    public let relative: Double
    public let absolute: Double
    public let direction: MetricDirection

    public init(metric: String, ratioTo: String?, gated: Bool, whyNotGated: String?, relative: Double, absolute: Double,
                direction: MetricDirection) {
        self.metric = metric
        self.ratioTo = ratioTo
        self.gated = gated
        self.whyNotGated = whyNotGated
        self.relative = relative
        self.absolute = absolute
        self.direction = direction
    }

    /// The largest change that is still tolerated, for a baseline mean: max(absolute, relative · |mean|).
    public func allowedChange(baselineMean: Double) -> Double {
        Swift.max(absolute, relative * abs(baselineMean))
    }

    /// "±2 % (≥ 0.01)" as printed by `gate`.
    public var toleranceDescription: String {
        let rel = relative > 0 ? "±\(MetricRule.trim(relative * 100)) %" : ""
        let abs = absolute > 0 ? "±\(MetricRule.trim(absolute))" : ""
        switch (rel.isEmpty, abs.isEmpty) {
        case (false, false): return "\(rel) or \(abs), whichever is looser"
        case (false, true): return rel
        case (true, false): return abs
        case (true, true): return "none (any significant change)"
        }
    }

    static func trim(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// The `gate:` section's keys, beside the other config tables.
extension ExperimentSchema {
    public static let gate: [FieldSpec] = [
        FieldSpec("relative", .double(0...10), default: .double(GatePolicy.defaultRelative),
                  help: "default tolerance as a fraction of the baseline mean (0.02 = 2 %)"),
        FieldSpec("absolute", .double(0...1e18), default: .double(0),
                  help: "default tolerance in the metric's unit; the looser of the two bounds applies"),
    ]

    /// Keys of one entry of `gate.metrics`; absent keys inherit the section's defaults.
    public static let gateMetric: [FieldSpec] = [
        FieldSpec("relative", .double(0...10), default: nil, help: "tolerance as a fraction of the baseline mean"),
        FieldSpec("absolute", .double(0...1e18), default: nil, help: "tolerance in the metric's unit"),
        FieldSpec("gated", .bool, default: nil, help: "false shows the metric without gating it"),
        FieldSpec("ratio_to", .string, default: nil,
                  help: "gate as the per-seed ratio to this metric of the same run (required for timing metrics)"),
    ]
}

extension GatePolicy {
    /// Parses the `gate:` section (absent: the defaults), refusing unknown keys and metrics,
    /// timing metrics gated in absolute units and metrics without a better direction.
    static func read(_ entry: ConfigReader.Entry?, reader: ConfigReader, root: Node) throws -> GatePolicy {
        guard let entry else { return GatePolicy() }
        let keys = ExperimentSchema.gate.map(\.key) + ["metrics", "ratio_to_variant"]
        let entries = try reader.mapping(entry, keyPath: "gate", allowed: keys, nullIsEmpty: true)
        let values = try reader.section(entries, specs: ExperimentSchema.gate, keyPath: "gate", node: entry.node)
        var policy = GatePolicy(relative: values["relative"]?.doubleValue ?? defaultRelative,
                                absolute: values["absolute"]?.doubleValue ?? 0)
        if let ratios = entries["ratio_to_variant"] {
            policy.variantRatios = try readVariantRatios(ratios, reader: reader, root: root)
        }
        guard let metricsEntry = entries["metrics"] else { return policy }
        let known = MetricCatalog.all.map(\.name)
        for (name, node) in try reader.orderedMapping(metricsEntry.node, keyPath: "gate.metrics") {
            let keyPath = "gate.metrics.\(name)"
            guard let info = MetricCatalog.info(name) else {
                throw ConfigError(file: reader.file, line: node.mark?.line, keyPath: keyPath,
                                  message: "unknown metric; expected one of \(known.joined(separator: ", "))")
            }
            let fields = try reader.mapping(node, keyPath: keyPath, allowed: ExperimentSchema.gateMetric.map(\.key))
            var tolerance = MetricTolerance()
            for spec in ExperimentSchema.gateMetric {
                guard let field = fields[spec.key] else { continue }
                let value = try reader.value(field.node, spec: spec, keyPath: "\(keyPath).\(spec.key)")
                switch spec.key {
                case "relative": tolerance.relative = value.doubleValue
                case "absolute": tolerance.absolute = value.doubleValue
                case "gated": tolerance.gated = value.boolValue
                default: tolerance.ratioTo = value.stringValue
                }
            }
            if let reference = tolerance.ratioTo {
                guard reference != name, MetricCatalog.info(reference) != nil else {
                    throw ConfigError(file: reader.file, line: fields["ratio_to"]?.line, keyPath: "\(keyPath).ratio_to",
                                      message: "'\(reference)' cannot be the reference; expected another metric of the same run: "
                                        + known.filter { $0 != name }.joined(separator: ", "))
                }
            }
            if tolerance.gated == true && info.direction == .informational {
                throw ConfigError(file: reader.file, line: fields["gated"]?.line, keyPath: "\(keyPath).gated",
                                  message: "\(name) is informational (no better direction); expected gated: false or no entry")
            }
            if tolerance.gated == true && info.machineDependent && tolerance.ratioTo == nil {
                throw ConfigError(file: reader.file, line: fields["gated"]?.line, keyPath: "\(keyPath).gated",
                                  message: "\(name) depends on the machine and is never gated in \(info.unit); "
                                    + "expected ratio_to: a reference metric of the same run (e.g. latency_p50)")
            }
            policy.metrics[name] = tolerance
        }
        return policy
    }
}

extension GatePolicy {
    /// `ratio_to_variant`: variant → a variant name or a list of them, every name a variant of
    /// this suite and none its own reference.
    static func readVariantRatios(_ entry: ConfigReader.Entry, reader: ConfigReader, root: Node) throws -> [String: [String]] {
        let variants = Set(root["variants"]?.mapping.map { $0.keys.compactMap(\.string) } ?? [])
        let listed = variants.sorted().joined(separator: ", ")
        var ratios: [String: [String]] = [:]
        for (variant, node) in try reader.orderedMapping(entry.node, keyPath: "gate.ratio_to_variant") {
            let keyPath = "gate.ratio_to_variant.\(variant)"
            guard variants.contains(variant) else {
                throw ConfigError(file: reader.file, line: node.mark?.line, keyPath: keyPath,
                                  message: "unknown variant; expected one of \(listed)")
            }
            let references: [Node]
            if let sequence = node.sequence { references = Array(sequence) } else { references = [node] }
            var names: [String] = []
            for reference in references {
                guard let name = reference.string, variants.contains(name), name != variant else {
                    throw ConfigError(file: reader.file, line: reference.mark?.line, keyPath: keyPath,
                                      message: "'\(reference.string ?? "?")' cannot be the reference; expected another variant of this suite: \(listed)")
                }
                names.append(name)
            }
            guard !names.isEmpty else {
                throw ConfigError(file: reader.file, line: node.mark?.line, keyPath: keyPath,
                                  message: "empty; expected a variant name or a list of them")
            }
            ratios[variant] = names
        }
        return ratios
    }

    /// The policy as canonical JSON (keys sorted), stored with the suite's config so that
    /// `report`, `compare` and `gate` read the tolerances from the database, not from a YAML
    /// file that may have changed or moved since the run.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain numbers, strings and booleans cannot fail.
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("GatePolicy: JSON encoding failed")
        }
        return text
    }

    /// Decodes a policy stored by ``json``.
    public init(json: String) throws {
        self = try JSONDecoder().decode(GatePolicy.self, from: Data(json.utf8))
    }
}
