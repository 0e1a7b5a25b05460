import Foundation
import Testing
@testable import MicroExperts

/// The fixture history, built with git:
///
///     c1  add a.txt (3 lines), "dir with space/x y.txt" (1), src/Parser.swift (10)
///     c2  rename src/Parser.swift → src/Parsing.swift (1 line changed), append to a.txt
///         └─ branch feature: f1 add feature.txt (1 line), f2 append to it (1 line)
///     c3  delete a.txt
///     c4  merge feature (--no-ff)            parents c3, f2
///     c5  add gen/f000.txt … gen/f499.txt (1 line each)
///     c6  add logo.bin (binary)
private struct Fixture {
    var repository: TestRepository
    var hashes: [String: String] = [:]

    init(_ name: String) throws {
        repository = try TestRepository(name)
        let parser = (1...10).map { "line \($0) of the parser" }.joined(separator: "\n") + "\n"
        try repository.write("a.txt", "one\ntwo\nthree\n")
        try repository.write("dir with space/x y.txt", "spaced\n")
        try repository.write("src/Parser.swift", parser)
        hashes["c1"] = try repository.commit("Add parser\n\nFirst version.")
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("src/Parser.swift"))
        try repository.write("src/Parsing.swift", parser.replacingOccurrences(of: "line 10 of", with: "line ten of"))
        try repository.write("a.txt", "one\ntwo\nthree\nfour\n")
        hashes["c2"] = try repository.commit("Rename parser")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("feature.txt", "feature\n")
        hashes["f1"] = try repository.commit("Start feature")
        try repository.write("feature.txt", "feature\nmore\n")
        hashes["f2"] = try repository.commit("Finish feature")
        try repository.git("checkout", "-q", "main")
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("a.txt"))
        hashes["c3"] = try repository.commit("Remove a")
        hashes["c4"] = try repository.merge("feature", message: "Merge branch 'feature'")
        for i in 0..<500 { try repository.write(String(format: "gen/f%03d.txt", i), "generated \(i)\n") }
        hashes["c5"] = try repository.commit("Generate 500 files")
        try repository.write("logo.bin", Data([0, 1, 2, 0, 255, 0]))
        hashes["c6"] = try repository.commit("Add logo")
    }
}

