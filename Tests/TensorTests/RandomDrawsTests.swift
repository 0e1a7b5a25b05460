import Testing
import Tensor

/// Pins the first draws of every function in RandomDraws.swift for one fixed stream. The values
/// were printed by the code before the draws were gathered into one file (NN's unitUniformFloat
/// and fillUniform, MoE's standardNormal and uniformInt, Learning's unitUniformDouble, the
/// router-projection normal, the bootstrap's index, Philox's shuffle), so a change here means
/// published numbers move.
@Suite("Random draws are pinned")
struct RandomDrawsTests {
    static func generator() -> Philox4x32_10 { RandomStreams(suiteSeed: 7, runSeed: 3).generator("pin") }

    @Test func uniforms() {
        var g = Self.generator()
        #expect((0..<3).map { _ in g.unitUniformFloat() } == [0.042296946, 0.82642823, 0.90129656])
        g = Self.generator()
        #expect((0..<3).map { _ in g.unitUniformDouble() } == [0.04229700540811776, 0.8264282438298763, 0.9012965751217523])
        g = Self.generator()
        #expect((0..<3).map { _ in g.nextUniformFloat() } == [0.9466011, 0.042296946, 0.7400327])
        g = Self.generator()
        var buffer = [Float](repeating: 0, count: 3)
        buffer.withUnsafeMutableBufferPointer { g.fillUniform($0, bound: 0.5) }
        #expect(buffer == [-0.45770305, 0.32642823, 0.40129656])
    }

    @Test func normals() {
        var g = Self.generator()
        #expect((0..<3).map { _ in g.standardNormalBoxMuller() } == [0.1358179, -1.6603976, -0.962421])
        g = Self.generator()
        #expect((0..<3).map { _ in g.standardNormalBoxMullerFloat() } == [1.1619275, -0.35174546, -0.5517155])
        // two next() per normal: the stream continues where the old function left it
        g = Self.generator()
        _ = g.standardNormalBoxMuller()
        #expect(g.next() == 16625987255781902123)
    }

    @Test func integersAndShuffle() {
        var g = Self.generator()
        #expect((0..<6).map { _ in g.uniformInt(below: 10) } == [0, 8, 9, 6, 6, 3])
        g = Self.generator()
        #expect((0..<6).map { _ in g.multiplyShiftIndex(below: 10) } == [0, 8, 9, 6, 6, 3])
        g = Self.generator()
        var order = Array(0..<8)
        g.shuffle(&order)
        #expect(order == [4, 7, 1, 2, 3, 6, 5, 0])
    }
}
