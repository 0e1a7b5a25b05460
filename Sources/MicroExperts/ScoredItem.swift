/// One ranked answer of an expert: an item (a file path) and the expert's confidence in it.
///
/// A struct rather than the seed's `(item, confidence)` tuple so that predictions are Codable and
/// Equatable.
public struct ScoredItem: Sendable, Codable, Equatable, Hashable {
    public let item: String
    /// In [0, 1]; how each expert derives it is in its doc comment. Not calibrated unless passed
    /// through a `ConfidenceCalibrator`.
    public let confidence: Double

    public init(item: String, confidence: Double) {
        self.item = item
        self.confidence = confidence
    }

    /// Items by decreasing confidence; equal confidences by item in ascending code-point order,
    /// so every expert's ranking is the same on every run and platform. Entries with confidence
    /// ≤ 0 or NaN are dropped (an expert with no evidence for an item does not rank it).
    public static func ranked(_ scores: [String: Double], limit: Int) -> [ScoredItem] {
        let items = scores.filter { $0.value > 0 }.map { ScoredItem(item: $0.key, confidence: $0.value) }
        return Array(items.sorted(by: precedes).prefix(max(0, limit)))
    }

    /// The ranking order: higher confidence first, then the lower item.
    public static func precedes(_ a: ScoredItem, _ b: ScoredItem) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        return a.item.unicodeScalars.lexicographicallyPrecedes(b.item.unicodeScalars)
    }
}

/// What an expert is asked: a task description and, where the task has them, files already known
/// to be involved (the seed's "optional seed files", the changed files for the test and
/// documentation experts, the files being refactored).
public struct ExpertQuery: Sendable, Codable, Equatable {
    public var message: String
    public var files: [String]

    public init(message: String, files: [String] = []) {
        self.message = message
        self.files = files
    }
}
