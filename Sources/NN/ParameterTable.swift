/// The parameters of one model, laid out from an ordered table of (name, shape).
///
/// All values live in one flat buffer and all gradients in a second buffer of the same length,
/// at the same offsets, so an optimizer walks two flat buffers and a checkpoint is this table
/// plus the values (llm.c's `ParameterTensors`). The buffers are allocated once, here, and
/// never move: kernels and the gradient checker hold raw pointers into them while other code
/// reads the same memory, which `Array`'s exclusive-access rules would forbid. That is why this
/// is a class that owns its memory rather than a struct of `[Float]`.
///
///     let table = ParameterTable([("layers.0.weight", [256, 784]), ("layers.0.bias", [256])])
///     table.values(of: 0)   // the 200 704 weights
public final class ParameterTable {
    /// One named parameter tensor: where it sits in the flat buffers.
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let shape: [Int]
        /// Offset of the first element in `values` / `grads`.
        public let offset: Int
        /// Number of elements (product of `shape`).
        public let count: Int
        /// `offset ..< offset + count`.
        public var range: Range<Int> { offset..<(offset + count) }
    }

    /// The parameters in the order they were declared (which is also their memory order).
    public let entries: [Entry]
    /// Every parameter value, entry after entry.
    public let values: UnsafeMutableBufferPointer<Float>
    /// Gradients of the loss with respect to `values`, same layout.
    public let grads: UnsafeMutableBufferPointer<Float>

    /// Lays out `parameters` in order; values and gradients start at zero.
    /// Names must be unique and dimensions non-negative (both are programming errors).
    public init(_ parameters: [(name: String, shape: [Int])]) {
        var entries: [Entry] = []
        entries.reserveCapacity(parameters.count)
        var seen = Set<String>()
        var offset = 0
        for (name, shape) in parameters {
            precondition(seen.insert(name).inserted, "ParameterTable: parameter name \"\(name)\" appears twice")
            precondition(shape.allSatisfy { $0 >= 0 }, "ParameterTable: \"\(name)\" has a negative dimension in \(shape)")
            let count = shape.reduce(1, *)
            entries.append(Entry(name: name, shape: shape, offset: offset, count: count))
            offset += count
        }
        self.entries = entries
        self.values = .allocate(capacity: offset)
        self.values.initialize(repeating: 0)
        self.grads = .allocate(capacity: offset)
        self.grads.initialize(repeating: 0)
    }

    deinit {
        values.deallocate()
        grads.deallocate()
    }

    /// Total number of scalar parameters.
    public var count: Int { values.count }

    /// Sets every gradient to zero; backward passes add into `grads`, so call this once per step.
    public func zeroGrads() {
        grads.update(repeating: 0)
    }

    /// The position of the parameter called `name` in `entries`, if there is one.
    public func index(of name: String) -> Int? {
        entries.firstIndex { $0.name == name }
    }

    /// The entry called `name`; throws if the table has no such parameter.
    public func entry(named name: String) throws -> Entry {
        guard let index = index(of: name) else {
            throw ParameterTableError.unknownParameter(name: name, known: entries.map(\.name))
        }
        return entries[index]
    }

    /// The values of entry `index` as their own buffer (no copy).
    public func values(of index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: values[entries[index].range])
    }

    /// The gradients of entry `index` as their own buffer (no copy).
    public func grads(of index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: grads[entries[index].range])
    }

    /// A copy of all values, e.g. for a checkpoint or to compare two models.
    public func snapshotValues() -> [Float] {
        Array(values)
    }

    /// Overwrites all values from a flat array laid out like `values` (e.g. a checkpoint).
    public func loadValues(_ newValues: [Float]) throws {
        guard newValues.count == count else {
            throw ParameterTableError.countMismatch(expected: count, got: newValues.count)
        }
        _ = values.update(fromContentsOf: newValues)
    }
}

/// Errors from looking up or loading parameters.
public enum ParameterTableError: Error, Equatable, CustomStringConvertible {
    case unknownParameter(name: String, known: [String])
    case countMismatch(expected: Int, got: Int)
    /// A checkpoint holds tensors the table does not have (``ParameterTable/load(safetensors:)``).
    case unexpectedTensors([String])
    case shapeMismatch(name: String, expected: [Int], got: [Int])

    public var description: String {
        switch self {
        case let .unknownParameter(name, known):
            return "no parameter named \"\(name)\"; the table has \(known.joined(separator: ", ")). Check the name against the model's layer names."
        case let .countMismatch(expected, got):
            return "expected \(expected) parameter values but got \(got); the values must come from a model with the same table of names and shapes."
        case let .unexpectedTensors(names):
            return "the checkpoint holds tensors this model does not have: \(names.joined(separator: ", ")); build the model with the config the checkpoint was saved from."
        case let .shapeMismatch(name, expected, got):
            return "parameter \"\(name)\" has shape \(got) in the checkpoint but \(expected) in this model; build the model with the config the checkpoint was saved from."
        }
    }
}
