import Foundation
import HarnessConfig

/// Where a results file keeps its runs' final models (`save_checkpoints: true`), and how a run
/// names its own: `results/runs/smoke.sqlite` keeps them in `results/runs/smoke.checkpoints/`.
///
/// Why files beside the database and not rows in it: a model is megabytes that no report reads,
/// and a results file is committed. Why a run names its file by suite, variant, seed and run
/// config hash rather than by run id: ids are renumbered by `biomoe merge`, the key is not, so
/// merging shards copies the files unchanged and a reused run keeps pointing at its own file.
public struct CheckpointDirectory: Sendable, Equatable {
    /// The directory, whether or not it exists yet.
    public let url: URL

    /// The directory of the results file at `databasePath` (its name without `.sqlite`, plus
    /// `.checkpoints`).
    public init(databasePath: String) {
        let database = URL(fileURLWithPath: databasePath)
        let stem = database.pathExtension == "sqlite" ? database.deletingPathExtension().lastPathComponent : database.lastPathComponent
        url = database.deletingLastPathComponent().appendingPathComponent(stem + ".checkpoints", isDirectory: true)
    }

    /// A run's file, relative to the directory: `<suite>/<variant>-seed<seed>-<hash 12>.safetensors`.
    public static func relativePath(suite: String, variant: String, seed: Int, runConfigHash: String) -> String {
        "\(suite)/\(variant)-seed\(seed)-\(runConfigHash.prefix(12)).safetensors"
    }

    /// The absolute location of a file named by `relativePath`.
    public func file(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath, isDirectory: false)
    }
}

/// What a run records about its stored model: the file (relative to its ``CheckpointDirectory``),
/// its size and SHA-256, so an export can tell a damaged or swapped file from the one the run
/// wrote. Stored as the run's event of kind ``eventKind``, written in the run's transaction.
public struct RunCheckpoint: Sendable, Equatable, Codable {
    public static let eventKind = "checkpoint"

    public var path: String
    public var bytes: Int
    public var sha256: String

    public init(path: String, bytes: Int, sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// The file's record, computed from the bytes written.
    public init(path: String, contents: [UInt8]) {
        self.init(path: path, bytes: contents.count, sha256: sha256Hex(bytes: contents))
    }

    /// The event that stores this record with the run.
    public var event: RunEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return RunEvent(kind: Self.eventKind, step: 0, payload: json)
    }

    /// Reads the record back from an event's payload; nil when it is not one.
    public init?(payload: String) {
        guard let value = try? JSONDecoder().decode(RunCheckpoint.self, from: Data(payload.utf8)) else { return nil }
        self = value
    }
}
