import Testing
@testable import MicroExperts

@Suite("Commit rows")
struct CommitTests {
    @Test("a commit's touched paths leave out deletions and its size adds both line counts")
    func derivedFields() {
        let commit = Commit(
            hash: String(repeating: "a", count: 40), parents: ["b", "c"], authorTime: 1, committerTime: 2,
            message: "Fix parser\n\nbody", files: [
                FileChange(path: "A.swift", status: .modified, linesAdded: 3, linesRemoved: 1),
                FileChange(path: "B.swift", status: .deleted, linesAdded: 0, linesRemoved: 9),
                FileChange(path: "logo.png", status: .added, linesAdded: nil, linesRemoved: nil),
            ])
        #expect(commit.touchedPaths == ["A.swift", "logo.png"])
        #expect(commit.changedPaths == ["A.swift", "B.swift", "logo.png"])
        #expect(commit.changedLines == 13)
        #expect(commit.isMerge)
        #expect(commit.subject == "Fix parser")
    }
}
