import Continual
import Datasets
import Testing

@Suite("Continual scenarios and split tasks")
struct ContinualScenarioTests {
    @Test("outputs, active columns and targets of each scenario for Split MNIST (5 tasks of 2)")
    func scenarios() {
        #expect(ContinualScenario.task.outputs(tasks: 5, classesPerTask: 2) == 10)
        #expect(ContinualScenario.domain.outputs(tasks: 5, classesPerTask: 2) == 2)
        #expect(ContinualScenario.class.outputs(tasks: 5, classesPerTask: 2) == 10)
        // a sample of task 1 while training task 3
        #expect(ContinualScenario.task.columns(sampleTask: 1, currentTask: 3, classesPerTask: 2) == 2..<4)
        #expect(ContinualScenario.domain.columns(sampleTask: 1, currentTask: 3, classesPerTask: 2) == 0..<2)
        #expect(ContinualScenario.class.columns(sampleTask: 1, currentTask: 3, classesPerTask: 2) == 0..<8)
        // the second class of task 1
        #expect(ContinualScenario.task.target(withinTask: 1, sampleTask: 1, classesPerTask: 2) == 3)
        #expect(ContinualScenario.domain.target(withinTask: 1, sampleTask: 1, classesPerTask: 2) == 1)
        #expect(ContinualScenario.class.target(withinTask: 1, sampleTask: 1, classesPerTask: 2) == 3)
    }

    @Test("split tasks deal the classes in the given order and keep file order within each task")
    func dealing() throws {
        let split = try SplitTasks(trainLabels: [3, 0, 1, 2, 0, 3], testLabels: [2, 1, 0, 3], classOrder: [2, 0, 3, 1], classesPerTask: 2)
        #expect(split.tasks == 2)
        // task 0 = classes {2, 0}: 2 is within-task 0, 0 is within-task 1
        #expect(split.train[0] == [.init(index: 1, task: 0, withinTask: 1), .init(index: 3, task: 0, withinTask: 0),
                                   .init(index: 4, task: 0, withinTask: 1)])
        #expect(split.train[1].map(\.index) == [0, 2, 5])
        #expect(split.train[1].map(\.withinTask) == [0, 1, 0])
        #expect(split.test[0].map(\.index) == [0, 2] && split.test[1].map(\.index) == [1, 3])
    }

    @Test("a class order that cannot be dealt, or a task without images, is an error saying so")
    func errors() {
        #expect(throws: SplitTasksError.self) { try SplitTasks(trainLabels: [0], testLabels: [0], classOrder: [0, 1, 2], classesPerTask: 2) }
        #expect(throws: SplitTasksError.self) { try SplitTasks(trainLabels: [0], testLabels: [0], classOrder: [0, 0], classesPerTask: 2) }
        do {
            _ = try SplitTasks(trainLabels: [0, 1], testLabels: [0, 1], classOrder: [0, 1, 2, 3], classesPerTask: 2)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "split tasks: task 1 (classes [2, 3]) has no training images")
        }
    }
}
