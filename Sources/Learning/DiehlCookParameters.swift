/// The constants of Diehl & Cook (2015), "Unsupervised learning of digit recognition using
/// spike-timing-dependent plasticity", as the authors' Brian code sets them
/// (peter-u-diehl/stdp-mnist, Diehl&Cook_spiking_MNIST.py and the random-connection generator).
///
/// Units: millivolts, milliseconds, hertz; conductances are in units of the leak conductance, as
/// in the reference (`I_syn / nS`). Every default is the reference's value; the ones a suite may
/// vary are config keys of `model: diehl-cook` (docs/CONFIG.md).
public struct DiehlCookParameters: Sendable, Equatable {
    /// N, excitatory neurons (and as many inhibitory ones, paired one to one).
    public var excitatory: Int
    /// Input neurons, one per pixel.
    public var inputs: Int = 784
    /// Integration step (ms).
    public var dt: Float = 0.5
    /// Steps an image is shown (350 ms) and steps of rest with silent inputs after it (150 ms).
    public var presentationSteps: Int = 700
    public var restSteps: Int = 300

    // Excitatory neurons: dv/dt = ((v_rest − v) + g_e·(0 − v) + g_i·(−100 − v)) / 100 ms
    public var restE: Float = -65
    public var resetE: Float = -65
    /// Threshold before adaptation; the reference writes it as θ − offset − 52 mV with θ starting
    /// at the offset (20 mV), which is −52 mV + θ here with θ starting at 0.
    public var thresholdE: Float = -52
    public var tauE: Float = 100
    public var inhibitoryReversalE: Float = -100
    /// Refractory period (ms): the membrane is held at reset.
    public var refractoryE: Float = 5
    // Inhibitory neurons: dv/dt = ((v_rest − v) + g_e·(0 − v) + g_i·(−85 − v)) / 10 ms; nothing
    // drives their g_i (the reference has no I→I connection).
    public var restI: Float = -60
    public var resetI: Float = -45
    public var thresholdI: Float = -40
    public var tauI: Float = 10
    public var refractoryI: Float = 2
    /// Synaptic conductance time constants (ms), both populations.
    public var tauGe: Float = 1
    public var tauGi: Float = 2

    /// Adaptive threshold: θ += θ₊ per spike while learning, dθ/dt = −θ/τ_θ (ms).
    public var thetaPlus: Float = 0.05
    public var tauTheta: Double = 1e7

    /// Trace STDP on input → excitatory weights (the reference's "triplet-like" rule):
    /// pre spike: x_pre = 1, w −= ν_pre·x_post1; post spike: w += ν_post·x_pre·x_post2(before),
    /// x_post1 = x_post2 = 1; weights clipped to [0, w_max].
    public var tauPre: Float = 20
    public var tauPost1: Float = 20
    public var tauPost2: Float = 40
    public var nuPre: Float = 0.0001
    public var nuPost: Float = 0.01
    public var wMax: Float = 1

    /// Every excitatory neuron's input weights are rescaled to sum to this before each training
    /// presentation.
    public var weightSum: Float = 78
    /// Initial input weights: (U[0, 1) + 0.01)·0.3.
    public var initialWeightScale: Float = 0.3

    /// Excitatory i → inhibitory i, and inhibitory i → every excitatory neuron but i.
    public var excitatoryToInhibitory: Float = 10.4
    public var inhibitoryToExcitatory: Float = 17

    /// Input rate = byte / 8 · intensity Hz (intensity 2: at most 63.75 Hz); when fewer than
    /// `minimumSpikes` excitatory spikes answer a presentation, the image is shown again after a
    /// rest with intensity + 1 (+31.9 Hz at the brightest pixel).
    public var inputIntensity: Float = 2
    public var minimumSpikes: Int = 5
    /// Not in the reference (which retries forever): after this many presentations the image is
    /// taken with whatever spikes the last one gave, so a blank input cannot hang a run.
    public var maximumPresentations: Int = 20

    public init(excitatory: Int) {
        precondition(excitatory > 0, "excitatory must be > 0")
        self.excitatory = excitatory
    }

    /// Steps of the refractory periods, rounded to the nearest step (10 and 4 at dt 0.5 ms).
    var refractoryStepsE: Int32 { Int32((refractoryE / dt).rounded()) }
    var refractoryStepsI: Int32 { Int32((refractoryI / dt).rounded()) }
}
