import ArgumentParser
import BuildStamp
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport
import Tensor

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every (variant, seed) of a suite that is not yet complete in the database.",
        discussion: """
        The config is validated and every input file checked before the database is opened, so a \
        bad config changes nothing. Each run is written in one transaction when it finishes; \
        killing the command loses at most the run in progress, and running it again completes \
        only what is missing.

        Example: biomoe run experiments/fashion-baselines.yaml
        """
    )

    @Argument(help: ArgumentHelp("Suite config (YAML).", valueName: "config"))
    var config: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Plain progress lines even on a terminal.")
    var plain = false

    @Flag(help: "Also render the report when the suite is complete, and print its path last.")
    var report = false

    @Option(help: ArgumentHelp("Run only shard K of N (runs K, K+N, … in config order), so N processes can share one database, e.g. one per core with OPENBLAS_NUM_THREADS=1.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Run on this OpenBLAS kernel (overrides the suite's blas_core), e.g. Haswell, Zen, SkylakeX; biomoe re-runs itself with OPENBLAS_CORETYPE set.", valueName: "core"))
    var blasCore: String?

    @Flag(help: "Run again every complete run of this suite recorded from a dirty tree (uncommitted changes to code or configs); the old records are kept, marked superseded. Refused from a dirty tree.")
    var rerunDirty = false

    func run() throws {
        let spec: SuiteSpec
        let registry = Registry()
        let runShard: RunShard
        do {
            runShard = try shard.map(RunShard.init(parsing:)) ?? .whole
            spec = try SuiteSpec.load(path: config)
            // Before any BLAS call: a pinned kernel may mean re-running this process.
            if let name = blasCore {
                guard let core = BLASCore.named(name) else {
                    throw BLASCoreError(message: "--blas-core \(name): unknown OpenBLAS kernel; expected one of \(BLASCore.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try BLASKernelSelection.pin(core, source: "--blas-core")
            } else if let core = spec.blasCore {
                try BLASKernelSelection.pin(core, source: "\(config) (blas_core)")
            }
            try registry.prepare(spec)
        } catch {
            throw fail(error)
        }
        let dbPath = database.resolved(suite: spec.name)
        let summary: SuiteRunSummary
        do {
            // Before the database is opened, so a refusal leaves no file behind.
            let environment = EnvironmentProbe.current(repositoryPath: ".")
            if let refusal = BuildStamp.current.staleRefusal(checkoutRoot: BuildStamp.checkoutRoot(of: "."), checkoutCommit: environment.codeCommit,
                                                             checkoutDirty: environment.codeDirty) {
                throw ValidationError(refusal)
            }
            if rerunDirty, environment.codeDirty != false {
                throw ValidationError("--rerun-dirty: this tree has uncommitted changes (or is not a git checkout), so the runs would be recorded as dirty again; commit first (`git status` lists them)")
            }
            let store = try ResultStore(path: dbPath)
            guard !store.isReadOnly else { throw ResultStoreError.publishedFileIsReadOnly(path: dbPath, suite: spec.name) }
            let stop = StopRequest()
            let handlers = StopSignals.install(stop)
            defer { StopSignals.uninstall(handlers) }
            let runner = SuiteRunner(spec: spec, store: store, registry: registry, progress: ProgressReporter(forcePlain: plain),
                                     environment: environment, shard: runShard, stop: stop, rerunDirty: rerunDirty)
            summary = try runner.run()
            if summary.leftByStop > 0, let signal = stop.signal {
                FileHandleOutput.standardError("\(spec.name): stopped by \(StopSignals.name(signal)) after \(summary.executed) run(s); "
                    + "\(summary.leftByStop) left — run `biomoe run \(config)\(shard.map { " --shard \($0)" } ?? "")\(database.path.map { " --db \($0)" } ?? "")` again to resume")
                throw ExitCode(128 + signal)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error)
        }
        let reused = summary.reused > 0 ? ", \(summary.reused) reused from an earlier config" : ""
        let elsewhere = summary.elsewhere > 0 ? ", \(summary.elsewhere) left to another process running this suite" : ""
        print("\(spec.name): \(summary.executed) run(s) executed, \(summary.skipped) already complete\(reused)\(elsewhere), \(summary.failed) failed — \(dbPath)")
        if report && summary.elsewhere > 0 {
            print("\(spec.name): another process is still running part of this suite; render the report with `biomoe report \(spec.name)` once it has finished")
        } else if report && !runShard.isWhole {
            print("\(spec.name): shard \(runShard) done; render the report with `biomoe report \(spec.name)` once every shard has finished")
        } else if report {
            do {
                let path = try ReportGenerator(databasePath: dbPath).generate(suite: spec.name, configHash: spec.configHash,
                                                                              outputDirectory: "reports/\(spec.name)")
                print(path)
            } catch {
                throw fail(error)
            }
        }
        if summary.failed > 0 { throw BiomoeExit.runsFailed }
    }
}
