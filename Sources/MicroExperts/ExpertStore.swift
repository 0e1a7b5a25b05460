import Foundation

/// Reads and writes experts as JSON in the repository-side layout of the design:
///
///     .git-ml/experts/
///       domain/<kind>_expert.json            long-term experts (file_expert.json, …)
///       episodes/episode_<id>.json           per-window episode experts
///       history/<kind>_expert_<stamp>.json   earlier versions of domain experts
///       routing/router_config.json           routing mode, gate and aggregation settings
///       routing/learned_weights.json         expert weights learned from past accuracy
///
/// Every file is an `ExpertFile` envelope with a format version; a file of another version is
/// refused with a message naming the file and both versions (re-train to upgrade).
public struct ExpertStore: Sendable {
    /// The `.git-ml/experts` directory.
    public let root: URL

    /// The version written into every file; bump it when a stored type changes shape.
    public static let formatVersion = 1

    public init(root: URL) {
        self.root = root
    }

    /// `<repository>/.git-ml/experts`.
    public init(repository: URL) {
        self.root = repository.appendingPathComponent(".git-ml/experts", isDirectory: true)
    }

    public enum Folder: String, Sendable, CaseIterable {
        case domain, episodes, history, routing
    }

    public func url(_ folder: Folder, _ name: String) -> URL {
        root.appendingPathComponent(folder.rawValue, isDirectory: true).appendingPathComponent(name)
    }

    public static func domainFileName(_ kind: ExpertKind) -> String {
        "\(kind.rawValue.replacingOccurrences(of: "-", with: "_"))_expert.json"
    }

    /// Writes `value` to `folder/name` atomically, creating the folders.
    public func save<T: Encodable>(_ value: T, kind: String, to folder: Folder, name: String) throws(ExpertStoreError) {
        let target = url(folder, name)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let data = try encoder.encode(ExpertFile(version: Self.formatVersion, kind: kind, payload: value))
            try data.write(to: target, options: .atomic)
        } catch {
            throw .unwritable(path: target.path, reason: "\(error)")
        }
    }

    public func load<T: Decodable>(_ type: T.Type, kind: String, from folder: Folder, name: String) throws(ExpertStoreError) -> T {
        let source = url(folder, name)
        guard let data = FileManager.default.contents(atPath: source.path) else { throw .notFound(path: source.path) }
        let header: ExpertFileHeader
        do {
            header = try JSONDecoder().decode(ExpertFileHeader.self, from: data)
        } catch {
            throw .malformed(path: source.path, reason: "\(error)")
        }
        guard header.version == Self.formatVersion else {
            throw .wrongVersion(path: source.path, found: header.version, expected: Self.formatVersion)
        }
        guard header.kind == kind else { throw .wrongKind(path: source.path, found: header.kind, expected: kind) }
        do {
            return try JSONDecoder().decode(ExpertFile<T>.self, from: data).payload
        } catch {
            throw .malformed(path: source.path, reason: "\(error)")
        }
    }

    /// A domain expert: `domain/<kind>_expert.json`.
    public func saveDomain<E: MicroExpert>(_ expert: E) throws(ExpertStoreError) {
        try save(expert, kind: expert.kind.rawValue, to: .domain, name: Self.domainFileName(expert.kind))
    }

    public func loadDomain<E: MicroExpert>(_ type: E.Type, kind: ExpertKind) throws(ExpertStoreError) -> E {
        try load(type, kind: kind.rawValue, from: .domain, name: Self.domainFileName(kind))
    }

    /// Copies the current domain file of `kind` into `history/` under `stamp` (e.g. 20251217_120000).
    public func archiveDomain(_ kind: ExpertKind, stamp: String) throws(ExpertStoreError) {
        let source = url(.domain, Self.domainFileName(kind))
        let name = Self.domainFileName(kind).replacingOccurrences(of: ".json", with: "_\(stamp).json")
        let target = url(.history, name)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw .unwritable(path: target.path, reason: "\(error)")
        }
    }

    public func saveEpisode(_ episode: EpisodeExpert) throws(ExpertStoreError) {
        try save(episode, kind: ExpertKind.episode.rawValue, to: .episodes, name: "episode_\(episode.id).json")
    }

    public func loadEpisode(id: String) throws(ExpertStoreError) -> EpisodeExpert {
        try load(EpisodeExpert.self, kind: ExpertKind.episode.rawValue, from: .episodes, name: "episode_\(id).json")
    }
}

/// The envelope of every stored expert file.
public struct ExpertFile<Payload> {
    public let version: Int
    /// What the payload is (`file`, `episode`, `router_config`, …).
    public let kind: String
    public let payload: Payload
}

extension ExpertFile: Encodable where Payload: Encodable {}
extension ExpertFile: Decodable where Payload: Decodable {}
extension ExpertFile: Sendable where Payload: Sendable {}

struct ExpertFileHeader: Decodable {
    let version: Int
    let kind: String
}

public enum ExpertStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unwritable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case wrongVersion(path: String, found: Int, expected: Int)
    case wrongKind(path: String, found: String, expected: String)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such expert file — train the expert first"
        case let .unwritable(path, reason):
            return "\(path): cannot write (\(reason)) — check that the directory is writable"
        case let .malformed(path, reason):
            return "\(path): not a valid expert file (\(reason)) — delete it and train again"
        case let .wrongVersion(path, found, expected):
            return "\(path): expert format version \(found), this build reads version \(expected) — re-train to write the current format"
        case let .wrongKind(path, found, expected):
            return "\(path): holds a '\(found)' expert, expected '\(expected)'"
        }
    }
}
