import Foundation
import Testing
@testable import Datasets

private let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), z = UInt8(ascii: "z")
private let abab = Array("abab".utf8)

private func expectClose(_ actual: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual), expected \(expected)", sourceLocation: sourceLocation)
}

/// One window per row: `tokens` and `targets` as byte strings, "_" for an unscored target.
private func windows(_ rows: [(tokens: String, targets: String)]) -> TokenSequenceBatch {
    TokenSequenceBatch(sequences: rows.map { row in
        (row.tokens.utf8.map { Int32($0) }, row.targets.utf8.map { $0 == UInt8(ascii: "_") ? TokenSequenceBatch.ignoredTarget : Int32($0) })
    })
}

@Suite("Character n-gram baselines")
struct CharacterNGramModelTests {
    @Test("a unigram trained on abab gives (count + k) / (4 + 256 k) whatever the context")
    func unigram() {
        // count a = count b = 2 of 4
        let k1 = CharacterNGramModel(order: 1, addK: 1, training: abab)
        expectClose(k1.probability(of: a, after: []), 3.0 / 260)
        expectClose(k1.probability(of: b, after: Array("b".utf8)[...]), 3.0 / 260)
        expectClose(k1.probability(of: z, after: []), 1.0 / 260)
        let half = CharacterNGramModel(order: 1, addK: 0.5, training: abab)
        expectClose(half.probability(of: a, after: []), 2.5 / 132)
        expectClose(half.probability(of: z, after: Array("ab".utf8)[...]), 0.5 / 132)
    }

    @Test("a bigram trained on abab counts a→b twice and b→a once; an unseen context is uniform")
    func bigram() {
        // count(a, b) = 2, count(a) = 2; count(b, a) = 1, count(b) = 1 (the last b is followed by nothing)
        let k1 = CharacterNGramModel(order: 2, addK: 1, training: abab)
        expectClose(k1.probability(of: b, after: Array("a".utf8)[...]), 3.0 / 258)
        expectClose(k1.probability(of: a, after: Array("a".utf8)[...]), 1.0 / 258)
        expectClose(k1.probability(of: a, after: Array("b".utf8)[...]), 2.0 / 257)
        expectClose(k1.probability(of: b, after: Array("b".utf8)[...]), 1.0 / 257)
        expectClose(k1.probability(of: a, after: Array("z".utf8)[...]), 1.0 / 256)
        // No context: the unigram counts, 3/260; a longer context is cut to its last byte.
        expectClose(k1.probability(of: a, after: []), 3.0 / 260)
        expectClose(k1.probability(of: b, after: Array("zza".utf8)[...]), 3.0 / 258)
        let half = CharacterNGramModel(order: 2, addK: 0.5, training: abab)
        expectClose(half.probability(of: b, after: Array("a".utf8)[...]), 2.5 / 130)
        expectClose(half.probability(of: a, after: Array("b".utf8)[...]), 1.5 / 129)
        expectClose(half.probability(of: a, after: Array("z".utf8)[...]), 0.5 / 128)
    }

    @Test("a bigram trained on aab splits a's two successors between a and b")
    func bigramOnAAB() {
        // count(a, a) = 1, count(a, b) = 1, count(a) = 2
        let k1 = CharacterNGramModel(order: 2, addK: 1, training: Array("aab".utf8))
        expectClose(k1.probability(of: a, after: Array("a".utf8)[...]), 2.0 / 258)
        expectClose(k1.probability(of: b, after: Array("a".utf8)[...]), 2.0 / 258)
        expectClose(k1.probability(of: z, after: Array("a".utf8)[...]), 1.0 / 258)
        let half = CharacterNGramModel(order: 2, addK: 0.5, training: Array("aab".utf8))
        expectClose(half.probability(of: b, after: Array("a".utf8)[...]), 1.5 / 130)
        // unigram for the first byte: count a = 2 of 3 → 2.5 / 131
        expectClose(half.probability(of: a, after: []), 2.5 / 131)
    }

