import Foundation

/// Everything that can go wrong while reading a data set or a CSV file.
///
/// Each description is one line that names the file, says what was wrong with it, and — where
/// there is one — what to do about it, so that a failed run's log is enough to fix the problem.
public enum DatasetError: Error, Equatable, Sendable {
    /// The file does not exist; `remedy` says how to get it (an apt package, a config key).
    case fileNotFound(path: String, remedy: String)
    /// The file exists but could not be read or decompressed.
    case unreadable(path: String, reason: String)
    /// The first four bytes are not an IDX magic number (`00 00 <type> <dimension count>`).
    case badMagic(path: String, found: [UInt8])
    /// The IDX element type is not unsigned byte (0x08), the only type MNIST-style files use.
    case unsupportedElementType(path: String, code: UInt8)
    /// The IDX file has a different number of dimensions than its role requires.
    case wrongDimensionCount(path: String, expected: Int, found: Int)
    /// The payload is shorter than the header's dimensions promise.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// The payload is longer than the header's dimensions promise.
    case trailingBytes(path: String, expectedBytes: Int, foundBytes: Int)
    /// The labels file holds a different number of items than the images file.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label is not a valid class index.
    case labelOutOfRange(path: String, index: Int, label: Int, classes: Int)
    /// libcsv rejected the file (strict mode); `line` is 1-based, `byte` a 0-based file offset.
    case csvParse(path: String, line: Int, byte: Int, reason: String)
    /// A CSV file could not be written.
    case csvWrite(path: String, reason: String)
    /// An image file is readable but not in a form `GrayImageFile` reads (format, depth, size).
    case unsupportedImage(path: String, reason: String)
}

extension DatasetError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .fileNotFound(path, remedy):
            return "\(path): not found — \(remedy)"
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason)) — check the file's permissions and that it is not damaged"
        case let .unsupportedImage(path, reason):
            return "\(path): \(reason)"
        case let .badMagic(path, found):
            let hex = found.map { String(format: "%02x", $0) }.joined(separator: " ")
            return "\(path): not an IDX file — expected magic 00 00 08 0N, found \(hex.isEmpty ? "an empty file" : hex)"
        case let .unsupportedElementType(path, code):
            return "\(path): IDX element type 0x\(String(format: "%02x", code)) is not supported — only unsigned bytes (0x08) are read"
        case let .wrongDimensionCount(path, expected, found):
            return "\(path): IDX file has \(found) dimension(s), expected \(expected) — check that images and labels files are not swapped"
        case let .truncated(path, expectedBytes, foundBytes):
            return "\(path): truncated IDX file — header promises \(expectedBytes) bytes of data, found \(foundBytes)"
        case let .trailingBytes(path, expectedBytes, foundBytes):
            return "\(path): IDX file has trailing bytes — header promises \(expectedBytes) bytes of data, found \(foundBytes)"
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "\(labelsPath): holds \(labels) labels but \(imagesPath) holds \(images) images — the two files must come from the same split"
        case let .labelOutOfRange(path, index, label, classes):
            return "\(path): label \(label) at item \(index) is outside 0..<\(classes) — the file does not belong to a \(classes)-class data set"
        case let .csvParse(path, line, byte, reason):
            return "\(path):\(line): CSV parse error at byte \(byte) (\(reason)) — quote fields holding commas, quotes or newlines and double inner quotes"
        case let .csvWrite(path, reason):
            return "\(path): cannot write CSV (\(reason)) — check that the directory exists and is writable"
        }
    }

    public var errorDescription: String? { description }
}
