/// The constants and word lists of VADER's rules (Hutto & Gilbert 2014, §"Rule-based modeling"),
/// with the values of the reference package `vaderSentiment` 3.3.2.
///
/// The increments were measured in the paper's experiments with human raters: how much more
/// intense a sentence was judged with a booster word, in ALL CAPS, with an exclamation mark.
enum VaderVocabulary {
    /// Valence added by a booster ("very good") or taken by a dampener ("slightly good"), with
    /// the sign of the word it modifies.
    static let boosterIncrement = 0.293
    /// Valence added by a sentiment word or booster written in ALL CAPS among mixed-case words.
    static let capsIncrement = 0.733
    /// Factor applied by a negation ("not good" = −0.74 · good): flips the sign and softens.
    static let negationScalar = -0.74
    /// Valence added per exclamation mark, for at most `maximumExclamations` of them.
    static let exclamationIncrement = 0.292
    static let maximumExclamations = 4
    /// Valence added per question mark when there are two or three; `manyQuestionsIncrement` beyond.
    static let questionIncrement = 0.18
    static let manyQuestionsIncrement = 0.96
    /// The compound score maps the summed valence s to s / √(s² + α), in (−1, 1).
    static let normalizationAlpha = 15.0
    /// Weights of sentiment before and after a contrastive "but".
    static let beforeBut = 0.5, afterBut = 1.5
    /// Scaling of a booster two and three words before the sentiment word.
    static let boosterDistanceScale = [1.0, 0.95, 0.9]
    /// "never so good", "never this good": emphasis rather than negation.
    static let neverSoScale = 1.25

    /// Words that negate a sentiment word up to three words after them; a word containing
    /// "n't" negates too. ("least" and "no" have rules of their own.)
    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Degree adverbs: boosters (+) and dampeners (−). The two-word ones act only through the
    /// idiom check ("only kind of good"), since a token never holds a space.
    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
            "sort-of",
        ]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = -boosterIncrement }
        return table
    }()

    /// Phrases containing lexicon words whose meaning is not their words' sum: the phrase's
    /// valence replaces the word's ("the shit" is praise, "bus stop" is neutral).
    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    // The package also lists sentiment-laden idioms without lexicon words ("cut the mustard": 2,
    // "under the weather": −2, …) under "future work, not yet implemented": its check for them is
    // never called, so such idioms score as their words do. They are left out here for the same
    // reason, so that the scores stay the package's.
}
