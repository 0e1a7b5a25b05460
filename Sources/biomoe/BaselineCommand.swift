import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// `biomoe baseline`: manage the reference results kept in `baselines/<suite>.json`.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Manage a suite's baseline file (baselines/<suite>.json).",
        subcommands: [BaselineUpdateCommand.self]
    )
}

/// `biomoe baseline update`: snapshot a suite's complete results into its baseline file.
///
/// Why a deliberate command: a baseline is what CI holds the code to, so it changes only when a
/// researcher decides the new numbers are the reference, in a commit a reviewer can read.
struct BaselineUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Write baselines/<suite>.json from the suite's results in the database.",
        discussion: """
        Per variant and metric the file keeps n, mean, std, min, max, every seed's value, the \
        unit and the better direction, with the suite's config hash, version and the environment \
        fingerprints. Keys are sorted and doubles written at full precision (NaN as "NaN"), so \
        the same database always writes the same bytes and a diff reads well in review. Every \
        (variant, seed) of the config must be complete.

        Example: biomoe baseline update smoke   (reads results/runs/smoke.sqlite)
        """
    )

    @Argument(help: ArgumentHelp("Suite config (YAML) or suite name.", valueName: "config-or-suite"))
    var suite: String

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Baseline file to write (default baselines/<suite>.json).", valueName: "file"))
    var out: String?

    func run() throws {
        do {
            let selection = try SuiteSelection.resolve(suite)
            let dbPath = database.resolved(suite: selection.name)
            guard FileManager.default.fileExists(atPath: dbPath) else {
                throw BaselineError.databaseMissing(path: dbPath, suite: selection.name)
            }
            let store = try ResultStore(path: dbPath)
            let row = try SuiteSnapshot.selectSuite(store: store, name: selection.name, configHash: selection.configHash,
                                                    databasePath: dbPath)
            let snapshot = try SuiteSnapshot.read(store: store, suite: row, requireComplete: true, databasePath: dbPath)
            let path = out ?? "baselines/\(selection.name).json"
            try snapshot.baseline.write(to: path)
            let metrics = Set(snapshot.baseline.variants.values.flatMap(\.keys)).count
            print("\(path): \(snapshot.baseline.variants.count) variant(s) × \(metrics) metric(s), config \(row.configHash.prefix(12)), version \(row.configVersion)")
        } catch {
            throw fail(error)
        }
    }
}
