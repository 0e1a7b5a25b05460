import ArgumentParser
import Foundation
import HarnessRun

/// `biomoe checkpoint`: a run's final model, out of the results file, for PyTorch or a later run.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Export the final model a run stored (suites with save_checkpoints: true) as a safetensors file.",
        discussion: """
        Runs of a suite with `save_checkpoints: true` store their final parameters beside the \
        results file (results/runs/SUITE.sqlite keeps them in results/runs/SUITE.checkpoints/), \
        under PyTorch's state_dict names, with the model kind, its sizes and the run's config in \
        the file's metadata. This command checks the file against the size and SHA-256 the run \
        recorded and that it parses as safetensors, then copies it to FILE; a missing or damaged \
        file is refused (exit 1) and FILE is left as it was. Find run ids with `biomoe list --runs`. \
        baselines/pytorch/check_checkpoint.py loads an exported file into PyTorch.

        With --per-expert (runs of model growth), FILE is a directory that receives \
        gate.safetensors (projection, gate, read-out, and the model's sizes and masks) and one \
        expert_<e>.safetensors per active expert; `biomoe predict` reloads them. A run of a \
        zone (growth_zone) writes into DIR/<zone>/, where the zone registry keeps that zone's \
        experts.

        Example: biomoe checkpoint 3 --db results/runs/smoke.sqlite -o mlp-64-seed0.safetensors
        """
    )

    @Argument(help: ArgumentHelp("The run's id (see `biomoe list --runs`).", valueName: "run"))
    var runId: Int64

    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite results database.", valueName: "path"))
    var database: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The safetensors file to write (a directory with --per-expert).", valueName: "file"))
    var output: String

    @Flag(help: "Write a growth run's model as one file per expert plus the gate, into the directory -o names.")
    var perExpert = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw fail(ValidationError("\(database): no such database"))
        }
        do {
            if perExpert {
                let result = try CheckpointExport(databasePath: database).exportPerExpert(runId: runId, to: output)
                print("\(output): \(result.summary.run), \(result.files.count) files (the gate and \(result.files.count - 1) experts) from a checkpoint of \(result.summary.bytes) bytes (SHA-256 checked)")
                return
            }
            let summary = try CheckpointExport(databasePath: database).export(runId: runId, to: output)
            print("\(output): \(summary.run), \(summary.tensors) tensors, \(summary.parameters) parameters, \(summary.bytes) bytes (SHA-256 checked)")
        } catch {
            throw fail(error)
        }
    }
}
