import Foundation
import Testing

/// The pipeline's inputs: VADER's files and the NRC lexicon (fetched by the set-up command),
/// Fashion-MNIST and the Jargon File (Debian packages).
private let pipelineInputsInstalled = ["/usr/share/datasets/vader/tweets_GroundTruth.txt", "/usr/share/datasets/nrc/nrc_en.json",
                                       "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz",
                                       "/usr/share/doc/jargon-text/jargon.txt.gz"].allSatisfy { FileManager.default.fileExists(atPath: $0) }

/// `biomoe ask` end to end on a pipeline small enough to train in seconds: the whole output of
/// each request, the trace, sessions carried across processes, and bad input refused with its reason.
@Suite("biomoe ask", .enabled(if: pipelineInputsInstalled), .serialized)
struct AskCommandTests {
    static let suite = """
    schema: 1
    name: ask-tiny
    version: 1
    seeds: [0]
    task: {dataset: fashion-mnist, validation_size: 500, train_limit: 2000}
    base: {model: pipeline, steps: 20, seq_len: 32, train_batch: 4, d_model: 16, layers: 1, vision_epochs: 1, requests_train: 60, requests_validation: 4, requests_test: 4}
    variants:
      softmax: {}
    """

    @Test("arithmetic is answered by the symbolic expert, an image by the vision expert, prose by the language expert; --json holds the trace; the session persists")
    func answersAndTrace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ask-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("ask.yaml").path, state = dir.appendingPathComponent("state").path
        try Self.suite.write(toFile: config, atomically: true, encoding: .utf8)
        let common = ["--config", config, "--state", state]

        let first = try BiomoeBinary.run(["ask", "what is 17*23?"] + common)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == "(17 * 23) = 391\n")
        #expect(first.standardError.contains("training the pipeline of ask-tiny/softmax seed 0 once"), "\(first.standardError)")
        // the second call loads the trained parts: no training message
        let again = try BiomoeBinary.run(["ask", "Is 3/4 < 0.8?"] + common)
        #expect(again.standardOutput == "((3 / 4) < 0.8) = true\n" && !again.standardError.contains("training"), "\(again)")

        let image = try BiomoeBinary.run(["ask", "--image", "fashion-mnist:0", "--json"] + common)
        #expect(image.status == 0, "\(image.standardError)")
        let trace = try JSONSerialization.jsonObject(with: Data(image.standardOutput.utf8)) as? [String: Any]
        #expect(trace?["domain"] as? String == "vision")
        let routing = trace?["routing"] as? [String: Any]
        #expect((routing?["gateProbabilities"] as? [Double])?.count == 4)
        #expect(Set((trace?["stageNanoseconds"] as? [String: Any])?.keys.map { $0 } ?? [])
                == ["encode", "affect", "retrieve", "route", "experts", "aggregate", "remember"])
        #expect(trace?["affect"] != nil && trace?["retrieved"] != nil)

        let prose = try BiomoeBinary.run(["ask", "The program reads its input from the terminal and writes the result to a file.", "--session", "s1"] + common)
        #expect(prose.status == 0 && prose.standardOutput.hasPrefix("… "), "\(prose)")
        let second = try BiomoeBinary.run(["ask", "I hate this, it is the worst day ever!!", "--session", "s1", "--json"] + common)
        let secondTrace = try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any]
        // the tracker smoothed over two turns: the session's valence lies between the two detections
        let smoothed = (secondTrace?["affect"] as? [String: Any])?["valence"] as? Double ?? 0
        let detected = (secondTrace?["detectedAffect"] as? [String: Any])?["valence"] as? Double ?? 0
        #expect(detected < -0.5 && smoothed > detected, "detected \(detected), smoothed \(smoothed)")
        let log = try String(contentsOfFile: state + "/affect-log.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(log.count == 5)
    }

    @Test("an empty request, an unparsable expression and a bad image exit 1 with the reason, never a crash")
    func badInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biomoe-ask-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("ask.yaml").path, state = dir.appendingPathComponent("state").path
        try Self.suite.write(toFile: config, atomically: true, encoding: .utf8)
        let common = ["--config", config, "--state", state]

        let empty = try BiomoeBinary.run(["ask", ""] + common)
        #expect(empty.status == 1)
        #expect(empty.standardError.hasSuffix("error: the request is empty: give some text (e.g. biomoe ask \"what is 17*23?\") or an image with --image FILE\n"), "\(empty.standardError)")

        let broken = try BiomoeBinary.run(["ask", "what is 17*+?"] + common)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("the symbolic expert could not read the expression: expected a number, true, false or '(' at column 13, found the end of the expression"), "\(broken.standardError)")

        let notImage = dir.appendingPathComponent("not-an-image.png").path
        try "hello".write(toFile: notImage, atomically: true, encoding: .utf8)
        let bad = try BiomoeBinary.run(["ask", "--image", notImage] + common)
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("\(notImage): not a PGM (P2/P5) or PNG image"), "\(bad.standardError)")

        let big = dir.appendingPathComponent("big.pgm").path
        try ("P2\n2 1\n255\n0 255\n").write(toFile: big, atomically: true, encoding: .utf8)
        let wrongSize = try BiomoeBinary.run(["ask", "--image", big] + common)
        #expect(wrongSize.status == 1)
        #expect(wrongSize.standardError.contains("\(big): the image is 2×1; the vision expert reads 28×28"), "\(wrongSize.standardError)")

        let index = try BiomoeBinary.run(["ask", "--image", "fashion-mnist:10000"] + common)
        #expect(index.status == 1 && index.standardError.contains("the Fashion-MNIST test split has images 0…9999"), "\(index.standardError)")
    }
}
