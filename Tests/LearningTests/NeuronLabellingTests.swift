import Testing
import Learning

@Suite("Neuron labelling and the labelled-neuron vote")
struct NeuronLabellingTests {
    @Test("each neuron is labelled with the class of its highest mean count; a silent neuron gets class 0")
    func assignments() {
        var labelling = NeuronLabelling(classes: 3, neurons: 4)
        labelling.add(counts: [4, 0, 1, 0], label: 1)
        labelling.add(counts: [2, 0, 1, 0], label: 1)   // class 1 means: [3, 0, 1, 0]
        labelling.add(counts: [1, 5, 0, 0], label: 2)   // class 2 means: [1, 5, 0, 0]
        labelling.add(counts: [0, 1, 2, 0], label: 0)   // class 0 means: [0, 1, 2, 0]
        #expect(labelling.assignments() == [1, 2, 0, 0])
    }

    @Test("ties go to the lower class, as the reference's strict > keeps the first maximum")
    func ties() {
        var labelling = NeuronLabelling(classes: 2, neurons: 1)
        labelling.add(counts: [3], label: 1)
        labelling.add(counts: [3], label: 0)
        #expect(labelling.assignments() == [0])
    }

    @Test("an input is classified as the class whose labelled neurons fire most on average")
    func vote() {
        // neurons labelled [1, 1, 2, 0]; counts [6, 0, 4, 1]: class 1 mean 3, class 2 mean 4, class 0 mean 1
        #expect(NeuronLabelling.predict(counts: [6, 0, 4, 1], assignments: [1, 1, 2, 0], classes: 3) == 2)
        // a class with no neuron scores 0 and is never predicted over a firing one
        #expect(NeuronLabelling.predict(counts: [0, 0, 0, 1], assignments: [1, 1, 1, 0], classes: 3) == 0)
    }
}
