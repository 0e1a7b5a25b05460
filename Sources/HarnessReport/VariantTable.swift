import HarnessConfig
import HarnessStore
import HarnessBaseline
/// A Markdown table with one row per variant: `| variant | n | cell … |`. Shared by every
/// report section so all tables count seeds and lay out columns the same way.
enum VariantTable {
    static func render(_ input: ReportInput, variants: [String], titles: [String],
                       cell: (_ column: Int, _ runs: [ReportInput.Run]) -> String) -> String {
        var md = "| variant | n | " + titles.joined(separator: " | ") + " |\n"
        md += "|---|---:|" + String(repeating: "---:|", count: titles.count) + "\n"
        for variant in variants {
            let runs = input.runs(of: variant)
            md += "| \(variant) | \(runs.count) |" + titles.indices.map { " \(cell($0, runs)) |" }.joined() + "\n"
        }
        return md
    }
}
