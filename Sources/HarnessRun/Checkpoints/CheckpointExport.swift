import Foundation
import HarnessConfig
import HarnessStore
import Growth
import NN

/// `biomoe checkpoint RUN -o FILE`: copies the final model a run stored (`save_checkpoints`)
/// out of the results file's checkpoint directory, after checking it is the file the run wrote.
///
/// Why check before copying: a checkpoint is read by other tools (PyTorch's `load_state_dict`),
/// far from the run that made it, so a truncated, swapped or hand-edited file must be refused
/// here, with its name, rather than load as a model whose outputs nobody recorded. The output is
/// written only after every check passes, and atomically, so a refused export changes nothing.
public struct CheckpointExport {
    public let databasePath: String

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// What was exported.
    public struct Summary: Equatable, Sendable {
        public var run: String
        public var source: String
        public var tensors: Int
        public var parameters: Int
        public var bytes: Int
    }

    /// Verifies run `runId`'s checkpoint and writes it to `output`.
    public func export(runId: Int64, to output: String) throws -> Summary {
        let checked = try verified(runId: runId)
        do {
            try Data(checked.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CheckpointExportError.cannotWrite(path: output, reason: "\(error)")
        }
        return checked.summary
    }

    /// Verifies a growth run's checkpoint and writes it as per-expert files into `directory`
    /// (gate.safetensors and expert_<e>.safetensors per active expert; see `ExpertCheckpoints`).
    public func exportPerExpert(runId: Int64, to directory: String) throws -> (summary: Summary, files: [String]) {
        let checked = try verified(runId: runId)
        let model: GrowingMixture
        do { model = try ExpertCheckpoints.model(from: checked.file, maxBatch: 1000) } catch {
            throw CheckpointExportError.notPerExpert(run: checked.summary.run, reason: "\(error)")
        }
        // a zone's run goes where the registry keeps that zone's experts: DIR/<zone>/
        let config = (try? JSONSerialization.jsonObject(with: Data((checked.file.metadata["run_config"] ?? "{}").utf8))) as? [String: Any]
        let root = URL(fileURLWithPath: directory)
        let target = ((config?["model"] as? [String: Any])?["growth_zone"] as? String).flatMap(Zone.init(rawValue:)).map { ZoneRegistry.directory(root: root, zone: $0) } ?? root
        do {
            let files = try ExpertCheckpoints.save(model, to: target)
            return (checked.summary, files.map(\.path))
        } catch {
            throw CheckpointExportError.cannotWrite(path: directory, reason: "\(error)")
        }
    }

    /// The run's checkpoint after checking it is the file the run wrote (size, SHA-256, format).
    private func verified(runId: Int64) throws -> (bytes: [UInt8], file: SafetensorsFile, summary: Summary) {
        let store = try ResultStore(path: databasePath)
        guard let run = try store.run(id: runId) else {
            throw CheckpointExportError.noSuchRun(id: runId, database: databasePath)
        }
        let suite = try store.suite(id: run.suiteId)?.name ?? "?"
        let label = "run \(runId) (\(suite)/\(run.variant) seed \(run.seed))"
        guard run.status == .complete else {
            throw CheckpointExportError.notComplete(run: label, status: run.status.rawValue)
        }
        guard let event = try store.events(runId: runId, kind: RunCheckpoint.eventKind).last,
              let record = RunCheckpoint(payload: event.payload) else {
            throw CheckpointExportError.noCheckpoint(run: label, database: databasePath)
        }
        let source = CheckpointDirectory(databasePath: databasePath).file(record.path)
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw CheckpointExportError.missingFile(path: source.path, run: label)
        }
        let bytes = [UInt8](data)
        guard bytes.count == record.bytes else {
            throw CheckpointExportError.corrupt(path: source.path, run: label,
                                                reason: "it is \(bytes.count) bytes; the run wrote \(record.bytes)")
        }
        let digest = sha256Hex(bytes: bytes)
        guard digest == record.sha256 else {
            throw CheckpointExportError.corrupt(path: source.path, run: label,
                                                reason: "its SHA-256 is \(digest.prefix(16))…; the run recorded \(record.sha256.prefix(16))…")
        }
        let file: SafetensorsFile
        do { file = try SafetensorsFile(bytes: bytes) } catch {
            throw CheckpointExportError.corrupt(path: source.path, run: label, reason: "\(error)")
        }
        return (bytes, file, Summary(run: label, source: source.path, tensors: file.tensors.count,
                                     parameters: file.tensors.values.reduce(0) { $0 + $1.values.count }, bytes: bytes.count))
    }
}

/// Why `biomoe checkpoint` refused; each message names the file or run and what to do.
public enum CheckpointExportError: Error, Equatable, CustomStringConvertible {
    case noSuchRun(id: Int64, database: String)
    case notComplete(run: String, status: String)
    case noCheckpoint(run: String, database: String)
    case missingFile(path: String, run: String)
    case corrupt(path: String, run: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case notPerExpert(run: String, reason: String)

    public var description: String {
        switch self {
        case let .noSuchRun(id, database):
            return "'\(database)' has no run \(id); list its runs with: biomoe list --runs --db \(database)"
        case let .notComplete(run, status):
            return "\(run) is \(status), not complete: only a complete run's model is stored."
        case let .noCheckpoint(run, database):
            return "\(run) in '\(database)' stored no checkpoint: its suite ran without `save_checkpoints: true`. Add the key "
                + "to the config and run the suite into a new database (--db): the key is not hashed, so runs already complete there are not rerun."
        case let .missingFile(path, run):
            return "the checkpoint of \(run), '\(path)', is missing: a results file keeps its checkpoints in the .checkpoints "
                + "directory beside it; copy that directory with the database (biomoe publish does not)."
        case let .corrupt(path, run, reason):
            return "'\(path)' is not the checkpoint \(run) wrote: \(reason). Nothing was exported; rerun the run into a new database to store it again."
        case let .cannotWrite(path, reason):
            return "cannot write '\(path)': \(reason). Nothing was exported."
        case let .notPerExpert(run, reason):
            return "\(run) has no per-expert form: \(reason). --per-expert exports runs of model growth; export others as one file."
        }
    }
}
