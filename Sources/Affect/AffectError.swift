import Foundation

/// Everything that can go wrong while reading a lexicon or a human-rated evaluation set.
///
/// Each description is one line naming the file (and line, where there is one), what was found
/// and what was expected, so that a failed run's log is enough to fix the file.
public enum AffectError: Error, Equatable, Sendable {
    /// The file does not exist; `remedy` says how to get it.
    case fileNotFound(path: String, remedy: String)
    /// The file exists but could not be read, or is not UTF-8.
    case unreadable(path: String, reason: String)
    /// Line `line` (1-based) does not have the shape the file's format requires.
    case malformedLine(path: String, line: Int, expected: String, found: String)
    /// A JSON file is not JSON, or not of the shape its format requires; `reason` says what was wrong.
    case malformedJSON(path: String, reason: String)
    /// A lexicon lists `word` under `category`, which is not one of the format's categories.
    case unknownCategory(path: String, word: String, category: String, known: [String])
}

extension AffectError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .fileNotFound(path, remedy):
            return "\(path): not found — \(remedy)"
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason)) — check the file's permissions and that it is UTF-8 text"
        case let .malformedLine(path, line, expected, found):
            let shown = found.count > 60 ? String(found.prefix(60)) + "…" : found
            return "\(path):\(line): expected \(expected), found \(shown.debugDescription)"
        case let .malformedJSON(path, reason):
            return "\(path): malformed JSON — \(reason)"
        case let .unknownCategory(path, word, category, known):
            return "\(path): \(word.debugDescription) is listed under unknown category \(category.debugDescription); expected one of \(known.joined(separator: ", "))"
        }
    }

    public var errorDescription: String? { description }
}

/// The text of the UTF-8 file at `path`, or the `AffectError` that says why not.
func readUTF8(path: String, remedy: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else {
        throw AffectError.fileNotFound(path: path, remedy: remedy)
    }
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw AffectError.unreadable(path: path, reason: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw AffectError.unreadable(path: path, reason: "not valid UTF-8")
    }
    return text
}
