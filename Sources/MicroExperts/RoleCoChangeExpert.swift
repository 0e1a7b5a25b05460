/// Changed files → the files of one role (tests, or documentation) that changed with them.
///
/// Antecedents are a commit's touched files of other roles, consequents its touched files of the
/// target role; `CoChangeCounts` holds the pairs. For the query's files Q and a candidate c of
/// the target role:
///
///     conf(q → c) = (n(q, c) + γ·m(q, c)) / (n(q) + γ)        score(c) = max_{q ∈ Q} conf(q → c)
///
/// where m(q, c) = 1 when c's file name contains q's base name (`ParserTests.swift` for
/// `Parser.swift`, at least 3 characters), else 0. Why the name term: a source file that has
/// never changed with its test (new files, the early history) still has an obvious test, and γ
/// (default 1) makes that prior fade as real co-changes accumulate. The max rather than a sum:
/// one strongly linked source is enough to make a test relevant.
public struct RoleCoChangeModel: Sendable, Codable, Equatable {
    public let targetRole: FileRole
    /// γ, weight of the file-name match as pseudo-co-changes.
    public var nameMatchWeight: Double
    public private(set) var counts = CoChangeCounts()
    public private(set) var paths = PathHistory()

    public init(targetRole: FileRole, nameMatchWeight: Double = 1) {
        self.targetRole = targetRole
        self.nameMatchWeight = nameMatchWeight
    }

    public mutating func train(_ commits: [Commit]) {
        for commit in commits {
            for (old, new) in paths.apply(commit) { counts.rename(old, to: new) }
            let touched = commit.touchedPaths
            let targets = touched.filter { FileRole(path: $0) == targetRole }
            let others = touched.filter { FileRole(path: $0) != targetRole }
            guard !targets.isEmpty, !others.isEmpty else { continue }
            counts.add(antecedents: others, consequents: targets)
        }
    }

    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] {
        let given = Set(query.files.map(paths.current))
        let antecedents = given.filter { FileRole(path: $0) != targetRole }.sorted()
        let candidates = paths.alive.filter { FileRole(path: $0) == targetRole && !given.contains($0) }
        let γ = nameMatchWeight
        var scores: [String: Double] = [:]
        for q in antecedents {
            let base = Self.baseName(q)
            let support = counts.singles[q] ?? 0
            let row = counts.pairs[q] ?? [:]
            for c in candidates {
                let match = base.count >= 3 && Self.fileName(c).contains(base) ? 1.0 : 0.0
                let n = row[c] ?? 0
                guard n > 0 || match > 0 else { continue }
                let confidence = (n + γ * match) / (support + γ)
                scores[c] = max(scores[c] ?? 0, confidence)
            }
        }
        return ScoredItem.ranked(scores, limit: limit)
    }

    static func fileName(_ path: String) -> String {
        (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    }

    /// The file name without its extension, lower-cased.
    static func baseName(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Changed source files → the test files that change with them (see `RoleCoChangeModel`).
public struct TestExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .test }
    public private(set) var model = RoleCoChangeModel(targetRole: .test)
    public init() {}
    public mutating func train(_ commits: [Commit]) { model.train(commits) }
    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] { model.predict(query, limit: limit) }
}

/// Changed code → the documentation files that change with it (see `RoleCoChangeModel`).
public struct DocExpert: MicroExpert, Equatable {
    public var kind: ExpertKind { .doc }
    public private(set) var model = RoleCoChangeModel(targetRole: .doc)
    public init() {}
    public mutating func train(_ commits: [Commit]) { model.train(commits) }
    public func predict(_ query: ExpertQuery, limit: Int) -> [ScoredItem] { model.predict(query, limit: limit) }
}
