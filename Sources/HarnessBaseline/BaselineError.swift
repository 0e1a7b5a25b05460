import HarnessConfig
import HarnessStore

/// Why a baseline could not be written, read or compared. Each message is one line that names
/// the file or suite and says what to do.
public enum BaselineError: Error, Equatable, CustomStringConvertible {
    /// No baseline file at `path`.
    case missing(path: String)
    /// The file is not a baseline this build can read: bad JSON, a missing or mistyped key.
    case malformed(path: String, reason: String)
    /// The file's `format` is not ``BaselineFile/currentFormat``.
    case unsupportedFormat(path: String, found: Int)
    /// The file could not be written.
    case cannotWrite(path: String, reason: String)
    /// No results database at `path` (it is never created by reading commands).
    case databaseMissing(path: String, suite: String)
    /// The database holds no suite of this name.
    case suiteNotFound(name: String, database: String, available: [String])
    /// The database holds the suite, but not with this config hash.
    case configNotFound(name: String, configHash: String, database: String)
    /// The suite (or invocation) has no complete run.
    case noCompleteRuns(suite: String, database: String)
    /// `baseline update` on a suite with (variant, seed) runs still missing.
    case incompleteSuite(suite: String, missing: [RunKey])
    /// `--against` names an invocation this suite does not have.
    case invocationNotFound(id: Int64, suite: String, available: [Int64])
    /// The `gate:` tolerances stored with the suite do not decode (a damaged database).
    case malformedPolicy(suite: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "no baseline at \(path); create one with 'biomoe baseline update SUITE' and commit it"
        case let .malformed(path, reason):
            return "\(path) is not a valid baseline file: \(reason); regenerate it with 'biomoe baseline update SUITE'"
        case let .unsupportedFormat(path, found):
            let relation = found > BaselineFile.currentFormat ? "newer" : "older"
            return "\(path) has baseline format \(found), \(relation) than the format \(BaselineFile.currentFormat) this biomoe reads; "
                + "regenerate it with 'biomoe baseline update SUITE'"
                + (found > BaselineFile.currentFormat ? " or update biomoe" : "")
        case let .cannotWrite(path, reason):
            return "cannot write the baseline \(path): \(reason)"
        case let .databaseMissing(path, suite):
            return "\(path): no such database; run 'biomoe run experiments/\(suite).yaml' first or pass --db"
        case let .suiteNotFound(name, database, available):
            let list = available.isEmpty ? "it holds no suite" : "it holds " + available.joined(separator: ", ")
            return "no suite '\(name)' in \(database) (\(list)); run 'biomoe run experiments/\(name).yaml' first or pass --db"
        case let .configNotFound(name, configHash, database):
            return "\(database) has no results for suite '\(name)' with config hash \(configHash.prefix(12)); "
                + "run 'biomoe run' on that config first"
        case let .noCompleteRuns(suite, database):
            return "suite '\(suite)' has no complete run in \(database); run it first"
        case let .incompleteSuite(suite, missing):
            let shown = missing.prefix(5).map { "\($0.variant) seed \($0.seed)" }.joined(separator: ", ")
            return "suite '\(suite)' is incomplete (\(missing.count) run(s) missing: \(shown)\(missing.count > 5 ? ", …" : "")); "
                + "rerun 'biomoe run' until every run is complete, then update the baseline"
        case let .invocationNotFound(id, suite, available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "suite '\(suite)' has no invocation \(id); its invocations are \(list)"
        case let .malformedPolicy(suite, reason):
            return "the gate tolerances stored with suite '\(suite)' do not decode (\(reason)); run the suite's config again to record them"
        }
    }
}
