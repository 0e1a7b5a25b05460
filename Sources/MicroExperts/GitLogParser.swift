/// Reads the NUL-delimited output of the `git log` call that `GitMiner` makes:
///
///     git log -z --format=%x1e%H%x00%P%x00%at%x00%ct%x00%B --raw --numstat -M
///             --first-parent --diff-merges=first-parent
///
/// Why this shape: with `-z` git writes every path unquoted and NUL-terminated, so paths with
/// spaces, tabs, quotes or newlines come through intact, and a commit message (which cannot hold
/// a NUL) is one field. `--raw` gives each file's status letter and, for a rename, both paths;
/// `--numstat` gives its line counts. The two lists describe the same files; they are joined by
/// path.
///
/// The stream, split at NUL bytes, is a sequence of fields:
///
///     "\u{1e}" hash, parents (space-separated), author time, committer time, message
///     then per file, raw:      "[\n]:mode mode sha sha X[score]", path            (X in A M D T)
///                              "[\n]:mode mode sha sha R087", old path, new path  (R, C)
///     then per file, numstat:  "[\n]added\tremoved\tpath"  or  "added\tremoved\t", old, new
///
/// Each field is taken by position, so a message or a path may hold any byte but NUL; a new
/// commit starts at the field after the last file that begins with U+001E. Binary files have
/// "-" for both counts. Strings are decoded as UTF-8, invalid bytes replaced by U+FFFD.
public enum GitLogParser {
    /// The record separator the format puts before each commit's hash.
    static let recordMark: UInt8 = 0x1E

    /// Commits in the order git wrote them (newest first for `git log`).
    public static func parse(_ bytes: [UInt8], repository: String) throws(MiningError) -> [Commit] {
        var fields = FieldReader(bytes: bytes)
        var commits: [Commit] = []
        while let field = fields.next() {
            if field.isEmpty && fields.atEnd { break }
            guard field.first == recordMark else {
                throw .malformedLog(path: repository, offset: fields.lastStart, expected: "a commit record starting with U+001E")
            }
            let hash = string(field.dropFirst())
            guard hash.utf8.count == 40 || hash.utf8.count == 64 else {
                throw .malformedLog(path: repository, offset: fields.lastStart, expected: "a 40- or 64-hex commit hash")
            }
            guard let parentsField = fields.next(), let authorField = fields.next(),
                  let committerField = fields.next(), let messageField = fields.next() else {
                throw .malformedLog(path: repository, offset: fields.lastStart, expected: "parents, two times and a message after \(hash)")
            }
            let parents = string(parentsField).split(separator: " ").map(String.init)
            guard let authorTime = Int64(string(authorField)), let committerTime = Int64(string(committerField)) else {
                throw .malformedLog(path: repository, offset: fields.lastStart, expected: "Unix times for \(hash)")
            }
            var message = string(messageField)
            while message.hasSuffix("\n") { message.removeLast() }

            var raw: [(status: ChangeStatus, similarity: Int?, oldPath: String?, path: String)] = []
            var counts: [String: (added: Int?, removed: Int?)] = [:]
            while let peeked = fields.peek(), peeked.first != recordMark {
                _ = fields.next()
                let entry = peeked.drop { $0 == UInt8(ascii: "\n") }
                if entry.isEmpty { continue }
                if entry.first == UInt8(ascii: ":") {
                    // ":100644 100644 2e27192 04ddcf2 R084"
                    let statusField = entry.split(separator: UInt8(ascii: " ")).last ?? []
                    guard let letterByte = statusField.first,
                          let status = ChangeStatus(gitLetter: Character(Unicode.Scalar(letterByte))) else {
                        throw .malformedLog(path: repository, offset: fields.lastStart, expected: "a raw status letter (A, M, D, R, C, T) in \(hash)")
                    }
                    let score = Int(string(statusField.dropFirst()))
                    guard let first = fields.next() else {
                        throw .malformedLog(path: repository, offset: fields.lastStart, expected: "a path after the raw status in \(hash)")
                    }
                    if status == .renamed || status == .copied {
                        guard let second = fields.next() else {
                            throw .malformedLog(path: repository, offset: fields.lastStart, expected: "the new path of a rename in \(hash)")
                        }
                        raw.append((status, score, string(first), string(second)))
                    } else {
                        raw.append((status, nil, nil, string(first)))
                    }
                } else {
                    // "added\tremoved\tpath" or "added\tremoved\t" followed by old and new path
                    let parts = entry.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
                    guard parts.count == 3 else {
                        throw .malformedLog(path: repository, offset: fields.lastStart, expected: "a numstat line 'added<TAB>removed<TAB>path' in \(hash)")
                    }
                    let added = Int(string(parts[0])), removed = Int(string(parts[1]))
                    var path = string(parts[2])
                    if parts[2].isEmpty {
                        guard fields.next() != nil, let newPath = fields.next() else {
                            throw .malformedLog(path: repository, offset: fields.lastStart, expected: "old and new path of a renamed file's numstat in \(hash)")
                        }
                        path = string(newPath)
                    }
                    counts[path] = (added, removed)
                }
            }
            let files = raw.map { entry in
                let count = counts[entry.path]
                return FileChange(path: entry.path, status: entry.status, oldPath: entry.oldPath, similarity: entry.similarity,
                                  linesAdded: count?.added ?? nil, linesRemoved: count?.removed ?? nil)
            }
            commits.append(Commit(hash: hash, parents: parents, authorTime: authorTime, committerTime: committerTime,
                                  message: message, files: files))
        }
        return commits
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Splits a byte buffer at NUL bytes, one field at a time, remembering where each began.
struct FieldReader {
    let bytes: [UInt8]
    var position = 0
    /// Byte offset of the field returned last, for error messages.
    var lastStart = 0

    var atEnd: Bool { position >= bytes.count }

    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        lastStart = position
        let end = bytes[position...].firstIndex(of: 0) ?? bytes.count
        let field = bytes[position..<end]
        position = end + 1
        return field
    }

    func peek() -> ArraySlice<UInt8>? {
        var copy = self
        return copy.next()
    }
}
