import Foundation

/// An error message or stack trace → the files likely at fault.
///
/// Trained only on fix commits that mention an error: a message with a fix word and an error word
/// (`isErrorFix`), since those are the commits whose text reads like the error a developer would
/// paste. Scoring is the `TokenFileModel`'s, plus one step: a file whose name appears literally in
/// the query (`Parser.swift:42` in a stack trace) gets `mentionBonus` added to its log score,
/// because a trace that names a file is stronger evidence than any word statistics.
public struct ErrorExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .error }
    public private(set) var model: TokenFileModel
    public private(set) var paths = PathHistory()
    /// Added to the log score of a file named in the query (e^4 ≈ 55× the odds).
    public var mentionBonus: Double = 4
    /// Fix commits trained on.
    public private(set) var fixCommits = 0

    public init(settings: TokenFileModel.Settings = .init()) {
        model = TokenFileModel(settings: settings)
    }

    static let fixWords: Set<String> = ["fix", "fixes", "fixed", "fixing", "bug", "bugfix", "hotfix", "resolve", "resolves", "repair", "patch"]
    static let errorWords: Set<String> = [
        "error", "errors", "crash", "crashes", "crashed", "fail", "fails", "failed", "failure", "failing",
        "exception", "fatal", "panic", "abort", "assert", "assertion", "trap", "segfault", "overflow",
        "warning", "warnings", "traceback", "leak", "hang", "hangs", "deadlock", "race", "nan",
    ]

    /// A commit message with a fix word and an error word, or a conventional `fix:` prefix and an
    /// error word.
    public static func isErrorFix(_ message: String) -> Bool {
        let tokens = Set(Tokenizer.tokens(message))
        return !tokens.isDisjoint(with: errorWords) && !tokens.isDisjoint(with: fixWords)
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            for (old, new) in paths.apply(commit) { model.rename(old, to: new) }
            guard Self.isErrorFix(commit.message) else { continue }
            fixCommits += 1
            model.add(tokens: Tokenizer.tokens(commit.message), files: commit.touchedPaths)
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        // Only files the fix commits touched: the others have no evidence from errors.
        let learned = Set(model.fileTotals.keys)
        let candidates = paths.alive.intersection(learned).subtracting(query.files.map(paths.current))
        var scores = model.logScores(query: Tokenizer.tokens(query.message), candidates: candidates)
        for file in candidates {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            if name.count > 2, query.message.contains(name), let s = scores[file] { scores[file] = s + mentionBonus }
        }
        return ScoredItem.ranked(TokenFileModel.softmax(scores), limit: limit)
    }
}
