/// Philox4x32-10, the counter-based generator of Salmon et al. (SC'11, "Parallel random numbers:
/// as easy as 1, 2, 3").
///
/// Why counter-based: output block i is a pure function of (key, counter = i), so a run's random
/// numbers depend only on its seeds and stream name, never on how many numbers some other
/// component drew first. Adding a new random consumer therefore never shifts existing results.
///
/// Each 128-bit counter value yields four 32-bit words; `next()` hands out two words at a time.
/// Draws (uniforms, normals, integers, shuffles) are in RandomDraws.swift.
public struct Philox4x32_10: RandomNumberGenerator, Sendable {
    public typealias Counter = (UInt32, UInt32, UInt32, UInt32)
    public typealias Key = (UInt32, UInt32)

    private static let multiplier0: UInt32 = 0xD251_1F53
    private static let multiplier1: UInt32 = 0xCD9E_8D57
    private static let weyl0: UInt32 = 0x9E37_79B9
    private static let weyl1: UInt32 = 0xBB67_AE85

    public let key: Key
    private var counter: Counter
    private var buffer: Counter = (0, 0, 0, 0)
    private var bufferedWords = 0

    public init(key: Key, counter: Counter = (0, 0, 0, 0)) {
        self.key = key
        self.counter = counter
    }

    /// The raw block function: ten rounds of the Philox S-box with the Weyl key schedule.
    public static func block(counter: Counter, key: Key) -> Counter {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                // key schedule: k ← k + (W0, W1) before every round but the first
                k.0 &+= weyl0
                k.1 &+= weyl1
            }
            // (c0, c1, c2, c3) ← (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0))
            let product0 = UInt64(multiplier0) &* UInt64(c.0)
            let product1 = UInt64(multiplier1) &* UInt64(c.2)
            c = (
                UInt32(truncatingIfNeeded: product1 >> 32) ^ c.1 ^ k.0,
                UInt32(truncatingIfNeeded: product1),
                UInt32(truncatingIfNeeded: product0 >> 32) ^ c.3 ^ k.1,
                UInt32(truncatingIfNeeded: product0)
            )
        }
        return c
    }

    public mutating func nextWord() -> UInt32 {
        if bufferedWords == 0 {
            buffer = Self.block(counter: counter, key: key)
            bufferedWords = 4
            incrementCounter()
        }
        let word: UInt32
        switch 4 - bufferedWords {
        case 0: word = buffer.0
        case 1: word = buffer.1
        case 2: word = buffer.2
        default: word = buffer.3
        }
        bufferedWords -= 1
        return word
    }

    public mutating func next() -> UInt64 {
        let low = UInt64(nextWord())
        let high = UInt64(nextWord())
        return high << 32 | low
    }

    private mutating func incrementCounter() {
        counter.0 &+= 1
        if counter.0 != 0 { return }
        counter.1 &+= 1
        if counter.1 != 0 { return }
        counter.2 &+= 1
        if counter.2 != 0 { return }
        counter.3 &+= 1
    }
}
