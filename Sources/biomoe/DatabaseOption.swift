import ArgumentParser
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `--db PATH`, shared by every subcommand that reads or writes results.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite results database (default results/runs/<suite>.sqlite).", valueName: "path"))
    var path: String?

    /// The explicit path, else the working database results/runs/<suite>.sqlite (gitignored;
    /// `biomoe publish` writes the committed results/<suite>.sqlite from it).
    func resolved(suite: String) -> String {
        path ?? Self.workingPath(suite: suite)
    }

    static func workingPath(suite: String) -> String { "results/runs/\(suite).sqlite" }
    static func publishedPath(suite: String) -> String { "results/\(suite).sqlite" }
}
