import Testing
@testable import MicroExperts

@Suite("Episodes and consolidation")
struct EpisodeTests {
    /// Episode 1 (old): "parser" → p.swift twice. Episode 2 (new): "parser" → q.swift once, and
    /// "help" → h.swift once.
    private func episodes() -> [EpisodeExpert] {
        var first = EpisodeExpert(id: "1"), second = EpisodeExpert(id: "2")
        first.train([commit(0, "parser", touching: ["p.swift"]), commit(1, "parser", touching: ["p.swift"])])
        second.train([commit(2, "parser", touching: ["q.swift"]), commit(3, "help", [change("h.swift", .added)])])
        return [first, second]
    }

    @Test("an episode expert predicts P(file | word) from its own window")
    func episode() {
        let e = episodes()
        #expect(e[0].commitCount == 2 && e[0].firstCommit == String(format: "%040d", 0))
        #expect(e[0].predict(ExpertQuery(message: "parser"), limit: 5) == [ScoredItem(item: "p.swift", confidence: 1)])
    }

    @Test("weighted merge favours the recent episode, union sums, intersection keeps what every episode saw")
    func consolidation() {
        let e = episodes()
        // half-life 1 episode: weights 1/3 (old) and 2/3 (new): p 2/3, q 2/3 → tie, by name
        #expect(EpisodeConsolidation.recencyWeights(count: 2, halfLife: 1) == [1.0 / 3, 2.0 / 3])
        let merged = EpisodeConsolidation.consolidate(e, strategy: .weightedMerge, halfLife: 1)
        #expect(merged.queryPatterns["parser"] == ["p.swift": 2.0 / 3, "q.swift": 2.0 / 3])
        // half-life 0.5: weights 1/5, 4/5: q (0.8) beats p (0.4)
        let recent = EpisodeConsolidation.consolidate(e, strategy: .weightedMerge, halfLife: 0.5)
        #expect(recent.predict(ExpertQuery(message: "parser"), limit: 1).first?.item == "q.swift")
        let union = EpisodeConsolidation.consolidate(e, strategy: .union)
        #expect(union.queryPatterns["parser"] == ["p.swift": 2, "q.swift": 1])
        #expect(union.predict(ExpertQuery(message: "parser"), limit: 1) == [ScoredItem(item: "p.swift", confidence: 2.0 / 3)])
        #expect(union.alive == ["p.swift", "q.swift", "h.swift"])
        // no (word, file) pair is in both episodes
        let intersection = EpisodeConsolidation.consolidate(e, strategy: .intersection)
        #expect(intersection.queryPatterns.isEmpty)
        let same = EpisodeConsolidation.consolidate([e[0], e[0]], strategy: .intersection)
        #expect(same.queryPatterns == ["parser": ["p.swift": 4]])
    }

    @Test("a later episode's rename and deletion carry into the merged expert")
    func renameAcrossEpisodes() {
        var first = EpisodeExpert(id: "1"), second = EpisodeExpert(id: "2")
        first.train([commit(0, "parser", touching: ["p.swift", "gone.swift"])])
        second.train([commit(1, "move", [change("r.swift", .renamed, from: "p.swift"), change("gone.swift", .deleted)])])
        let merged = EpisodeConsolidation.consolidate([first, second], strategy: .union)
        #expect(merged.queryPatterns["parser"] == ["r.swift": 1, "gone.swift": 1])
        #expect(merged.alive == ["r.swift"])
        #expect(merged.predict(ExpertQuery(message: "parser"), limit: 5) == [ScoredItem(item: "r.swift", confidence: 0.5)])
    }

    @Test("windows cut a history by commit count or by committer time")
    func windows() {
        let commits = (0..<5).map { commit($0, "c", touching: ["a"]) }   // times 0, 1000, …, 4000
        #expect(EpisodeWindow.commits(2).split(commits).map(\.count) == [2, 2, 1])
        #expect(EpisodeWindow.duration(seconds: 2500).split(commits).map(\.count) == [3, 2])
        #expect(EpisodeWindow.commits(3).split([]).isEmpty)
    }
}

@Suite("Temporal evaluation")
struct TemporalEvaluationTests {
    @Test("the split trains on the first 80 % in first-parent order and holds out validation from its end")
    func split() {
        let commits = (0..<10).map { commit($0, "c\($0)", touching: ["a"]) }
        let split = TemporalSplit(commits, trainFraction: 0.8, validationFraction: 0.25)
        #expect(split.train.map(\.message) == ["c0", "c1", "c2", "c3", "c4", "c5"])
        #expect(split.validation.map(\.message) == ["c6", "c7"])
        #expect(split.test.map(\.message) == ["c8", "c9"])
        let folds = TemporalSplit.rolling(commits, initialTrain: 4, testSize: 3)
        #expect(folds.map { $0.train.count } == [4, 7])
        #expect(folds.map { $0.test.map(\.message) } == [["c4", "c5", "c6"], ["c7", "c8", "c9"]])
    }

    @Test("the evaluator scores each test commit, excludes and counts those without a known file")
    func evaluator() {
        let test = [commit(0, "x", touching: ["a", "b"]), commit(1, "y", touching: ["new"]), commit(2, "z", touching: ["b"])]
        let evaluation = RankingEvaluator.evaluate(task: .filesFromMessage, test: test[...], known: ["a", "b"], seed: 1) { _ in
            [ScoredItem(item: "b", confidence: 0.9), ScoredItem(item: "a", confidence: 0.1)]
        }
        // commit 0: RR 1, recall@1 1/2; commit 1: only an unknown file → excluded; commit 2: RR 1
        #expect(evaluation.summary.queries.count == 2 && evaluation.summary.queriesWithoutRelevant == 1)
        #expect(evaluation.unknownFiles == 1)
        #expect(evaluation.summary.meanRecall(at: 1) == 0.75)
        #expect(evaluation.confidences == [0.9, 0.1, 0.9, 0.1] && evaluation.outcomes == [true, true, true, false])
        #expect(evaluation.queriedPositions == [0, 1, 2] && evaluation.scoredPositions == [0, 2])
        // the cascade gives one file and asks for the rest; one-file commits are skipped
        let cascade = RankingEvaluator.evaluate(task: .cascadeFromOneFile, test: test[...], known: ["a", "b"], seed: 1) { query in
            #expect(query.files.count == 1)
            return [ScoredItem(item: query.files[0] == "a" ? "b" : "a", confidence: 1)]
        }
        #expect(cascade.skippedCommits == 2 && cascade.summary.meanReciprocalRank == 1)
        #expect(cascade.queriedPositions == [0] && cascade.scoredPositions == [0])
        let interval = TaskEvaluation.interval([0, 1, 0, 1], seed: 3, resamples: 500)
        #expect(interval.estimate == 0.5 && interval.lower < 0.5 && interval.upper > 0.5)
    }
}
