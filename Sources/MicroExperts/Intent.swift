/// What a developer is doing, spelled as in the routing table and the stored JSON.
public enum Intent: String, Sendable, Codable, CaseIterable {
    case implementFeature = "implement_feature"
    case fixBug = "fix_bug"
    case debugError = "debug_error"
    case addTests = "add_tests"
    case refactor
    case updateDocs = "update_docs"
    case codeReview = "code_review"

    /// The experts to consult for this intent, first the one whose answer matters most.
    ///
    /// The design's table, with one change: `code_review` lists a review expert that does not
    /// exist (it needs review comments, which git history lacks), so that row keeps only the
    /// test expert.
    public var experts: [ExpertKind] {
        switch self {
        case .implementFeature: return [.file, .test, .doc]
        case .fixBug: return [.file, .error, .test]
        case .debugError: return [.error, .file]
        case .addTests: return [.test, .file]
        case .refactor: return [.file, .refactor, .test]
        case .updateDocs: return [.doc, .file]
        case .codeReview: return [.test]
        }
    }

    /// The intent a conventional-commit type names (`feat`, `fix`, `test`, `docs`, `refactor`,
    /// `style`); nil for types that say nothing about intent here (`chore`, `build`, `ci`, `perf`,
    /// `revert`) and for messages without a `type:` or `type(scope):` prefix.
    public static func conventionalCommitIntent(_ message: String) -> Intent? {
        let subject = message.prefix { $0 != "\n" }
        guard let colon = subject.firstIndex(of: ":") else { return nil }
        var type = subject[..<colon].lowercased()
        if let paren = type.firstIndex(of: "(") { type = String(type[..<paren]) }
        if type.hasSuffix("!") { type.removeLast() }
        switch type {
        case "feat", "feature": return .implementFeature
        case "fix", "bugfix", "hotfix": return .fixBug
        case "test", "tests": return .addTests
        case "docs", "doc": return .updateDocs
        case "refactor", "style": return .refactor
        default: return nil
        }
    }

    /// The reference label of a commit, for measuring routing accuracy.
    ///
    /// 1. A conventional-commit prefix, where the message has one (`conventionalCommitIntent`).
    /// 2. Otherwise the files: only test files touched → `add_tests`; only documentation files
    ///    → `update_docs` (`FileRole`).
    /// 3. Otherwise nil: the history does not say whether a change was a feature, a fix or a
    ///    refactoring, and guessing from its words would grade the keyword router against
    ///    itself. Unlabelled commits are left out of routing accuracy and counted.
    public static func label(of commit: Commit) -> Intent? {
        if let intent = conventionalCommitIntent(commit.message) { return intent }
        let roles = Set(commit.touchedPaths.map { FileRole(path: $0) })
        if roles == [.test] { return .addTests }
        if roles == [.doc] { return .updateDocs }
        return nil
    }
}

/// Message → intent by keyword rules, in the manner of the design's `classify_intent`.
///
/// Rules are tried in order and the first that matches wins; a conventional-commit prefix
/// decides before any keyword. The order puts the narrow intents (tests, docs) before the broad
/// ones, and fixes before errors: "fix crash in parser" is a fix, "crash in parser" a debugging
/// task. A message matching nothing is `implement_feature`, the most common kind of change.
public enum KeywordIntentRules {
    public static let rules: [(intent: Intent, keywords: Set<String>)] = [
        (.addTests, ["test", "tests", "testing", "unittest", "coverage", "xctest"]),
        (.updateDocs, ["doc", "docs", "documentation", "readme", "docstring", "changelog", "typo", "typos", "docc", "comment", "comments"]),
        (.fixBug, ["fix", "fixes", "fixed", "fixing", "bug", "bugs", "bugfix", "hotfix", "regression", "resolve", "resolves", "patch", "correct"]),
        (.debugError, ["error", "errors", "exception", "crash", "crashes", "traceback", "debug", "debugging", "diagnose", "investigate", "failing", "failure", "panic"]),
        (.refactor, ["refactor", "refactoring", "rename", "renames", "move", "moves", "extract", "cleanup", "clean", "simplify", "reorganize", "restructure", "tidy", "deduplicate", "split"]),
        (.codeReview, ["review", "feedback", "nit", "nits", "address"]),
    ]

    public static func classify(_ message: String) -> Intent {
        if let intent = Intent.conventionalCommitIntent(message) { return intent }
        let tokens = Set(Tokenizer.tokens(message))
        for rule in rules where !tokens.isDisjoint(with: rule.keywords) { return rule.intent }
        return .implementFeature
    }
}

// Dictionaries keyed by these enums encode as JSON objects ({"fix_bug": 0.3}), not as arrays.
extension Intent: CodingKeyRepresentable {}
extension ExpertKind: CodingKeyRepresentable {}
