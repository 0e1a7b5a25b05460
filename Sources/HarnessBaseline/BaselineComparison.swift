import Foundation
import Metrics
import HarnessConfig
import HarnessStore

/// What a comparison says about one metric of one variant.
public enum ComparisonMark: String, Sendable, CaseIterable {
    /// Significant over seeds and beyond the tolerance, in the worse direction.
    case regression
    /// Significant and beyond the tolerance, in the better direction.
    case improvement
    /// Not significant, or within the tolerance.
    case withinNoise = "within noise"
    /// Config hash or version changed, the metric is missing on one side, or the seeds differ.
    case notComparable = "not comparable"
    /// Shown for information: no direction, machine-dependent units, or `gated: false`.
    case notGated = "not gated"
}

/// One side of a row: the seeds' values and their mean ± 95 % CI half-width.
public struct SideSummary: Sendable {
    public let bySeed: [Int: Double]
    public let n: Int
    public let mean: Double
    /// NaN when n < 2.
    public let halfWidth: Double

    public init(_ bySeed: [Int: Double]) {
        self.bySeed = bySeed
        let interval = Statistics.confidenceInterval95(seedOrdered(bySeed))
        n = interval.count
        mean = interval.mean
        halfWidth = interval.halfWidth
    }

    /// Values in seed order, the order every statistic is computed in.
    public var values: [Double] { seedOrdered(bySeed) }
}

private func seedOrdered(_ bySeed: [Int: Double]) -> [Double] {
    bySeed.keys.sorted().compactMap { bySeed[$0] }
}

/// One line of `biomoe compare`: a variant's metric, both sides, the change and its mark.
public struct ComparisonRow: Sendable {
    public let variant: String
    /// The metric name, `numerator/denominator` for a metric gated as a ratio to another metric,
    /// or `metric ÷ variant` for one gated as a ratio to another variant's same metric.
    public let metric: String
    public let unit: String
    public let baseline: SideSummary?
    public let current: SideSummary?
    /// (current − baseline) / |baseline| · 100; nil when a side is missing or the baseline mean is 0.
    public let changePercent: Double?
    /// Two-sided p-value of the significance test, when one was run.
    public let pValue: Double?
    /// The tolerated absolute change, when the row is gated and has a baseline.
    public let allowedChange: Double?
    public let rule: MetricRule
    public let mark: ComparisonMark
    /// Why the mark: "p = 0.0006, beyond tolerance ±2 %", "n differs: …", "informational".
    public let note: String
    /// The significance evidence alone ("p = 0.0006", "exact (no seed spread)", "became NaN"),
    /// for `gate`'s one-line summaries; the note when no test was run.
    public let evidence: String
}

/// Every row of a baseline comparison, and what `gate` makes of them.
///
/// Built from two ``BaselineFile``s (a file and a snapshot of the database, or two snapshots),
/// so the decision never touches a database and is tested on synthetic values.
public struct BaselineComparison: Sendable {
    public let suite: String
    /// Where each side came from, for headings: "baselines/smoke.json", "invocation 3", a database path.
    public let baselineLabel: String
    public let currentLabel: String
    /// Set when the whole suite cannot be compared (config hash or version changed): every gated
    /// row is then not comparable.
    public let suiteProblem: String?
    public let rows: [ComparisonRow]
    /// The config file whose recorded `gate:` tolerances were applied; nil for the defaults or
    /// for tolerances passed in explicitly.
    public var policySource: String?
    /// "blasLibrary: … Zen … → … Haswell …", one per environment field whose values differ
    /// between the two sides (toolchain, BLAS library and kernel, BLAS threads, CPU, OS): the
    /// reproducibility contract holds bits only when these match, so a comparison says so.
    public var environmentDifferences: [String] = []

