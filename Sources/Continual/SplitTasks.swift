import Datasets

/// A split protocol: the classes of a data set dealt into tasks of `classesPerTask` classes each,
/// in `classOrder` (van de Ven & Tolias shuffle the ten digits per seed before dealing them, so
/// task 0 is not always 0 vs 1).
///
/// Every training and test image whose class is in some task is listed once under its task, with
/// its position inside the task (0 or 1 for Split MNIST), in file order.
public struct SplitTasks: Sendable {
    public struct Sample: Sendable, Equatable {
        /// Row of the image in its data set.
        public let index: Int
        public let task: Int
        /// Position of the image's class within its task's classes.
        public let withinTask: Int

        public init(index: Int, task: Int, withinTask: Int) {
            self.index = index
            self.task = task
            self.withinTask = withinTask
        }
    }

    public let classOrder: [Int]
    public let classesPerTask: Int
    public let tasks: Int
    /// Per task, its training / test samples.
    public let train: [[Sample]]
    public let test: [[Sample]]

    /// `classOrder` lists class labels; task t gets `classOrder[t·k ..< (t+1)·k]`.
    public init(trainLabels: [Int32], testLabels: [Int32], classOrder: [Int], classesPerTask: Int) throws {
        guard classesPerTask > 0, !classOrder.isEmpty, classOrder.count % classesPerTask == 0 else {
            throw SplitTasksError("\(classOrder.count) classes cannot be dealt into tasks of \(classesPerTask)")
        }
        guard Set(classOrder).count == classOrder.count, classOrder.allSatisfy({ $0 >= 0 }) else {
            throw SplitTasksError("class order \(classOrder) repeats a class or has a negative one")
        }
        self.classOrder = classOrder
        self.classesPerTask = classesPerTask
        self.tasks = classOrder.count / classesPerTask
        var position: [Int: Int] = [:]
        for (i, label) in classOrder.enumerated() { position[label] = i }
        func deal(_ labels: [Int32], tasks: Int) -> [[Sample]] {
            var result = Array(repeating: [Sample](), count: tasks)
            for (index, label) in labels.enumerated() {
                guard let p = position[Int(label)] else { continue }
                result[p / classesPerTask].append(Sample(index: index, task: p / classesPerTask, withinTask: p % classesPerTask))
            }
            return result
        }
        train = deal(trainLabels, tasks: tasks)
        test = deal(testLabels, tasks: tasks)
        for t in 0..<tasks where train[t].isEmpty || test[t].isEmpty {
            throw SplitTasksError("task \(t) (classes \(Array(classOrder[(t * classesPerTask)..<((t + 1) * classesPerTask)]))) has no "
                                  + (train[t].isEmpty ? "training" : "test") + " images")
        }
    }
}

public struct SplitTasksError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = "split tasks: " + description }
}
