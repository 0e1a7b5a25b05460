import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `biomoe compare`: a variant × metric table of the current results against a baseline.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a suite's results with its baseline file or an earlier invocation.",
        discussion: """
        Each row: baseline mean ± 95 % CI, current mean ± 95 % CI, change (%), and a mark — \
        regression, improvement, within noise, not comparable (config hash or version changed, \
        metric missing, seeds differ) or not gated (informational, timing in seconds). A change \
        is called only when Welch's t-test over seeds is significant (α = 0.05, two-sided; \
        identical seeds on both sides count as significant exactly when the means differ) AND \
        it exceeds the metric's tolerance from the config's `gate:` section. By default only \
        changed rows are shown.

        --against ID compares with an earlier `biomoe run` of the suite in the same database \
        (its invocation id), to catch drift that no single change shows.

        Exit codes: 0 table printed (whatever it shows); 1 usage or input error, malformed \
        baseline; 5 baseline missing or of another format.

        Example: biomoe compare smoke --format md > comment.md
        """
    )

    @Argument(help: ArgumentHelp("Suite config (YAML) or suite name.", valueName: "config-or-suite"))
    var suite: String

    @Option(help: ArgumentHelp("Baseline file (default baselines/<suite>.json).", valueName: "file"))
    var baseline: String?

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Compare with this earlier invocation of the suite instead of a baseline file.", valueName: "invocation-id"))
    var against: Int64?

    @Flag(help: "Show every row, not only those that changed.")
    var all = false

    @Option(help: "Output format: text, md (Markdown, for pull requests) or csv (full precision).")
    var format: ComparisonTable.Format = .text

    func validate() throws {
        if baseline != nil && against != nil {
            throw ValidationError("--baseline and --against both name a reference; pass one of them")
        }
    }

    func run() throws {
        do {
            let selection = try SuiteSelection.resolve(suite)
            let reference: ComparisonRequest.Reference = against.map { .invocation($0) } ?? .file(baseline ?? "baselines/\(selection.name).json")
            let request = ComparisonRequest(suite: selection.name, configHash: selection.configHash,
                                            databasePath: database.resolved(suite: selection.name),
                                            reference: reference, policy: selection.policy)
            let comparison = try request.compare()
            print(ComparisonTable.render(comparison, format: format, all: all), terminator: "")
        } catch {
            throw fail(error, code: baselineExitCode(for: error))
        }
    }
}
