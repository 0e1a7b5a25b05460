import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a suite's Markdown report and gnuplot charts from the database alone.",
        discussion: """
        Nothing is re-run: the report reads only the database, and the same database gives \
        byte-identical files. Given a config file, the report covers that exact config (by hash); \
        given a suite name, the most recently registered config of that suite.

        Example: biomoe report fashion-baselines   (writes reports/fashion-baselines/README.md)
        """
    )

    @Argument(help: ArgumentHelp("Suite config (YAML) or suite name.", valueName: "config-or-suite"))
    var suite: String

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Output directory (default reports/<suite>).", valueName: "dir"))
    var out: String?

    func run() throws {
        var name = suite
        var hash: String?
        if suite.hasSuffix(".yaml") || suite.hasSuffix(".yml") || FileManager.default.fileExists(atPath: suite) {
            do {
                let spec = try SuiteSpec.load(path: suite)
                name = spec.name
                hash = spec.configHash
            } catch {
                throw fail(error)
            }
        }
        let dbPath = database.resolved(suite: name)
        guard FileManager.default.fileExists(atPath: dbPath) else {
            throw fail(ValidationError("\(dbPath): no such database — run 'biomoe run experiments/\(name).yaml' first or pass --db"))
        }
        do {
            let path = try ReportGenerator(databasePath: dbPath).generate(suite: name, configHash: hash,
                                                                          outputDirectory: out ?? "reports/\(name)")
            print(path)
        } catch {
            throw fail(error)
        }
    }
}
