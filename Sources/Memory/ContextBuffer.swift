/// One piece of short-term context: a run of token ids (bytes, subwords — whatever the model
/// reads) with an optional label saying what it was ("user", "tool output", a document name).
public struct ContextEntry: Codable, Equatable, Hashable, Sendable {
    public var tokens: [Int32]
    public var label: String?

    public init(tokens: [Int32], label: String? = nil) {
        self.tokens = tokens
        self.label = label
    }

    /// The UTF-8 bytes of `text` as tokens, for byte-level models.
    public init(bytesOf text: String, label: String? = nil) {
        self.init(tokens: text.utf8.map { Int32($0) }, label: label)
    }
}

/// A first-in-first-out ring of context entries bounded in tokens, not in entries.
///
/// Why tokens: what a model can attend to is a token budget, whatever the entries' lengths.
///
/// Appending evicts the oldest whole entries until the new one fits, so the buffer never holds
/// more than `capacity` tokens and never holds a partial old entry. An entry longer than the
/// whole capacity keeps only its last `capacity` tokens (the most recent ones, which matter most
/// to what comes next) and evicts everything else. An entry without tokens carries no context and
/// is not stored.
///
/// Storage is an array with a moving head: eviction advances the head in O(1), and the evicted
/// prefix is compacted away once it is at least half the array, so appends are amortised O(1).
public struct ContextBuffer: Equatable, Sendable {
    public let capacity: Int
    public private(set) var tokenCount = 0
    private var storage: [ContextEntry] = []
    private var head = 0

    /// - Parameter capacity: the token bound; at least 1.
    public init(capacity: Int) throws {
        guard capacity >= 1 else { throw ShortTermMemoryError.invalidCapacity(buffer: "context buffer", capacity: capacity) }
        self.capacity = capacity
    }

    /// The stored entries, oldest first.
    public var entries: [ContextEntry] { Array(storage[head...]) }

    /// Every stored token, oldest first.
    public var tokens: [Int32] { storage[head...].flatMap(\.tokens) }

    public var isEmpty: Bool { head == storage.count }

    /// Appends `entry` (truncated to its last `capacity` tokens if longer) and returns the entries
    /// evicted to make room, oldest first — a caller may move them to long-term memory.
    @discardableResult
    public mutating func append(_ entry: ContextEntry) -> [ContextEntry] {
        guard !entry.tokens.isEmpty else { return [] }
        var kept = entry
        if kept.tokens.count > capacity { kept.tokens = Array(kept.tokens.suffix(capacity)) }
        var evicted: [ContextEntry] = []
        while tokenCount + kept.tokens.count > capacity {
            let oldest = storage[head]
            tokenCount -= oldest.tokens.count
            evicted.append(oldest)
            head += 1
        }
        if head > 0 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        storage.append(kept)
        tokenCount += kept.tokens.count
        return evicted
    }

    /// Empties the buffer.
    public mutating func removeAll() {
        storage = []
        head = 0
        tokenCount = 0
    }

    public static func == (a: ContextBuffer, b: ContextBuffer) -> Bool {
        a.capacity == b.capacity && a.storage[a.head...].elementsEqual(b.storage[b.head...])
    }
}

extension ContextBuffer: Codable {
    private enum CodingKeys: String, CodingKey { case capacity, entries }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(capacity: try container.decode(Int.self, forKey: .capacity))
        let entries = try container.decode([ContextEntry].self, forKey: .entries)
        let total = entries.reduce(0) { $0 + $1.tokens.count }
        guard total <= capacity, entries.allSatisfy({ !$0.tokens.isEmpty }) else {
            throw DecodingError.dataCorruptedError(forKey: .entries, in: container, debugDescription:
                "entries hold \(total) tokens (or an empty entry); expected non-empty entries totalling at most the capacity \(capacity)")
        }
        storage = entries
        tokenCount = total
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(entries, forKey: .entries)
    }
}
