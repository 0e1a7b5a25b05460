import Datasets
import Foundation
import Metrics
import HarnessConfig
import HarnessStore

/// Renders a ``BaselineComparison`` as plain text, Markdown (pull-request comments, reports) or
/// CSV (full precision, for scripts). No clock and no environment: the same comparison always
/// prints the same bytes.
public enum ComparisonTable {
    public enum Format: String, CaseIterable, Sendable {
        case text, md, csv
    }

    /// The table; only changed rows unless `all`.
    public static func render(_ comparison: BaselineComparison, format: Format, all: Bool) -> String {
        let rows = all ? comparison.rows : comparison.changedRows
        switch format {
        case .csv: return csv(rows)
        case .md: return heading(comparison, markdown: true) + markdown(rows) + "\n" + summary(comparison, shown: rows.count, all: all) + "\n"
        case .text: return heading(comparison, markdown: false) + text(rows) + summary(comparison, shown: rows.count, all: all) + "\n"
        }
    }

    /// One line per regression for `gate`: metric, variant, baseline, current, change, tolerance.
    public static func gateLine(_ row: ComparisonRow) -> String {
        let change = row.changePercent.map { signed($0) + " %" } ?? "n/a"
        let allowed = row.allowedChange.map { " = ±" + plain(row, $0) } ?? ""
        return "\(row.mark.rawValue): \(row.metric) of \(row.variant): baseline \(cell(row, row.baseline)) (n = \(row.baseline?.n ?? 0)), "
            + "current \(cell(row, row.current)) (n = \(row.current?.n ?? 0)), change \(change), "
            + "tolerance \(row.rule.toleranceDescription)\(allowed); \(row.evidence)"
    }

    /// "2 regressions, 0 improvements, 14 within noise, 0 not comparable, 18 not gated".
    public static func counts(_ verdict: GateVerdict) -> String {
        "\(verdict.regressions.count) regression(s), \(verdict.improvements.count) improvement(s), "
            + "\(verdict.withinNoise) within noise, \(verdict.notComparable.count) not comparable, \(verdict.notGated) not gated"
    }

    public static func heading(_ comparison: BaselineComparison, markdown: Bool) -> String {
        var out = markdown
            ? "Suite `\(comparison.suite)`: baseline `\(comparison.baselineLabel)` against current `\(comparison.currentLabel)`.\n\n"
            : "\(comparison.suite): baseline \(comparison.baselineLabel) against current \(comparison.currentLabel)\n"
        if let problem = comparison.suiteProblem {
            out += markdown ? "**Not comparable**: \(problem).\n\n" : "NOT COMPARABLE: \(problem)\n"
        }
        if !comparison.environmentDifferences.isEmpty {
            let list = comparison.environmentDifferences.joined(separator: "; ")
            out += markdown ? "**Environment differs** (bits are reproducible only on the same kernel and thread count): \(list).\n\n"
                            : "ENVIRONMENT DIFFERS (bits are reproducible only on the same kernel and thread count): \(list)\n"
        }
        out += markdown
            ? "Each cell: mean over seeds ± 95 % CI half-width. A change is called only when Welch's t-test over seeds is significant (α = 0.05, two-sided) *and* it exceeds the tolerance.\n\n"
            : "\n"
        return out
    }

    static func summary(_ comparison: BaselineComparison, shown: Int, all: Bool) -> String {
        let line = counts(comparison.verdict)
        if all { return line }
        return shown == 0 ? "No changes beyond noise and tolerance (\(line)); --all shows every row."
                          : "\(line); only changed rows shown (--all shows every row)."
    }

    static let titles = ["variant", "metric", "n", "baseline", "current", "change", "mark", "note"]

    static func cells(_ row: ComparisonRow) -> [String] {
        let n = "\(row.baseline.map { String($0.n) } ?? "—")→\(row.current.map { String($0.n) } ?? "—")"
        let change = row.changePercent.map { signed($0) + " %" } ?? "—"
        return [row.variant, row.metric, n, cell(row, row.baseline), cell(row, row.current), change, row.mark.rawValue, row.note]
    }

    static func text(_ rows: [ComparisonRow]) -> String {
        guard !rows.isEmpty else { return "" }
        let table = [titles] + rows.map(cells)
        var widths = [Int](repeating: 0, count: titles.count)
        for line in table { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for line in table {
            let padded = line.enumerated().map { i, cell in
                i == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            out += padded.joined(separator: "  ") + "\n"
        }
        return out + "\n"
    }

    public static func markdown(_ rows: [ComparisonRow]) -> String {
        guard !rows.isEmpty else { return "" }
        var out = "| " + titles.joined(separator: " | ") + " |\n"
        out += "|---|---|---:|---:|---:|---:|---|---|\n"
        for row in rows {
            var line = cells(row).map { $0.replacingOccurrences(of: "|", with: "\\|") }
            if row.mark == .regression || row.mark == .improvement { line[6] = "**\(line[6])**" }
            out += "| " + line.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func csv(_ rows: [ComparisonRow]) -> String {
        var csv = CSVWriter()
        csv.append(["variant", "metric", "unit", "baseline_n", "baseline_mean", "baseline_ci95", "current_n", "current_mean",
                    "current_ci95", "change_percent", "p_value", "allowed_change", "mark", "note"])
        let number = { (value: Double?) -> String in
            guard let value else { return "" }
            return value.isNaN ? "NaN" : String(format: "%.17g", value)
        }
        for row in rows {
            csv.append([row.variant, row.metric, row.unit,
                        row.baseline.map { String($0.n) } ?? "", number(row.baseline?.mean), number(row.baseline?.halfWidth),
                        row.current.map { String($0.n) } ?? "", number(row.current?.mean), number(row.current?.halfWidth),
                        number(row.changePercent), number(row.pValue), number(row.allowedChange),
                        row.mark.rawValue, row.note])
        }
        return csv.text
    }

    /// "84.10 ± 0.35 %", in the report's units and decimals.
    static func cell(_ row: ComparisonRow, _ side: SideSummary?) -> String {
        guard let side else { return "—" }
        let format = MetricFormat.forMetric(row.metric, unit: row.unit)
        let mean = format.number(side.mean)
        let body = side.halfWidth.isNaN ? mean : "\(mean) ± \(format.number(side.halfWidth))"
        return format.unit.isEmpty ? body : "\(body) \(format.unit)"
    }

    /// A bare value in the row's display unit, three significant digits (a tolerance, not a result).
    static func plain(_ row: ComparisonRow, _ value: Double) -> String {
        let format = MetricFormat.forMetric(row.metric, unit: row.unit)
        let text = value.isNaN ? "NaN" : String(format: "%.3g", value * format.scale)
        return format.unit.isEmpty ? text : "\(text) \(format.unit)"
    }

    static func signed(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value > 0 ? "+" : "") + String(format: "%.2f", value)
    }
}
