import Foundation
import HarnessStore
#if canImport(Glibc)
import Glibc
#endif

/// The signal check: `biomoe run` is sent SIGINT, SIGTERM, or SIGINT twice (in turn, `rounds`
/// times) once its first run is recorded, then run again. It must exit 128 + the signal, and the
/// resumed suite must be complete with no failed run and a sound file.
struct SignalCheck {
    let rounds: Int

    enum Stop: CaseIterable {
        case interrupt, terminate, interruptTwice
        var signal: Int32 { self == .terminate ? SIGTERM : SIGINT }
    }

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let suite = try ScratchSuite(name: "signals")
        defer { suite.remove() }
        var wrongExits = 0, lost = 0, failed = 0, integrity = 0, recordedBeforeStop = 0
        for round in 0..<rounds {
            let stop = Stop.allCases[round % Stop.allCases.count]
            let db = suite.database("round-\(round)")
            let (process, errors) = try BiomoeChild.start(["run", suite.config, "--db", db, "--plain"])
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, process.isRunning,
                  !((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains(": done in") {
                usleep(20_000)
            }
            kill(process.processIdentifier, stop.signal)
            if stop == .interruptTwice {
                usleep(50_000)
                kill(process.processIdentifier, SIGINT)
            }
            let stopped = BiomoeChild.finish(process, errors: errors)
            if stopped.signalled || stopped.status != 128 + stop.signal {
                wrongExits += 1
                outcome.events.append(RunEvent(kind: "wrong-exit", step: round, payload: jsonString(
                    "\(stop): exit \(stopped.status)\(stopped.signalled ? " (signal)" : ""): \(stopped.standardError.suffix(300))")))
            }
            recordedBeforeStop += try ScratchSuite.census(db).complete
            let resumed = try BiomoeChild.run(["run", suite.config, "--db", db, "--plain"])
            if resumed.status != 0 || resumed.signalled {
                wrongExits += 1
                outcome.events.append(RunEvent(kind: "wrong-exit", step: round, payload: jsonString(
                    "resume after \(stop): exit \(resumed.status): \(resumed.standardError.suffix(300))")))
            }
            let census = try ScratchSuite.census(db)
            lost += suite.runs - census.distinctComplete
            failed += census.failed
            integrity += census.integrityProblems
            progress(Double(round + 1) / Double(rounds), "round \(round + 1)/\(rounds) (\(stop))")
        }
        outcome.metric("signal_rounds", Double(rounds))
        outcome.metric("signal_runs_before_stop", Double(recordedBeforeStop))
        outcome.metric("signal_wrong_exits", Double(wrongExits))
        outcome.metric("signal_runs_lost", Double(lost))
        outcome.metric("signal_runs_failed", Double(failed))
        outcome.metric("signal_integrity_problems", Double(integrity))
    }
}
