/// The four human-rated sets of the VADER paper (Hutto & Gilbert 2014, §"Ground truth"), on
/// which it reports the correlation of VADER's compound score with the mean human rating.
///
/// Each snippet was rated by 20 people on [−4, 4]; the files (`*_GroundTruth.txt`, fetched by
/// scripts/fetch-vader.py) hold one snippet per line: id, tab, mean rating, tab, text, with CRLF
/// line ends. The texts are third-party (tweets, reviews, editorials) and are read from the
/// fetched directory, never committed.
public enum VaderRatedSet: String, CaseIterable, Sendable {
    case tweets
    case movieReviewSnippets
    case amazonReviewSnippets
    case nytEditorialSnippets

    /// The file's name in the fetched directory.
    public var fileName: String { rawValue + "_GroundTruth.txt" }

    /// Number of snippets in the published file.
    public var snippetCount: Int {
        switch self {
        case .tweets: return 4200
        case .movieReviewSnippets: return 10605
        case .amazonReviewSnippets: return 3708
        case .nytEditorialSnippets: return 5190
        }
    }

    /// Pearson's r of VADER's compound score with the mean human rating as published in the
    /// paper's Table 4. The lexicon and rules have changed since (vaderSentiment 3.3.2 differs by
    /// up to about 0.03), so this is a reference point, not a target.
    public var publishedCorrelation: Double {
        switch self {
        case .tweets: return 0.881
        case .movieReviewSnippets: return 0.451
        case .amazonReviewSnippets: return 0.565
        case .nytEditorialSnippets: return 0.492
        }
    }

    /// One rated snippet.
    public struct Snippet: Sendable, Equatable {
        public let id: String
        /// Mean of the human ratings, in [−4, 4].
        public let meanRating: Double
        public let text: String

        public init(id: String, meanRating: Double, text: String) {
            self.id = id
            self.meanRating = meanRating
            self.text = text
        }
    }

    /// The snippets of this set in `directory`, in file order.
    public func load(directory: String = "/usr/share/datasets/vader") throws -> [Snippet] {
        let path = directory + "/" + fileName
        let text = try readUTF8(path: path, remedy: "python3 scripts/fetch-vader.py fetches the four human-rated sets into /usr/share/datasets/vader")
        return try Self.parse(text, source: path)
    }

    /// Parses rated-snippet text; `source` names it in error messages. Lines end in LF or CRLF;
    /// empty lines are skipped; the text is everything after the second tab.
    public static func parse(_ text: String, source: String) throws -> [Snippet] {
        var snippets: [Snippet] = []
        for (offset, line) in Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = line.last == "\r" ? line.dropLast() : line
            guard !body.isEmpty else { continue }
            let fields = body.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let found = PythonText.string(body)
            guard fields.count == 3 else {
                throw AffectError.malformedLine(path: source, line: offset + 1, expected: "an id, a tab, the mean rating, a tab and the text", found: found)
            }
            guard let rating = Double(PythonText.string(fields[1])), rating.isFinite else {
                throw AffectError.malformedLine(path: source, line: offset + 1, expected: "a decimal mean rating as the second field", found: found)
            }
            snippets.append(Snippet(id: PythonText.string(fields[0]), meanRating: rating, text: PythonText.string(fields[2])))
        }
        return snippets
    }
}
