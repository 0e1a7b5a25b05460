import Affect
import Datasets
import Pipeline
import Symbolic
import Testing

@Suite("Request set")
struct RequestSetTests {
    // Pieces of a hand-written text, their lengths in characters (the guard test checks them).
    static let short = "Short one."                                                   // 10: too short
    static let exactly40 = "Hackers read the manual only as a rules."                 // 40: kept
    static let only39 = "Hackers read the manual only as a rule."                     // 39: too short
    static let accented40 = "Résumé writers read my manual as a rule."                // 40 characters, 42 bytes: kept
    static let kludgeStem = "A kludge is a clever programming trick intended to solve a particular nasty case in an expedient way without really fixing the underlying problem at"
    static let exactly160 = kludgeStem + " all so far."                               // 160: kept
    static let only161 = kludgeStem + " all to date."                                 // 161: too long
    static let letters80 = "Hackers wrote 123456789 lines in a summer of code."       // 50, 40 letters or spaces: kept
    static let letters78 = "Hackers wrote 1234567890 lines in one summer of i."       // 50, 39 letters or spaces: dropped
    static let wrapped = "A sentence that is wrapped over two lines of the file stays whole?"  // 66: kept
    static let exclaimed = "Real programmers do not comment their code at all!"       // 50: kept

    static func plain(_ s: String) -> Int { s.filter { $0.isLetter || $0 == " " }.count }

    @Test("the hand-written pieces have the lengths the test assumes")
    func pieces() {
        #expect(Self.short.count == 10 && Self.exactly40.count == 40 && Self.only39.count == 39)
        #expect(Self.accented40.count == 40 && Self.accented40.utf8.count == 42)
        #expect(Self.exactly160.count == 160 && Self.only161.count == 161)
        #expect(Self.letters80.count == 50 && Self.plain(Self.letters80) == 40)
        #expect(Self.letters78.count == 50 && Self.plain(Self.letters78) == 39)
        #expect(Self.wrapped.count == 66 && Self.exclaimed.count == 50)
    }

    @Test("sentences: 40–160 characters, ≥ 80 % letters and spaces, split at \". \", \"? \", \"! \" after joining lines")
    func sentences() {
        let text = Self.short + " " + Self.exactly40 + " " + Self.only39 + "\n" + Self.accented40 + " " + Self.exactly160 + " "
            + Self.only161 + "\n   " + Self.letters80 + "  " + Self.letters78 + " "
            + "A sentence that is wrapped over two lines\n      of the file stays whole?\n"
            + Self.exclaimed + " The end."
        let found = RequestSet.sentences(in: Array(text.utf8))
        #expect(found == [Self.exactly40, Self.accented40, Self.exactly160, Self.letters80, Self.wrapped, Self.exclaimed])
    }

    @Test("a period not followed by a space does not split; CRLF line ends join like LF")
    func noSplitInsideTokens() {
        let s = "Version 2.0 of the file format was released in the spring."   // 58 characters, 54 letters or spaces
        #expect(s.count == 58 && Self.plain(s) == 54)
        #expect(RequestSet.sentences(in: Array((s + " " + Self.exactly40 + " x").utf8)) == [s, Self.exactly40])
        #expect(RequestSet.sentences(in: Array(("Hackers read the manual only\r\nas a rules. x").utf8)) == [Self.exactly40])
    }

    @Test("the text's last sentence is kept when nothing follows its period")
    func lastSentence() {
        // Lines are trimmed before joining, so a trailing ". " or ".\n" ends the text with ".":
        // the last sentence has no space after its end mark and is emitted after the loop.
        #expect(RequestSet.sentences(in: Array((Self.exactly40 + " " + Self.exclaimed).utf8)) == [Self.exactly40, Self.exclaimed])
        #expect(RequestSet.sentences(in: Array((Self.exactly40 + "\n").utf8)) == [Self.exactly40])
        #expect(RequestSet.sentences(in: Array((Self.exactly40 + " ").utf8)) == [Self.exactly40])
    }

    /// Eight 49-character sentences, each followed by a space: 400 bytes, so with held-out and
    /// validation fractions of 0.25 each part holds two whole sentences.
    static func corpus() -> (CharacterCorpus, [String]) {
        let sentences = (0..<8).map { "Sentence number \(["one", "two", "six", "ten", "abc", "def", "ghi", "jkl"][$0]) of the little test corpus ok." }
        let bytes = Array(sentences.map { $0 + " " }.joined().utf8)
        return (CharacterCorpus(path: "test", bytes: bytes, heldOutFraction: 0.25, validationFraction: 0.25), sentences)
    }

