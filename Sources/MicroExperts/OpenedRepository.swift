import Foundation

/// A repository ready to mine, opened from what a user named: a repository directory as it is,
/// or a `git bundle` file cloned into a temporary directory.
///
/// Why bundles: a bundle is how a whole history travels as one file (the project's
/// `swift-argument-parser.bundle`), and git reads one only by cloning it. The clone is bare (no
/// work tree: mining reads commits, never files) and lives until `close()`. A bundle made from
/// one branch (`git bundle create x.bundle main`) has no HEAD, so the clone's HEAD is pointed at
/// its first branch: `HEAD` then names the bundle's history, as it does in a repository.
public struct OpenedRepository: Sendable, Equatable {
    /// The path as named (a directory or a bundle file), for messages and stored rows.
    public let location: String
    /// Where git runs: `location` itself, or the temporary clone of the bundle.
    public let path: String
    /// Whether `path` is a temporary clone that `close()` removes.
    public let isBundleClone: Bool

    /// Removes the temporary clone of a bundle; nothing for a directory.
    public func close() {
        guard isBundleClone else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Whether the file at `path` is a git bundle: its first line is git's bundle signature
    /// (`# v2 git bundle` or `# v3 git bundle`).
    public static func isBundle(atPath path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 16) else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text == "# v2 git bundle\n" || text == "# v3 git bundle\n"
    }
}

extension GitMiner {
    /// Opens `location` for mining: a directory is used as it is (`resolveHead` checks it is a
    /// repository); a bundle file is cloned, bare, into a fresh temporary directory; any other
    /// file is `MiningError.notARepository`, a missing path `repositoryNotFound`.
    public func open(_ location: String) async throws(MiningError) -> OpenedRepository {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else {
            throw .repositoryNotFound(path: location)
        }
        if isDirectory.boolValue { return OpenedRepository(location: location, path: location, isBundleClone: false) }
        guard OpenedRepository.isBundle(atPath: location) else { throw .notARepository(path: location) }

        let bundle = URL(fileURLWithPath: location).standardizedFileURL.path
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-bundle-\(UUID().uuidString)")
        let parent = clone.deletingLastPathComponent().path
        let cloned = try await git(["clone", "--quiet", "--bare", bundle, clone.path], repository: parent)
        guard cloned.status.isSuccess else {
            try? FileManager.default.removeItem(at: clone)
            throw .unreadableBundle(path: location, message: cloned.error)
        }
        let opened = OpenedRepository(location: location, path: clone.path, isBundleClone: true)
        let head = try await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], repository: clone.path)
        if !head.status.isSuccess {
            let branches = try await git(["for-each-ref", "--format=%(refname)", "refs/heads"], repository: clone.path)
            let first = String(decoding: branches.bytes, as: UTF8.self).split(separator: "\n").first.map(String.init)
            if let first {
                let pointed = try await git(["symbolic-ref", "HEAD", first], repository: clone.path)
                if !pointed.status.isSuccess {
                    opened.close()
                    throw .gitFailed(path: location, arguments: ["symbolic-ref", "HEAD", first], status: "\(pointed.status)", message: pointed.error)
                }
            }
        }
        return opened
    }
}
