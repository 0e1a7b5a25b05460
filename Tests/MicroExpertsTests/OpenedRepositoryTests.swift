import Foundation
import Testing
@testable import MicroExperts

@Suite("Opening a repository or a bundle for mining")
struct OpenedRepositoryTests {
    /// Two commits on `main`, the second renaming a file, and a side branch the bundle leaves out.
    static func repository() throws -> (TestRepository, [String]) {
        var repository = try TestRepository("bundle")
        try repository.write("Sources/Parser.swift", "struct Parser {}\n")
        let first = try repository.commit("Add parser")
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("Sources/Parser.swift"))
        try repository.write("Sources/Parsing.swift", "struct Parser {}\n")
        let second = try repository.commit("Rename parser")
        try repository.git("branch", "side")
        return (repository, [first, second])
    }

    @Test("a bundle of one branch is cloned into a temporary directory whose HEAD names that branch, and mines like the repository")
    func bundleMinesLikeTheRepository() async throws {
        let (repository, hashes) = try Self.repository()
        defer { repository.remove() }
        let bundle = repository.url.deletingLastPathComponent().appendingPathComponent("biomoe-\(UUID().uuidString).bundle").path
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        try repository.git("bundle", "create", "-q", bundle, "main")
        #expect(OpenedRepository.isBundle(atPath: bundle))

        let opened = try await GitMiner().open(bundle)
        #expect(opened.location == bundle && opened.isBundleClone && opened.path != bundle)
        let fromBundle = try await GitMiner().mine(repository: opened.path)
        let fromDirectory = try await GitMiner().mine(repository: repository.path)
        #expect(fromBundle == fromDirectory)
        #expect(fromBundle.commits.map(\.hash) == hashes)
        opened.close()
        #expect(!FileManager.default.fileExists(atPath: opened.path))
    }

    @Test("a directory opens as itself and close() leaves it in place")
    func directoryOpensAsItself() async throws {
        let (repository, _) = try Self.repository()
        defer { repository.remove() }
        let opened = try await GitMiner().open(repository.path)
        #expect(opened == OpenedRepository(location: repository.path, path: repository.path, isBundleClone: false))
        opened.close()
        #expect(FileManager.default.fileExists(atPath: repository.path))
    }

    @Test("a file that is not a bundle is not a repository, a damaged bundle is unreadable, a missing path is not found")
    func fileErrors() async throws {
        let directory = try TestRepository.emptyDirectory("files")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.txt").path
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: text))
        await #expect(throws: MiningError.notARepository(path: text)) { _ = try await GitMiner().open(text) }
        await #expect(throws: MiningError.notARepository(path: text)) { _ = try await GitMiner().mine(repository: text) }

        let damaged = directory.appendingPathComponent("damaged.bundle").path
        try Data("# v2 git bundle\nnot a pack\n".utf8).write(to: URL(fileURLWithPath: damaged))
        do {
            _ = try await GitMiner().open(damaged)
            Issue.record("a damaged bundle opened")
        } catch {
            guard case .unreadableBundle(let path, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == damaged)
            #expect(error.description.hasPrefix("\(damaged): a git bundle that git cannot clone"))
        }

        let missing = directory.appendingPathComponent("missing").path
        await #expect(throws: MiningError.repositoryNotFound(path: missing)) { _ = try await GitMiner().open(missing) }
    }
}
