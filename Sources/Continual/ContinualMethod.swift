/// How a learner fights forgetting, spelled as in the config (`cl_method`). The first five are the
/// baselines of van de Ven & Tolias (2019) Table 4 with their names there in brackets.
public enum ContinualMethod: String, CaseIterable, Sendable {
    /// Plain sequential training ("None"): the lower bound.
    case fineTune = "fine-tune"
    /// Elastic weight consolidation (Kirkpatrick et al. 2017), one diagonal-Fisher penalty per
    /// past task ("EWC").
    case ewc
    /// Synaptic intelligence (Zenke et al. 2017): the importance of a weight is its path integral
    /// of the loss over training ("SI").
    case si
    /// Learning without forgetting (Li & Hoiem 2017): the current task's inputs are replayed with
    /// the previous model's soft outputs as targets ("LwF").
    case lwf
    /// Experience replay from a small buffer of stored training examples per class (not in the
    /// 2019 table; its 2022 sequel's "ER").
    case replay
    /// Training on every task seen so far at once ("Offline"): the upper bound.
    case joint
    /// Seed 001's growth model with an expert per task, each cloned from the previous one; the
    /// gate learns to route each task to its expert (Growth's `RoutedGrowthLearner`).
    case routedGrowth = "routed-growth"
    /// Routed growth with every past expert frozen (`freeze_mask`).
    case routedGrowthFreeze = "routed-growth-freeze"
    /// Routed growth with EMC's output-space penalty on the past experts.
    case routedGrowthEMC = "routed-growth-emc"

    /// The methods of the growth model, run by Growth's `RoutedGrowthLearner`, not `ContinualLearner`.
    public var isRoutedGrowth: Bool { [.routedGrowth, .routedGrowthFreeze, .routedGrowthEMC].contains(self) }
}
