/// The three continual-learning scenarios of van de Ven & Tolias (2019), spelled as in the config.
///
/// A split protocol (Split MNIST: 5 tasks of 2 classes) is learned one task after another; the
/// scenario says what the network must output and which outputs are "active":
/// - `task` (Task-IL): the task is known at test time; each task has its own head (its classes'
///   outputs), and only that head is trained and read out. 
/// - `domain` (Domain-IL): the task is not known and need not be inferred; one shared head of
///   `classesPerTask` outputs (Split MNIST: "first or second digit of the pair?").
/// - `class` (Class-IL): the task must be inferred; one output per class, and the outputs of every
///   class seen so far are active (while training task t, the classes of tasks 0…t).
public enum ContinualScenario: String, CaseIterable, Sendable {
    case task
    case domain
    case `class`

    /// Output units of the network for `tasks` tasks of `classesPerTask` classes.
    public func outputs(tasks: Int, classesPerTask: Int) -> Int {
        self == .domain ? classesPerTask : tasks * classesPerTask
    }

    /// The output columns a sample of task `sampleTask` is scored on while the learner is at task
    /// `currentTask` (0-based; `currentTask` ≥ `sampleTask`). Also the read-out columns at test
    /// time after training task `currentTask`.
    public func columns(sampleTask: Int, currentTask: Int, classesPerTask: Int) -> Range<Int> {
        switch self {
        case .task: return (sampleTask * classesPerTask)..<((sampleTask + 1) * classesPerTask)
        case .domain: return 0..<classesPerTask
        case .class: return 0..<((currentTask + 1) * classesPerTask)
        }
    }

    /// The target output (a column index) of a sample whose class is number `withinTask` of its
    /// task `sampleTask`; relative to `columns(...).lowerBound` it is what the loss sees.
    public func target(withinTask: Int, sampleTask: Int, classesPerTask: Int) -> Int {
        self == .domain ? withinTask : sampleTask * classesPerTask + withinTask
    }
}
