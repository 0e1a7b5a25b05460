import Foundation

/// One float32 tensor of a safetensors file: its shape and row-major values.
public struct SafetensorsTensor: Equatable, Sendable {
    public var shape: [Int]
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "SafetensorsTensor: shape \(shape) holds \(shape.reduce(1, *)) values, got \(values.count)")
        self.shape = shape
        self.values = values
    }
}

/// A safetensors file (huggingface/safetensors), the format PyTorch checkpoints move in:
///
///     [8 bytes: header length n, little-endian UInt64][n bytes: JSON header][raw data]
///     header = {"__metadata__": {str: str}?, name: {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...}
///
/// Offsets count from the start of the data section. Only F32 is read and written, which is all
/// biomoe's models hold; another dtype is refused with a message rather than misread. Writing
/// orders tensors by name and pads the header with spaces to a multiple of 8 bytes, as the
/// reference writer does, so the same tensors always give the same bytes.
public struct SafetensorsFile: Equatable, Sendable {
    public var tensors: [String: SafetensorsTensor]
    /// Free-form string metadata (`__metadata__`), e.g. the format version and the torch version.
    public var metadata: [String: String]

    public init(tensors: [String: SafetensorsTensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// Reads and parses the file at `url`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SafetensorsError.unreadable(path: url.path, reason: "\(error)")
        }
        try self.init(bytes: [UInt8](data))
    }

    /// Parses a whole file held in memory.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 8 else { throw SafetensorsError.malformed("file is \(bytes.count) bytes, shorter than the 8-byte header length") }
        var headerLength: UInt64 = 0
        for i in 0..<8 { headerLength |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw SafetensorsError.malformed("header length \(headerLength) exceeds the \(bytes.count - 8) bytes after it")
        }
        let headerEnd = 8 + Int(headerLength)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd])) } catch {
            throw SafetensorsError.malformed("header is not JSON: \(error)")
        }
        guard let header = json as? [String: Any] else { throw SafetensorsError.malformed("header is not a JSON object") }
        let dataCount = bytes.count - headerEnd
        var tensors: [String: SafetensorsTensor] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let entries = value as? [String: Any] else { throw SafetensorsError.malformed("__metadata__ is not an object") }
                for (key, entry) in entries {
                    guard let text = entry as? String else { throw SafetensorsError.malformed("__metadata__[\(key)] is not a string") }
                    metadata[key] = text
                }
                continue
            }
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = (info["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  let offsets = (info["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  offsets.count == 2 else {
                throw SafetensorsError.malformed("tensor \"\(name)\" lacks dtype, shape or data_offsets")
            }
            guard dtype == "F32" else { throw SafetensorsError.unsupportedDType(name: name, dtype: dtype) }
            let count = shape.reduce(1, *)
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] == offsets[0] + 4 * count, offsets[1] <= dataCount else {
                throw SafetensorsError.malformed("tensor \"\(name)\": shape \(shape) and data_offsets \(offsets) do not fit \(dataCount) data bytes")
            }
            var values = [Float](repeating: 0, count: count)
            let base = headerEnd + offsets[0]
            for i in 0..<count {
                let p = base + 4 * i
                let bits = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            tensors[name] = SafetensorsTensor(shape: shape, values: values)
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, or an error that lists the names the file does hold.
    public func tensor(_ name: String) throws -> SafetensorsTensor {
        guard let tensor = tensors[name] else {
            throw SafetensorsError.missingTensor(name: name, available: tensors.keys.sorted())
        }
        return tensor
    }

    /// The file's bytes: header then data, tensors ordered by name.
    public func serialized() -> [UInt8] {
        let names = tensors.keys.sorted()
        var entries: [String] = []
        if !metadata.isEmpty {
            let fields = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0] ?? ""))" }
            entries.append("\"__metadata__\":{\(fields.joined(separator: ","))}")
        }
        var offset = 0
        for name in names {
            let tensor = tensors[name] ?? SafetensorsTensor(shape: [0], values: [])
            let end = offset + 4 * tensor.values.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        let length = UInt64(header.count)
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(i)))) }
        bytes += header
        for name in names {
            for value in tensors[name]?.values ?? [] {
                let bits = value.bitPattern
                bytes += [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8),
                          UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 24)]
            }
        }
        return bytes
    }

    /// Writes `serialized()` to `url` atomically.
    public func write(to url: URL) throws {
        do { try Data(serialized()).write(to: url, options: .atomic) } catch {
            throw SafetensorsError.unwritable(path: url.path, reason: "\(error)")
        }
    }
}

/// A JSON string literal for `text` (quotes, backslashes and control characters escaped).
private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

/// Errors from reading or writing safetensors files.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case malformed(String)
    case unsupportedDType(name: String, dtype: String)
    case missingTensor(name: String, available: [String])

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read safetensors file \(path): \(reason)"
        case let .unwritable(path, reason): return "cannot write safetensors file \(path): \(reason)"
        case let .malformed(reason): return "not a valid safetensors file: \(reason)"
        case let .unsupportedDType(name, dtype):
            return "tensor \"\(name)\" is \(dtype); only F32 is supported. Convert with tensor.float() before save_file."
        case let .missingTensor(name, available):
            return "no tensor \"\(name)\" in the file; it holds \(available.joined(separator: ", "))."
        }
    }
}
