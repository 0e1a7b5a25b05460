import Foundation
import Testing
import Memory

@Suite("Short-term memory")
struct ShortTermMemoryTests {
    private func entry(_ tokens: ClosedRange<Int32>, _ label: String? = nil) -> ContextEntry {
        ContextEntry(tokens: Array(tokens), label: label)
    }

    @Test("appending evicts the oldest whole entries first and returns them")
    func evictionOrder() throws {
        var buffer = try ContextBuffer(capacity: 10)
        buffer.append(entry(1...4, "a"))
        buffer.append(entry(5...8, "b"))
        #expect(buffer.tokenCount == 8)
        // 8 + 3 > 10: "a" goes, whole, though evicting 1 token would have made room.
        let evicted = buffer.append(entry(9...11, "c"))
        #expect(evicted.map(\.label) == ["a"])
        #expect(buffer.entries.map(\.label) == ["b", "c"])
        #expect(buffer.tokens == Array(5...11))
        let evictedTwo = buffer.append(entry(12...20, "d"))
        #expect(evictedTwo.map(\.label) == ["b", "c"])
        #expect(buffer.tokens == Array(12...20))
    }

    @Test("a buffer never holds more tokens than its capacity")
    func boundNeverExceeded() throws {
        var buffer = try ContextBuffer(capacity: 37)
        var g = TestVectors.generator(3)
        var appended: [ContextEntry] = []
        for step in 0..<2_000 {
            let length = 1 + g.uniformInt(below: 20)
            let e = ContextEntry(tokens: (0..<length).map { Int32(step * 100 + $0) })
            buffer.append(e)
            appended.append(e)
            #expect(buffer.tokenCount <= 37)
            #expect(buffer.tokenCount == buffer.tokens.count)
            // What is kept is always the newest suffix of whole entries.
            let kept = buffer.entries
            #expect(Array(appended.suffix(kept.count)) == kept)
        }
    }

    @Test("an entry longer than the capacity keeps only its last tokens")
    func oversizedEntryIsTruncated() throws {
        var buffer = try ContextBuffer(capacity: 5)
        buffer.append(entry(100...101))
        let evicted = buffer.append(entry(1...12, "long"))
        #expect(evicted == [entry(100...101)])
        #expect(buffer.entries == [entry(8...12, "long")])
        #expect(buffer.append(ContextEntry(tokens: [])) == [])
        #expect(buffer.entries.count == 1)
    }

    @Test("each expert sees the shared context first, then only its own entries")
    func perExpertIsolation() throws {
        var memory = try ShortTermMemory(expertNames: ["syntax", "semantics"], expertCapacity: 6, sharedCapacity: 4)
        memory.appendShared(entry(1...3, "prompt"))
        try memory.append(entry(10...12, "parse"), to: "syntax")
        try memory.record(entry(20...21, "routed"), activeExperts: ["semantics"])
        #expect(try memory.context(for: "syntax").map(\.label) == ["routed", "parse"])
        #expect(try memory.contextTokens(for: "syntax") == [20, 21, 10, 11, 12])
        #expect(try memory.contextTokens(for: "semantics") == [20, 21, 20, 21])
        #expect(try memory.buffer(for: "syntax").tokens == [10, 11, 12])
        try memory.addExpert("pragmatics")
        #expect(try memory.contextTokens(for: "pragmatics") == [20, 21])
        #expect(memory.expertNames == ["pragmatics", "semantics", "syntax"])
        let removed = memory.removeExpert("pragmatics")
        #expect(removed)
    }

    @Test("a session survives a JSON round trip unchanged")
    func jsonRoundTrip() throws {
        var memory = try ShortTermMemory(expertNames: ["a", "b", "c"], expertCapacity: 8, sharedCapacity: 5)
        for step in Int32(0)..<20 {
            try memory.record(ContextEntry(tokens: [step, step + 1], label: step % 3 == 0 ? nil : "s\(step)"),
                              activeExperts: step % 2 == 0 ? ["a"] : ["b", "c"])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(memory)
        let decoded = try JSONDecoder().decode(ShortTermMemory.self, from: data)
        #expect(decoded == memory)
        #expect(try encoder.encode(decoded) == data)
        for name in memory.expertNames {
            #expect(try decoded.context(for: name) == memory.context(for: name))
        }
    }

    @Test("unknown experts, bad capacities and other format versions are refused by name")
    func errors() throws {
        var memory = try ShortTermMemory(expertNames: ["a"], expertCapacity: 4, sharedCapacity: 4)
        #expect(throws: ShortTermMemoryError.unknownExpert(name: "z", known: ["a"])) {
            try memory.append(ContextEntry(tokens: [1]), to: "z")
        }
        // Refused before anything is stored.
        #expect(throws: ShortTermMemoryError.unknownExpert(name: "z", known: ["a"])) {
            try memory.record(ContextEntry(tokens: [1]), activeExperts: ["a", "z"])
        }
        #expect(memory.shared.isEmpty)
        #expect(throws: ShortTermMemoryError.duplicateExpert(name: "a")) { try memory.addExpert("a") }
        #expect(throws: ShortTermMemoryError.invalidCapacity(buffer: "shared buffer", capacity: 0)) {
            try ShortTermMemory(expertNames: [], expertCapacity: 3, sharedCapacity: 0)
        }
        #expect(ShortTermMemoryError.unknownExpert(name: "z", known: ["a", "b"]).description
                == "no short-term buffer for expert \"z\"; known experts: a, b")
        let newer = #"{"formatVersion":2,"expertCapacity":4,"shared":{"capacity":4,"entries":[]},"experts":[]}"#
        #expect(throws: ShortTermMemoryError.unsupportedVersion(found: 2, supported: 1)) {
            try JSONDecoder().decode(ShortTermMemory.self, from: Data(newer.utf8))
        }
        let overfull = #"{"formatVersion":1,"expertCapacity":4,"shared":{"capacity":2,"entries":[{"tokens":[1,2,3]}]},"experts":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ShortTermMemory.self, from: Data(overfull.utf8)) }
    }
}
