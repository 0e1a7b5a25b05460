import Foundation

/// Per-file counts that fade with age: each event adds 1, and a count halves every `halfLife`
/// training commits. The recency prior of the file and error experts and the most-recent
/// baseline read it.
///
/// Stored lazily (value and the step it was last brought up to) so adding a commit touches only
/// its own files: value at step s = value · 2^(−(s − step)/halfLife).
public struct DecayedCounts: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var value: Double
        public var step: Int
    }

    /// Training commits after which a count has halved; +∞ gives plain counts.
    public let halfLife: Double
    public private(set) var entries: [String: Entry] = [:]

    public init(halfLife: Double) {
        precondition(halfLife > 0, "halfLife must be positive, got \(halfLife)")
        self.halfLife = halfLife
    }

    /// Adds `amount` to `key` at training step `step` (steps never decrease).
    public mutating func add(_ key: String, amount: Double = 1, step: Int) {
        let old = value(key, at: step)
        entries[key] = Entry(value: old + amount, step: step)
    }

    /// The count of `key` as seen at step `step`.
    public func value(_ key: String, at step: Int) -> Double {
        guard let entry = entries[key] else { return 0 }
        if halfLife.isInfinite || step == entry.step { return entry.value }
        // v · 2^(−Δ/h)
        return entry.value * exp2(-Double(step - entry.step) / halfLife)
    }

    /// Moves `old`'s count onto `new` (a rename), bringing both to step `step` first.
    public mutating func rename(_ old: String, to new: String, step: Int) {
        guard let _ = entries[old] else { return }
        let moved = value(old, at: step)
        entries[old] = nil
        add(new, amount: moved, step: step)
    }
}
