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
}

/// The `base` keys of `model: reliability`.
extension ExperimentSchema {
    static let reliabilityKeys: [FieldSpec] = [
        FieldSpec("check", .oneOf(ReliabilityCheck.self), default: .choice(ReliabilityCheck.crash),
                  help: "crash (kill -9 and resume), fuzz (mutated configs) or corrupt-inputs (bad files given to the command line)", models: ["reliability"]),
        FieldSpec("kills", .int(1...10_000), default: .int(10),
                  help: "SIGKILLs sent to `biomoe run` at random points (check crash); the suite it runs has ⌈kills / 3⌉ seeds × 3 variants", models: ["reliability"]),
        FieldSpec("fuzz_cases", .int(1...1_000_000), default: .int(1000),
                  help: "mutated configs in all, spread over experiments/*.yaml (check fuzz)", models: ["reliability"]),
    ]
}
