/// Expert-aware short-term memory: one bounded context buffer per expert plus one shared by all.
///
/// The shared buffer holds what every expert should see (the conversation, the task); an
/// expert's own buffer holds what was routed to it, so a specialist keeps its recent context
/// even when other experts handle most of the stream. Each buffer is bounded in tokens
/// (`ContextBuffer`): the shared one by `sharedCapacity`, each expert's by `expertCapacity`, so
/// an expert's context never exceeds `sharedCapacity + expertCapacity` tokens.
///
/// `context(for:)` puts the shared entries first and the expert's own entries after them, each
/// part oldest first. Why this order: the expert's own, most specific context then sits right
/// before the point of prediction, where recency-weighted models (and truncation from the left)
/// favour it; the shared part is the background it reads against.
///
/// Codable (JSON) with a format version, so a session can be saved and resumed.
public struct ShortTermMemory: Equatable, Sendable {
    /// The version of the Codable form; decoding refuses any other.
    public static let formatVersion = 1

    public let expertCapacity: Int
    public private(set) var shared: ContextBuffer
    private var buffers: [String: ContextBuffer]

    /// - Parameters:
    ///   - expertNames: the experts that get a buffer now (more with `addExpert`).
    ///   - expertCapacity: each expert buffer's token bound; at least 1.
    ///   - sharedCapacity: the shared buffer's token bound; at least 1.
    public init(expertNames: [String], expertCapacity: Int, sharedCapacity: Int) throws {
        guard expertCapacity >= 1 else {
            throw ShortTermMemoryError.invalidCapacity(buffer: "expert buffers", capacity: expertCapacity)
        }
        guard sharedCapacity >= 1 else {
            throw ShortTermMemoryError.invalidCapacity(buffer: "shared buffer", capacity: sharedCapacity)
        }
        self.expertCapacity = expertCapacity
        shared = try ContextBuffer(capacity: sharedCapacity)
        buffers = [:]
        for name in expertNames { try addExpert(name) }
    }

    public var sharedCapacity: Int { shared.capacity }

    /// The experts with a buffer, sorted by name.
    public var expertNames: [String] { buffers.keys.sorted() }

    /// Gives a new expert (e.g. one grown or cloned during training) an empty buffer.
    public mutating func addExpert(_ name: String) throws {
        guard buffers[name] == nil else { throw ShortTermMemoryError.duplicateExpert(name: name) }
        buffers[name] = try ContextBuffer(capacity: expertCapacity)
    }

    /// Drops an expert's buffer (e.g. a pruned expert); false when it had none.
    @discardableResult
    public mutating func removeExpert(_ name: String) -> Bool {
        buffers.removeValue(forKey: name) != nil
    }

    /// The expert's own buffer.
    public func buffer(for expert: String) throws -> ContextBuffer {
        guard let buffer = buffers[expert] else {
            throw ShortTermMemoryError.unknownExpert(name: expert, known: expertNames)
        }
        return buffer
    }

    /// Appends to the shared buffer; returns what it evicted, oldest first.
    @discardableResult
    public mutating func appendShared(_ entry: ContextEntry) -> [ContextEntry] {
        shared.append(entry)
    }

    /// Appends to one expert's buffer; returns what it evicted, oldest first.
    @discardableResult
    public mutating func append(_ entry: ContextEntry, to expert: String) throws -> [ContextEntry] {
        guard buffers[expert] != nil else {
            throw ShortTermMemoryError.unknownExpert(name: expert, known: expertNames)
        }
        return buffers[expert]?.append(entry) ?? []
    }

    /// Records one routed step: the entry goes to the shared buffer and to the buffer of every
    /// expert the router made active. Unknown experts are refused before anything is stored.
    /// Returns the evicted entries by buffer ("shared" or the expert's name).
    @discardableResult
    public mutating func record(_ entry: ContextEntry, activeExperts: [String]) throws -> [String: [ContextEntry]] {
        for expert in activeExperts where buffers[expert] == nil {
            throw ShortTermMemoryError.unknownExpert(name: expert, known: expertNames)
        }
        var evicted: [String: [ContextEntry]] = [:]
        let fromShared = shared.append(entry)
        if !fromShared.isEmpty { evicted["shared"] = fromShared }
        for expert in Set(activeExperts).sorted() {
            let fromExpert = buffers[expert]?.append(entry) ?? []
            if !fromExpert.isEmpty { evicted[expert] = fromExpert }
        }
        return evicted
    }

    /// The expert's context: the shared entries, then the expert's own, each oldest first (the
    /// most recent expert-specific entry last).
    public func context(for expert: String) throws -> [ContextEntry] {
        shared.entries + (try buffer(for: expert).entries)
    }

    /// `context(for:)` as one token sequence.
    public func contextTokens(for expert: String) throws -> [Int32] {
        try context(for: expert).flatMap(\.tokens)
    }

    /// Empties every buffer, keeping the experts.
    public mutating func removeAll() {
        shared.removeAll()
        for name in buffers.keys { buffers[name]?.removeAll() }
    }
}

extension ShortTermMemory: Codable {
    private enum CodingKeys: String, CodingKey { case formatVersion, expertCapacity, shared, experts }

    /// One expert's saved buffer; a list sorted by name keeps the JSON's order fixed.
    private struct SavedExpert: Codable {
        var name: String
        var buffer: ContextBuffer
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw ShortTermMemoryError.unsupportedVersion(found: version, supported: Self.formatVersion)
        }
        expertCapacity = try container.decode(Int.self, forKey: .expertCapacity)
        shared = try container.decode(ContextBuffer.self, forKey: .shared)
        buffers = [:]
        for saved in try container.decode([SavedExpert].self, forKey: .experts) {
            guard saved.buffer.capacity == expertCapacity, buffers[saved.name] == nil else {
                throw DecodingError.dataCorruptedError(forKey: .experts, in: container, debugDescription:
                    "expert \"\(saved.name)\" is repeated or has capacity \(saved.buffer.capacity); expected each expert once with capacity \(expertCapacity)")
            }
            buffers[saved.name] = saved.buffer
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(expertCapacity, forKey: .expertCapacity)
        try container.encode(shared, forKey: .shared)
        let experts = expertNames.compactMap { name in buffers[name].map { SavedExpert(name: name, buffer: $0) } }
        try container.encode(experts, forKey: .experts)
    }
}