    public static func compare(baseline: BaselineFile, current: BaselineFile, policy: GatePolicy,
                               variantOrder: [String] = [], baselineLabel: String, currentLabel: String) -> BaselineComparison {
        let problem = suiteProblem(baseline: baseline, current: current)
        var variants = variantOrder.filter { current.variants[$0] != nil || baseline.variants[$0] != nil }
        for name in (Set(current.variants.keys).union(baseline.variants.keys)).sorted() where !variants.contains(name) {
            variants.append(name)
        }
        var rows: [ComparisonRow] = []
        for variant in variants {
            let before = baseline.variants[variant] ?? [:]
            let after = current.variants[variant] ?? [:]
            let references = policy.variantRatios[variant] ?? []
            for metric in orderedMetrics(Set(before.keys).union(after.keys)) {
                var rule = policy.rule(for: metric)
                let unit = after[metric]?.unit ?? before[metric]?.unit ?? ""
                let base = before[metric]?.valuesBySeed
                let now = after[metric]?.valuesBySeed
                // Timings gated against other variants: one ratio row per reference variant.
                let against = MetricCatalog.info(metric)?.machineDependent == true && rule.ratioTo == nil ? references.filter {
                    baseline.variants[$0]?[metric] != nil || current.variants[$0]?[metric] != nil
                } : []
                if !against.isEmpty {
                    rule = MetricRule(metric: metric, ratioTo: nil, gated: false,
                                      whyNotGated: "gated as ratios to \(against.joined(separator: ", ")) (next rows)",
                                      relative: rule.relative, absolute: rule.absolute, direction: rule.direction)
                }
                defer {
                    for reference in against {
                        rows.append(row(variant: variant, metric: "\(metric) ÷ \(reference)", unit: "ratio",
                                        base: ratio(base, baseline.variants[reference]?[metric]?.valuesBySeed),
                                        now: ratio(now, current.variants[reference]?[metric]?.valuesBySeed),
                                        rule: policy.variantRatioRule(for: metric), suiteProblem: problem))
                    }
                }
                guard let reference = rule.ratioTo else {
                    rows.append(row(variant: variant, metric: metric, unit: unit, base: base, now: now,
                                    rule: rule, suiteProblem: problem))
                    continue
                }
                let raw = MetricRule(metric: metric, ratioTo: nil, gated: false, whyNotGated: "gated as a ratio to \(reference) (next row)",
                                     relative: rule.relative, absolute: rule.absolute, direction: rule.direction)
                rows.append(row(variant: variant, metric: metric, unit: unit, base: base, now: now, rule: raw, suiteProblem: problem))
                rows.append(row(variant: variant, metric: "\(metric)/\(reference)", unit: "ratio",
                                base: ratio(base, before[reference]?.valuesBySeed), now: ratio(now, after[reference]?.valuesBySeed),
                                rule: rule, suiteProblem: problem))
            }
        }
        var comparison = BaselineComparison(suite: current.suite, baselineLabel: baselineLabel, currentLabel: currentLabel,
                                            suiteProblem: problem, rows: rows)
        comparison.environmentDifferences = environmentDifferences(baseline.environments, current.environments)
        return comparison
    }

    /// The environment fields (code commit excluded: it always moves) whose sets of values differ;
    /// vector extensions only between environments that recorded them.
    static func environmentDifferences(_ before: [EnvironmentFingerprint], _ after: [EnvironmentFingerprint]) -> [String] {
        let fields: [(String, (EnvironmentFingerprint) -> String?)] = [
            ("toolchain", \.toolchain), ("blasLibrary", \.blasLibrary), ("blasThreads", { String($0.blasThreads) }),
            ("cpuModel", \.cpuModel), ("cpuVectorExtensions", \.cpuVectorExtensions), ("os", \.os),
        ]
        return fields.compactMap { name, value in
            let a = Array(Set(before.compactMap(value))).sorted(), b = Array(Set(after.compactMap(value))).sorted()
            guard !a.isEmpty, !b.isEmpty, a != b else { return nil }
            return "\(name): \(a.joined(separator: " | ")) → \(b.joined(separator: " | "))"
        }
    }

    /// Rows that changed: everything but "within noise" and "not gated".
    public var changedRows: [ComparisonRow] {
        rows.filter { $0.mark != .withinNoise && $0.mark != .notGated }
    }

    // MARK: - Decisions

