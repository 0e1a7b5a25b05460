import Foundation
import Tensor

/// A byte-level language-modelling corpus: the bytes of one text file (gunzipped if it is
/// gzip), vocabulary 256, split into three contiguous parts so no window straddles two:
/// training, then validation (the `validationFraction` before the tail, used only to choose the
/// learning rate), then the held-out test part (the last `heldOutFraction` of the file).
///
/// The suite's corpus is the Jargon File from Debian's `jargon-text` package
/// (`/usr/share/doc/jargon-text/jargon.txt.gz`, 1.68 MB of English prose); bits per
/// character are mean NLL / ln 2 over the held-out bytes.
public struct CharacterCorpus: Sendable {
    public static let vocabSize = 256
    public static let jargonFilePath = "/usr/share/doc/jargon-text/jargon.txt.gz"

    public let path: String
    public let train: [UInt8]
    public let validation: [UInt8]
    public let heldOut: [UInt8]

    public init(path: String, bytes: [UInt8], heldOutFraction: Double = 0.1, validationFraction: Double = 0) {
        precondition(heldOutFraction > 0 && validationFraction >= 0 && heldOutFraction + validationFraction < 1,
                     "CharacterCorpus: fractions must be ≥ 0 (held out > 0) and sum to less than 1")
        self.path = path
        let testCut = bytes.count - Int((Double(bytes.count) * heldOutFraction).rounded())
        let validationCut = testCut - Int((Double(bytes.count) * validationFraction).rounded())
        train = Array(bytes[0..<validationCut])
        validation = Array(bytes[validationCut..<testCut])
        heldOut = Array(bytes[testCut...])
    }

    /// Reads `path` (raw or gzip); the last `heldOutFraction` of the bytes is held out.
    public static func load(path: String = jargonFilePath, heldOutFraction: Double = 0.1,
                            validationFraction: Double = 0) throws -> CharacterCorpus {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SequenceTaskError.corpusNotFound(path: path, remedy: path == jargonFilePath
                ? "install it with 'apt-get install jargon-text' (scripts/install-deps.sh does)"
                : "set char_corpus to an existing text file")
        }
        let bytes: [UInt8]
        do {
            bytes = try IDXFile.readDecompressed(path: path, remedy: "install it with 'apt-get install jargon-text'")
        } catch {
            throw SequenceTaskError.corpusNotFound(path: path, remedy: "\(error)")
        }
        return CharacterCorpus(path: path, bytes: bytes, heldOutFraction: heldOutFraction, validationFraction: validationFraction)
    }

    /// `count` training windows of length T at uniform random offsets: tokens bytes[i ..< i + T],
    /// targets bytes[i + 1 ... i + T].
    public func trainingBatch(count: Int, length T: Int, using rng: inout Philox4x32_10) throws -> TokenSequenceBatch {
        guard train.count > T + 1 else { throw SequenceTaskError.corpusTooSmall(path: path, bytes: train.count, needed: T + 2) }
        var tokens: [Int32] = [], targets: [Int32] = []
        tokens.reserveCapacity(count * T)
        targets.reserveCapacity(count * T)
        for _ in 0..<count {
            let start = rng.uniformInt(below: train.count - T)
            for t in 0..<T {
                tokens.append(Int32(train[start + t]))
                targets.append(Int32(train[start + t + 1]))
            }
        }
        return TokenSequenceBatch(batchSize: count, length: T, tokens: tokens, targets: targets)
    }

    /// The held-out bytes as consecutive non-overlapping windows of length T (at most
    /// `maxWindows`, from the start of the held-out part), every position scored.
    public func heldOutWindows(length T: Int, maxWindows: Int) throws -> TokenSequenceBatch {
        try Self.windows(of: heldOut, path: path, length: T, maxWindows: maxWindows)
    }

    /// The validation bytes as windows, like `heldOutWindows`.
    public func validationWindows(length T: Int, maxWindows: Int) throws -> TokenSequenceBatch {
        try Self.windows(of: validation, path: path, length: T, maxWindows: maxWindows)
    }

    private static func windows(of heldOut: [UInt8], path: String, length T: Int, maxWindows: Int) throws -> TokenSequenceBatch {
        let available = (heldOut.count - 1) / T
        guard available >= 1 else { throw SequenceTaskError.corpusTooSmall(path: path, bytes: heldOut.count, needed: T + 1) }
        let count = min(available, maxWindows)
        var tokens: [Int32] = [], targets: [Int32] = []
        for w in 0..<count {
            for t in 0..<T {
                tokens.append(Int32(heldOut[w * T + t]))
                targets.append(Int32(heldOut[w * T + t + 1]))
            }
        }
        return TokenSequenceBatch(batchSize: count, length: T, tokens: tokens, targets: targets)
    }
}
