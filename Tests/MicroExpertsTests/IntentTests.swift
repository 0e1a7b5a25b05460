import Testing
@testable import MicroExperts

@Suite("Intent routing")
struct IntentTests {
    @Test("keyword rules: prefixes first, then tests, docs, fixes, errors, refactorings, reviews, else a feature")
    func keywordRules() {
        #expect(KeywordIntentRules.classify("feat(parser): fix everything") == .implementFeature)
        #expect(KeywordIntentRules.classify("Add tests for the lexer") == .addTests)
        #expect(KeywordIntentRules.classify("Update README") == .updateDocs)
        #expect(KeywordIntentRules.classify("Fix crash in parser") == .fixBug)
        #expect(KeywordIntentRules.classify("Crash in parser on empty input") == .debugError)
        #expect(KeywordIntentRules.classify("Rename Options to Flags") == .refactor)
        #expect(KeywordIntentRules.classify("Address review feedback") == .codeReview)
        #expect(KeywordIntentRules.classify("Support async commands") == .implementFeature)
    }

    @Test("labels come from conventional prefixes, else from test-only or docs-only file sets, else none")
    func labels() {
        #expect(Intent.label(of: commit(0, "fix!: reject empty names", touching: ["a.swift"])) == .fixBug)
        #expect(Intent.label(of: commit(0, "docs(readme): typo", touching: ["a.swift"])) == .updateDocs)
        #expect(Intent.label(of: commit(0, "More coverage", touching: ["Tests/ATests.swift", "Tests/BTests.swift"])) == .addTests)
        #expect(Intent.label(of: commit(0, "Wording", touching: ["README.md", "docs/guide.md"])) == .updateDocs)
        #expect(Intent.label(of: commit(0, "Wording", touching: ["README.md", "a.swift"])) == nil)
        #expect(Intent.label(of: commit(0, "chore: bump", touching: ["README.md"])) == .updateDocs)
        #expect(Intent.conventionalCommitIntent("chore: bump") == nil)
        #expect(Intent.conventionalCommitIntent("Merge: something odd") == nil)
    }

    @Test("the routing table follows the design, with code review reduced to the test expert")
    func table() {
        #expect(Intent.fixBug.experts == [.file, .error, .test])
        #expect(Intent.updateDocs.experts == [.doc, .file])
        #expect(Intent.codeReview.experts == [.test])
    }

    @Test("the learned classifier learns intents from labelled commits and its posterior sums to 1")
    func classifier() {
        var classifier = IntentClassifier()
        let commits = (0..<6).map { commit($0, "more coverage for lexer", touching: ["Tests/LexerTests.swift"]) }
            + (6..<12).map { commit($0, "wording of the guide", touching: ["docs/guide.md"]) }
            + [commit(12, "unlabelled change", touching: ["a.swift"])]
        #expect(classifier.train(commits) == 12)
        #expect(classifier.classify("coverage") == .addTests)
        #expect(classifier.classify("guide wording") == .updateDocs)
        let posterior = classifier.posterior("coverage")
        #expect(abs(posterior.values.reduce(0, +) - 1) < 1e-12)
        #expect(posterior.count == Intent.allCases.count)
    }
}
