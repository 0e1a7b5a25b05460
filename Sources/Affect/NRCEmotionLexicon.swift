import Foundation

/// The NRC Word-Emotion Association Lexicon (EmoLex; Mohammad & Turney 2013, "Crowdsourcing a
/// Word-Emotion Association Lexicon", Computational Intelligence 29(3):436–465): English words
/// judged by crowd workers as associated or not with each of Plutchik's eight emotions and with
/// the two sentiments positive and negative.
///
/// The file is `nrc_en.json` from the Python package `nrclex` 4.1.0, fetched by
/// scripts/fetch-nrc.py (© National Research Council Canada, research use only): one JSON object
/// from each word with at least one association (6,468, lower-case ASCII) to the list of its
/// categories. Only the eight emotions are kept: "positive" and "negative" are dropped, because
/// valence comes from VADER, whose human ratings are graded rather than binary. Words listed
/// under "positive" or "negative" alone (2,005 in the file) are therefore not in `emotions`, and
/// are counted in `sentimentOnlyWords`. Any other category name is an error, so a changed file
/// format is noticed rather than half read.
public struct NRCEmotionLexicon: Sendable, Equatable {
    /// The file's categories besides the eight emotions, dropped when loading.
    public static let sentimentCategories: Set<String> = ["positive", "negative"]

    /// Lower-case word → the emotions it evokes (never empty).
    public let emotions: [String: Set<PlutchikEmotion>]
    /// Words of the file listed under "positive" and/or "negative" only.
    public let sentimentOnlyWords: Int

    public init(emotions: [String: Set<PlutchikEmotion>], sentimentOnlyWords: Int = 0) {
        self.emotions = emotions.filter { !$0.value.isEmpty }
        self.sentimentOnlyWords = sentimentOnlyWords
    }

    /// Where scripts/fetch-nrc.py puts the lexicon.
    public static let defaultPath = "/usr/share/datasets/nrc/nrc_en.json"

    /// Reads a lexicon file in `nrc_en.json`'s format.
    public static func load(path: String = defaultPath) throws -> NRCEmotionLexicon {
        let text = try readUTF8(path: path, remedy: "python3 scripts/fetch-nrc.py fetches the NRC Emotion Lexicon into /usr/share/datasets/nrc")
        return try parse(text, source: path)
    }

    /// Parses lexicon JSON; `source` names it in error messages.
    public static func parse(_ text: String, source: String) throws -> NRCEmotionLexicon {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw AffectError.malformedJSON(path: source, reason: "not valid JSON (\((error as NSError).localizedDescription))")
        }
        guard let entries = object as? [String: Any] else {
            throw AffectError.malformedJSON(path: source, reason: "expected an object from each word to its list of categories, found \(kind(of: object))")
        }
        let known = PlutchikEmotion.allCases.map(\.rawValue) + sentimentCategories.sorted()
        var emotions: [String: Set<PlutchikEmotion>] = [:]
        var sentimentOnly = 0
        // Sorted, so that the first problem reported does not depend on dictionary order.
        for word in entries.keys.sorted() {
            guard let categories = entries[word] as? [String] else {
                throw AffectError.malformedJSON(path: source, reason: "the value of \(word.debugDescription) should be a list of category names, found \(kind(of: entries[word]!))")
            }
            var set: Set<PlutchikEmotion> = []
            for category in categories {
                if let emotion = PlutchikEmotion(rawValue: category) {
                    set.insert(emotion)
                } else if !sentimentCategories.contains(category) {
                    throw AffectError.unknownCategory(path: source, word: word, category: category, known: known)
                }
            }
            if set.isEmpty {
                if !categories.isEmpty { sentimentOnly += 1 }
            } else {
                emotions[word] = set
            }
        }
        return NRCEmotionLexicon(emotions: emotions, sentimentOnlyWords: sentimentOnly)
    }

    /// The emotions `word` evokes (matched as written; callers lower-case), or nil when it evokes
    /// none. The file's words are ASCII, so Swift's canonical-equivalence matching finds exactly
    /// what byte matching would.
    public func emotions(of word: String) -> Set<PlutchikEmotion>? {
        emotions[word]
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [String: Any]: return "an object"
        case is [Any]: return "a list"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return String(describing: type(of: value))
        }
    }
}
