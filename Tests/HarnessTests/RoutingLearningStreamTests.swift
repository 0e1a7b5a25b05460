import Testing
import Tensor
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

/// Classes 0…9 in groups tops 0, footwear 1, other 2 (the suite's default).
private let groups = [0, 2, 0, 2, 0, 1, 0, 1, 2, 1]

@Suite("Routing-learning stream: order, groups and the domain shift")
struct RoutingLearningStreamTests {
    let labels: [Int32] = (0..<200).map { Int32($0 % 10) }

    func stream(seed: UInt32, length: Int = 50, rotates: Bool = true) -> RoutingStream {
        var rng = RandomStreams(suiteSeed: 0, runSeed: seed).generator("stream-order")
        return RoutingStream(labels: labels, classGroups: groups, length: length, rotates: rotates, rng: &rng)
    }

    @Test("the same seed gives the same order; another seed another one; no image repeats")
    func deterministicPerSeed() {
        #expect(stream(seed: 3) == stream(seed: 3))
        #expect(stream(seed: 3).order != stream(seed: 4).order)
        #expect(Set(stream(seed: 3).order).count == 50)
    }

    @Test("the groups follow the labels")
    func groupsFollowLabels() {
        let s = stream(seed: 1)
        for t in 0..<s.count { #expect(s.groups[t] == groups[Int(labels[s.order[t]])]) }
        #expect(s.groupCount == 3)
    }

    @Test("the rotation applies exactly from the midpoint: index i calls expert i before, (i + 1) mod 3 after")
    func shiftAtMidpoint() {
        let even = RoutingStream(order: Array(0..<10), labels: labels, classGroups: groups, rotates: true)
        #expect(even.shiftStep == 5)
        #expect((0..<3).map { even.expert(atIndex: $0, step: 4) } == [0, 1, 2])
        #expect((0..<3).map { even.expert(atIndex: $0, step: 5) } == [1, 2, 0])
        // image 4 is class 4 (tops, group 0), image 5 class 5 (footwear, group 1)
        #expect(even.correctIndex(step: 4) == 0)
        #expect(even.correctIndex(step: 5) == 0)  // group 1 is now behind index 0
        #expect(even.correctIndex(step: 6) == 2)  // class 6, group 0, behind index 2
        let odd = RoutingStream(order: Array(0..<11), labels: labels, classGroups: groups, rotates: true)
        #expect(odd.shiftStep == 5)
    }

    @Test("the correct index always calls the sample's group expert; without a shift the map is the identity")
    func correctIndexCallsGroupExpert() {
        let s = stream(seed: 7)
        for t in 0..<s.count { #expect(s.expert(atIndex: s.correctIndex(step: t), step: t) == s.groups[t]) }
        let still = stream(seed: 7, rotates: false)
        #expect(still.shiftStep == 50)
        for t in 0..<still.count { #expect(still.correctIndex(step: t) == still.groups[t]) }
    }
}

@Suite("Routing-learning curves on hand-made sequences")
struct RoutingLearningCurveTests {
    @Test("an input shift has its midpoint but leaves the index → expert map as it is")
    func inputShift() {
        let labels: [Int32] = (0..<10).map { Int32($0) }
        let stream = RoutingStream(order: Array(0..<10), labels: labels, classGroups: groups, rotates: false, shifts: true)
        #expect(stream.shiftStep == 5)
        for step in 0..<10 {
            for i in 0..<3 { #expect(stream.expert(atIndex: i, step: step) == i) }
            #expect(stream.correctIndex(step: step) == stream.groups[step])
        }
    }

    @Test("samples to 90 % is the end of the first trailing window averaging ≥ 0.9, counted from the range start")
    func samplesToReach() {
        let v: [Double] = [0, 0, 1, 1, 1, 1]
        #expect(StreamCurves.samplesToReach(v, threshold: 0.9, window: 2, in: 0..<6) == 4)
        #expect(StreamCurves.samplesToReach(v, threshold: 0.9, window: 2, in: 2..<6) == 2)
        #expect(StreamCurves.samplesToReach(v, threshold: 0.5, window: 2, in: 0..<6) == 3)  // [0, 1] = 0.5
        // exactly 9 of 10 counts as 90 %
        let nine: [Double] = [0] + Array(repeating: 1, count: 9) + [0, 0]
        #expect(StreamCurves.samplesToReach(nine, threshold: 0.9, window: 10, in: 0..<12) == 10)
    }

    @Test("never reaching 90 %, or a range shorter than the window, gives NaN")
    func notReached() {
        let alternating: [Double] = (0..<40).map { Double($0 % 2) }
        #expect(StreamCurves.samplesToReach(alternating, threshold: 0.9, window: 4, in: 0..<40).isNaN)
        #expect(StreamCurves.samplesToReach([1, 1, 1], threshold: 0.9, window: 4, in: 0..<3).isNaN)
        // the window must lie inside the range: ones before the range do not count
        #expect(StreamCurves.samplesToReach([1, 1, 1, 0, 1], threshold: 0.9, window: 2, in: 3..<5).isNaN)
    }

    @Test("block means cover the stream, the last block may be shorter")
    func blockMeans() {
        let blocks = StreamCurves.blockMeans([1, 0, 1, 1, 0], window: 2)
        #expect(blocks.map(\.step) == [2, 4, 5])
        #expect(blocks.map(\.value) == [0.5, 1, 0])
    }

    @Test("cumulative regret adds oracle minus obtained reward")
    func regret() {
        #expect(StreamCurves.cumulativeRegret(obtained: [1, 0, 0, 1], oracle: [1, 1, 0, 1]) == [0, 1, 1, 1])
        #expect(StreamCurves.cumulativeRegret(obtained: [0, 0, 1], oracle: [1, 1, 1]) == [1, 2, 2])
    }
}
