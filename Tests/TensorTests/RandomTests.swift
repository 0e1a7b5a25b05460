import Testing
@testable import Tensor

@Suite("Philox4x32-10 and named streams")
struct RandomTests {
    /// Random123's tests/kat_vectors, the three "philox4x32 10" lines: counter, key → output.
    @Test("the block function reproduces Random123's known-answer vectors", arguments: [
        ([0x0000_0000, 0x0000_0000, 0x0000_0000, 0x0000_0000] as [UInt32], [0x0000_0000, 0x0000_0000] as [UInt32],
         [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8] as [UInt32]),
        ([0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], [0xffff_ffff, 0xffff_ffff],
         [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]),
        ([0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], [0xa409_3822, 0x299f_31d0],
         [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]),
    ])
    func knownAnswers(counter: [UInt32], key: [UInt32], expected: [UInt32]) {
        let out = Philox4x32_10.block(counter: (counter[0], counter[1], counter[2], counter[3]), key: (key[0], key[1]))
        #expect([out.0, out.1, out.2, out.3] == expected)
    }

    @Test("the generator emits the block's words in order and then advances the counter")
    func generatorWalksCounter() {
        var g = Philox4x32_10(key: (0, 0))
        let first = (0..<4).map { _ in g.nextWord() }
        #expect(first == [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])
        let second = Philox4x32_10.block(counter: (1, 0, 0, 0), key: (0, 0))
        #expect(g.nextWord() == second.0)
    }

    @Test("the same seeds and stream name give the same numbers; another name gives others")
    func streamsAreIndependentAndRepeatable() {
        let streams = RandomStreams(suiteSeed: 7, runSeed: 1)
        var a = streams.generator("init")
        var b = streams.generator("init")
        var c = streams.generator("shuffle")
        var d = RandomStreams(suiteSeed: 7, runSeed: 2).generator("init")
        let xa = (0..<8).map { _ in a.next() }
        #expect(xa == (0..<8).map { _ in b.next() })
        #expect(xa != (0..<8).map { _ in c.next() })
        #expect(xa != (0..<8).map { _ in d.next() })
    }

    @Test("FNV-1a 64 matches its published value for \"a\"")
    func fnvKnownValue() {
        #expect(RandomStreams.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(RandomStreams.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test("uniform floats lie in [0, 1) and have mean near one half")
    func uniformRange() {
        var g = RandomStreams(suiteSeed: 0, runSeed: 0).generator("u")
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = g.nextUniformFloat()
            #expect(u >= 0 && u < 1)
            sum += Double(u)
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.01)
    }

    @Test("normal draws have mean near 0 and variance near 1")
    func normalMoments() {
        var g = RandomStreams(suiteSeed: 0, runSeed: 0).generator("n")
        let n = 20_000
        let xs = (0..<n).map { _ in Double(g.standardNormalBoxMuller()) }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test("bounded integers stay below the bound and a shuffle is a permutation")
    func boundedAndShuffle() {
        var g = RandomStreams(suiteSeed: 1, runSeed: 2).generator("s")
        for _ in 0..<1000 { #expect((0..<7).contains(g.uniformInt(below: 7))) }
        var xs = Array(0..<100)
        g.shuffle(&xs)
        #expect(xs != Array(0..<100))
        #expect(xs.sorted() == Array(0..<100))
    }
}
