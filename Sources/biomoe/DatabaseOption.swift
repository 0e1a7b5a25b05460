import ArgumentParser
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `--db PATH`, shared by every subcommand that reads or writes results.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite results database.", valueName: "path"))
    var path: String?

    /// The explicit path, else results/<suite>.sqlite.
    func resolved(suite: String) -> String {
        path ?? "results/\(suite).sqlite"
    }
}
