import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `biomoe gate`: the comparison with the baseline as an exit status, for CI.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Fail when a suite's results regress against its baseline (for CI).",
        discussion: """
        Same decision as `biomoe compare`: a gated metric regresses only when Welch's t-test \
        over seeds is significant (α = 0.05, two-sided) AND the change exceeds its tolerance \
        (config `gate:` section; default 2 % of the baseline mean). Timing metrics are gated \
        only as ratios to a reference metric of the same run (`ratio_to`) or to the same metric \
        of another variant of the same suite run (`ratio_to_variant`), never in seconds.

        Exit codes:
          0  every gated metric within noise or tolerance
          1  usage error, malformed baseline, missing database or results
          2  regression; one line each: metric, variant, baseline, current, tolerance
          4  only improvements; update the baseline on purpose
          5  baseline missing or of another format, config hash or version changed,
             or a gated metric not comparable; one line says why

        Example: biomoe gate smoke --baseline baselines/smoke.json
        """
    )

    @Argument(help: ArgumentHelp("Suite config (YAML) or suite name.", valueName: "config-or-suite"))
    var suite: String

    @Option(help: ArgumentHelp("Baseline file (default baselines/<suite>.json).", valueName: "file"))
    var baseline: String?

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let selection: SuiteSelection
        let comparison: BaselineComparison
        let baselinePath: String
        do {
            selection = try SuiteSelection.resolve(suite)
            baselinePath = baseline ?? "baselines/\(selection.name).json"
            comparison = try ComparisonRequest(suite: selection.name, configHash: selection.configHash,
                                               databasePath: database.resolved(suite: selection.name),
                                               reference: .file(baselinePath), policy: selection.policy).compare()
        } catch {
            throw fail(error, code: baselineExitCode(for: error))
        }
        let verdict = comparison.verdict
        let tally = "\(ComparisonTable.counts(verdict)) against \(baselinePath), \(selection.policyDescription(comparison))"
        // A suite-level problem (config changed) marks every row; its one reason line says it all.
        if comparison.suiteProblem == nil {
            for row in verdict.regressions + verdict.notComparable + verdict.improvements {
                print(ComparisonTable.gateLine(row))
            }
        }
        switch verdict.outcome {
        case .pass:
            print("gate \(selection.name): pass — \(tally)")
        case .regression:
            print("gate \(selection.name): REGRESSION — \(tally)")
        case .onlyImprovements:
            print("gate \(selection.name): only improvements — \(tally); if intended, run 'biomoe baseline update \(selection.name)' and commit the file")
        case .notComparable:
            print("gate \(selection.name): not comparable — \(verdict.reason ?? "see above")")
        }
        // BiomoeExit.regression, .onlyImprovements or .notComparable: the raw values are the same constants.
        if verdict.outcome != .pass { throw ExitCode(verdict.outcome.rawValue) }
    }
}
