import Foundation
import HarnessConfig
import HarnessStore
import Metrics

/// A run of the reliability suite (experiments/reliability.yaml): one of the harness's own
/// checks, its findings recorded as metrics so the report is generated like any other.
///
/// Why the harness checks itself this way: "no result is ever lost" is a claim, and a claim in a
/// report needs a recorded run behind it — kills survived, configs fuzzed, rows lost.
struct ReliabilityExperiment: Experiment {
    let spec: RunSpec

    func run(progress: ProgressHandler) throws -> RunOutcome {
        var outcome = RunOutcome()
        switch try spec.choice("check", as: ReliabilityCheck.self) {
        case .crash:
            try CrashCheck(kills: try spec.int("kills"), seed: UInt64(spec.seed)).run(into: &outcome, progress: progress)
        case .fuzz:
            try fuzz(cases: try spec.int("fuzz_cases"), into: &outcome, progress: progress)
        case .corruptInputs:
            try CorruptInputsCheck().run(into: &outcome, progress: progress)
        case .concurrent:
            try ConcurrencyCheck(rounds: try spec.int("rounds")).run(into: &outcome, progress: progress)
        case .signals:
            try SignalCheck(rounds: try spec.int("rounds")).run(into: &outcome, progress: progress)
        case .diverged:
            try DivergenceCheck().run(into: &outcome, progress: progress)
        case .resources:
            try ResourceFaultCheck().run(into: &outcome, progress: progress)
        }
        return outcome
    }

    /// ConfigFuzzer over every committed config (experiments/*.yaml), `cases` in all.
    private func fuzz(cases: Int, into outcome: inout RunOutcome, progress: ProgressHandler) throws {
        let configs = try FileManager.default.contentsOfDirectory(atPath: "experiments").filter { $0.hasSuffix(".yaml") }.sorted()
        guard !configs.isEmpty else { throw ReliabilityError.noConfigs }
        var tally = ConfigFuzzer.Tally()
        for (index, name) in configs.enumerated() {
            let share = cases / configs.count + (index < cases % configs.count ? 1 : 0)
            let yaml = try String(contentsOfFile: "experiments/" + name, encoding: .utf8)
            let part = ConfigFuzzer.check(try ConfigFuzzer.cases(from: yaml, count: share, seed: UInt64(spec.seed) &* 1000 &+ UInt64(index)),
                                          path: "fuzz/" + name)
            tally.accepted += part.accepted
            tally.refused += part.refused
            tally.defects += part.defects
            tally.slowestSeconds = max(tally.slowestSeconds, part.slowestSeconds)
            progress(Double(index + 1) / Double(configs.count), "\(name): \(part.cases) cases, \(part.defects.count) defect(s)")
        }
        for defect in tally.defects.prefix(20) { outcome.events.append(RunEvent(kind: "fuzz-defect", step: 0, payload: jsonString(defect))) }
        outcome.metric("fuzz_cases", Double(tally.cases))
        outcome.metric("fuzz_refused", Double(tally.refused))
        outcome.metric("fuzz_defects", Double(tally.defects.count))
        outcome.metric("fuzz_slowest_seconds", tally.slowestSeconds)
    }
}

/// `{"detail": text}` as JSON, for an event payload.
func jsonString(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: ["detail": text], options: [.sortedKeys])) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
}

enum ReliabilityError: Error, CustomStringConvertible {
    case noConfigs
    case childFailed(what: String, status: Int32, stderr: String)
    case cannotMount(options: String, root: Bool)

    var description: String {
        switch self {
        case .noConfigs:
            return "the fuzz check reads experiments/*.yaml: run it from the repository root"
        case let .childFailed(what, status, stderr):
            return "\(what) exited \(status): \(stderr.split(separator: "\n").suffix(2).joined(separator: " | "))"
        case let .cannotMount(options, root):
            return "the resources check could not mount a tmpfs (-o \(options))"
                + (root ? "; is /bin/mount available and are mounts allowed here?" : ": it needs root (run the reliability suite as root, as CI does)")
        }
    }
}
