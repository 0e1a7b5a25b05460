import Foundation
import Testing
@testable import BuildStamp
import HarnessStore

@Suite("Build stamp: runs are credited only to the code the binary holds")
struct BuildStampTests {
    static let head = "0123456789abcdef0123456789abcdef01234567"
    static let older = "fedcba9876543210fedcba9876543210fedcba98"

    @Test("a binary built from the checkout's clean commit runs; one built from a commit whose sources differ is refused, naming both commits; one whose sources are the same runs")
    func staleCommit() throws {
        let current = BuildStamp(commit: Self.head, dirty: false, packageDirectory: "/repo")
        #expect(current.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false) == nil)
        let stale = BuildStamp(commit: Self.older, dirty: false, packageDirectory: "/repo")
        let refusal = try #require(stale.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false,
                                                      compiledInputsDiffer: { _, _ in true }))
        #expect(refusal.hasPrefix("this biomoe was built from fedcba987654, but the checkout is at 0123456789ab with a clean tree"))
        #expect(refusal.contains("Rebuild first"))
        // Commits since that changed no compiled input leave the binary current.
        var asked: [String] = []
        #expect(stale.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false,
                                   compiledInputsDiffer: { asked = [$0, $1]; return false }) == nil)
        #expect(asked == [Self.older, Self.head])
    }

    @Test("compiled inputs differ between commits when Sources, Plugins or Package.swift changed, not for other files or commits git lacks")
    func compiledInputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-stamp-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func commit(_ file: String, _ text: String) throws -> String {
            try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            for arguments in [["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", file]] {
                #expect(EnvironmentProbe.runCommand(["git", "-C", directory.path] + arguments) != nil)
            }
            return try #require(EnvironmentProbe.runCommand(["git", "-C", directory.path, "rev-parse", "HEAD"]))
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(EnvironmentProbe.runCommand(["git", "-C", directory.path, "init", "-q"]) != nil)
        let first = try commit("Sources/a.swift", "let a = 1\n")
        let docs = try commit("README.md", "docs\n")
        let code = try commit("Sources/a.swift", "let a = 2\n")
        let package = try commit("Package.swift", "// package\n")
        #expect(!BuildStamp.compiledInputsDiffer(in: directory.path, first, docs))
        #expect(BuildStamp.compiledInputsDiffer(in: directory.path, first, code))
        #expect(BuildStamp.compiledInputsDiffer(in: directory.path, code, package))
        #expect(BuildStamp.compiledInputsDiffer(in: directory.path, Self.older, docs), "a commit git does not have")
    }

    @Test("a binary built from uncommitted changes is refused in a clean tree, whether or not the commit moved since")
    func dirtyBuild() throws {
        let reverted = BuildStamp(commit: Self.head, dirty: true, packageDirectory: "/repo")
        let refusal = try #require(reverted.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false,
                                                         compiledInputsDiffer: { _, _ in false }))
        #expect(refusal.hasPrefix("this biomoe was built from uncommitted changes to 0123456789ab, but"))
        let moved = BuildStamp(commit: Self.older, dirty: true, packageDirectory: "/repo")
        #expect(moved.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false, compiledInputsDiffer: { _, _ in false })?
            .hasPrefix("this biomoe was built from fedcba987654 with uncommitted changes, but") == true)
    }

    @Test("dirty trees, other directories and builds without git are left to record what they record")
    func notChecked() {
        let stale = BuildStamp(commit: Self.older, dirty: false, packageDirectory: "/repo")
        #expect(stale.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: true) == nil, "recorded as dirty already")
        #expect(stale.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: nil) == nil)
        #expect(stale.staleRefusal(checkoutRoot: "/elsewhere", checkoutCommit: Self.head, checkoutDirty: false) == nil)
        #expect(stale.staleRefusal(checkoutRoot: nil, checkoutCommit: "unknown", checkoutDirty: nil) == nil)
        let unknownState = BuildStamp(commit: Self.head, dirty: nil, packageDirectory: "/repo")
        #expect(unknownState.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false) == nil,
                "git could not tell whether the build was dirty: only the commit is checked")
        let untracked = BuildStamp(commit: "unknown", dirty: nil, packageDirectory: "/repo")
        #expect(untracked.staleRefusal(checkoutRoot: "/repo", checkoutCommit: Self.head, checkoutDirty: false) == nil)
    }

    @Test("two spellings of the checkout's directory (through a symbolic link) are the same checkout")
    func symbolicLink() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-stamp-\(UUID().uuidString)")
        let real = directory.appendingPathComponent("repo"), link = directory.appendingPathComponent("link")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let stale = BuildStamp(commit: Self.older, dirty: false, packageDirectory: link.path)
        #expect(stale.staleRefusal(checkoutRoot: real.path, checkoutCommit: Self.head, checkoutDirty: false, compiledInputsDiffer: { _, _ in true }) != nil)
    }

    /// Whether this package is a git checkout (not, e.g., an unpacked source archive).
    static let builtInCheckout = FileManager.default.fileExists(
        atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".git").path)

    @Test("this test binary's stamp is the commit of the checkout it was built from",
          .enabled(if: builtInCheckout, "built from a source archive: nothing for git to stamp"))
    func currentStamp() throws {
        let root = try #require(BuildStamp.checkoutRoot(of: BuildStamp.current.packageDirectory), "built outside a git checkout")
        #expect(BuildStamp.canonical(root) == BuildStamp.canonical(BuildStamp.current.packageDirectory))
        #expect(BuildStamp.current.commit.count == 40 && BuildStamp.current.commit.allSatisfy(\.isHexDigit))
        #expect(BuildStamp.current.dirty != nil)
    }
}
