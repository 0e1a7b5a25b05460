/// Turns a request into the vector the router, and the long-term memory, see: signed feature
/// hashing (Weinberger et al. 2009) of the text's character trigrams and words, L2-normalised,
/// then one flag for an attached image.
///
///     v[h(g) mod H] += sign(h(g))   for every trigram g of " " + lower(text) + " " and every word;
///     v ← v / ‖v‖ (unless zero);   x = [v, 1 if image else 0]        (D = H + 1)
///
/// h is 32-bit FNV-1a over the UTF-8 bytes, with a salt byte that keeps trigrams and words
/// apart; the sign is the hash's top bit, so collisions cancel in expectation instead of
/// piling up. No learned parameters: the encoder is the same for every seed and every run, so a
/// stored memory vector stays comparable with tomorrow's queries.
public struct QueryEncoder: Sendable, Equatable {
    /// H, the number of hash buckets.
    public let buckets: Int

    public init(buckets: Int = 512) {
        precondition(buckets > 0, "QueryEncoder needs at least one bucket, got \(buckets)")
        self.buckets = buckets
    }

    /// D = H + 1.
    public var dimension: Int { buckets + 1 }

    /// The request's vector (D floats).
    public func encode(_ request: PipelineRequest) -> [Float] {
        var out = [Float](repeating: 0, count: dimension)
        out.withUnsafeMutableBufferPointer { encode(request, into: $0) }
        return out
    }

    /// Writes the request's vector into `out` (D floats, overwritten).
    public func encode(_ request: PipelineRequest, into out: UnsafeMutableBufferPointer<Float>) {
        precondition(out.count == dimension, "QueryEncoder.encode: \(out.count) floats for D = \(dimension)")
        for i in 0..<out.count { out[i] = 0 }
        let lowered = Array(request.text.lowercased().utf8)
        // character trigrams over the padded text: 3-byte windows of the UTF-8 bytes
        var padded: [UInt8] = [0x20]
        padded.append(contentsOf: lowered)
        padded.append(0x20)
        if lowered.contains(where: { $0 != 0x20 }) {
            for start in 0..<(padded.count - 2) {
                add(hash(salt: 1, padded[start..<start + 3]), into: out)
            }
            var wordStart: Int?
            for (i, byte) in padded.enumerated() {
                let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
                if isWordByte, wordStart == nil { wordStart = i }
                if !isWordByte, let s = wordStart {
                    add(hash(salt: 2, padded[s..<i]), into: out)
                    wordStart = nil
                }
            }
            var norm: Float = 0
            for i in 0..<buckets { norm += out[i] * out[i] }
            norm = norm.squareRoot()
            if norm > 0 { for i in 0..<buckets { out[i] /= norm } }
        }
        out[buckets] = request.image == nil ? 0 : 1
    }

    private func add(_ h: UInt32, into out: UnsafeMutableBufferPointer<Float>) {
        out[Int(h % UInt32(buckets))] += (h >> 31) == 0 ? 1 : -1
    }

    /// 32-bit FNV-1a of the salt byte followed by `bytes`.
    func hash(salt: UInt8, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        h = (h ^ UInt32(salt)) &* 16_777_619
        for byte in bytes { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }
}
