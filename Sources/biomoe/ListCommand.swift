import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the suites and runs a results database holds, with their status.",
        discussion: "Without --db, every working database results/runs/*.sqlite, then every published results/*.sqlite, is listed.\n\nExample: biomoe list --db results/runs/smoke.sqlite"
    )

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Also list every run (id, variant, seed, status, finished, error).")
    var runs = false

    func run() throws {
        let paths: [String]
        if let path = database.path {
            paths = [path]
        } else {
            paths = ["results/runs", "results"].flatMap { directory in
                ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                    .filter { $0.hasSuffix(".sqlite") }.sorted().map { "\(directory)/\($0)" }
            }
            if paths.isEmpty { print("no databases in results/runs/ or results/ — run a suite first: biomoe run experiments/smoke.yaml") }
        }
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                throw fail(ValidationError("\(path): no such database"))
            }
            do {
                let store = try ResultStore(path: path)
                print(path)
                for summary in try store.allSuites() {
                    let suite = summary.suite
                    print("  \(suite.name)  version \(suite.configVersion)  config \(suite.configHash.prefix(12))  "
                          + "\(summary.completeRuns) complete, \(summary.failedKeys) failed, \(summary.invocations) invocation(s)")
                    guard runs, let suiteId = suite.id else { continue }
                    for run in try store.runs(suiteId: suiteId) {
                        let error = run.error.map { "  error: \($0)" } ?? ""
                        print("    run \(run.id ?? 0)  \(run.variant)  seed \(run.seed)  \(run.status.rawValue)  \(run.finishedAt)\(error)")
                    }
                }
            } catch {
                throw fail(error)
            }
        }
    }
}
