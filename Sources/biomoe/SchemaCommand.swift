import ArgumentParser
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport
import Metrics

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print every suite-config key with its default and accepted values, or every recorded metric (Markdown).",
        discussion: """
            docs/CONFIG.md is this output; with --metrics, docs/METRICS.md is (each metric's unit, label, \
            better direction, number format and definition, from MetricCatalog).

            Examples: biomoe schema > docs/CONFIG.md
                      biomoe schema --metrics > docs/METRICS.md
            """
    )

    @Flag(help: "Print the metric catalog (docs/METRICS.md) instead of the config keys.")
    var metrics = false

    func run() throws {
        print(metrics ? MetricReference.markdown() : ConfigReference.markdown(), terminator: "")
    }
}
