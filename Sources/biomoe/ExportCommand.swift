import ArgumentParser
import Datasets
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export recorded predictions or metrics as CSV (through libcsv).",
        discussion: """
        predictions: one row per test sample, columns run,index,label,p0,…,p{K−1} (probabilities \
        printed with 9 significant digits, enough to round-trip Float32 exactly).
        metrics: one row per run and metric, columns suite,run,variant,seed,metric,value,unit.

        Example: biomoe export predictions --db results/runs/smoke.sqlite --run 1 --format csv > preds.csv
        """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case predictions, metrics
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @Argument(help: ArgumentHelp("What to export.", valueName: "predictions|metrics"))
    var what: What

    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite results database.", valueName: "path"))
    var database: String

    @Option(name: .customLong("run"), help: ArgumentHelp("Only this run id (default: every complete run).", valueName: "id"))
    var runId: Int64?

    @Option(help: "Output format.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw fail(ValidationError("\(database): no such database"))
        }
        do {
            let exporter = try ResultExporter(store: ResultStore(path: database))
            let csv: CSVWriter
            switch what {
            case .predictions: csv = try exporter.predictions(runId: runId)
            case .metrics: csv = try exporter.metrics(runId: runId)
            }
            if let output {
                try csv.write(toFile: output)
            } else {
                FileHandle.standardOutput.write(Data(csv.text.utf8))
            }
        } catch {
            throw fail(error)
        }
    }
}
