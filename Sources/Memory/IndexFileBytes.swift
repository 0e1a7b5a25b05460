/// Little-endian encoding of the index file's fields, whatever the host's byte order.
///
/// Why written out: the file is read on other machines and by other builds, so its byte order is
/// part of the format, not of the host. On little-endian hosts arrays of floats and ids are
/// copied as raw bytes (10⁵ × 784 floats is 300 MB); elsewhere each element is swapped.
struct IndexFileWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func append(_ raw: [UInt8]) { bytes += raw }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func append(_ values: [Int64]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes += $0 }
        #else
        for value in values { append(value) }
        #endif
    }

    mutating func append(_ values: [Float]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes += $0 }
        #else
        for value in values { append(value.bitPattern) }
        #endif
    }
}

/// Reads the fields `IndexFileWriter` wrote, refusing to run past the end: every read names the
/// section it belongs to, so a truncated file's error says where it stops.
struct IndexFileReader {
    let path: String
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    /// Throws `truncated` unless `count` elements of `size` bytes remain.
    private func require(_ count: Int, of size: Int, section: String) throws -> Int {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, count >= 0, total <= remaining else {
            throw IndexFileError.truncated(path: path, section: section, expectedBytes: overflow ? Int.max : total, foundBytes: remaining)
        }
        return total
    }

    mutating func readBytes(_ count: Int, section: String) throws -> [UInt8] {
        let total = try require(count, of: 1, section: section)
        defer { offset += total }
        return Array(bytes[offset..<(offset + total)])
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type, section: String) throws -> T {
        let size = try require(1, of: MemoryLayout<T>.size, section: section)
        var value: T = 0
        for i in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    /// A stored count, refused when it does not fit in Int.
    mutating func readCount(section: String) throws -> Int {
        let value = try read(UInt64.self, section: section)
        guard value <= UInt64(Int.max) else {
            throw IndexFileError.corrupt(path: path, reason: "\(section) count \(value) is impossibly large")
        }
        return Int(value)
    }

    /// The next `total` bytes copied as they are into `values`' storage: on a little-endian host
    /// the file's layout is the in-memory one.
    private mutating func copyBytes<T>(into values: inout [T], total: Int) {
        values.withUnsafeMutableBytes { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + total)]))
            }
        }
        offset += total
    }

    mutating func readInt64s(_ count: Int, section: String) throws -> [Int64] {
        let total = try require(count, of: 8, section: section)
        var values = [Int64](repeating: 0, count: count)
        #if _endian(little)
        copyBytes(into: &values, total: total)
        #else
        for i in 0..<count { values[i] = try read(Int64.self, section: section) }
        #endif
        return values
    }

    mutating func readFloats(_ count: Int, section: String) throws -> [Float] {
        let total = try require(count, of: 4, section: section)
        var values = [Float](repeating: 0, count: count)
        #if _endian(little)
        copyBytes(into: &values, total: total)
        #else
        for i in 0..<count { values[i] = Float(bitPattern: try read(UInt32.self, section: section)) }
        #endif
        return values
    }
}
