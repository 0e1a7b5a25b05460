import Foundation
import Testing
@testable import HarnessBaseline
@testable import HarnessConfig
@testable import HarnessReport
@testable import HarnessRun
@testable import HarnessStore

@Suite("Baseline files: stable bytes, round trip, NaN, format and error messages")
struct BaselineFileTests {
    typealias F = BaselineFixtures

    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "biomoe-baseline-\(UUID().uuidString)/\(name)"
    }

    @Test("a baseline round-trips through its file byte for byte, at full precision, NaN included")
    func roundTrip() throws {
        let file = F.file(["test_accuracy": [0.1 + 0.2, 1.0 / 3.0, 0.8125], "test_nll": [0.5, .nan, 0.25]])
        let path = Self.temporaryPath("demo.json")
        try file.write(to: path)
        let loaded = try BaselineFile.load(path: path)
        #expect(try loaded.encoded() == file.encoded())
        let accuracy = try #require(loaded.variants["mlp"]?["test_accuracy"])
        #expect(accuracy.valuesBySeed[0] == 0.1 + 0.2)  // 0.30000000000000004, not 0.3
        #expect(accuracy.valuesBySeed[1] == 1.0 / 3.0)
        #expect(accuracy.direction == .higherIsBetter)
        #expect(accuracy.n == 3)
        let nll = try #require(loaded.variants["mlp"]?["test_nll"])
        #expect(nll.valuesBySeed[1]?.isNaN == true)
        #expect(nll.mean.isNaN && nll.min.isNaN && nll.max.isNaN)
        #expect(nll.valuesBySeed[2] == 0.25)
    }

    @Test("keys are sorted and NaN is written as the string \"NaN\"")
    func stableText() throws {
        let text = String(decoding: try F.file(["test_nll": [.nan]]).encoded(), as: UTF8.self)
        let keys = ["\"canonicalConfig\"", "\"configHash\"", "\"environments\"", "\"format\"", "\"suite\"", "\"variants\"", "\"version\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(text.contains(#""0" : "NaN""#))
        #expect(text.contains(#""std" : "NaN""#))  // one seed: no spread
        #expect(text.contains(#""format" : 1"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("a file of another format is refused with a message saying what to do")
    func otherFormat() throws {
        var text = String(decoding: try F.file(["test_accuracy": [0.8]]).encoded(), as: UTF8.self)
        text = text.replacingOccurrences(of: #""format" : 1"#, with: #""format" : 2"#)
        #expect(throws: BaselineError.unsupportedFormat(path: "b.json", found: 2)) {
            try BaselineFile.decode(Data(text.utf8), path: "b.json")
        }
        #expect(BaselineError.unsupportedFormat(path: "b.json", found: 2).description
                == "b.json has baseline format 2, newer than the format 1 this biomoe reads; regenerate it with 'biomoe baseline update SUITE' or update biomoe")
    }

    @Test("malformed files give one line naming the problem and where")
    func malformed() throws {
        let good = String(decoding: try F.file(["test_accuracy": [0.8, 0.9]]).encoded(), as: UTF8.self)
        let cases: [(text: String, reason: String)] = [
            ("{ not json", "not valid JSON"),
            ("[1, 2]", "top level: expected an object"),
            (#"{"suite": "demo"}"#, "missing key 'format' at top level"),
            (good.replacingOccurrences(of: #""mean" : "#, with: #""average" : "#), "missing key 'mean' at variants.mlp.test_accuracy"),
            (good.replacingOccurrences(of: #""n" : 2"#, with: #""n" : "two""#), "variants.mlp.test_accuracy.n: expected an integer"),
            (good.replacingOccurrences(of: #""n" : 2"#, with: #""n" : 3"#), "variants.mlp.test_accuracy: n is 3 but 2 per-seed values are listed"),
            (good.replacingOccurrences(of: #""direction" : "higher""#, with: #""direction" : "up""#), "variants.mlp.test_accuracy.direction:"),
        ]
        for c in cases {
            do {
                _ = try BaselineFile.decode(Data(c.text.utf8), path: "baselines/demo.json")
                Issue.record("decoded a malformed file: \(c.text.prefix(40))")
            } catch let error as BaselineError {
                let message = error.description
                #expect(message.hasPrefix("baselines/demo.json is not a valid baseline file: "), "\(message)")
                #expect(message.contains(c.reason), "expected '\(c.reason)' in: \(message)")
                #expect(!message.contains("\n"), "not one line: \(message)")
            }
        }
    }

    @Test("a missing file is BaselineError.missing with the command that creates it")
    func missing() {
        #expect(throws: BaselineError.missing(path: "/nonexistent/smoke.json")) {
            try BaselineFile.load(path: "/nonexistent/smoke.json")
        }
        #expect(BaselineError.missing(path: "b.json").description
                == "no baseline at b.json; create one with 'biomoe baseline update SUITE' and commit it")
    }
}
