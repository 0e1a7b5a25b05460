@testable import Pipeline
import Testing

/// The four strategies on hand-made answer lists (each with its routing score, in routing order).
@Suite("Answer aggregation")
struct AnswerAggregationTests {
    static func answer(_ domain: ExpertDomain, _ text: String, _ confidence: Double, key: String? = nil) -> ExpertAnswer {
        ExpertAnswer(domain: domain, text: text, confidence: confidence, answerKey: key)
    }

    @Test("empty input gives nil for every strategy")
    func empty() {
        for strategy in AnswerAggregation.allCases { #expect(strategy.combine([]) == nil, "\(strategy)") }
    }

    @Test("weighted: the largest score × confidence wins; a tie goes to the earlier answer")
    func weighted() {
        let language = Self.answer(.language, "… prose", 0.4), symbolic = Self.answer(.symbolic, "2 + 2 = 4", 1, key: "4")
        let affect = Self.answer(.affect, "valence +0.80", 0.8)
        // 0.9·0.4 = 0.36, 0.5·1 = 0.5, 0.5·0.8 = 0.4 → symbolic, though routed second
        let result = AnswerAggregation.weighted.combine([(language, 0.9), (symbolic, 0.5), (affect, 0.5)])
        #expect(result?.primary == symbolic && result?.text == "2 + 2 = 4")
        // 0.8·0.5 = 0.5·0.8 = 0.4: the first in routing order
        let a = Self.answer(.vision, "Bag (p = 0.50)", 0.5, key: "8"), b = Self.answer(.language, "… b", 0.8)
        #expect(AnswerAggregation.weighted.combine([(a, 0.8), (b, 0.5)])?.primary == a)
        #expect(AnswerAggregation.weighted.combine([(b, 0.5), (a, 0.8)])?.primary == b)
    }

    @Test("voting: equal keys pool their votes; the most votes win; ties go to the earlier answer")
    func voting() {
        let language = Self.answer(.language, "… seven", 0.9)
        let vision = Self.answer(.vision, "Sneaker (p = 0.40)", 0.4, key: "7")
        let symbolic = Self.answer(.symbolic, "3 + 4 = 7", 1, key: "7")
        // "7" has two votes, led by the vision answer (the first with that key)
        let pooled = AnswerAggregation.voting.combine([(language, 0.9), (vision, 0.5), (symbolic, 0.4)])
        #expect(pooled?.primary == vision && pooled?.text == "Sneaker (p = 0.40)")
        // one vote each: the first in routing order, whatever the confidence or score
        let first = Self.answer(.affect, "valence −0.20", 0.2), second = Self.answer(.symbolic, "1 = 1", 1, key: "1")
        #expect(AnswerAggregation.voting.combine([(first, 0.3), (second, 0.9)])?.primary == first)
        // without a key the text is the key
        let t1 = Self.answer(.language, "same", 0.1), t2 = Self.answer(.affect, "same", 0.2), t3 = Self.answer(.vision, "other", 0.9)
        #expect(AnswerAggregation.voting.combine([(t3, 0.9), (t1, 0.2), (t2, 0.1)])?.primary == t1)
    }

    @Test("sequential: the first answer with confidence ≥ 0.5, else the most confident one")
    func sequential() {
        let low = Self.answer(.language, "… a", 0.3), atThreshold = Self.answer(.affect, "b", 0.5)
        let high = Self.answer(.symbolic, "c", 0.9)
        #expect(AnswerAggregation.sequentialThreshold == 0.5)
        #expect(AnswerAggregation.sequential.combine([(low, 0.9), (atThreshold, 0.8), (high, 0.7)])?.primary == atThreshold)
        // none reaches 0.5: the most confident, not the first or the best routed
        let a = Self.answer(.language, "a", 0.2), b = Self.answer(.vision, "b", 0.4, key: "1"), c = Self.answer(.affect, "c", 0.1)
        let fallback = AnswerAggregation.sequential.combine([(a, 0.9), (b, 0.1), (c, 0.5)])
        #expect(fallback?.primary == b && fallback?.text == "b")
        // equally confident below the threshold: the earlier
        let d = Self.answer(.symbolic, "d", 0.4)
        #expect(AnswerAggregation.sequential.combine([(b, 0.1), (d, 0.9)])?.primary == b)
        #expect(AnswerAggregation.sequential.answersLazily && !AnswerAggregation.weighted.answersLazily)
    }

    @Test("ensemble: every answer as \"domain (c): text\", led by the weighted choice")
    func ensemble() {
        let language = Self.answer(.language, "… prose", 0.4), symbolic = Self.answer(.symbolic, "2 + 2 = 4", 1, key: "4")
        let affect = Self.answer(.affect, "valence +0.05", 0.05)
        let result = AnswerAggregation.ensemble.combine([(language, 0.9), (symbolic, 0.5), (affect, 0.5)])
        #expect(result?.primary == symbolic)
        #expect(result?.text == "symbolic (1.00): 2 + 2 = 4\nlanguage (0.40): … prose\naffect (0.05): valence +0.05")
        let single = AnswerAggregation.ensemble.combine([(affect, 1)])
        #expect(single?.primary == affect && single?.text == "affect (0.05): valence +0.05")
    }

    @Test("probabilities print with two decimals, rounded")
    func probabilityFormat() {
        #expect(formatProbability(0) == "0.00" && formatProbability(1) == "1.00" && formatProbability(0.05) == "0.05")
        #expect(formatProbability(0.126) == "0.13" && formatProbability(0.994) == "0.99" && formatProbability(0.996) == "1.00")
    }
}