    static func images(_ labels: [Int32]) -> ImageClassificationSet {
        let pixels = labels.enumerated().flatMap { i, _ in [Float](repeating: Float(i + 1) / 10, count: 784) }
        return ImageClassificationSet(rows: 28, cols: 28, classes: 10, pixels: pixels, labels: labels)
    }

    static let tweets = [
        VaderRatedSet.Snippet(id: "1", meanRating: 2.5, text: "love it"),
        VaderRatedSet.Snippet(id: "2", meanRating: 1.9, text: "below the threshold"),
        VaderRatedSet.Snippet(id: "3", meanRating: -3, text: "hate it"),
        VaderRatedSet.Snippet(id: "4", meanRating: 2, text: "exactly two"),
        VaderRatedSet.Snippet(id: "5", meanRating: -2, text: "exactly minus two"),
        VaderRatedSet.Snippet(id: "6", meanRating: 0.1, text: "neutral"),
    ]

    @Test("build: per-domain parts interleaved, labels and answers right, affect tweets with |r| ≥ 2, seeded")
    func build() throws {
        let (corpus, sentences) = Self.corpus()
        #expect(corpus.train.count == 200 && corpus.validation.count == 100 && corpus.heldOut.count == 100)
        let images = (train: Self.images([3, 7, 1]), validation: Self.images([2]), test: Self.images([9, 4]))
        let sizes = RequestSet.Sizes(train: 2, validation: 1, test: 1)
        let set = try RequestSet.build(sizes: sizes, images: images, corpus: corpus, tweets: Self.tweets, seed: 11)
        #expect(set.train.count == 8 && set.validation.count == 4 && set.test.count == 4)
        let order: [ExpertDomain] = [.language, .vision, .symbolic, .affect]
        #expect(set.train.map(\.expectedDomain) == order + order)
        #expect(set.validation.map(\.expectedDomain) == order && set.test.map(\.expectedDomain) == order)
        // language: whole sentences of the matching part of the corpus
        #expect(set.train.filter { $0.expectedDomain == .language }.allSatisfy { sentences[0..<4].contains($0.text) })
        #expect(sentences[4..<6].contains(set.validation[0].text) && sentences[6..<8].contains(set.test[0].text))
        #expect(set.train[0].text != set.train[4].text)
        // vision: the image and its label, a phrasing from the list
        for (split, part) in [(set.train, images.train), (set.validation, images.validation), (set.test, images.test)] {
            for request in split where request.expectedDomain == .vision {
                let image = try #require(request.image)
                let i = Int((image[0] * 10).rounded()) - 1
                #expect(Array(part.image(at: i)) == image && request.expectedAnswer == String(part.labels[i]))
                #expect(RequestSet.visionPhrasings.contains(request.text))
            }
        }
        // symbolic: the expected answer is the evaluator's exact rendering of the text
        for request in (set.train + set.validation + set.test) where request.expectedDomain == .symbolic {
            guard case let .success(answer) = SymbolicExpert().answer(request.text) else {
                Issue.record("\(request.text) does not evaluate")
                continue
            }
            #expect(request.expectedAnswer == answer.rendering && request.image == nil)
        }
        // affect: the four tweets rated |r| ≥ 2, each used once
        let affect = (set.train + set.validation + set.test).filter { $0.expectedDomain == .affect }.map(\.text)
        #expect(affect.sorted() == ["exactly minus two", "exactly two", "hate it", "love it"])
        // seeded
        let again = try RequestSet.build(sizes: sizes, images: images, corpus: corpus, tweets: Self.tweets, seed: 11)
        #expect(again.train == set.train && again.validation == set.validation && again.test == set.test)
    }

    @Test("build refuses when too few tweets are rated |r| ≥ 2")
    func tooFewTweets() {
        let (corpus, _) = Self.corpus()
        let images = (train: Self.images([1]), validation: Self.images([2]), test: Self.images([3]))
        #expect(throws: PipelineError.tooFewInputs(what: "tweets rated |mean| ≥ 2", found: 4, needed: 5)) {
            try RequestSet.build(sizes: RequestSet.Sizes(train: 3, validation: 1, test: 1), images: images, corpus: corpus,
                                 tweets: Self.tweets, seed: 1)
        }
    }
}
