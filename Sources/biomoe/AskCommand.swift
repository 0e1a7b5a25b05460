import ArgumentParser
import Foundation
import HarnessRun
import Pipeline

/// `biomoe ask`: one request through the full pipeline — affect, long-term memory, routing,
/// the chosen experts, aggregation — printing the reply, or with --json the whole trace.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a request with the full pipeline (language, vision, symbolic and affect experts).",
        discussion: """
        The pipeline is one variant of a pipeline suite (default: the first of \
        experiments/pipeline.yaml), seed 0. The first call trains its parts (a minute or so on one \
        core) into the state directory; later calls load them. An image is a 28×28 PGM or PNG file, \
        or fashion-mnist:INDEX for an image of Fashion-MNIST's test split. --session NAME keeps the \
        short-term memory and affect state across calls; every call is logged (input, affect, \
        routing weights, chosen experts, spike counts, reply) in STATE/sessions.sqlite and \
        STATE/affect-log.jsonl.

        Examples:
          biomoe ask "what is 17*23?"
          biomoe ask --image fashion-mnist:0
          biomoe ask "The hacker stayed up all night" --json
        """
    )

    @Argument(help: ArgumentHelp("The request's text (may be empty with --image).", valueName: "text"))
    var text: String = ""

    @Option(help: ArgumentHelp("A 28×28 PGM/PNG file, or fashion-mnist:INDEX.", valueName: "file"))
    var image: String?

    @Option(help: ArgumentHelp("A conversation whose short-term memory and affect carry over between calls.", valueName: "name"))
    var session: String?

    @Flag(help: "Print the whole trace as JSON (affect, memory hits, routing weights, spike counts, answers, per-stage latency).")
    var json = false

    @Option(help: ArgumentHelp("Pipeline suite config.", valueName: "file"))
    var config = "experiments/pipeline.yaml"

    @Option(help: ArgumentHelp("Variant of the config (default: its first).", valueName: "name"))
    var variant: String?

    @Option(help: ArgumentHelp("Where the trained pipeline and the sessions are kept.", valueName: "dir"))
    var state = "results/pipeline-state"

    func run() throws {
        do {
            let assistant = try PipelineAssistant(configPath: config, variant: variant, stateDirectory: state) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            let reply = try assistant.ask(text: text, image: image, session: session)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(reply), as: UTF8.self))
            } else {
                print(reply.text)
            }
        } catch {
            throw fail(error)
        }
    }
}
