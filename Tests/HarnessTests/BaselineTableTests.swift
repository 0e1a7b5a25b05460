import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Comparison tables: text, Markdown, CSV and the report section")
struct BaselineTableTests {
    typealias F = BaselineFixtures

    static var comparison: BaselineComparison {
        F.compare(F.file(["test_accuracy": [0.80, 0.81, 0.82], "test_nll": [0.5, 0.5, 0.5], "parameters": [10, 10, 10]]),
                  F.file(["test_accuracy": [0.72, 0.73, 0.74], "test_nll": [0.5, 0.5, 0.5], "parameters": [10, 10, 10]]))
    }

    @Test("Markdown shows only the changed row by default, with the mark in bold and the tally")
    func markdownChangedOnly() {
        let md = ComparisonTable.render(Self.comparison, format: .md, all: false)
        let expected = """
        Suite `demo`: baseline `baselines/demo.json` against current `results/demo.sqlite`.

        Each cell: mean over seeds ± 95 % CI half-width. A change is called only when Welch's t-test over seeds is significant (α = 0.05, two-sided) *and* it exceeds the tolerance.

        | variant | metric | n | baseline | current | change | mark | note |
        |---|---|---:|---:|---:|---:|---|---|
        | mlp | test_accuracy | 3→3 | 81.00 ± 2.48 % | 73.00 ± 2.48 % | -9.88 % | **regression** | p = 0.0006082, beyond tolerance ±2 % |

        1 regression(s), 0 improvement(s), 1 within noise, 0 not comparable, 1 not gated; only changed rows shown (--all shows every row).

        """
        #expect(md == expected)
    }

    @Test("--all lists every row in catalog order")
    func all() {
        let text = ComparisonTable.render(Self.comparison, format: .text, all: true)
        let metrics = text.split(separator: "\n").dropFirst(2).prefix(3).map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        #expect(metrics == ["test_accuracy", "test_nll", "parameters"])
        #expect(text.contains("identical per seed"))
    }

    @Test("CSV carries full-precision numbers and empty cells for what does not apply")
    func csv() {
        let lines = ComparisonTable.render(Self.comparison, format: .csv, all: true).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "variant,metric,unit,baseline_n,baseline_mean,baseline_ci95,current_n,current_mean,current_ci95,change_percent,p_value,allowed_change,mark,note")
        #expect(lines[1].hasPrefix("mlp,test_accuracy,fraction,3,0.81000000000000005,0.024841"))
        #expect(lines[3].hasPrefix("mlp,parameters,count,3,10,0,3,10,0,0,,,not gated,informational"))
    }

    @Test("the report section lists gated rows, and says why when the baseline cannot be read")
    func reportSection() {
        let section = BaselineReportSection.markdown(ReportBaseline(path: "baselines/demo.json", comparison: Self.comparison,
                                                                   problem: nil, policySource: "experiments/demo.yaml"))
        #expect(section.hasPrefix("## Compared with baseline\n\n"))
        #expect(section.contains("| mlp | test_nll | 3→3 |"))
        #expect(!section.contains("| mlp | parameters |"))
        #expect(section.contains("tolerances from `experiments/demo.yaml`"))
        let broken = BaselineReportSection.markdown(ReportBaseline(path: "baselines/demo.json", comparison: nil,
                                                                  problem: "bad JSON", policySource: nil))
        #expect(broken == "## Compared with baseline\n\nThe baseline `baselines/demo.json` could not be compared: bad JSON.\n\n")
    }
}
