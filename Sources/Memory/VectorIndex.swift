/// One search result: a stored vector's id and its cosine similarity with the query.
public struct SearchHit: Equatable, Hashable, Sendable {
    public var id: Int64
    /// cos(q, v) = q·v / (‖q‖ ‖v‖), in [−1, 1] up to rounding.
    public var similarity: Float

    public init(id: Int64, similarity: Float) {
        self.id = id
        self.similarity = similarity
    }

    /// The order of every result list: higher similarity first, ties broken by the lower id, so a
    /// search never depends on insertion order or on how the candidates were scanned.
    @inlinable
    public static func ranksBefore(_ a: SearchHit, _ b: SearchHit) -> Bool {
        a.similarity > b.similarity || (a.similarity == b.similarity && a.id < b.id)
    }
}

/// Long-term memory: vectors under caller-chosen ids, searched by cosine similarity.
///
/// Why one protocol: the exact index answers small memories, an approximate one (IVF) answers
/// large ones, and callers — the harness, the recall metric — must not care which.
///
/// Contract shared by every conformer:
/// - vectors are stored as their directions (L2-normalised), so only cosine similarity is
///   defined; a zero vector, a NaN or an infinity is refused;
/// - `search` returns at most `k` hits (fewer when the index holds fewer vectors, or the
///   approximate index's probed lists hold fewer), ordered by `SearchHit.ranksBefore`;
/// - the same sequence of calls gives the same bits.
public protocol VectorIndex: Sendable {
    /// Components per vector (D).
    var dimension: Int { get }
    /// Vectors stored (N).
    var count: Int { get }
    /// Stores `vector` under `id`. Throws on a wrong length, a duplicate id or a vector without a
    /// direction.
    mutating func add(id: Int64, vector: [Float]) throws
    /// Removes `id`; false when it was not stored.
    @discardableResult
    mutating func remove(id: Int64) -> Bool
    /// The (at most) `k` stored vectors most similar to `query`, best first.
    func search(query: [Float], k: Int) throws -> [SearchHit]
    /// Whether `id` is stored.
    func contains(id: Int64) -> Bool
}

/// Checks `vector` against the index's dimension and returns its direction v / ‖v‖.
///
/// ‖v‖ is summed in Double in index order (one fixed order, so the same vector always gets the
/// same bits), then each component is scaled by the Float reciprocal of ‖v‖.
func normalizedDirection(_ vector: [Float], dimension: Int, role: @autoclosure () -> String) throws -> [Float] {
    guard vector.count == dimension else {
        throw VectorIndexError.wrongDimension(role: role(), expected: dimension, found: vector.count)
    }
    var sumOfSquares = 0.0
    for (index, component) in vector.enumerated() {
        guard component.isFinite else { throw VectorIndexError.nonFiniteComponent(role: role(), index: index) }
        sumOfSquares += Double(component) * Double(component)
    }
    guard sumOfSquares > 0 else { throw VectorIndexError.zeroVector(role: role()) }
    let scale = Float(1 / sumOfSquares.squareRoot())
    return vector.map { $0 * scale }
}

/// Throws unless k ≥ 1.
func validateK(_ k: Int) throws {
    guard k >= 1 else { throw VectorIndexError.invalidK(k) }
}
