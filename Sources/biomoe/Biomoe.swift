import ArgumentParser
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// The `biomoe` command line: run suites, report, list and export what the database holds, and
/// hold results to a baseline (`baseline update`, `compare`, `gate`).
@main
struct Biomoe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "biomoe",
        abstract: "Reproducible experiments for brain-inspired mixture-of-experts research.",
        discussion: """
        A suite config (experiments/NAME.yaml) expands into runs (variants × seeds). `run` trains \
        and evaluates every run not yet complete and records each in the working database \
        results/runs/NAME.sqlite; `report` renders reports/NAME/ from a database alone; `publish` \
        writes results/NAME.sqlite without per-sample predictions, for git, and its report. \
        `baseline update` snapshots the results into baselines/NAME.json; `compare` and `gate` hold later results to it.

        Exit codes: 0 success; 1 usage or input error (bad config or option, missing data file, \
        malformed baseline); 2 gate: a regression; 3 some runs failed (recorded with their error; \
        rerun to retry them); 4 gate: only improvements (update the baseline on purpose); \
        5 gate/compare: baseline missing or not comparable (config hash or version changed); \
        6 mine: git missing or failing; 7 mine: the stored history was rewritten upstream.

        `mine` reads a git repository's history into the results database for the micro-experts.
        """,
        subcommands: [RunCommand.self, SchemaCommand.self, ReportCommand.self, PublishCommand.self, ListCommand.self, ExportCommand.self,
                      BaselineCommand.self, CompareCommand.self, GateCommand.self, MergeCommand.self, MineCommand.self,
                      CheckpointCommand.self, PredictCommand.self, AskCommand.self]
    )

    /// Usage errors exit 1, as documented above, instead of swift-argument-parser's 64, so CI
    /// scripts see one code for "the command was called wrongly" across subcommands.
    static func main() {
        BLASKernelSelection.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandleOutput.standardError(fullMessage(for: error))
                Foundation.exit(BiomoeExit.inputError.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes shared by the subcommands, documented in `biomoe --help`.
enum BiomoeExit {
    static let success = ExitCode(0)
    static let inputError = ExitCode(1)
    static let regression = ExitCode(GateOutcome.regression.rawValue)
    static let runsFailed = ExitCode(3)
    static let onlyImprovements = ExitCode(GateOutcome.onlyImprovements.rawValue)
    static let notComparable = ExitCode(GateOutcome.notComparable.rawValue)
}

/// Prints a library error as one line on standard error and exits with `code`.
func fail(_ error: Error, code: ExitCode = BiomoeExit.inputError) -> ExitCode {
    FileHandleOutput.standardError("error: \(error)")
    return code
}

enum FileHandleOutput {
    static func standardError(_ line: String) {
        var stream = StandardErrorStream()
        print(line, to: &stream)
    }
}

struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

import Foundation
