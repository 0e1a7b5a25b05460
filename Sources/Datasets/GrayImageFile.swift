import CZlib
import Foundation

/// A grey image read from a file a user hands `biomoe ask --image`: a PGM (P2 plain or P5 raw,
/// max value ≤ 255) or a PNG (8-bit grey, grey + alpha, RGB or RGBA, not interlaced; colour is
/// turned grey by ITU-R BT.601 luma, 0.299 R + 0.587 G + 0.114 B, alpha ignored). Pixels are
/// scaled to [0, 1], row major. Anything else is refused with the file named and what was found.
public struct GrayImageFile: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// width · height values in [0, 1].
    public let pixels: [Float]

    public init(width: Int, height: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public static func read(path: String) throws -> GrayImageFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.unreadable(path: path, reason: "no such file or not readable")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return try decodePNG(bytes, path: path) }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") || bytes[1] == UInt8(ascii: "2") {
            return try decodePGM(bytes, path: path)
        }
        throw DatasetError.unsupportedImage(path: path, reason: "not a PGM (P2/P5) or PNG image (the first bytes are neither signature)")
    }

    // MARK: PGM

    static func decodePGM(_ bytes: [UInt8], path: String) throws -> GrayImageFile {
        let plain = bytes[1] == UInt8(ascii: "2")
        var i = 2
        func token() throws -> Int {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") { while i < bytes.count, bytes[i] != 0x0A { i += 1 } }
                else if bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
                else { break }
            }
            var value = 0, digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 9 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0 else { throw DatasetError.unsupportedImage(path: path, reason: "PGM header or pixel value is not a number at byte \(i)") }
            return value
        }
        let width = try token(), height = try token(), maxValue = try token()
        guard width > 0, height > 0, width * height <= 16_777_216 else {
            throw DatasetError.unsupportedImage(path: path, reason: "PGM size \(width)×\(height) is empty or too large")
        }
        guard maxValue > 0, maxValue <= 255 else {
            throw DatasetError.unsupportedImage(path: path, reason: "PGM max value \(maxValue); expected 1…255 (8-bit)")
        }
        var pixels = [Float](repeating: 0, count: width * height)
        if plain {
            for p in 0..<pixels.count { pixels[p] = Float(min(try token(), maxValue)) / Float(maxValue) }
        } else {
            i += 1  // the single whitespace byte after the max value
            guard bytes.count - i >= pixels.count else {
                throw DatasetError.unsupportedImage(path: path, reason: "PGM pixel data holds \(max(0, bytes.count - i)) bytes; expected \(pixels.count)")
            }
            for p in 0..<pixels.count { pixels[p] = Float(min(Int(bytes[i + p]), maxValue)) / Float(maxValue) }
        }
        return GrayImageFile(width: width, height: height, pixels: pixels)
    }

    // MARK: PNG

    static func decodePNG(_ bytes: [UInt8], path: String) throws -> GrayImageFile {
        func fail(_ reason: String) -> DatasetError { .unsupportedImage(path: path, reason: "PNG: \(reason)") }
        func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        var offset = 8
        var width = 0, height = 0, channels = 0
        var compressed: [UInt8] = []
        var sawHeader = false
        while offset + 8 <= bytes.count {
            let length = u32(offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = offset + 8
            guard length >= 0, body + length + 4 <= bytes.count else { throw fail("chunk \(type) runs past the end of the file") }
            switch type {
            case "IHDR":
                guard length == 13 else { throw fail("IHDR has \(length) bytes; expected 13") }
                width = u32(body)
                height = u32(body + 4)
                let depth = bytes[body + 8], colour = bytes[body + 9], interlace = bytes[body + 12]
                guard depth == 8 else { throw fail("bit depth \(depth); only 8-bit images are read") }
                guard interlace == 0 else { throw fail("interlaced images are not read; save it without interlacing") }
                switch colour {
                case 0: channels = 1
                case 4: channels = 2
                case 2: channels = 3
                case 6: channels = 4
                default: throw fail("colour type \(colour) (palette?) is not read; save it as grey or RGB")
                }
                guard width > 0, height > 0, width * height <= 16_777_216 else { throw fail("size \(width)×\(height) is empty or too large") }
                sawHeader = true
            case "IDAT":
                compressed.append(contentsOf: bytes[body..<(body + length)])
            case "IEND":
                offset = bytes.count
                continue
            default:
                break
            }
            offset = body + length + 4
        }
        guard sawHeader else { throw fail("no IHDR chunk") }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = compressed.withUnsafeBufferPointer { source in
            raw.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &rawLength, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else {
            throw fail("image data does not inflate to \(raw.count) bytes (zlib status \(status))")
        }
        // undo the per-row filters (PNG spec §9.2), bpp = channels bytes
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = raw[y * (stride + 1) + 1 + x]
                let a = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let c = (x >= channels && y > 0) ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw fail("row \(y) has filter type \(filter); expected 0…4")
                }
                pixels[y * stride + x] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        var gray = [Float](repeating: 0, count: width * height)
        for p in 0..<gray.count {
            let base = p * channels
            let luma: Float = channels >= 3
                ? 0.299 * Float(pixels[base]) + 0.587 * Float(pixels[base + 1]) + 0.114 * Float(pixels[base + 2])
                : Float(pixels[base])
            gray[p] = luma / 255
        }
        return GrayImageFile(width: width, height: height, pixels: gray)
    }
}