    static func row(variant: String, metric: String, unit: String, base: [Int: Double]?, now: [Int: Double]?,
                    rule: MetricRule, suiteProblem: String?) -> ComparisonRow {
        let before = base.map(SideSummary.init)
        let after = now.map(SideSummary.init)
        var change: Double?
        if let before, let after, before.mean != 0, before.mean.isFinite, after.mean.isFinite {
            change = (after.mean - before.mean) / abs(before.mean) * 100
        }
        let allowed = before.flatMap { rule.gated && $0.mean.isFinite ? rule.allowedChange(baselineMean: $0.mean) : nil }
        func make(_ mark: ComparisonMark, _ note: String, p: Double? = nil, evidence: String? = nil) -> ComparisonRow {
            ComparisonRow(variant: variant, metric: metric, unit: unit, baseline: before, current: after,
                          changePercent: change, pValue: p, allowedChange: allowed, rule: rule, mark: mark, note: note,
                          evidence: evidence ?? note)
        }

        guard rule.gated else { return make(.notGated, rule.whyNotGated ?? "not gated") }
        if suiteProblem != nil { return make(.notComparable, "suite not comparable (see above)") }
        guard let before, let base else { return make(.notComparable, "not in the baseline") }
        guard let after, let now else { return make(.notComparable, "missing from the current results") }
        guard Set(base.keys) == Set(now.keys) else {
            let seeds = { (s: [Int: Double]) in s.keys.sorted().map(String.init).joined(separator: ",") }
            let what = base.count == now.count ? "seeds differ" : "n differs"
            return make(.notComparable, "\(what): baseline n = \(base.count) (seeds \(seeds(base))), current n = \(now.count) (seeds \(seeds(now)))")
        }

        let baseNaN = before.values.contains { $0.isNaN }
        let nowNaN = after.values.contains { $0.isNaN }
        switch (baseNaN, nowNaN) {
        case (false, true): return make(.regression, "became NaN")
        case (true, false): return make(.improvement, "no longer NaN")
        case (true, true):
            let same = base.keys.allSatisfy { base[$0]?.bitPattern == now[$0]?.bitPattern }
            return same ? make(.withinNoise, "NaN on both sides, same seeds") : make(.notComparable, "NaN on both sides")
        case (false, false): break
        }

        if before.values.map(\.bitPattern) == after.values.map(\.bitPattern) {
            return make(.withinNoise, "identical per seed", p: 1)
        }
        let significance = SignificanceTest.compare(before.values, after.values)
        let delta = after.mean - before.mean
        let limit = allowed ?? 0
        let p = significance.pValue
        let pText = { () -> String in
            if case .exact = significance { return delta == 0 ? "identical" : "exact (no seed spread)" }
            return "p = \(Self.short(p))"
        }()
        guard significance.isSignificant else {
            return make(.withinNoise, "not significant (\(pText))", p: p, evidence: pText)
        }
        guard abs(delta) > limit else {
            return make(.withinNoise, "\(pText), within tolerance \(rule.toleranceDescription)", p: p, evidence: pText)
        }
        let worse = rule.direction == .higherIsBetter ? delta < 0 : delta > 0
        return make(worse ? .regression : .improvement, "\(pText), beyond tolerance \(rule.toleranceDescription)", p: p, evidence: pText)
    }

    /// numerator / denominator per seed, for seeds present in both; nil when either is missing.
    static func ratio(_ numerator: [Int: Double]?, _ denominator: [Int: Double]?) -> [Int: Double]? {
        guard let numerator, let denominator else { return nil }
        var out: [Int: Double] = [:]
        for (seed, value) in numerator {
            if let reference = denominator[seed] { out[seed] = value / reference }
        }
        return out
    }

    /// Catalog order first (the order reports use; a family's members by index), then other
    /// metrics by name.
    static func orderedMetrics(_ names: Set<String>) -> [String] {
        func key(_ name: String) -> (Int, Int, String) {
            guard let position = MetricCatalog.position(of: name) else { return (Int.max, 0, name) }
            return (position, MetricCatalog.all[position].index(of: name) ?? 0, name)
        }
        return names.sorted { key($0) < key($1) }
    }

    static func suiteProblem(baseline: BaselineFile, current: BaselineFile) -> String? {
        if baseline.suite != current.suite {
            return "the baseline is of suite '\(baseline.suite)', not '\(current.suite)'"
        }
        if baseline.version != current.version {
            return "config version changed (baseline \(baseline.version), current \(current.version)); update the baseline on purpose"
        }
        if baseline.configHash != current.configHash {
            let changes = ConfigDifference.keys(from: baseline.canonicalConfig, to: current.canonicalConfig)
            let listed = changes.isEmpty ? "" : ": " + changes.prefix(4).joined(separator: ", ") + (changes.count > 4 ? ", …" : "")
            return "config changed since the baseline (hash \(baseline.configHash.prefix(12)) → \(current.configHash.prefix(12))\(listed)); "
                + "update the baseline on purpose"
        }
        return nil
    }

    /// Four significant digits, or scientific below 1e-4.
    static func short(_ value: Double) -> String {
        value != 0 && abs(value) < 1e-4 ? String(format: "%.1e", value) : String(format: "%.4g", value)
    }
}

/// Which keys differ between two canonical configs, as `task.epochs: 3 → 1`.
enum ConfigDifference {
    static func keys(from old: String, to new: String) -> [String] {
        let a = flatten(parse(old)), b = flatten(parse(new))
        return Set(a.keys).union(b.keys).sorted().compactMap { key in
            a[key] == b[key] ? nil : "\(key): \(a[key] ?? "absent") → \(b[key] ?? "absent")"
        }
    }

    private static func parse(_ json: String) -> Any? {
        guard let data = json.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private static func flatten(_ value: Any?, prefix: String = "") -> [String: String] {
        if let object = value as? [String: Any] {
            var out: [String: String] = [:]
            for (key, child) in object {
                out.merge(flatten(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")) { first, _ in first }
            }
            return out
        }
        guard let value else { return [:] }
        if let text = value as? String { return [prefix: text] }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]),
           let text = String(data: data, encoding: .utf8) {
            return [prefix: text]
        }
        return [prefix: "\(value)"]
    }
}
