import Symbolic
import Testing

@Suite("Finding the expression in a question")
struct SymbolicQueryTests {
    @Test("question framing and trailing punctuation are stripped, case-insensitively")
    func framings() {
        #expect(SymbolicQuery.extract(from: "what is 17*23?") == "17*23")
        #expect(SymbolicQuery.extract(from: "Is 3/4 < 0.8?") == "3/4 < 0.8")
        #expect(SymbolicQuery.extract(from: "(1/3 + 1/6) * 2") == "(1/3 + 1/6) * 2")
        #expect(SymbolicQuery.extract(from: "not (2 > 3) and 1 == 1") == "not (2 > 3) and 1 == 1")
        #expect(SymbolicQuery.extract(from: "What's 2+2?") == "2+2")
        #expect(SymbolicQuery.extract(from: "what’s 2+2?") == "2+2")
        #expect(SymbolicQuery.extract(from: "Compute 2^10.") == "2^10")
        #expect(SymbolicQuery.extract(from: "calculate (1+2)*3") == "(1+2)*3")
        #expect(SymbolicQuery.extract(from: "EVALUATE 7 % 3") == "7 % 3")
        #expect(SymbolicQuery.extract(from: "what is the value of 1/4?") == "1/4")
        #expect(SymbolicQuery.extract(from: "is it true that 1 < 2?") == "1 < 2")
        #expect(SymbolicQuery.extract(from: "  is 2+2 = 4 ? . ") == "2+2 = 4")
        #expect(SymbolicQuery.extract(from: "is true or false?") == "true or false")
        #expect(SymbolicQuery.extract(from: "what is 2.5.") == "2.5")
    }

    @Test("prose, a stray number, and framing with nothing after it give nil")
    func notExpressions() {
        #expect(SymbolicQuery.extract(from: "the cat sat on the mat") == nil)
        #expect(SymbolicQuery.extract(from: "I have 3 cats") == nil)
        #expect(SymbolicQuery.extract(from: "what is love?") == nil)
        #expect(SymbolicQuery.extract(from: "isotope 3+4") == nil)        // "is" only as a whole word
        #expect(SymbolicQuery.extract(from: "what is 2 + x?") == nil)
        #expect(SymbolicQuery.extract(from: "what is?") == nil)
        #expect(SymbolicQuery.extract(from: "") == nil)
        #expect(SymbolicQuery.extract(from: "?") == nil)
        #expect(SymbolicQuery.extract(from: "+ - *") == nil)              // no digit, no true/false
    }

    @Test("symbols are left for the parser to judge, so bad characters get a column")
    func symbolsPassThrough() {
        #expect(SymbolicQuery.extract(from: "what is 2 $ 3?") == "2 $ 3")
        #expect(SymbolicQuery.extract(from: "3:30") == "3:30")
    }

    @Test("the result is a slice of the question, so columns point into the question as typed")
    func columnsInTheQuestion() throws {
        let question = "what is 1 + true?"
        let expression = try #require(SymbolicQuery.extract(from: question))
        #expect(throws: SymbolicError.typeMismatch(.add, left: .number, right: .boolean, column: 11)) {
            try SymbolicParser.parse(expression).evaluate()
        }
    }
}
