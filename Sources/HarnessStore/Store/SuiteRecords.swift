import Foundation
import GRDB
import HarnessConfig

/// A row of `environment`: one ``EnvironmentFingerprint`` and when it was first seen.
public struct EnvironmentRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "environment"

    public var id: Int64?
    public var fingerprint: String
    public var codeCommit: String
    /// `nil` when git could not tell (not a repository, git missing).
    public var codeDirty: Bool?
    public var toolchain: String
    public var blasLibrary: String
    public var blasThreads: Int
    public var cpuModel: String
    public var os: String
    /// `nil` in files recorded before the column existed (schema v7), and for such runs.
    public var cpuVectorExtensions: String?
    public var recordedAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let fingerprint = Column(CodingKeys.fingerprint)
    }

    public init(_ environment: EnvironmentFingerprint, recordedAt: Date) {
        self.id = nil
        self.fingerprint = environment.fingerprint
        self.codeCommit = environment.codeCommit
        self.codeDirty = environment.codeDirty
        self.toolchain = environment.toolchain
        self.blasLibrary = environment.blasLibrary
        self.blasThreads = environment.blasThreads
        self.cpuModel = environment.cpuModel
        self.os = environment.os
        self.cpuVectorExtensions = environment.cpuVectorExtensions
        self.recordedAt = recordedAt
    }

    /// The fields without the row identity, e.g. to compare two runs' machines.
    public var environment: EnvironmentFingerprint {
        EnvironmentFingerprint(
            codeCommit: codeCommit, codeDirty: codeDirty, toolchain: toolchain,
            blasLibrary: blasLibrary, blasThreads: blasThreads, cpuModel: cpuModel, os: os,
            cpuVectorExtensions: cpuVectorExtensions)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What the runner knows about a suite before it runs: its name and canonical configuration.
public struct SuiteRegistration: Hashable, Sendable {
    public var name: String
    /// SHA-256 (hex) of ``canonicalConfig``; with ``name`` it identifies the suite.
    public var configHash: String
    /// The `version:` field of the configuration file.
    public var configVersion: Int
    /// Defaults filled, keys sorted, as JSON (the schema checks `json_valid`).
    public var canonicalConfig: String
    /// The YAML file it was read from, for people; never used to identify the suite.
    public var sourcePath: String?
    /// The `gate:` section as JSON (``GatePolicy/json``); nil: the default tolerances.
    public var gatePolicy: String?

    public init(name: String, configHash: String, configVersion: Int, canonicalConfig: String,
                sourcePath: String? = nil, gatePolicy: String? = nil) {
        self.gatePolicy = gatePolicy
        self.name = name
        self.configHash = configHash
        self.configVersion = configVersion
        self.canonicalConfig = canonicalConfig
        self.sourcePath = sourcePath
    }
}

/// A row of `suite`: one (name, configuration hash). Editing the YAML makes a new suite row, so
/// results of the old configuration stay intact and are never mixed with the new ones.
public struct SuiteRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "suite"

    public var id: Int64?
    public var name: String
    public var configHash: String
    public var configVersion: Int
    public var canonicalConfig: String
    public var sourcePath: String?
    public var createdAt: Date
    /// The `gate:` tolerances recorded with the config (JSON); nil for suites recorded before
    /// schema v3 or without tolerances, which use the defaults.
    public var gatePolicy: String?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let configHash = Column(CodingKeys.configHash)
        public static let gatePolicy = Column(CodingKeys.gatePolicy)
    }

    public init(_ registration: SuiteRegistration, createdAt: Date) {
        self.id = nil
        self.name = registration.name
        self.configHash = registration.configHash
        self.configVersion = registration.configVersion
        self.canonicalConfig = registration.canonicalConfig
        self.sourcePath = registration.sourcePath
        self.createdAt = createdAt
        self.gatePolicy = registration.gatePolicy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// How one `biomoe run` call ended.
public enum InvocationStatus: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    /// Started and not finished: still going, or the process died (killed, crashed).
    case running
    /// Every run it attempted was recorded (some may have failed individually).
    case finished
    /// Stopped by a signal or by the user before all runs were attempted.
    case interrupted
    /// Stopped by an error outside any single run (e.g. the dataset could not be read).
    case failed
}

/// A row of `invocation`: one `biomoe run` call on one suite and machine.
public struct InvocationRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "invocation"

    public var id: Int64?
    public var suiteId: Int64
    public var environmentId: Int64
    public var startedAt: Date
    /// `nil` exactly while ``status`` is `.running` (a schema CHECK).
    public var finishedAt: Date?
    public var status: InvocationStatus

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let suiteId = Column(CodingKeys.suiteId)
        public static let startedAt = Column(CodingKeys.startedAt)
        public static let finishedAt = Column(CodingKeys.finishedAt)
        public static let status = Column(CodingKeys.status)
    }

    public init(id: Int64? = nil, suiteId: Int64, environmentId: Int64, startedAt: Date,
                finishedAt: Date? = nil, status: InvocationStatus = .running) {
        self.id = id
        self.suiteId = suiteId
        self.environmentId = environmentId
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
