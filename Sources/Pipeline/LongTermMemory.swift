import Foundation
import Memory

/// The pipeline's long-term memory: past requests' query vectors in a `TieredVectorIndex`
/// (exact cosine search, IVF once it holds more than its threshold), each with the domain that
/// answered it and the start of its text, so a hit can be shown and can bias routing.
public final class LongTermMemory {
    public private(set) var index: TieredVectorIndex
    public private(set) var entries: [Int64: (domain: ExpertDomain, text: String)] = [:]
    private var nextID: Int64 = 0
    /// Characters of a request's text kept for the trace.
    public static let textPrefix = 80

    public init(index: TieredVectorIndex) {
        self.index = index
    }

    public var count: Int { index.count }

    /// Stores a request's vector under the next id.
    public func remember(_ vector: [Float], domain: ExpertDomain, text: String) throws {
        try index.add(id: nextID, vector: vector)
        entries[nextID] = (domain, String(text.prefix(Self.textPrefix)))
        nextID += 1
    }

    /// The k most similar past requests, best first.
    public func search(_ vector: [Float], k: Int) throws -> [MemoryHit] {
        try index.search(query: vector, k: k).compactMap { hit in
            guard let entry = entries[hit.id] else { return nil }
            return MemoryHit(id: hit.id, similarity: Double(hit.similarity), domain: entry.domain, text: entry.text)
        }
    }

    struct Entry: Codable {
        var id: Int64
        var domain: ExpertDomain
        var text: String
    }

    /// Writes the index to `stem`.index and the entries to `stem`.json.
    public func save(to stem: String) throws {
        try IndexFile.save(index, to: stem + ".index")
        let list = entries.keys.sorted().compactMap { id in entries[id].map { Entry(id: id, domain: $0.domain, text: $0.text) } }
        try JSONEncoder().encode(list).write(to: URL(fileURLWithPath: stem + ".json"), options: .atomic)
    }

    /// Reads what `save(to:)` wrote.
    public static func load(from stem: String) throws -> LongTermMemory {
        let memory = LongTermMemory(index: try IndexFile.loadTiered(path: stem + ".index"))
        let data = try Data(contentsOf: URL(fileURLWithPath: stem + ".json"))
        for entry in try JSONDecoder().decode([Entry].self, from: data) {
            memory.entries[entry.id] = (entry.domain, entry.text)
            memory.nextID = max(memory.nextID, entry.id + 1)
        }
        return memory
    }
}
