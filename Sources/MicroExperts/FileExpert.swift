/// Commit message (and optional seed files) → the files the change will touch.
///
/// A `TokenFileModel` over every training commit's message and touched files; seed files in the
/// query are left out of the answer (they are known already). Merges count like other commits:
/// on the first-parent history a merge is one change of the main line.
public struct FileExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .file }
    public private(set) var model: TokenFileModel
    public private(set) var paths = PathHistory()

    public init(settings: TokenFileModel.Settings = .init()) {
        model = TokenFileModel(settings: settings)
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            for (old, new) in paths.apply(commit) { model.rename(old, to: new) }
            model.add(tokens: Tokenizer.tokens(commit.message), files: commit.touchedPaths)
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let candidates = paths.alive.subtracting(query.files.map(paths.current))
        let scores = model.logScores(query: Tokenizer.tokens(query.message), candidates: candidates)
        return ScoredItem.ranked(TokenFileModel.softmax(scores), limit: limit)
    }
}
