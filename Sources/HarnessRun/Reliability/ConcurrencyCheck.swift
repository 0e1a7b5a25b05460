import Foundation
import HarnessStore

/// The concurrency check: two `biomoe run` processes started together on one database, `rounds`
/// times; they must split the suite through run claims — every run recorded once, none failed,
/// both exit 0, the file sound.
struct ConcurrencyCheck {
    let rounds: Int

    func run(into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let suite = try ScratchSuite(name: "concurrency")
        defer { suite.remove() }
        var missing = 0, failed = 0, badExits = 0, integrity = 0, shared = 0
        for round in 0..<rounds {
            let db = suite.database("round-\(round)")
            let first = try BiomoeChild.start(["run", suite.config, "--db", db, "--plain"])
            let second = try BiomoeChild.start(["run", suite.config, "--db", db, "--plain"])
            for result in [BiomoeChild.finish(first.0, errors: first.1), BiomoeChild.finish(second.0, errors: second.1)]
            where result.status != 0 || result.signalled {
                badExits += 1
                outcome.events.append(RunEvent(kind: "bad-exit", step: round, payload: jsonString(
                    "exit \(result.status): \(result.standardError.split(separator: "\n").suffix(2).joined(separator: " | "))")))
            }
            let census = try ScratchSuite.census(db)
            missing += suite.runs - census.distinctComplete
            failed += census.failed
            integrity += census.integrityProblems
            if census.workingInvocations >= 2 { shared += 1 }
            progress(Double(round + 1) / Double(rounds), "round \(round + 1)/\(rounds): \(census.complete) runs, \(census.workingInvocations) process(es) did work")
        }
        outcome.metric("concurrent_rounds", Double(rounds))
        outcome.metric("concurrent_rounds_shared", Double(shared))
        outcome.metric("concurrent_runs_missing", Double(missing))
        outcome.metric("concurrent_runs_failed", Double(failed))
        outcome.metric("concurrent_bad_exits", Double(badExits))
        outcome.metric("concurrent_integrity_problems", Double(integrity))
    }
}
