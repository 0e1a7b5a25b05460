/// Whether a path is a test, documentation or other (source, build, config) file, by its name.
///
/// Why by name: the experts must work on any repository without configuration, and the
/// conventions below cover the common layouts (SwiftPM `Tests/`, `test/`, `spec/`,
/// `*_test.go`, `test_*.py`, `*.test.js`; Markdown, reStructuredText, AsciiDoc, DocC catalogs,
/// `docs/`, README, CHANGELOG). A repository with other conventions gets fewer test and doc
/// files, not wrong ones.
public enum FileRole: String, Sendable, Codable, CaseIterable {
    case test
    case doc
    case source

    public init(path: String) {
        let lower = path.lowercased()
        let components = lower.split(separator: "/")
        let name = components.last.map(String.init) ?? lower
        let directories = components.dropLast()
        let testDirectories: Set<Substring> = ["test", "tests", "spec", "specs", "__tests__", "testing"]
        if directories.contains(where: { testDirectories.contains($0) || $0.hasSuffix("tests") })
            || name.hasSuffix("tests.swift") || name.hasSuffix("test.swift") || name.hasSuffix("_test.go")
            || name.hasPrefix("test_") || name.contains(".test.") || name.contains(".spec.")
            || name.hasSuffix("_test.py") || name.hasSuffix("test.java") || name.hasSuffix("_spec.rb") {
            self = .test
            return
        }
        let docExtensions = [".md", ".markdown", ".rst", ".adoc", ".txt", ".docc"]
        let docDirectories: Set<Substring> = ["doc", "docs", "documentation"]
        if docExtensions.contains(where: { name.hasSuffix($0) })
            || directories.contains(where: { docDirectories.contains($0) || $0.hasSuffix(".docc") })
            || name.hasPrefix("readme") || name.hasPrefix("changelog") || name.hasPrefix("changes") {
            self = .doc
            return
        }
        self = .source
    }
}
