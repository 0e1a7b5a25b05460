import ArgumentParser
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print every suite-config key with its default and accepted values (Markdown).",
        discussion: "docs/CONFIG.md is this output.\n\nExample: biomoe schema > docs/CONFIG.md"
    )

    func run() throws {
        print(ConfigReference.markdown(), terminator: "")
    }
}
