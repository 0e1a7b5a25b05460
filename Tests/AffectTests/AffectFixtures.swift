import Affect
import Foundation
import Testing

/// Where the tests find their inputs: the committed fixtures beside this file, and the lexicons
/// and rated sets fetched by scripts/fetch-vader.py (`BIOMOE_VADER_DIR` overrides the directory).
enum AffectFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A committed fixture by name; an absolute path is taken as it is.
    static func path(_ name: String) -> String { name.hasPrefix("/") ? name : directory.appendingPathComponent(name).path }

    static let dataDirectory = ProcessInfo.processInfo.environment["BIOMOE_VADER_DIR"] ?? "/usr/share/datasets/vader"

    /// Both lexicons have been fetched.
    static let lexiconsFetched = ["vader_lexicon.txt", "emoji_utf8_lexicon.txt"].allSatisfy {
        FileManager.default.fileExists(atPath: dataDirectory + "/" + $0)
    }

    /// The lexicons and the four rated sets have been fetched.
    static let ratedSetsFetched = lexiconsFetched && VaderRatedSet.allCases.allSatisfy {
        FileManager.default.fileExists(atPath: dataDirectory + "/" + $0.fileName)
    }

    static let notFetched: Comment = "VADER's lexicons are not in \(dataDirectory): run python3 scripts/fetch-vader.py"
    static let ratedNotFetched: Comment = "VADER's human-rated sets are not in \(dataDirectory): run python3 scripts/fetch-vader.py"

    /// The analyzer with the tiny committed lexicon (real valences) and emoji lexicon.
    static func tinyAnalyzer() throws -> VaderSentiment {
        VaderSentiment(lexicon: try VaderLexicon.load(path: path("tiny_lexicon.txt")),
                       emoji: try VaderEmojiLexicon.load(path: path("tiny_emoji_lexicon.txt")))
    }

    /// The data rows of a golden TSV file written by baselines/python/vader_golden.py, after
    /// checking its format line; the `#` lines between it and the column header are `comments`.
    static func goldenTable(_ name: String) throws -> (header: [String], rows: [[String]], comments: [String]) {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        // Split on code points: a line starting with a combining mark would join the line feed's Character.
        var lines = text.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
        let format = lines.removeFirst()
        #expect(format.hasPrefix("# format 1;"), "\(name) starts with \(format.debugDescription); expected format 1 — regenerate it with baselines/python/vader_golden.py")
        // Comments come before the column header only: a text row may start with "#" ("#love").
        let comments = Array(lines.prefix { $0.hasPrefix("#") })
        let table = lines.dropFirst(comments.count).map { line in
            line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        }
        return (table[0], Array(table.dropFirst()), comments)
    }

    /// Reverses the golden script's escaping of backslash, tab, line feed and carriage return.
    static func unescape(_ field: String) -> String {
        var result = "", escaping = false
        for c in field.unicodeScalars {
            if escaping {
                switch c {
                case "t": result.unicodeScalars.append("\t")
                case "n": result.unicodeScalars.append("\n")
                case "r": result.unicodeScalars.append("\r")
                default: result.unicodeScalars.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(c)
            }
        }
        return result
    }
}

/// The four scores as an array in the golden files' column order: neg, neu, pos, compound.
extension SentimentScores {
    var columns: [Double] { [negative, neutral, positive, compound] }
}
