import Pipeline
import Testing

/// 32-bit FNV-1a written out again for the tests (Fowler, Noll & Vo): offset basis 2166136261,
/// prime 16777619, xor then multiply, for every byte. The encoder prefixes a salt byte.
private func fnv1a32(_ bytes: [UInt8]) -> UInt32 {
    var h: UInt64 = 2_166_136_261
    for byte in bytes { h = ((h ^ UInt64(byte)) * 16_777_619) & 0xFFFF_FFFF }
    return UInt32(h)
}

/// Every component within 1e-6 of the hand-computed value.
private func close(_ x: [Float], _ expected: [Double]) -> Bool {
    x.count == expected.count && zip(x, expected).allSatisfy { abs(Double($0) - $1) <= 1e-6 }
}

private func norm(_ v: ArraySlice<Float>) -> Double {
    v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
}

@Suite("Query encoder")
struct QueryEncoderTests {
    @Test("the test's FNV-1a matches the published test vectors")
    func fnvVectors() {
        #expect(fnv1a32([]) == 0x811C_9DC5)
        #expect(fnv1a32(Array("a".utf8)) == 0xE40C_292C)
        #expect(fnv1a32(Array("foobar".utf8)) == 0xBF9C_F968)
    }

    @Test("H = 4: \"a b\" hashes to buckets by hand, collisions cancel, the vector is normalised")
    func tinyCaseWithCancellation() {
        // " a b " has trigrams " a ", "a b", " b " (salt 1) and words "a", "b" (salt 2):
        //   1 " a "  0x1DF31A4D → bucket 1, top bit 0 → +1
        //   1 "a b"  0xF3238CD5 → bucket 1, top bit 1 → −1
        //   1 " b "  0x83F5F976 → bucket 2, top bit 1 → −1
        //   2 "a"    0x3C7B58AC → bucket 0, +1
        //   2 "b"    0x3F7B5D65 → bucket 1, +1
        // bucket 1 gets +1 − 1 + 1 = 1, so v = [1, 1, −1, 0] and ‖v‖ = √3.
        #expect(fnv1a32([1] + Array(" a ".utf8)) == 0x1DF3_1A4D)
        #expect(fnv1a32([1] + Array("a b".utf8)) == 0xF323_8CD5)
        #expect(fnv1a32([1] + Array(" b ".utf8)) == 0x83F5_F976)
        #expect(fnv1a32([2] + Array("a".utf8)) == 0x3C7B_58AC)
        #expect(fnv1a32([2] + Array("b".utf8)) == 0x3F7B_5D65)
        let x = QueryEncoder(buckets: 4).encode(PipelineRequest(text: "a b"))
        let s = 1 / 3.0.squareRoot()
        #expect(close(x, [s, s, -s, 0, 0]), "\(x)")
    }

    @Test("H = 4: upper case is lowered and a non-word byte splits words")
    func tinyCasesWordsAndCase() {
        // "Hi" → " hi ": trigrams " hi" 0x31048157 → 3 (+), "hi " 0x6FB849ED → 1 (+); word "hi" 0x1F42BD1A → 2 (+).
        let s3 = 1 / 3.0.squareRoot()
        let hi = QueryEncoder(buckets: 4).encode(PipelineRequest(text: "Hi"))
        #expect(close(hi, [0, s3, s3, s3, 0]), "\(hi)")
        #expect(hi == QueryEncoder(buckets: 4).encode(PipelineRequest(text: "hI")))
        // "x=1": trigrams " x=" 0x7D2C086B → 3 (+), "x=1" 0x162EA366 → 2 (+), "=1 " 0xAC97B142 → 2 (−);
        // words "x" 0x557B8007 → 3 (+), "1" 0x8C7BD69C → 0 (−). v = [−1, 0, 0, 2] / √5.
        #expect(fnv1a32([1] + Array("=1 ".utf8)) == 0xAC97_B142)
        #expect(fnv1a32([2] + Array("1".utf8)) == 0x8C7B_D69C)
        let s5 = 1 / 5.0.squareRoot()
        let x = QueryEncoder(buckets: 4).encode(PipelineRequest(text: "x=1"))
        #expect(close(x, [-s5, 0, 0, 2 * s5, 0]), "\(x)")
    }

    @Test("non-empty text has unit norm over the H buckets; the image flag is the last component")
    func unitNormAndImageFlag() {
        let encoder = QueryEncoder(buckets: 512)
        #expect(encoder.dimension == 513)
        for text in ["what is 17*23?", "The hacker's dictionary.", "I am SO happy today!!! :)", "é ü ß", "x"] {
            let plain = encoder.encode(PipelineRequest(text: text))
            let withImage = encoder.encode(PipelineRequest(text: text, image: [Float](repeating: 0.5, count: 784)))
            #expect(plain.count == 513)
            #expect(abs(norm(plain[0..<512]) - 1) < 1e-6, "\(text): ‖v‖ = \(norm(plain[0..<512]))")
            #expect(plain[512] == 0 && withImage[512] == 1)
            #expect(Array(plain[0..<512]) == Array(withImage[0..<512]))
        }
    }

    @Test("the same text gives the same bits, also from a second encoder")
    func deterministic() {
        let request = PipelineRequest(text: "Is this a question about feelings, or about 2 + 2?")
        let a = QueryEncoder().encode(request), b = QueryEncoder().encode(request)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(QueryEncoder().encode(PipelineRequest(text: "another text")) != a)
    }

    @Test("empty or blank text gives the zero text part; an image alone sets only the flag")
    func emptyText() {
        let encoder = QueryEncoder(buckets: 16)
        for text in ["", " ", "   "] {
            #expect(encoder.encode(PipelineRequest(text: text)) == [Float](repeating: 0, count: 17))
            let image = encoder.encode(PipelineRequest(text: text, image: [0]))
            #expect(image[0..<16].allSatisfy { $0 == 0 } && image[16] == 1)
        }
    }

    @Test("encode(into:) overwrites the buffer and equals encode")
    func encodeInto() {
        let encoder = QueryEncoder(buckets: 8)
        let request = PipelineRequest(text: "overwrite me")
        var out = [Float](repeating: 7, count: 9)
        out.withUnsafeMutableBufferPointer { encoder.encode(request, into: $0) }
        #expect(out == encoder.encode(request))
        var blank = [Float](repeating: 7, count: 9)
        blank.withUnsafeMutableBufferPointer { encoder.encode(PipelineRequest(text: ""), into: $0) }
        #expect(blank == [Float](repeating: 0, count: 9))
    }
}