    @Test("a trigram trained on abab counts ab→a and ba→b once each and falls back to shorter contexts")
    func trigram() {
        let k1 = CharacterNGramModel(order: 3, addK: 1, training: abab)
        expectClose(k1.probability(of: a, after: Array("ab".utf8)[...]), 2.0 / 257)
        expectClose(k1.probability(of: b, after: Array("ab".utf8)[...]), 1.0 / 257)
        expectClose(k1.probability(of: b, after: Array("ba".utf8)[...]), 2.0 / 257)
        expectClose(k1.probability(of: b, after: Array("aa".utf8)[...]), 1.0 / 256)
        expectClose(k1.probability(of: a, after: Array("zab".utf8)[...]), 2.0 / 257)
        // one byte of context: the bigram's 3/258; none: the unigram's 3/260
        expectClose(k1.probability(of: b, after: Array("a".utf8)[...]), 3.0 / 258)
        expectClose(k1.probability(of: a, after: []), 3.0 / 260)
        let half = CharacterNGramModel(order: 3, addK: 0.5, training: abab)
        // count(ab) = 1: (1 + 0.5) / (1 + 128) and (0 + 0.5) / (1 + 128)
        expectClose(half.probability(of: a, after: Array("ab".utf8)[...]), 1.5 / 129)
        expectClose(half.probability(of: b, after: Array("ab".utf8)[...]), 0.5 / 129)
        expectClose(half.probability(of: b, after: Array("a".utf8)[...]), 2.5 / 130)
    }

    @Test("every distribution sums to 1, for seen and unseen contexts of every order")
    func normalised() {
        for order in 1...4 {
            for k in [0.01, 0.5, 1] {
                let model = CharacterNGramModel(order: order, addK: k, training: Array("abracadabra".utf8))
                for context in ["", "a", "br", "abr", "zz", "qqq"] {
                    let total = (0...255).reduce(0.0) { $0 + model.probability(of: UInt8($1), after: Array(context.utf8)[...]) }
                    #expect(abs(total - 1) <= 1e-12, "order \(order), k \(k), context \"\(context)\": Σp = \(total)")
                }
            }
        }
    }

    @Test("bits per character on aab use the unigram, then the bigram, then full contexts")
    func bitsPerCharacter() {
        let text = Array("aab".utf8)
        // unigram, k 1: every byte is a or b at 3/260
        expectClose(CharacterNGramModel(order: 1, addK: 1, training: abab).bitsPerCharacter(on: text), log2(260.0 / 3))
        // bigram, k 0.5: p(a) = 2.5/132, p(a | a) = 0.5/130, p(b | a) = 2.5/130
        expectClose(CharacterNGramModel(order: 2, addK: 0.5, training: abab).bitsPerCharacter(on: text),
                    (log2(132 / 2.5) + log2(130 / 0.5) + log2(130 / 2.5)) / 3)
        // trigram, k 1: p(a) = 3/260, p(a | a) = 1/258, p(b | aa) = 1/256 (unseen)
        expectClose(CharacterNGramModel(order: 3, addK: 1, training: abab).bitsPerCharacter(on: text),
                    (log2(260.0 / 3) + log2(258) + 8) / 3)
        // trigram, k 0.5, on abab itself: p(a) = 2.5/132, p(b | a) = 2.5/130, p(a | ab) = 1.5/129, p(b | ba) = 1.5/129
        expectClose(CharacterNGramModel(order: 3, addK: 0.5, training: abab).bitsPerCharacter(on: abab),
                    (log2(132 / 2.5) + log2(130 / 2.5) + 2 * log2(129 / 1.5)) / 4)
    }

    @Test("windows score each target from its own window's tokens up to it, skipping −100 targets")
    func windowedBits() {
        let batch = windows([("aba", "bab"), ("bba", "_ab")])
        // bigram, k 1: window 0: p(b | a) = 3/258, p(a | b) = 2/257, p(b | a) = 3/258;
        //   window 1: p(a | b) = 2/257, p(b | a) = 3/258 → 5 scored targets
        expectClose(CharacterNGramModel(order: 2, addK: 1, training: abab).bitsPerCharacter(onWindows: batch),
                    (3 * log2(258.0 / 3) + 2 * log2(257.0 / 2)) / 5)
        // trigram, k 1: window 0: p(b | a) = 3/258 (one token so far: the bigram), p(a | ab) = 2/257,
        //   p(b | ba) = 2/257; window 1: p(a | bb) = 1/256 (unseen), p(b | ba) = 2/257
        expectClose(CharacterNGramModel(order: 3, addK: 1, training: abab).bitsPerCharacter(onWindows: batch),
                    (log2(258.0 / 3) + 3 * log2(257.0 / 2) + 8) / 5)
    }

