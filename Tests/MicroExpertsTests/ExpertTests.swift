import Testing
@testable import MicroExperts

/// A tiny history: the parser changes with its test on "parser" messages, the README with the
/// help generator on "help" messages, and one large commit links five files.
private let history: [Commit] = [
    commit(0, "Add parser", [change("Sources/Parser.swift", .added), change("Tests/ParserTests.swift", .added)]),
    commit(1, "Add help generator", [change("Sources/HelpGenerator.swift", .added), change("README.md", .added)]),
    commit(2, "Fix parser crash on empty input", touching: ["Sources/Parser.swift", "Tests/ParserTests.swift"]),
    commit(3, "Improve help text", touching: ["Sources/HelpGenerator.swift", "README.md"]),
    commit(4, "Parser handles quotes", touching: ["Sources/Parser.swift", "Tests/ParserTests.swift"]),
    commit(5, "Reorganize option parsing", [change("Sources/Options.swift", .added), change("Sources/Parser.swift"),
                                            change("Sources/Lexer.swift", .added), change("Sources/Token.swift", .added),
                                            change("Tests/ParserTests.swift")]),
    commit(6, "Help mentions options", touching: ["Sources/HelpGenerator.swift", "README.md"]),
]

@Suite("Micro-experts on a hand-built history")
struct ExpertTests {
    @Test("the file expert sends parser messages to the parser and help messages to the help generator")
    func fileExpert() {
        var expert = FileExpert()
        expert.train(history)
        let parser = expert.predict(ExpertQuery(message: "parser fails on quotes"), limit: 3)
        #expect(parser.first?.item == "Sources/Parser.swift")
        let help = expert.predict(ExpertQuery(message: "help text typo"), limit: 2).map(\.item)
        #expect(Set(help) == ["Sources/HelpGenerator.swift", "README.md"])
        // a path word alone is enough: Lexer.swift changed once, in a commit about something else
        #expect(expert.predict(ExpertQuery(message: "lexer"), limit: 1).first?.item == "Sources/Lexer.swift")
        // confidences form a distribution over the files, in ranking order
        let all = expert.predict(ExpertQuery(message: "parser"), limit: 100)
        #expect(abs(all.reduce(0) { $0 + $1.confidence } - 1) < 1e-12)
        #expect(all == all.sorted(by: ScoredItem.precedes))
        // seed files are not returned
        #expect(!expert.predict(ExpertQuery(message: "parser", files: ["Sources/Parser.swift"]), limit: 100)
            .contains { $0.item == "Sources/Parser.swift" })
    }

    @Test("training in two parts gives the same file expert as training at once")
    func additiveTraining() {
        var once = FileExpert(), twice = FileExpert()
        once.train(history)
        twice.train(Array(history[..<3]))
        twice.train(Array(history[3...]))
        #expect(once == twice)
    }

    @Test("the test expert names the test that changes with a source file, and a test named after it")
    func testExpert() {
        var expert = TestExpert()
        expert.train(history)
        let answer = expert.predict(ExpertQuery(message: "", files: ["Sources/Parser.swift"]), limit: 5)
        // n(Parser → ParserTests) = 4 of 4 commits, plus the name match: (4 + 1) / (4 + 1) = 1
        #expect(answer == [ScoredItem(item: "Tests/ParserTests.swift", confidence: 1)])
        // Lexer changed once with ParserTests: (1 + 0) / (1 + 1) = 0.5
        #expect(expert.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift"]), limit: 5)
                == [ScoredItem(item: "Tests/ParserTests.swift", confidence: 0.5)])
        #expect(expert.predict(ExpertQuery(message: "", files: ["README.md"]), limit: 5).isEmpty)
    }

    @Test("the doc expert names the README for the help generator and nothing for the lexer")
    func docExpert() {
        var expert = DocExpert()
        expert.train(history)
        // n(HelpGenerator → README) = 3 of 3, no name match: 3 / (3 + 1) = 0.75
        #expect(expert.predict(ExpertQuery(message: "", files: ["Sources/HelpGenerator.swift"]), limit: 5)
                == [ScoredItem(item: "README.md", confidence: 0.75)])
        #expect(expert.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift"]), limit: 5).isEmpty)
    }

    @Test("the refactor expert learns the cascade from the large commit only")
    func refactorExpert() {
        var expert = RefactorExpert(minimumFiles: 5)
        expert.train(history)
        let answer = expert.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift"]), limit: 10)
        // Lexer was in one large commit with four other files: each at 1/1
        #expect(answer.map(\.item) == ["Sources/Options.swift", "Sources/Parser.swift", "Sources/Token.swift", "Tests/ParserTests.swift"])
        #expect(answer.allSatisfy { $0.confidence == 1 })
        // HelpGenerator was never in a large commit
        #expect(expert.predict(ExpertQuery(message: "", files: ["Sources/HelpGenerator.swift"]), limit: 10).isEmpty)
        // two query files: mean of conditional frequencies; Parser is in 1 of 1 large commits
        let two = expert.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift", "Sources/Options.swift"]), limit: 10)
        #expect(two.first == ScoredItem(item: "Sources/Parser.swift", confidence: 1))
    }

    @Test("the error expert learns only from fix commits that mention an error, and a named file wins")
    func errorExpert() {
        var expert = ErrorExpert()
        expert.train(history)
        #expect(expert.fixCommits == 1)   // "Fix parser crash on empty input"
        #expect(ErrorExpert.isErrorFix("Fix parser crash on empty input"))
        #expect(!ErrorExpert.isErrorFix("Parser handles quotes"))
        let answer = expert.predict(ExpertQuery(message: "crash: index out of range"), limit: 5)
        #expect(Set(answer.map(\.item)) == ["Sources/Parser.swift", "Tests/ParserTests.swift"])
        let trace = expert.predict(ExpertQuery(message: "Fatal error at ParserTests.swift:12"), limit: 1)
        #expect(trace.first?.item == "Tests/ParserTests.swift")
    }

    @Test("the baselines rank by recency, by frequency and at random with a fixed seed")
    func baselines() {
        var recent = MostRecentBaseline(), frequent = MostFrequentBaseline()
        recent.train(history)
        frequent.train(history)
        let query = ExpertQuery(message: "anything")
        // last commit: HelpGenerator and README (age 0, tie → by path), then the large commit's files (age 1)
        #expect(recent.predict(query, limit: 3) == [
            ScoredItem(item: "README.md", confidence: 1), ScoredItem(item: "Sources/HelpGenerator.swift", confidence: 1),
            ScoredItem(item: "Sources/Lexer.swift", confidence: 0.5)])
        // Parser and ParserTests in 4 of 7 commits
        #expect(frequent.predict(query, limit: 2) == [
            ScoredItem(item: "Sources/Parser.swift", confidence: 4.0 / 7), ScoredItem(item: "Tests/ParserTests.swift", confidence: 4.0 / 7)])
        var a = RandomBaseline(seed: 1), b = RandomBaseline(seed: 1), c = RandomBaseline(seed: 2)
        a.train(history); b.train(history); c.train(history)
        #expect(a.predict(query, limit: 10) == b.predict(query, limit: 10))
        #expect(a.predict(query, limit: 10).count == 7)
        #expect(a.predict(query, limit: 10).map(\.item) != c.predict(query, limit: 10).map(\.item))
    }

    @Test("co-change rules keep rules above the support and confidence thresholds")
    func coChangeRules() {
        var rules = CoChangeRules(minimumSupport: 2, minimumConfidence: 0.5)
        rules.train(history)
        // Parser: 4 transactions; with ParserTests 4 (conf 1); with Lexer, Options, Token 1 (support below 2)
        #expect(rules.predict(ExpertQuery(message: "", files: ["Sources/Parser.swift"]), limit: 10)
                == [ScoredItem(item: "Tests/ParserTests.swift", confidence: 1)])
        var loose = CoChangeRules(minimumSupport: 1, minimumConfidence: 0.25)
        loose.train(history)
        #expect(loose.predict(ExpertQuery(message: "", files: ["Sources/Parser.swift"]), limit: 10).map(\.confidence)
                == [1, 0.25, 0.25, 0.25])
        var small = CoChangeRules(maximumTransactionSize: 4)
        small.train(history)
        #expect(small.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift"]), limit: 10).isEmpty)
    }

    @Test("a renamed file keeps its history under the new name, and a deleted file is never predicted")
    func renamesAndDeletions() {
        let moved = history + [
            commit(7, "Rename parser", [change("Sources/ArgumentParser.swift", .renamed, from: "Sources/Parser.swift")]),
            commit(8, "Drop token", [change("Sources/Token.swift", .deleted)]),
        ]
        var file = FileExpert(), tests = TestExpert(), frequent = MostFrequentBaseline(), rules = CoChangeRules()
        file.train(moved); tests.train(moved); frequent.train(moved); rules.train(moved)
        #expect(file.predict(ExpertQuery(message: "parser quotes"), limit: 1).first?.item == "Sources/ArgumentParser.swift")
        // the old name still finds its test (the query names the file as it was)
        #expect(tests.predict(ExpertQuery(message: "", files: ["Sources/Parser.swift"]), limit: 1).first?.item == "Tests/ParserTests.swift")
        // 4 commits as Parser + the rename itself
        #expect(frequent.predict(ExpertQuery(message: ""), limit: 1) == [ScoredItem(item: "Sources/ArgumentParser.swift", confidence: 5.0 / 9)])
        for answer in [file.predict(ExpertQuery(message: "token"), limit: 100), frequent.predict(ExpertQuery(message: ""), limit: 100),
                       rules.predict(ExpertQuery(message: "", files: ["Sources/Lexer.swift"]), limit: 100)] {
            #expect(!answer.contains { $0.item == "Sources/Token.swift" || $0.item == "Sources/Parser.swift" })
        }
    }
}

@Suite("Files and words")
struct TokenizerTests {
    @Test("tokens are lower-cased words with camel-case parts, without numbers and function words")
    func tokens() {
        #expect(Tokenizer.tokens("Fix HelpGenerator for #42 in the v2 API") == ["fix", "helpgenerator", "help", "generator", "v2", "api"])
        #expect(Tokenizer.pathTokens("Sources/ArgumentParser/Parsing/ArgumentSet.swift")
                == ["sources", "argumentparser", "argument", "parser", "parsing", "argumentset", "argument", "set"])
    }

    @Test("file roles follow the common test and documentation layouts")
    func roles() {
        #expect(FileRole(path: "Tests/ParserTests/LexerTests.swift") == .test)
        #expect(FileRole(path: "pkg/lexer_test.go") == .test)
        #expect(FileRole(path: "src/test_utils.py") == .test)
        #expect(FileRole(path: "README.md") == .doc)
        #expect(FileRole(path: "Sources/ArgumentParser/Documentation.docc/Info.plist") == .doc)
        #expect(FileRole(path: "Sources/ArgumentParser/Parser.swift") == .source)
        #expect(FileRole(path: "Package.swift") == .source)
    }
}
