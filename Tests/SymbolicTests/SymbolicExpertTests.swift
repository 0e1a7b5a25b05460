import Symbolic
import Testing

@Suite("The symbolic expert: confidence and answers")
struct SymbolicExpertTests {
    let expert = SymbolicExpert()

    @Test("\"what is 17*23?\" is answered 391, with the expression and its canonical form for the trace")
    func answers391() throws {
        let answer = try expert.answer("what is 17*23?").get()
        #expect(answer == SymbolicAnswer(value: .number(391), rendering: "391", expression: "17*23",
                                         canonicalExpression: "(17 * 23)"))
    }

    @Test("truth questions, exact fractions and their decimal rendering")
    func otherAnswers() throws {
        #expect(try expert.answer("Is 3/4 < 0.8?").get().value == .boolean(true))
        #expect(try expert.answer("(1/3 + 1/6) * 2").get().value == .number(1))
        #expect(try expert.answer("not (2 > 3) and 1 == 1").get().value == .boolean(true))
        let third = try expert.answer("what is 1/3?").get()
        #expect(third.value.description == "1/3" && third.rendering == "0.333333… (1/3)")
        #expect(try expert.answer("compute 3/4").get().rendering == "0.75")
        #expect(try expert.answer("What's 2 ^ -3?").get().canonicalExpression == "(2 ^ (-3))")
    }

    @Test("an unparsable question gets a clear message with a column in the question, never a crash")
    func failures() {
        let cases: [(String, String)] = [
            ("what is 17*+?", "expected a number, true, false or '(' at column 13, found the end of the expression"),
            ("what is (2 + 3?", "unbalanced parenthesis: the '(' at column 9 is never closed"),
            ("compute 1/0", "division by zero at column 10"),
            ("what is 1 + true?", "cannot add a boolean to a number at column 11"),
            ("?", "empty expression: there is nothing to evaluate (try e.g. \"what is 17*23?\")"),
            ("the cat sat on the mat", "no expression found in \"the cat sat on the mat\": write numbers with + - * / % ^, comparisons (< <= > >= == !=) and and/or/not, e.g. \"what is 17*23?\""),
        ]
        for (question, message) in cases {
            switch expert.answer(question) {
            case let .success(answer): Issue.record("\(question.debugDescription) answered \(answer.rendering)")
            case let .failure(error): #expect(error.description == message, "\(question.debugDescription)")
            }
        }
    }

    @Test("canHandle: an arithmetic question scores 1, prose 0, a stray number 0, broken arithmetic in between")
    func confidenceOrdering() {
        let arithmetic = expert.canHandle("what is 17*23?")
        let prose = expert.canHandle("the cat sat on the mat")
        let strayNumber = expert.canHandle("I have 3 cats")
        let malformed = expert.canHandle("what is 2 + * 3?")
        let mixed = expert.canHandle("what is 2 + x?")
        let bare = expert.canHandle("3:30")
        #expect(arithmetic == 1.0)
        #expect(prose == 0)
        #expect(strayNumber == 0)
        #expect(malformed == 0.5 && mixed == 0.2 && bare == 0.1)
        #expect(arithmetic > malformed && malformed > mixed && mixed > bare && bare > strayNumber)
        #expect(expert.canHandle("Is 3/4 < 0.8?") == 1.0)
        #expect(expert.canHandle("compute 1/0") == 1.0)                       // ours to explain
        #expect(expert.canHandle("") == 0)
    }
}
