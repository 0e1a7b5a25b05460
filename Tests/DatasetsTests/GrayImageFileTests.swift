import Foundation
import Testing
@testable import Datasets

/// PNG bytes with one uncompressed ("stored") deflate block, so the test needs no zlib: rows are
/// given with their filter byte. Chunk CRCs are written as zero (the reader does not check them).
private func png(width: Int, height: Int, colourType: UInt8, rows: [[UInt8]]) -> [UInt8] {
    func u32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] { u32(body.count) + Array(type.utf8) + body + [0, 0, 0, 0] }
    let raw = rows.flatMap { $0 }
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
    let adler = Int(b << 16 | a)
    let zlib: [UInt8] = [0x78, 0x01, 0x01, UInt8(raw.count & 0xFF), UInt8(raw.count >> 8), UInt8(~raw.count & 0xFF), UInt8((~raw.count >> 8) & 0xFF)]
        + raw + u32(adler)
    let header = u32(width) + u32(height) + [8, colourType, 0, 0, 0]
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
}

@Suite("Grey image files (biomoe ask --image)")
struct GrayImageFileTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-img-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a grey PNG with None, Sub, Up and Paeth rows decodes to the hand-computed pixels")
    func greyPNGFilters() throws {
        // row 0 None: 10 20 30; row 1 Sub: 5, +5, +5 → 5 10 15; row 2 Up: +1 each → 6 11 16;
        // row 3 Paeth: x0: a=0,b=6,c=0 → p=6 → b: 6+4 = 10; x1: a=10,b=11,c=6 → p=15, |p−a|=5, |p−b|=4, |p−c|=9 → b: 11+1 = 12;
        // x2: a=12,b=16,c=11 → p=17, |p−a|=5, |p−b|=1, |p−c|=6 → b: 16+2 = 18
        let bytes = png(width: 3, height: 4, colourType: 0, rows: [[0, 10, 20, 30], [1, 5, 5, 5], [2, 1, 1, 1], [4, 4, 1, 2]])
        let image = try GrayImageFile.read(path: try write(bytes, "g.png"))
        #expect(image.width == 3 && image.height == 4)
        #expect(image.pixels.map { Int(($0 * 255).rounded()) } == [10, 20, 30, 5, 10, 15, 6, 11, 16, 10, 12, 18])
    }

    @Test("an RGB PNG becomes grey by BT.601 luma, with Average rows undone")
    func rgbPNG() throws {
        // pixel 0 (255, 0, 0) → 0.299·255; pixel 1 via Average: a = pixel 0's bytes, b = 0 → (a + 0)/2 + raw
        let bytes = png(width: 2, height: 1, colourType: 2, rows: [[3, 255, 0, 0, 0, 100, 0]])
        let image = try GrayImageFile.read(path: try write(bytes, "rgb.png"))
        // pixel 1 = (255/2 + 0, 0/2 + 100, 0/2 + 0) = (127, 100, 0)
        let expected: [Float] = [0.299 * 255 / 255, (0.299 * 127 + 0.587 * 100) / 255]
        #expect(zip(image.pixels, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(image.pixels)")
    }

    @Test("PGM P2 and P5 with a comment read to the same pixels")
    func pgm() throws {
        let plain = try GrayImageFile.read(path: try write(Array("P2\n# a comment\n2 2\n100\n0 50\n100 25\n".utf8), "p2.pgm"))
        let raw = try GrayImageFile.read(path: try write(Array("P5\n2 2\n100\n".utf8) + [0, 50, 100, 25], "p5.pgm"))
        #expect(plain == raw && plain.pixels == [0, 0.5, 1, 0.25])
    }

    @Test("unsupported or broken files are refused with the path and the reason")
    func errors() throws {
        let cases: [([UInt8], String)] = [
            (Array("hello".utf8), "not a PGM (P2/P5) or PNG image"),
            (Array("P5\n2 2\n65535\n".utf8), "PGM max value 65535; expected 1…255 (8-bit)"),
            (Array("P5\n2 2\n255\n".utf8) + [1], "PGM pixel data holds 1 bytes; expected 4"),
            (png(width: 1, height: 1, colourType: 3, rows: [[0, 0]]), "colour type 3 (palette?) is not read"),
            (Array(png(width: 2, height: 2, colourType: 0, rows: [[0, 1, 2], [0, 3, 4]]).prefix(45)), "chunk IDAT runs past the end of the file"),
            (png(width: 2, height: 1, colourType: 0, rows: [[7, 1, 2]]), "row 0 has filter type 7; expected 0…4"),
        ]
        for (bytes, message) in cases {
            let path = try write(bytes, "bad")
            #expect(throws: DatasetError.self) { try GrayImageFile.read(path: path) }
            do { _ = try GrayImageFile.read(path: path) } catch { #expect("\(error)".contains(path) && "\(error)".contains(message), "\(error)") }
        }
    }
}
