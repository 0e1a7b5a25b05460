import Affect
import Foundation
import Pipeline
import Symbolic
import Testing

/// The whole pipeline with small real parts: the symbolic evaluator, the affect expert (real
/// lexicons when installed), a vision MLP trained briefly on Fashion-MNIST (untrained without
/// it) and a tiny untrained byte-level Mamba.
@Suite("Request pipeline, end to end")
struct RequestPipelineTests {
    static let question = "what is 17*23?"

    @Test("the oracle routes \"what is 17*23?\" to the symbolic expert, which answers 391")
    func oracleSymbolic() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        #expect(reply.domain == .symbolic && reply.text == "(17 * 23) = 391", "\(reply.text)")
        #expect(reply.answers.first { $0.domain == .symbolic }?.answerKey == "391")
        #expect(reply.routing.gateProbabilities == [0, 0, 1, 0] && reply.executed.first == .symbolic)
        // s_symbolic = 0.6·1 + 0.4·1 (the expression parses)
        #expect(reply.routing.chosen.first?.domain == .symbolic && reply.routing.chosen.first?.score == 1)
        #expect(reply.routing.chosen.count == 2 && reply.executed.count == 2 && reply.failures.isEmpty)
        #expect(pipeline.manager.records[.symbolic]?.requests == 1 && pipeline.manager.recent == [.symbolic])
    }

    @Test("with a uniform router self-assessment alone sends \"what is 17*23?\" to the symbolic expert")
    func uniformSymbolic() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .uniform)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: Self.question), session: &session)
        #expect(reply.domain == .symbolic && reply.answers.first?.answerKey == "391")
        #expect(reply.routing.gateProbabilities == [0.25, 0.25, 0.25, 0.25])
        // c_symbolic = 1 (parses), c_vision = 0 (no image): s = 0.15 + 0.4·c
        #expect(reply.routing.selfAssessment[ExpertDomain.symbolic.index] == SymbolicExpert.parsesConfidence)
        #expect(reply.routing.selfAssessment[ExpertDomain.vision.index] == 0)
        #expect(abs(reply.routing.chosen[0].score - 0.55) < 1e-12 && reply.routing.chosen[0].domain == .symbolic)
    }

    @Test("sequential aggregation stops after the first confident answer")
    func sequentialStopsEarly() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle, aggregation: .sequential)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        #expect(reply.executed == [.symbolic] && reply.answers.count == 1 && reply.domain == .symbolic)
    }

    @Test("an empty request throws emptyRequest and leaves the session as it was; an image alone is a request")
    func emptyRequest() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .uniform)
        var session = PipelineSession()
        for text in ["", "   ", " \n\t "] {
            #expect(throws: PipelineError.emptyRequest) { try pipeline.answer(PipelineRequest(text: text), session: &session) }
        }
        #expect(session == PipelineSession())
        let image = (0..<784).map { Float($0 % 28) / 28 }
        let reply = try pipeline.answer(PipelineRequest(text: "", image: image, expectedDomain: .vision), session: &session)
        #expect(reply.domain == .vision && reply.routing.chosen.first?.domain == .vision && session.turns == 1)
    }

    @Test("when every chosen expert throws, noExpertAnswered lists each reason and the session is unchanged")
    func noExpertAnswered() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle, topK: 2)
        var session = PipelineSession()
        // oracle → vision: s = 0.6 (no image, c = 0); the expression parses: s_symbolic = 0.4 > 0.4·c of the others.
        // Vision has no image to look at, and the symbolic expert divides by zero.
        let request = PipelineRequest(text: "what is 1/0?", expectedDomain: .vision)
        var symbolicError = ""
        do { _ = try SymbolicDomainExpert().answer(request, context: ExpertContext()) } catch { symbolicError = "\(error)" }
        #expect(symbolicError.hasPrefix("the symbolic expert could not read the expression: "), "\(symbolicError)")
        #expect(throws: PipelineError.noExpertAnswered(reasons: ["vision: \(PipelineError.imageRequired)", "symbolic: \(symbolicError)"])) {
            try pipeline.answer(request, session: &session)
        }
        #expect(session == PipelineSession())
        #expect(pipeline.manager.records[.vision]?.successRate == 0 && pipeline.manager.records[.symbolic]?.successRate == 0)
        #expect(pipeline.memory?.count == 0)
    }

    @Test("every stage has a recorded time and the stage times sum to at most the total")
    func stageTimes() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .uniform)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: "Tell me a story about a hacker"), session: &session)
        #expect(Set(reply.stageNanoseconds.keys) == Set(PipelineStage.allCases))
        let sum = reply.stageNanoseconds.values.reduce(0, +)
        #expect(sum <= reply.totalNanoseconds && reply.totalNanoseconds > 0, "Σ stages \(sum) ns, total \(reply.totalNanoseconds) ns")
        #expect(reply.stageNanoseconds[.experts]! > 0)
    }

    @Test("the session's turns advance, its short-term memory holds the texts, the long-term memory recalls them")
    func sessionAndMemory() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let first = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        #expect(session.turns == 1 && first.retrieved.isEmpty && pipeline.memory?.count == 1)
        #expect(session.shortTerm.shared.entries.last?.tokens == Array(Self.question.utf8).map { Int32($0) })
        #expect(try session.shortTerm.buffer(for: "symbolic").entries.map(\.label) == ["symbolic"])
        #expect(try session.shortTerm.buffer(for: "language").entries.isEmpty)
        #expect(session.tracker.state != nil)

        let second = try pipeline.answer(PipelineRequest(text: "what is 2+2?", expectedDomain: .symbolic), session: &session)
        #expect(session.turns == 2 && second.answers.first?.answerKey == "4")
        #expect(try session.shortTerm.contextTokens(for: "symbolic").count == 2 * (Self.question.utf8.count + "what is 2+2?".utf8.count))
        // the first request is remembered with the domain that answered it
        #expect(second.retrieved.count == 1 && second.retrieved[0].domain == .symbolic && second.retrieved[0].text == Self.question)
        let repeated = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        #expect(abs(repeated.retrieved[0].similarity - 1) < 1e-5 && repeated.retrieved[0].text == Self.question)
        #expect(session.turns == 3 && pipeline.memory?.count == 3)
    }

    @Test("PipelineReply encodes to JSON with the routing trace and decodes back")
    func replyJSON() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        let data = try JSONEncoder().encode(reply)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let routing = try #require(object["routing"] as? [String: Any])
        let chosen = try #require(routing["chosen"] as? [[String: Any]])
        #expect(chosen.first?["domain"] as? String == "symbolic")
        #expect((routing["gateProbabilities"] as? [Double]) == [0, 0, 1, 0])
        #expect(object["domain"] as? String == "symbolic" && object["text"] as? String == reply.text)
        let decoded = try JSONDecoder().decode(PipelineReply.self, from: data)
        #expect(decoded.routing == reply.routing && decoded.answers == reply.answers && decoded.text == reply.text)
        #expect(decoded.stageNanoseconds == reply.stageNanoseconds && decoded.affect == reply.affect)
    }

    @Test("the stage times print as a JSON object keyed by stage, as `biomoe ask --json` shows them")
    func stageTimesJSONObject() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let reply = try pipeline.answer(PipelineRequest(text: Self.question, expectedDomain: .symbolic), session: &session)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(reply)) as? [String: Any])
        let stages = try #require(object["stageNanoseconds"] as? [String: Any], "\(object["stageNanoseconds"] ?? "nil")")
        #expect(Set(stages.keys) == Set(PipelineStage.allCases.map(\.rawValue)))
        #expect((stages["experts"] as? NSNumber)?.uint64Value == reply.stageNanoseconds[.experts])
    }

    @Test("the affect expert answers a strongly worded request routed to it",
          .enabled(if: PipelineFixtures.lexiconsInstalled, PipelineFixtures.lexiconsMissing))
    func affectExpert() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let text = "I am so happy and grateful, I love this wonderful day!!!"
        let reply = try pipeline.answer(PipelineRequest(text: text, expectedDomain: .affect), session: &session)
        let state = PipelineFixtures.detector.detect(text, at: 0)
        #expect(state.valence > 0.8 && reply.domain == .affect, "valence \(state.valence), answered by \(reply.domain)")
        #expect(reply.text.hasPrefix("valence +") && reply.answers.first?.confidence == abs(state.valence))
        #expect(reply.detectedAffect.valence == state.valence && reply.detectedAffect.time == 0)
        #expect(reply.routing.selfAssessment[ExpertDomain.affect.index] == abs(state.valence))
    }

    @Test("an image routed by the oracle gets the vision expert's class")
    func visionRequest() throws {
        let pipeline = try PipelineFixtures.pipeline(router: .oracle)
        var session = PipelineSession()
        let image = PipelineFixtures.fashionTest.map { Array($0.image(at: 9999)) } ?? (0..<784).map { Float($0 % 7) / 7 }
        let reply = try pipeline.answer(PipelineRequest(text: "what is in this picture?", image: image, expectedDomain: .vision),
                                        session: &session)
        let own = try PipelineFixtures.visionExpert().answer(PipelineRequest(text: "", image: image), context: ExpertContext())
        #expect(reply.domain == .vision && reply.answers.first { $0.domain == .vision } == own)
    }
}
