import Foundation

/// What happens to the membrane after a neuron spiked, snnTorch's `reset_mechanism`.
///
/// The reset is applied one step late (snnTorch's default `reset_delay=True`): the spike decided
/// from `U[t−1]` shapes `U[t]`, and no gradient flows through that decision (snnTorch detaches it).
public enum ResetMechanism: String, CaseIterable, Sendable {
    /// `U[t] = β·U[t−1] + I[t] − R[t]·θ`: keeps the overshoot above threshold, so a strong input
    /// fires at a rate that tracks its magnitude. snnTorch's default.
    case subtract
    /// `U[t] = β·(1 − R[t])·U[t−1] + I[t]`: forgets everything after a spike.
    case zero
    /// `U[t] = β·U[t−1] + I[t]`: pure leaky integration; spikes are read out but never reset.
    case none
}

/// The surrogate as named in a suite config (`surrogate:`); raw values are the config spelling.
/// Each names one `SurrogateGradient` with snnTorch's default constant.
public enum SurrogateKind: String, CaseIterable, Sendable {
    case arctan
    case fastSigmoid = "fast-sigmoid"

    /// arctan with α = 2 (snnTorch's `surrogate.atan` default), fast sigmoid with slope 25.
    public var gradient: SurrogateGradient {
        switch self {
        case .arctan: return .arctan(alpha: 2)
        case .fastSigmoid: return .fastSigmoid(slope: 25)
        }
    }
}

/// The smooth stand-in for dH/dx used in backward, where H is the Heaviside step at the threshold.
///
/// Spikes are a step function of the membrane, whose true derivative is zero almost everywhere;
/// surrogate-gradient training keeps the hard step in the forward pass and uses the derivative of
/// a smooth step in its place (Neftci, Mostafa & Zenke 2019). The two cases and their
/// constants follow snnTorch's `surrogate.atan` and `surrogate.fast_sigmoid` backward passes.
public enum SurrogateGradient: Sendable, Equatable {
    /// snnTorch `surrogate.atan(alpha)` (default α = 2):
    /// `dS/dx = (α/2) / (1 + ((π/2)·α·x)²)`, the derivative of `(1/π)·arctan((π/2)·α·x) + 1/2`.
    case arctan(alpha: Float)
    /// snnTorch `surrogate.fast_sigmoid(slope)` (default k = 25, SuperSpike):
    /// `dS/dx = 1 / (k·|x| + 1)²`, the derivative of `x / (1 + k·|x|)`.
    case fastSigmoid(slope: Float)

    /// snnTorch's default `spike_grad` for `Leaky` (its `ATan`, α = 2).
    public static let snnTorchDefault: SurrogateGradient = .arctan(alpha: 2)

    /// dS/dU at `x = U − θ`; this is what backward multiplies `dL/dS` by.
    @inline(__always)
    public func derivative(_ x: Float) -> Float {
        switch self {
        case let .arctan(alpha):
            let z = (Float.pi / 2) * alpha * x
            return (alpha / 2) / (1 + z * z)
        case let .fastSigmoid(slope):
            let d = slope * abs(x) + 1
            return 1 / (d * d)
        }
    }

    /// The smooth function whose derivative is exactly `derivative(_:)`.
    ///
    /// Not what snnTorch emits in forward (that is the hard step); it exists so that
    /// `lifForward(smooth: true)` is a differentiable function whose finite differences test
    /// `lifBackward` exactly. For atan it is a proper step from 0 to 1; for the fast sigmoid it is
    /// snnTorch's documented `x / (1 + k·|x|)`, which runs from −1/k to 1/k — no rescaling of it
    /// keeps the derivative `1/(1 + k·|x|)²` and also spans 0 to 1.
    @inline(__always)
    public func smoothStep(_ x: Float) -> Float {
        switch self {
        case let .arctan(alpha):
            return atan((Float.pi / 2) * alpha * x) / Float.pi + 0.5
        case let .fastSigmoid(slope):
            return x / (1 + slope * abs(x))
        }
    }
}

/// The constants of one layer of leaky integrate-and-fire neurons (snnTorch `Leaky`).
public struct LIFParameters: Sendable, Equatable {
    /// Membrane decay per step, in [0, 1] (snnTorch clamps β to that range; here it is checked).
    public var beta: Float
    /// Firing threshold θ: a neuron spikes when `U > θ` (strictly).
    public var threshold: Float
    public var reset: ResetMechanism
    /// Used by backward only; forward always emits hard 0/1 spikes unless asked for `smooth`.
    public var surrogate: SurrogateGradient

    /// Defaults are snnTorch's, except β, which snnTorch requires and whose tutorials set to 0.9.
    public init(beta: Float = 0.9, threshold: Float = 1, reset: ResetMechanism = .subtract,
                surrogate: SurrogateGradient = .snnTorchDefault) {
        self.beta = beta
        self.threshold = threshold
        self.reset = reset
        self.surrogate = surrogate
    }
}
