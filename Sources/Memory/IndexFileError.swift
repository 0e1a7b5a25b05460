/// Everything that can go wrong reading or writing a persisted vector index (`IndexFile`).
///
/// Each description is one line naming the file, what was found and what was expected, so a
/// failed load's log says which file to rebuild and why.
public enum IndexFileError: Error, Equatable, Sendable {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file (or its temporary sibling) could not be written or moved into place.
    case unwritable(path: String, reason: String)
    /// The first eight bytes are not `IndexFile.magic`: not a biomoe vector index.
    case badMagic(path: String, found: [UInt8])
    /// The file's format version is not the one this build reads.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The file holds another kind of index than the one being loaded.
    case wrongKind(path: String, expected: String, found: String)
    /// The file ends before `section` is complete.
    case truncated(path: String, section: String, expectedBytes: Int, foundBytes: Int)
    /// Bytes remain after the last section.
    case trailingBytes(path: String, count: Int)
    /// A section's contents contradict each other (e.g. list sizes that do not sum to the count).
    case corrupt(path: String, reason: String)
}

extension IndexFileError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .fileNotFound(path):
            return "\(path): not found — build the index and save it first"
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason))"
        case let .unwritable(path, reason):
            return "\(path): cannot be written (\(reason)) — check that its directory exists and is writable"
        case let .badMagic(path, found):
            let hex = found.map { byte -> String in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined(separator: " ")
            return "\(path): expected a biomoe vector index (magic \"BIOMOEVI\"), found bytes [\(hex)]"
        case let .unsupportedVersion(path, found, supported):
            return "\(path): format version \(found), this build reads version \(supported) only — rebuild the index from its vectors"
        case let .wrongKind(path, expected, found):
            return "\(path): holds a \(found) index, expected a \(expected) index"
        case let .truncated(path, section, expectedBytes, foundBytes):
            return "\(path): truncated in \(section): expected \(expectedBytes) more bytes, found \(foundBytes) — the file is incomplete, rebuild it"
        case let .trailingBytes(path, count):
            return "\(path): \(count) unexpected bytes after the last section — expected the file to end there"
        case let .corrupt(path, reason):
            return "\(path): corrupt (\(reason)) — rebuild the index"
        }
    }
}