@Suite("Mining git history")
struct GitMinerTests {
    @Test("mining a history with renames, a merge, deletions and a 500-file commit gives exactly the right rows")
    func fixtureRows() async throws {
        let fixture = try Fixture("rows")
        defer { fixture.repository.remove() }
        let h = fixture.hashes
        let mined = try await GitMiner().mine(repository: fixture.repository.path)
        #expect(mined.head == h["c6"])
        // first-parent order, oldest first: the feature branch's own commits are not listed
        #expect(mined.commits.map(\.hash) == ["c1", "c2", "c3", "c4", "c5", "c6"].map { h[$0] ?? "" })

        let c1 = mined.commits[0]
        #expect(c1.parents.isEmpty)
        #expect(c1.message == "Add parser\n\nFirst version.")
        #expect(c1.authorTime == 1_700_000_100 && c1.committerTime == 1_700_000_101)
        #expect(c1.files == [
            FileChange(path: "a.txt", status: .added, linesAdded: 3, linesRemoved: 0),
            FileChange(path: "dir with space/x y.txt", status: .added, linesAdded: 1, linesRemoved: 0),
            FileChange(path: "src/Parser.swift", status: .added, linesAdded: 10, linesRemoved: 0),
        ])

        let c2 = mined.commits[1]
        #expect(c2.parents == [h["c1"] ?? ""])
        #expect(c2.files.count == 2)
        #expect(c2.files[0] == FileChange(path: "a.txt", status: .modified, linesAdded: 1, linesRemoved: 0))
        let rename = c2.files[1]
        #expect(rename.status == .renamed && rename.oldPath == "src/Parser.swift" && rename.path == "src/Parsing.swift")
        #expect(rename.linesAdded == 1 && rename.linesRemoved == 1)
        #expect((rename.similarity ?? 0) >= 50 && (rename.similarity ?? 0) < 100)

        #expect(mined.commits[2].files == [FileChange(path: "a.txt", status: .deleted, linesAdded: 0, linesRemoved: 4)])

        // the merge: two parents, first the main line; files as the difference from the first parent
        let merge = mined.commits[3]
        #expect(merge.parents == [h["c3"] ?? "", h["f2"] ?? ""])
        #expect(merge.isMerge)
        #expect(merge.files == [FileChange(path: "feature.txt", status: .added, linesAdded: 2, linesRemoved: 0)])

        let big = mined.commits[4]
        #expect(big.files.count == 500)
        #expect(big.files.allSatisfy { $0.status == .added && $0.linesAdded == 1 && $0.linesRemoved == 0 })
        #expect(big.files.first?.path == "gen/f000.txt" && big.files.last?.path == "gen/f499.txt")

        #expect(mined.commits[5].files == [FileChange(path: "logo.bin", status: .added, linesAdded: nil, linesRemoved: nil)])
    }

    @Test("a re-mine after the last head returns only the new commits, and none when nothing changed")
    func incremental() async throws {
        var repository = try TestRepository("incremental")
        defer { repository.remove() }
        try repository.write("a.txt", "a\n")
        try repository.commit("first")
        try repository.write("b.txt", "b\n")
        try repository.commit("second")
        let miner = GitMiner()
        let first = try await miner.mine(repository: repository.path)
        #expect(first.commits.map(\.message) == ["first", "second"])

        try repository.write("c.txt", "c\n")
        let third = try repository.commit("third")
        try repository.write("c.txt", "c\nc\n")
        let fourth = try repository.commit("fourth")
        let second = try await miner.mine(repository: repository.path, after: first.head)
        #expect(second.commits.map(\.hash) == [third, fourth])
        #expect(second.head == fourth)

        let none = try await miner.mine(repository: repository.path, after: second.head)
        #expect(none.commits.isEmpty && none.head == fourth)
    }

    @Test("a last head that left the first-parent history is a rewritten-history error, not a wrong increment")
    func rewritten() async throws {
        var fixture = try Fixture("rewritten")
        defer { fixture.repository.remove() }
        let miner = GitMiner()
        // f2 is an ancestor of HEAD, but only through the merge's second parent
        await #expect(throws: MiningError.historyRewritten(path: fixture.repository.path, knownHead: fixture.hashes["f2"] ?? "",
                                                             revision: "HEAD")) {
            try await miner.mine(repository: fixture.repository.path, after: fixture.hashes["f2"])
        }
        try fixture.repository.git("reset", "-q", "--hard", fixture.hashes["c5"] ?? "")
        try fixture.repository.write("other.txt", "x\n")
        try fixture.repository.commit("replacement")
        await #expect(throws: MiningError.historyRewritten(path: fixture.repository.path, knownHead: fixture.hashes["c6"] ?? "",
                                                             revision: "HEAD")) {
            try await miner.mine(repository: fixture.repository.path, after: fixture.hashes["c6"])
        }
    }

    @Test("a directory that is not a repository, an empty repository and a missing directory are named errors")
    func repositoryErrors() async throws {
        let plain = try TestRepository.emptyDirectory("plain")
        defer { try? FileManager.default.removeItem(at: plain) }
        await #expect(throws: MiningError.notARepository(path: plain.path)) {
            try await GitMiner().mine(repository: plain.path)
        }
        let empty = try TestRepository("empty")
        defer { empty.remove() }
        await #expect(throws: MiningError.emptyRepository(path: empty.path, revision: "HEAD")) {
            try await GitMiner().mine(repository: empty.path)
        }
        let missing = plain.path + "-missing"
        await #expect(throws: MiningError.repositoryNotFound(path: missing)) {
            try await GitMiner().mine(repository: missing)
        }
        #expect(MiningError.emptyRepository(path: "/r", revision: "HEAD").description.contains("/r: 'HEAD' has no commits"))
    }

    @Test("an unknown revision and a missing git executable are named errors")
    func revisionAndExecutable() async throws {
        var repository = try TestRepository("revision")
        defer { repository.remove() }
        try repository.write("a.txt", "a\n")
        try repository.commit("first")
        await #expect(throws: MiningError.unknownRevision(path: repository.path, revision: "no-such-branch")) {
            try await GitMiner().mine(repository: repository.path, revision: "no-such-branch")
        }
        let executable = "git-that-does-not-exist-biomoe"
        await #expect(throws: MiningError.gitNotFound(executable: executable)) {
            try await GitMiner(gitExecutable: executable).mine(repository: repository.path)
        }
    }

    @Test("since keeps only commits committed at or after the date")
    func since() async throws {
        var repository = try TestRepository("since")
        defer { repository.remove() }
        try repository.write("a.txt", "a\n")
        try repository.commit("old")
        try repository.write("b.txt", "b\n")
        try repository.commit("new")
        let cut = Date(timeIntervalSince1970: TimeInterval(repository.lastTime))
        let mined = try await GitMiner().mine(repository: repository.path, since: cut)
        #expect(mined.commits.map(\.message) == ["new"])
    }
}
