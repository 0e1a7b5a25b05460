import Foundation
import HarnessStore

/// The checkout this binary was built from, as Plugins/BuildStampPlugin saw it during the build.
///
/// Why: a run records the commit of the checkout it runs in (the environment's `codeCommit`),
/// not the code compiled into the binary. Built before the last commit, a binary would credit
/// its runs to code it does not contain, from a tree that looks clean; `staleRefusal` catches
/// that before anything is recorded.
public struct BuildStamp: Equatable, Sendable {
    /// `git rev-parse HEAD` at build time, or "unknown" where git could not tell.
    public var commit: String
    /// Whether Sources, Plugins or Package.swift had uncommitted changes; nil where git could not
    /// tell (then only the commit is checked).
    public var dirty: Bool?
    /// The checkout's directory.
    public var packageDirectory: String

    public init(commit: String, dirty: Bool?, packageDirectory: String) {
        self.commit = commit
        self.dirty = dirty
        self.packageDirectory = packageDirectory
    }

    /// This binary's stamp.
    public static let current = BuildStamp(commit: GeneratedBuildStamp.commit, dirty: GeneratedBuildStamp.dirty,
                                           packageDirectory: GeneratedBuildStamp.packageDirectory)

    /// Why runs recorded now would be credited to the wrong code, or nil when they would not.
    ///
    /// Only a run from the checkout the binary was built from, in a clean tree (a dirty tree
    /// already records its runs as dirty, and another directory's commit is not this code's),
    /// is checked: it is refused when the binary was built from uncommitted changes since put
    /// back, or from another commit whose compiled inputs differ from the checkout's
    /// (`compiledInputsDiffer(built, checkout)`; commits that changed only documentation, configs
    /// or results leave the binary current).
    public func staleRefusal(checkoutRoot: String?, checkoutCommit: String, checkoutDirty: Bool?,
                             compiledInputsDiffer: (String, String) -> Bool = { compiledInputsDiffer(in: current.packageDirectory, $0, $1) }) -> String? {
        guard commit != "unknown", checkoutDirty == false, let checkoutRoot,
              Self.canonical(checkoutRoot) == Self.canonical(packageDirectory) else { return nil }
        if dirty != true && (commit == checkoutCommit || !compiledInputsDiffer(commit, checkoutCommit)) { return nil }
        let built = commit == checkoutCommit ? "from uncommitted changes to \(commit.prefix(12))"
            : "from \(commit.prefix(12))" + (dirty == true ? " with uncommitted changes" : "")
        return "this biomoe was built \(built), but the checkout is at \(checkoutCommit.prefix(12)) with a clean tree, so its runs "
            + "would be recorded as that commit's code. Rebuild first (`swift build -c release` with the flags of "
            + "scripts/build-flags.sh, or the README's command, which builds before it runs)"
    }

    /// The paths the build compiles (what the plugin checks for uncommitted changes).
    public static let compiledInputs = ["Sources", "Plugins", "Package.swift"]

    /// Whether the compiled inputs of two commits of the checkout in `directory` differ; true
    /// when git cannot tell (a commit it does not have), so the doubt refuses.
    public static func compiledInputsDiffer(in directory: String, _ built: String, _ checkout: String) -> Bool {
        EnvironmentProbe.runCommand(["git", "-C", directory, "diff", "--quiet", built, checkout, "--"] + compiledInputs) == nil
    }

    /// The top-level directory of the git checkout holding `path`, or nil outside one.
    public static func checkoutRoot(of path: String) -> String? {
        let root = EnvironmentProbe.runCommand(["git", "-C", path, "rev-parse", "--show-toplevel"])?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return root?.isEmpty == false ? root : nil
    }

    /// `path` with symbolic links resolved, so two spellings of one directory compare equal.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
