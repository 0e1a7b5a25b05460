/// What one continual-learning run trains and how. The defaults are van de Ven & Tolias' (2019)
/// Split MNIST settings: an MLP with two hidden layers of 400 ReLU units, 2 000 Adam steps
/// (lr 0.001, β 0.9 / 0.999, never reset) of batch 128 per task, distillation temperature 2,
/// SI damping 0.1. EWC's λ and SI's c depend on the scenario, so the suite states them.
public struct ContinualSettings: Sendable {
    public var scenario: ContinualScenario
    public var method: ContinualMethod
    public var hidden: [Int] = [400, 400]
    public var iterationsPerTask = 2000
    public var batchSize = 128
    public var learningRate: Float = 0.001
    /// EWC's λ: the penalty is λ/2 Σ_tasks Σ_i F_i (θ_i − θ*_i)².
    public var ewcLambda: Float = 0
    /// SI's c: the penalty is c Σ_i Ω_i (θ_i − θ*_i)².
    public var siStrength: Float = 0
    public var siDamping: Float = 0.1
    /// LwF's distillation temperature T.
    public var temperature: Float = 2
    /// Replay's stored examples per class.
    public var replayPerClass = 100

    public init(scenario: ContinualScenario, method: ContinualMethod) {
        self.scenario = scenario
        self.method = method
    }
}
