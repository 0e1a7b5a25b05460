import Affect
import Datasets
import Foundation
import Symbolic
import Tensor

/// The pipeline suite's labelled requests, one part per domain, each from a real source except
/// the expressions:
///
/// - vision: Fashion-MNIST images drawn from the training, validation and test splits, each
///   with one of `visionPhrasings` as text (synthetic phrasings);
/// - language: sentences of the Jargon File (from the corpus's training, validation and
///   held-out parts respectively), 40–160 characters, mostly letters;
/// - symbolic: expressions from `SyntheticSymbolicGenerator`'s grammar, SYNTHETIC, with their
///   exact values;
/// - affect: tweets of the VADER paper's human-rated set whose mean rating of 20 raters is at
///   least 2 in absolute value on [−4, 4] ("emotionally loaded" by the raters' judgement),
///   shuffled once and cut into the three splits.
///
/// Each split holds `perDomain` requests of each domain, interleaved domain by domain in a
/// seeded order, so a batch of the stream is never one domain.
public struct RequestSet: Sendable {
    public var train: [PipelineRequest]
    public var validation: [PipelineRequest]
    public var test: [PipelineRequest]

    public static let visionPhrasings = ["", "what is this?", "what is in this picture?", "classify this image",
                                         "which kind of clothing is this?", "look at this"]
    /// |mean rating| an affect request's tweet must reach.
    public static let affectRatingThreshold = 2.0

    public struct Sizes: Sendable, Equatable {
        public var train, validation, test: Int
        public init(train: Int, validation: Int, test: Int) {
            self.train = train
            self.validation = validation
            self.test = test
        }
    }

    public static func build(sizes: Sizes, images: (train: ImageClassificationSet, validation: ImageClassificationSet, test: ImageClassificationSet),
                             corpus: CharacterCorpus, tweets: [VaderRatedSet.Snippet], seed: UInt32) throws -> RequestSet {
        var rng = Philox4x32_10(key: (seed, 0x5E75))
        let loaded = tweets.filter { abs($0.meanRating) >= affectRatingThreshold }
        var order = Array(0..<loaded.count)
        rng.shuffle(&order)
        let needed = sizes.train + sizes.validation + sizes.test
        guard order.count >= needed else {
            throw PipelineError.tooFewInputs(what: "tweets rated |mean| ≥ 2", found: order.count, needed: needed)
        }
        let affect = order.map { PipelineRequest(text: loaded[$0].text, expectedDomain: .affect) }

        func visionRequests(_ set: ImageClassificationSet, count: Int, rng: inout Philox4x32_10) -> [PipelineRequest] {
            (0..<count).map { _ in
                let i = rng.uniformInt(below: set.count)
                return PipelineRequest(text: visionPhrasings[rng.uniformInt(below: visionPhrasings.count)],
                                       image: Array(set.image(at: i)), expectedDomain: .vision,
                                       expectedAnswer: String(set.labels[i]))
            }
        }
        func languageRequests(_ bytes: [UInt8], count: Int, rng: inout Philox4x32_10) throws -> [PipelineRequest] {
            var sentences = Self.sentences(in: bytes)
            guard sentences.count >= count else {
                throw PipelineError.tooFewInputs(what: "sentences of 40–160 characters in the corpus part", found: sentences.count, needed: count)
            }
            rng.shuffle(&sentences)
            return sentences.prefix(count).map { PipelineRequest(text: $0, expectedDomain: .language) }
        }
        func symbolicRequests(count: Int, rng: inout Philox4x32_10) -> [PipelineRequest] {
            let generator = SyntheticSymbolicGenerator()
            return generator.examples(count: count, using: &rng).map {
                PipelineRequest(text: $0.text, expectedDomain: .symbolic, expectedAnswer: $0.expected.rendering)
            }
        }
        func interleave(_ parts: [[PipelineRequest]]) -> [PipelineRequest] {
            var out: [PipelineRequest] = []
            for i in 0..<(parts.map(\.count).max() ?? 0) { for part in parts where i < part.count { out.append(part[i]) } }
            return out
        }
        let train = interleave([
            try languageRequests(corpus.train, count: sizes.train, rng: &rng),
            visionRequests(images.train, count: sizes.train, rng: &rng),
            symbolicRequests(count: sizes.train, rng: &rng),
            Array(affect[0..<sizes.train]),
        ])
        let validation = interleave([
            try languageRequests(corpus.validation, count: sizes.validation, rng: &rng),
            visionRequests(images.validation, count: sizes.validation, rng: &rng),
            symbolicRequests(count: sizes.validation, rng: &rng),
            Array(affect[sizes.train..<(sizes.train + sizes.validation)]),
        ])
        let test = interleave([
            try languageRequests(corpus.heldOut, count: sizes.test, rng: &rng),
            visionRequests(images.test, count: sizes.test, rng: &rng),
            symbolicRequests(count: sizes.test, rng: &rng),
            Array(affect[(sizes.train + sizes.validation)..<needed]),
        ])
        return RequestSet(train: train, validation: validation, test: test)
    }

    /// Sentences of 40–160 characters, at least 80 % letters and spaces, from a text: split at
    /// ". ", "? " and "! " after joining lines, so a sentence wrapped over lines stays whole.
    public static func sentences(in bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let joined = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        var result: [String] = []
        func emit(_ text: String) {
            let sentence = text.trimmingCharacters(in: .whitespaces)
            guard (40...160).contains(sentence.count) else { return }
            let plain = sentence.filter { $0.isLetter || $0 == " " }.count
            if Double(plain) >= 0.8 * Double(sentence.count) { result.append(sentence) }
        }
        var current = ""
        var previous: Character = " "
        for ch in joined {
            if ch == " ", previous == "." || previous == "?" || previous == "!" {
                emit(current)
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        // the text's last sentence, when its end mark closes the text
        if previous == "." || previous == "?" || previous == "!" { emit(current) }
        return result
    }
}
