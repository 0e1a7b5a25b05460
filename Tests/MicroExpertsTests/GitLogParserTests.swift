import Testing
@testable import MicroExperts

@Suite("git log parser")
struct GitLogParserTests {
    /// Bytes as `git log -z --raw --numstat` writes them, with "|" standing for NUL and "^" for U+001E.
    private func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8).map { $0 == UInt8(ascii: "|") ? 0 : ($0 == UInt8(ascii: "^") ? 0x1E : $0) }
    }

    private let hashA = String(repeating: "a", count: 40)
    private let hashB = String(repeating: "b", count: 40)

    @Test("a rename's two paths and its numstat's empty-path form join into one row")
    func renameAndEmptyCommit() throws {
        let log = "^\(hashA)|\(hashB)|10|11|Move x\n|\n:100644 100644 1 2 R087|old/x.swift|new/x.swift|"
            + ":100644 100644 3 4 M|tab\there.txt|2\t1\t|old/x.swift|new/x.swift|5\t0\ttab\there.txt|"
            + "^\(hashB)||1|2|Empty\n|"
        let commits = try GitLogParser.parse(bytes(log), repository: "/r")
        #expect(commits.count == 2)
        #expect(commits[0].files == [
            FileChange(path: "new/x.swift", status: .renamed, oldPath: "old/x.swift", similarity: 87, linesAdded: 2, linesRemoved: 1),
            FileChange(path: "tab\there.txt", status: .modified, linesAdded: 5, linesRemoved: 0),
        ])
        #expect(commits[0].message == "Move x" && commits[0].parents == [hashB])
        #expect(commits[1].files.isEmpty && commits[1].parents.isEmpty && commits[1].message == "Empty")
    }

    @Test("output that is not a commit record is a malformed-log error at its byte offset")
    func malformed() {
        #expect(throws: MiningError.malformedLog(path: "/r", offset: 0, expected: "a commit record starting with U+001E")) {
            try GitLogParser.parse(bytes("garbage|"), repository: "/r")
        }
        #expect(throws: MiningError.self) {
            try GitLogParser.parse(bytes("^\(hashA)||x|2|m|"), repository: "/r")
        }
    }
}
