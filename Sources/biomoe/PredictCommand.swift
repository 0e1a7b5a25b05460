import ArgumentParser
import Datasets
import Foundation
import HarnessRun

/// `biomoe predict`: reload a growth model from its per-expert checkpoint and classify a suite's
/// test split, in a process that never saw the training.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify a suite's test split with a growth model reloaded from its per-expert checkpoint files.",
        discussion: """
        DIR holds gate.safetensors and one expert_<e>.safetensors per active expert, as \
        `biomoe checkpoint RUN --per-expert -o DIR` writes them. The model is rebuilt from these \
        files alone (sizes and masks from gate.safetensors' metadata) and classifies the test split \
        of the suite config given (its task: data set, path, test_limit). Output: CSV with columns \
        index,label,p0,…,p{K−1}, the columns of `biomoe export predictions` without the run id, so \
        the two can be compared value for value.

        Example: biomoe predict ckpt/ --suite experiments/growth.yaml -o preds.csv
        """
    )

    @Argument(help: ArgumentHelp("Directory of the per-expert checkpoint files.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Suite config whose task names the test split.", valueName: "file"))
    var suite: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        do {
            var csv = CSVWriter()
            let rows = try ExpertCheckpointPrediction.rows(checkpointDirectory: directory, suitePath: suite)
            let classes = (rows.first?.count ?? 2) - 2
            csv.append(["index", "label"] + (0..<classes).map { "p\($0)" })
            csv.append(contentsOf: rows)
            if let output { try csv.write(toFile: output) } else { print(csv.text, terminator: "") }
        } catch {
            throw fail(error)
        }
    }
}
