import ArgumentParser
import Foundation
import HarnessStore

/// `biomoe merge`: one results file from the shards of a suite run on several machines.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge results files run on different machines (one per shard) into one.",
        discussion: """
        Each node runs `biomoe run SUITE.yaml --shard K/N --db results/runs/SUITE-K.sqlite`; the \
        files are then merged: every environment, suite configuration, invocation and run (with \
        its params, metrics, curves, events and predictions) is copied, ids renumbered, values \
        untouched, so the merged runs are bit for bit what the shards recorded. `report`, `gate` \
        and `publish` then read the merged file; `run` can complete it.

        Refused, with the target unchanged: shards of different configs of a suite (their newest \
        config hashes differ), a complete run that two inputs (or an input and the target) both \
        hold, a file given twice, the target given as an input. Stored checkpoints \
        (save_checkpoints) are copied from each input's .checkpoints directory into the target's. The merge is written to a \
        temporary file and renamed over the target only after SQLite's integrity check.

        Example: biomoe merge results/runs/routing-1.sqlite results/runs/routing-2.sqlite --into results/runs/routing.sqlite
        """
    )

    @Argument(help: ArgumentHelp("Results files to merge (e.g. one per shard).", valueName: "file"))
    var inputs: [String]

    @Option(name: .customLong("into"), help: ArgumentHelp("The merged file; created if missing, else added to.", valueName: "path"))
    var target: String

    func run() throws {
        do {
            let merged = try ResultStore.merge(inputs, into: target)
            let checkpoints = merged.checkpoints > 0 ? "; \(merged.checkpoints) checkpoint(s) copied" : ""
            print("\(merged.path): merged \(merged.runs) run(s) from \(merged.inputs) file(s); \(merged.configurations) suite configuration(s)\(checkpoints)")
        } catch {
            throw fail(error)
        }
    }
}
