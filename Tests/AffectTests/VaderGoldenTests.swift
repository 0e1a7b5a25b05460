import Affect
import Foundation
import Metrics
import Testing

/// The Swift scores against the reference package's (vaderSentiment 3.3.2, its own lexicons),
/// from the fixtures written by baselines/python/vader_golden.py. Each row holds the package's
/// rounded output and the same four numbers unrounded; both are compared.
@Suite("VADER against the reference package", .enabled(if: AffectFixtures.lexiconsFetched, AffectFixtures.notFetched))
struct VaderGoldenTests {
    /// Unrounded scores: the arithmetic is the package's, operation for operation.
    static let rawTolerance = 1e-12
    /// Rounded scores: what the package prints; a rounding flip would show as 1e-3 or 1e-4.
    static let roundedTolerance = 1e-4 + 1e-12

    let vader: VaderSentiment

    init() throws {
        vader = try VaderSentiment.load(directory: AffectFixtures.dataDirectory)
    }

    /// Compares one golden row (`expected` = rounded neg, neu, pos, compound then the raw four) and
    /// returns the largest raw and rounded compound differences.
    func compare(_ label: String, _ scores: SentimentScores, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) -> (raw: Double, rounded: Double) {
        let names = ["neg", "neu", "pos", "compound"]
        let rounded = scores.roundedLikeReference.columns, raw = scores.columns
        for j in 0..<4 {
            let dr = abs(rounded[j] - expected[j]), dx = abs(raw[j] - expected[4 + j])
            #expect(dr <= Self.roundedTolerance, "\(label): \(names[j]) \(rounded[j]), package \(expected[j]) (|Δ| \(dr))", sourceLocation: sourceLocation)
            #expect(dx <= Self.rawTolerance, "\(label): unrounded \(names[j]) \(raw[j]), package \(expected[4 + j]) (|Δ| \(dx))", sourceLocation: sourceLocation)
        }
        return (abs(raw[3] - expected[7]), abs(rounded[3] - expected[3]))
    }

    @Test("every hand-written sentence scores as in the package")
    func handWritten() throws {
        let table = try AffectFixtures.goldenTable("vader_golden.tsv")
        #expect(table.header == ["text", "neg", "neu", "pos", "compound", "raw_neg", "raw_neu", "raw_pos", "raw_compound"])
        #expect(table.rows.count == 249, "the fixture holds \(table.rows.count) sentences, vader_golden.py writes 249")
        var worst = (raw: 0.0, rounded: 0.0)
        for row in table.rows {
            let text = AffectFixtures.unescape(row[0])
            let expected = row.dropFirst().compactMap { Double($0) }
            try #require(row.count == 9 && expected.count == 8, "golden row for \(text.debugDescription) is malformed")
            let d = compare(text.debugDescription, vader.polarityScores(text), expected)
            worst = (max(worst.raw, d.raw), max(worst.rounded, d.rounded))
        }
        print("VADER hand-written: \(table.rows.count) sentences, max |Δ compound| unrounded \(worst.raw), rounded \(worst.rounded)")
    }

    /// `BIOMOE_VADER_HUMAN_GOLDEN` may name a golden file over whole sets
    /// (`vader_golden.py --lines 0 --out DIR`); the committed one holds each set's first 200.
    @Test("the human-rated snippets score as in the package", .enabled(if: AffectFixtures.ratedSetsFetched, AffectFixtures.ratedNotFetched))
    func humanRated() throws {
        let override = ProcessInfo.processInfo.environment["BIOMOE_VADER_HUMAN_GOLDEN"]
        let table = try AffectFixtures.goldenTable(override ?? "vader_human_golden.tsv")
        #expect(table.header.prefix(3) == ["set", "id", "neg"])
        for set in VaderRatedSet.allCases {
            let snippets = try set.load(directory: AffectFixtures.dataDirectory)
            let byID = Dictionary(snippets.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            let rows = table.rows.filter { $0[0] == set.rawValue }
            #expect(!rows.isEmpty, "the golden file has no rows for \(set.rawValue)")
            var worst = (raw: 0.0, rounded: 0.0)
            for row in rows {
                let text = try #require(byID[row[1]], "\(set.fileName) has no snippet \(row[1])")
                let expected = row.dropFirst(2).compactMap { Double($0) }
                try #require(expected.count == 8, "golden row \(row.prefix(2)) is malformed")
                let d = compare("\(set.rawValue) \(row[1])", vader.polarityScores(text), expected)
                worst = (max(worst.raw, d.raw), max(worst.rounded, d.rounded))
            }
            print("VADER \(set.rawValue): \(rows.count) snippets, max |Δ compound| unrounded \(worst.raw), rounded \(worst.rounded)")
        }
    }

    @Test("Pearson's r with the human ratings over each whole set equals the package's",
          .enabled(if: AffectFixtures.ratedSetsFetched, AffectFixtures.ratedNotFetched))
    func correlationWithHumanRatings() throws {
        let table = try AffectFixtures.goldenTable("vader_human_golden.tsv")
        // "# pearson <set> <snippets> <r>"
        var reference: [String: (count: Int, r: Double)] = [:]
        for line in table.comments {
            let parts = line.split(separator: " ").map(String.init)
            if parts.count == 5, parts[1] == "pearson", let n = Int(parts[3]), let r = Double(parts[4]) {
                reference[parts[2]] = (n, r)
            }
        }
        for set in VaderRatedSet.allCases {
            let snippets = try set.load(directory: AffectFixtures.dataDirectory)
            #expect(snippets.count == set.snippetCount)
            let compounds = snippets.map { vader.polarityScores($0.text).compound }
            let r = Statistics.pearsonCorrelation(compounds, snippets.map(\.meanRating))
            let expected = try #require(reference[set.rawValue], "no pearson line for \(set.rawValue)")
            #expect(expected.count == snippets.count)
            #expect(abs(r - expected.r) < 1e-9, "\(set.rawValue): r \(r), package \(expected.r)")
            print("VADER \(set.rawValue): n = \(snippets.count), Pearson r = \(r) (package \(expected.r), paper's Table 4 \(set.publishedCorrelation))")
        }
    }
}
