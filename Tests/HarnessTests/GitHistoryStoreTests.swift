import Foundation
import GRDB
import MicroExperts
import Testing
@testable import HarnessReport
@testable import HarnessStore

/// Three commits of a first-parent history: a root, a rename with a binary file, a merge.
private let history: [Commit] = [
    Commit(hash: String(repeating: "a", count: 40), parents: [], authorTime: 1_700_000_000, committerTime: 1_700_000_001,
           message: "Add parser\n\nFirst version.",
           files: [FileChange(path: "Sources/Parser.swift", status: .added, linesAdded: 10, linesRemoved: 0),
                   FileChange(path: "README.md", status: .added, linesAdded: 2, linesRemoved: 0)]),
    Commit(hash: String(repeating: "b", count: 40), parents: [String(repeating: "a", count: 40)],
           authorTime: 1_700_000_100, committerTime: 1_700_000_101, message: "Rename parser",
           files: [FileChange(path: "Sources/Parsing.swift", status: .renamed, oldPath: "Sources/Parser.swift", similarity: 90,
                              linesAdded: 1, linesRemoved: 1),
                   FileChange(path: "logo.png", status: .added, linesAdded: nil, linesRemoved: nil)]),
    Commit(hash: String(repeating: "c", count: 40), parents: [String(repeating: "b", count: 40), String(repeating: "d", count: 40)],
           authorTime: 1_700_000_200, committerTime: 1_700_000_201, message: "Merge branch 'docs'",
           files: [FileChange(path: "README.md", status: .deleted, linesAdded: 0, linesRemoved: 2)]),
]

@Suite("Mined git histories in the results database")
struct GitHistoryStoreTests {
    @Test("a mined history is stored and read back exactly, renames, binary files and merge parents included")
    func roundTrip() throws {
        let store = try ResultStore.inMemory()
        #expect(try store.gitHistory(location: "/repo", revision: "HEAD") == nil)
        let stored = try store.appendGitHistory(location: "/repo", revision: "HEAD", since: nil, previousHead: nil,
                                                head: history[2].hash, commits: history)
        #expect(stored == StoredGitHistory(location: "/repo", revision: "HEAD", head: history[2].hash, commitCount: 3, since: nil))
        #expect(try store.gitCommits(location: "/repo", revision: "HEAD") == history)
        #expect(try store.gitHistories() == [stored])
        #expect(try store.gitCommits(location: "/repo", revision: "main").isEmpty)
    }

    @Test("an incremental mine appends after the stored head, and one that started from another head is refused")
    func incrementalAppend() throws {
        let store = try ResultStore.inMemory()
        let since = Date(timeIntervalSince1970: 1_699_999_999)
        try store.appendGitHistory(location: "/repo", revision: "main", since: since, previousHead: nil, head: history[1].hash,
                                   commits: Array(history[..<2]))
        let appended = try store.appendGitHistory(location: "/repo", revision: "main", since: nil, previousHead: history[1].hash,
                                                  head: history[2].hash, commits: [history[2]])
        #expect(appended.commitCount == 3 && appended.head == history[2].hash)
        #expect(appended.since == since, "the first mine's bound is kept")
        #expect(try store.gitCommits(location: "/repo", revision: "main") == history)

        // a second mine that read the old head must not append the same commit again
        #expect(throws: ResultStoreError.gitHistoryMoved(location: "/repo", revision: "main", expected: history[1].hash, found: history[2].hash)) {
            try store.appendGitHistory(location: "/repo", revision: "main", since: nil, previousHead: history[1].hash,
                                       head: history[2].hash, commits: [history[2]])
        }
        #expect(throws: ResultStoreError.gitHistoryMoved(location: "/other", revision: "main", expected: history[1].hash, found: nil)) {
            try store.appendGitHistory(location: "/other", revision: "main", since: nil, previousHead: history[1].hash,
                                       head: history[2].hash, commits: [history[2]])
        }
        #expect(try store.gitCommits(location: "/repo", revision: "main").count == 3)
    }

    @Test("replacing a history after a rewrite drops the old commits and stores the new ones in one step")
    func replaceAfterRewrite() throws {
        let store = try ResultStore.inMemory()
        try store.appendGitHistory(location: "/repo", revision: "HEAD", since: nil, previousHead: nil, head: history[2].hash, commits: history)
        let rewritten = Array(history[..<2])
        let replaced = try store.replaceGitHistory(location: "/repo", revision: "HEAD", since: nil, head: history[1].hash, commits: rewritten)
        #expect(replaced.commitCount == 2 && replaced.head == history[1].hash)
        #expect(try store.gitCommits(location: "/repo", revision: "HEAD") == rewritten)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM gitFileChange") } == 4)
    }

    @Test("the schema refuses a rename without its old path, an unknown status and a repeated commit; deleting a history cascades")
    func schemaInvariants() throws {
        let store = try ResultStore.inMemory()
        try store.appendGitHistory(location: "/repo", revision: "HEAD", since: nil, previousHead: nil, head: history[2].hash, commits: history)
        let commitId = try #require(try store.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM gitCommit WHERE position = 0") })
        for (status, oldPath) in [("renamed", nil), ("modified", "old.swift"), ("moved", nil)] as [(String, String?)] {
            #expect(throws: DatabaseError.self, "\(status) with old path \(oldPath ?? "none")") {
                try store.writer.write { db in
                    try db.execute(sql: "INSERT INTO gitFileChange (gitCommitId, ordinal, path, status, oldPath) VALUES (?, 9, 'x', ?, ?)",
                                   arguments: [commitId, status, oldPath])
                }
            }
        }
        #expect(throws: DatabaseError.self, "the same commit twice in one history") {
            try store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO gitCommit (gitRepositoryId, position, hash, parents, authorTime, committerTime, message)
                    SELECT gitRepositoryId, 3, hash, parents, authorTime, committerTime, message FROM gitCommit WHERE position = 0
                    """)
            }
        }
        try store.writer.write { db in try db.execute(sql: "DELETE FROM gitRepository") }
        for table in ["gitCommit", "gitFileChange"] {
            #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") } == 0, "\(table) kept rows")
        }
    }

    @Test("a results file published before mined histories existed opens read-only, unchanged, and still reports")
    func publishedFileFromBeforeTheMigration() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("results/smoke.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let applied = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            .read { try StoreSchema.migrator.appliedIdentifiers($0) }
        try #require(!applied.contains("v4"), "results/smoke.sqlite was published before v4; this test is about such a file")

        let store = try ResultStore(path: path)
        #expect(store.writer.configuration.readonly)
        #expect(try store.allSuites().map(\.suite.name).contains("smoke"))
        #expect(throws: ResultStoreError.gitHistoryUnavailable(path: path)) { _ = try store.gitHistories() }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-old-published-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try ReportGenerator(databasePath: path).generate(suite: "smoke", configHash: nil, outputDirectory: out.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "reading the published file changed its bytes")
    }

    @Test("several stores opening one new file at once all end up on the full schema")
    func concurrentFirstOpen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("results.sqlite").path
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try ResultStore(path: path) } catch { failures.append("\(error)") }
        }
        #expect(failures.all.isEmpty)
        let store = try ResultStore(path: path)
        #expect(try store.writer.read { try StoreSchema.migrator.appliedIdentifiers($0) } == ["v1", "v2", "v3", "v4", "v5", "v6", "v7"])
        #expect(try store.gitHistories().isEmpty)
    }
}

/// Error messages collected from concurrent work.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func append(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}
