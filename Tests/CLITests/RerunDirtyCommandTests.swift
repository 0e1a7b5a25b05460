import Foundation
import Testing

/// `biomoe run --rerun-dirty` refuses to start where its runs would be recorded as dirty again:
/// in a checkout with uncommitted changes and outside any git checkout; in a clean checkout it
/// runs. The suite is one sgemm bench at n = 64 (no data files), its database kept outside the
/// checkout so that writing it does not make the tree dirty.
@Suite("biomoe run --rerun-dirty end to end", .serialized)
struct RerunDirtyCommandTests {
    static let config = """
        schema: 1
        name: rerun-dirty
        version: 1
        seeds: [0]
        task:
          dataset: none
        base:
          model: perf
          bench: sgemm
          sgemm_sizes: [64]
        variants:
          sgemm: {threads: 1}

        """

    @Test("--rerun-dirty is refused in a dirty checkout and outside git, naming the reason, and runs in a clean checkout")
    func refusesDirtyTrees() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-cli-rerun-dirty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var repository = try GitWorkTree(directory.appendingPathComponent("repo"))
        try repository.write("suite.yaml", Self.config)
        try repository.write("notes.md", "first\n")
        try repository.commit("Add the suite")
        let db = directory.appendingPathComponent("results.sqlite").path
        let refusal = "--rerun-dirty: this tree has uncommitted changes (or is not a git checkout)"

        try repository.write("notes.md", "second\n")
        let dirty = try BiomoeBinary.run(["run", "suite.yaml", "--db", db, "--plain", "--rerun-dirty"], in: repository.url)
        #expect(dirty.status != 0)
        #expect(dirty.standardError.contains(refusal), "\(dirty.standardError)")
        #expect(!FileManager.default.fileExists(atPath: db), "a refused run must not create the database")

        let plain = directory.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try Data(Self.config.utf8).write(to: plain.appendingPathComponent("suite.yaml"))
        let outside = try BiomoeBinary.run(["run", "suite.yaml", "--db", db, "--plain", "--rerun-dirty"], in: plain)
        #expect(outside.status != 0)
        #expect(outside.standardError.contains(refusal), "\(outside.standardError)")

        try repository.commit("Second notes")
        let clean = try BiomoeBinary.run(["run", "suite.yaml", "--db", db, "--plain", "--rerun-dirty"], in: repository.url)
        #expect(clean.status == 0, "\(clean.standardError)")
        #expect(clean.standardOutput.contains("1 run(s) executed"), "\(clean.standardOutput)")
    }
}
