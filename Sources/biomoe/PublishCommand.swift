import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `biomoe publish`: the committed results file of a suite and the report rendered from it.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write a suite's results without per-sample predictions, for git, and render its report from that file.",
        discussion: """
        Copies every configuration of the suite from the working database (other suites are left \
        out) into results/<suite>.sqlite: invocations, runs, params, metrics, series, events and \
        environments, with each run's reliability-bin totals in place of its predictions (the \
        only thing the report reads from them). The file is written to a temporary name and \
        renamed over the old one, so re-publishing replaces it atomically. The report is then \
        rendered from the published file, so `biomoe report <suite> --db results/<suite>.sqlite` \
        reproduces it byte for byte (scripts/check-reports.sh checks this in CI). The report's \
        path is printed last. A published file is in rollback-journal mode, which biomoe opens \
        read-only: reading it never changes its bytes, and `run` cannot add to it.

        Example: biomoe publish routing   (reads results/runs/routing.sqlite)
        """
    )

    @Argument(help: ArgumentHelp("Suite name.", valueName: "suite"))
    var suite: String

    @Option(name: .customLong("db"), help: ArgumentHelp("Working database to publish from (default results/runs/<suite>.sqlite).", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp("Published database (default results/<suite>.sqlite).", valueName: "path"))
    var out: String?

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Report directory (default reports/<suite>).", valueName: "dir"))
    var reportDirectory: String?

    func run() throws {
        let working = database ?? DatabaseOption.workingPath(suite: suite)
        let published = out ?? DatabaseOption.publishedPath(suite: suite)
        guard FileManager.default.fileExists(atPath: working) else {
            throw fail(ValidationError("\(working): no such database — run 'biomoe run experiments/\(suite).yaml' first or pass --db"))
        }
        guard URL(fileURLWithPath: working).standardizedFileURL != URL(fileURLWithPath: published).standardizedFileURL else {
            throw fail(ValidationError("--db and --out are both \(published): publish writes a new file; pass another --out"))
        }
        do {
            let result = try ResultStore(path: working).publish(suite: suite, to: published)
            print("\(result.path): \(result.configurations) configuration(s), \(result.runs) run(s), "
                  + "\(result.droppedPredictions) prediction(s) reduced to reliability totals of \(result.runsWithReliability) run(s), "
                  + "\(Self.megabytes(result.byteCount)) MB")
            let report = try ReportGenerator(databasePath: published)
                .generate(suite: suite, configHash: nil, outputDirectory: reportDirectory ?? "reports/\(suite)")
            print(report)
        } catch {
            throw fail(error)
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.2f", Double(bytes) / 1_000_000)
    }
}
