/// `check`: which reliability check a `model: reliability` run performs (experiments/reliability.yaml).
public enum ReliabilityCheck: String, CaseIterable, Sendable {
    /// `biomoe run` killed with SIGKILL at random points, resumed each time; the file is then
    /// checked against an uninterrupted run of the same suite.
    case crash
    /// Mutations of every committed config through the validator (`ConfigFuzzer`).
    case fuzz
    /// Corrupt inputs given to the command line: a non-SQLite database, one from a newer schema,
    /// a truncated data file, malformed baselines.
    case corruptInputs = "corrupt-inputs"
    /// Two `biomoe run` processes on one database, which must split the suite (run claims).
    case concurrent
    /// SIGINT, SIGTERM and a double SIGINT during `biomoe run`, each followed by a resume.
    case signals
    /// A run whose loss becomes NaN: recorded as failed with its reason, the suite going on.
    case diverged
    /// A full disk (under the results file, under the checkpoints) and a read-only file system,
    /// as small tmpfs mounts (needs root).
    case resources
}

/// The `base` keys of `model: reliability`.
extension ExperimentSchema {
    static let reliabilityKeys: [FieldSpec] = [
        FieldSpec("check", .oneOf(ReliabilityCheck.self), default: .choice(ReliabilityCheck.crash),
                  help: "crash (kill -9 and resume), fuzz (mutated configs), corrupt-inputs (bad files given to the command line), concurrent (two processes on one database), signals (SIGINT / SIGTERM and resume), diverged (a NaN loss) or resources (a full disk and a read-only file system on tmpfs mounts; needs root)", models: ["reliability"]),
        FieldSpec("kills", .int(1...10_000), default: .int(10),
                  help: "SIGKILLs sent to `biomoe run` at random points (check crash); the suite it runs has ⌈kills / 3⌉ seeds × 3 variants", models: ["reliability"]),
        FieldSpec("rounds", .int(1...1_000), default: .int(3),
                  help: "repetitions of the concurrent and signals checks, each on a fresh database (the signals check cycles SIGINT, SIGTERM, SIGINT twice)", models: ["reliability"]),
        FieldSpec("fuzz_cases", .int(1...1_000_000), default: .int(1000),
                  help: "mutated configs in all, spread over experiments/*.yaml (check fuzz)", models: ["reliability"]),
    ]
}
