import HarnessConfig
/// Why the result store refused an operation. Each message names the file or run involved and
/// what to do about it.
public enum ResultStoreError: Error, Equatable, CustomStringConvertible {
    /// The directory that should hold the database could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// SQLite could not open or migrate the file.
    case cannotOpen(path: String, reason: String)
    /// The file was migrated by a newer biomoe: its schema has migrations this build lacks.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A second complete result for a (suite, variant, seed) that already has one.
    case runAlreadyComplete(suiteId: Int64, variant: String, seed: Int)
    /// Predictions of one run with different class counts.
    case inconsistentPredictionWidth(sampleIndex: Int, expected: Int, found: Int)
    /// A suite with this name and hash exists with a different canonical configuration.
    case suiteHashCollision(name: String, configHash: String)
    /// `finishInvocation` on an id that does not exist.
    case unknownInvocation(id: Int64)
    /// A `prediction.probabilities` blob whose length is not a multiple of 4.
    case corruptPredictionBlob(byteCount: Int)
    /// A run's `reliability` rows are not exactly bins 0..<ReliabilityRow.binCount.
    case corruptReliability(runId: Int64, bins: Int)
    /// `publish` was asked for a suite the database does not hold.
    case unknownSuite(name: String, path: String, available: [String])
    /// `publish` could not write the published file (nothing was replaced).
    case cannotPublish(path: String, reason: String)
    /// `merge` refused its inputs or could not write the merged file (nothing was replaced).
    case cannotMerge(path: String, reason: String)
    /// Writing a run failed because of the file or its disk (full, read-only, I/O error).
    case cannotWrite(path: String, reason: String)
    /// `run` was pointed at a published file (`biomoe publish`), which is only ever read.
    case publishedFileIsReadOnly(path: String, suite: String)
    /// Writing a run's checkpoint (`save_checkpoints`) beside the results file failed.
    case cannotWriteCheckpoint(path: String, reason: String)
    /// A read-only published file from before mined git histories were stored.
    case gitHistoryUnavailable(path: String)
    /// The stored head of a mined history is not the one the new commits were mined after
    /// (another mine stored commits in between); nil `found`: nothing is stored.
    case gitHistoryMoved(location: String, revision: String, expected: String?, found: String?)
    /// A stored mined history holds a value this build cannot read.
    case corruptGitHistory(location: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "Cannot create the directory for the results database '\(path)': \(reason). "
                + "Check the path and its permissions."
        case let .cannotOpen(path, reason):
            return "Cannot open the results database '\(path)': \(reason). "
                + "Check that it is an SQLite file written by biomoe and that it is writable."
        case let .newerSchema(path, unknownMigrations):
            return "The results database '\(path)' was written by a newer biomoe (schema "
                + "migrations \(unknownMigrations.joined(separator: ", ")) are unknown to this "
                + "build). Update biomoe, or write to another results file; this build will not "
                + "modify it."
        case let .runAlreadyComplete(suiteId, variant, seed):
            return "Suite \(suiteId) already has a complete run for variant '\(variant)' seed "
                + "\(seed). Results are never overwritten: skip keys returned by completedSeeds."
        case let .inconsistentPredictionWidth(sampleIndex, expected, found):
            return "Prediction \(sampleIndex) has \(found) class probabilities, but prediction 0 "
                + "has \(expected). Every prediction of a run must cover the same classes."
        case let .suiteHashCollision(name, configHash):
            return "Suite '\(name)' with config hash \(configHash) is already stored with a "
                + "different canonical configuration. The hash must be computed from the "
                + "canonical configuration alone."
        case let .unknownInvocation(id):
            return "No invocation with id \(id) exists; pass the id returned by beginInvocation."
        case let .corruptPredictionBlob(byteCount):
            return "A stored prediction has \(byteCount) bytes of probabilities, which is not a "
                + "multiple of 4 (Float32). The database is corrupt; run integrity checks."
        case let .corruptReliability(runId, bins):
            return "Run \(runId) has \(bins) stored reliability bins, not bins 0..<\(ReliabilityRow.binCount). "
                + "The file was altered by hand; publish it again from the working database."
        case let .unknownSuite(name, path, available):
            let list = available.isEmpty ? "it holds no suites" : "it holds: \(available.joined(separator: ", "))"
            return "No suite '\(name)' in '\(path)' (\(list)). Check the name, or pass the working database with --db."
        case let .cannotPublish(path, reason):
            return "Cannot write the published database '\(path)': \(reason). The previous file, if any, is unchanged."
        case let .cannotMerge(path, reason):
            return "Cannot merge into '\(path)': \(reason). '\(path)' is unchanged."
        case let .cannotWrite(path, reason):
            return "Cannot write to the results database '\(path)': \(reason). The run in progress was not recorded and "
                + "nothing was half-written; fix the cause (disk space, permissions) and run the same command again to resume."
        case let .publishedFileIsReadOnly(path, suite):
            return "'\(path)' is a published results file (written by `biomoe publish`), which biomoe only reads; nothing was run. "
                + "To add runs to it, merge it into a working database and run there: "
                + "biomoe merge \(path) --into results/runs/\(suite).sqlite (the default --db of `run`)."
        case let .cannotWriteCheckpoint(path, reason):
            return "Cannot write the checkpoint '\(path)': \(reason). The run in progress was not recorded; fix the cause "
                + "(disk space, permissions) and run the same command again to resume."
        case let .gitHistoryUnavailable(path):
            return "'\(path)' is a published results file from before mined git histories were stored; it is read-only. "
                + "Mine into a working database (--db results/runs/NAME.sqlite)."
        case let .gitHistoryMoved(location, revision, expected, found):
            return "The stored history of \(location) (\(revision)) is at \(found ?? "no commit"), not at \(expected ?? "no commit") "
                + "as when this mine started: another mine stored commits meanwhile. Run the mine again; it continues from the stored head."
        case let .corruptGitHistory(location, reason):
            return "The stored history of \(location) holds \(reason), which this build cannot read. Update biomoe, or mine into another database."
        }
    }
}