    @Test("one window over a text scores the text's bytes after the first, from the same contexts")
    func windowMatchesText() {
        let training = Array("the theory of the thing is that there is a thing".utf8)
        let text = Array("then the other thing".utf8), T = text.count - 1
        let batch = TokenSequenceBatch(batchSize: 1, length: T, tokens: text.dropLast().map { Int32($0) },
                                       targets: text.dropFirst().map { Int32($0) })
        for order in 1...4 {
            let model = CharacterNGramModel(order: order, addK: 0.1, training: training)
            let firstByteBits = -log2(model.probability(of: text[0], after: []))
            expectClose(model.bitsPerCharacter(onWindows: batch),
                        (model.bitsPerCharacter(on: text) * Double(text.count) - firstByteBits) / Double(T))
        }
    }

    @Test("fitting picks the smallest k when validation repeats the training text and the largest when it is all unseen")
    func fittedChoosesOnValidation() {
        let training = Array(String(repeating: "ab", count: 50).utf8)
        let confident = CharacterNGramModel.fitted(order: 2, training: training, validation: Array("abab".utf8))
        #expect(confident.addK == 0.01 && confident.model.addK == 0.01 && confident.model.order == 2)
        // "xyzw": the unigram p(x) = k / (100 + 256 k) grows with k; the rest see unseen contexts (1/256 for every k).
        let unseen = CharacterNGramModel.fitted(order: 2, training: training, validation: Array("xyzw".utf8))
        #expect(unseen.addK == 1)
        expectClose(unseen.model.bitsPerCharacter(on: Array("xyzw".utf8)), (log2(356.0) + 3 * 8) / 4)
    }

    static let jargonInstalled = FileManager.default.fileExists(atPath: CharacterCorpus.jargonFilePath)

    @Test("n-gram baselines on the Jargon File's held-out part are plausible (printed for the record)",
          .enabled(if: jargonInstalled, "the Jargon File is not installed: apt-get install jargon-text"))
    func jargonFile() throws {
        // The split the char-lm experiments use: 5 % validation before the 10 % held-out tail.
        let corpus = try CharacterCorpus.load(heldOutFraction: 0.1, validationFraction: 0.05)
        let testWindows = try corpus.heldOutWindows(length: 128, maxWindows: 64)
        var heldOutBits: [Int: Double] = [:]
        for order in 1...3 {
            let (model, k) = CharacterNGramModel.fitted(order: order, training: corpus.train, validation: corpus.validation)
            let validation = model.bitsPerCharacter(on: corpus.validation)
            heldOutBits[order] = model.bitsPerCharacter(on: corpus.heldOut)
            let windowed = model.bitsPerCharacter(onWindows: testWindows)
            print(String(format: "Jargon File %d-gram: k %.2f, validation %.4f, held out %.4f, held-out windows (T 128, 64) %.4f bits/char",
                         order, k, validation, heldOutBits[order] ?? .nan, windowed))
            // Whether the default grid's ends bind: the same choice with two smaller k.
            let wider = CharacterNGramModel.fitted(order: order, training: corpus.train, validation: corpus.validation,
                                                   candidates: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1])
            print(String(format: "  with k down to 0.001: k %.3f, validation %.4f, held out %.4f bits/char", wider.addK,
                         wider.model.bitsPerCharacter(on: corpus.validation), wider.model.bitsPerCharacter(on: corpus.heldOut)))
        }
        let bigram = try #require(heldOutBits[2])
        #expect(bigram > 2 && bigram < 8, "bigram held-out bits/char \(bigram)")
    }
}
