import Tensor
import NN

/// Direct (current) encoding: the same input at every step, `out[t,b,n] = inp[b,n]`.
///
/// The usual input layer for surrogate-gradient SNNs on static data: the first LIF layer turns
/// the constant current into spikes itself, with no sampling noise. Shapes: inp [B,N], out [T,B,N].
public func directEncoding(
    out: UnsafeMutableBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    T: Int, B: Int, N: Int
) {
    precondition(T >= 0 && B >= 0 && N >= 0, "directEncoding needs T, B, N ≥ 0; got T=\(T) B=\(B) N=\(N)")
    precondition(inp.count == B * N, "directEncoding: inp has \(inp.count) elements, expected B·N = \(B * N)")
    precondition(out.count == T * B * N, "directEncoding: out has \(out.count) elements, expected T·B·N = \(T * B * N)")
    let BN = B * N
    // out[t,b,n] = inp[b,n]
    for t in 0..<T {
        let row = t * BN
        for i in 0..<BN {
            out[row + i] = inp[i]
        }
    }
}

/// Bernoulli rate encoding (snnTorch `spikegen.rate`): at every step each input fires
/// independently with probability equal to its value, `out[t,b,n] = 1 if u < p[b,n] else 0`.
///
/// Draws one `unitUniformFloat` per output element in memory order (t, then b, then n), so a
/// seeded generator gives the same spike train on every platform. Probabilities must lie in
/// [0, 1]; normalise inputs first. Shapes: probabilities [B,N], out [T,B,N].
public func rateEncoding<G: RandomNumberGenerator>(
    out: UnsafeMutableBufferPointer<Float>,
    probabilities: UnsafeBufferPointer<Float>,
    T: Int, B: Int, N: Int,
    using generator: inout G
) {
    precondition(T >= 0 && B >= 0 && N >= 0, "rateEncoding needs T, B, N ≥ 0; got T=\(T) B=\(B) N=\(N)")
    precondition(probabilities.count == B * N,
                 "rateEncoding: probabilities has \(probabilities.count) elements, expected B·N = \(B * N)")
    precondition(out.count == T * B * N, "rateEncoding: out has \(out.count) elements, expected T·B·N = \(T * B * N)")
    for i in 0..<probabilities.count {
        precondition(probabilities[i] >= 0 && probabilities[i] <= 1,
                     "rateEncoding: probabilities[\(i)] = \(probabilities[i]) is outside [0, 1]; normalise the inputs first")
    }
    let BN = B * N
    // out[t,b,n] = 1[u < p[b,n]],  u ~ U[0,1)
    for t in 0..<T {
        let row = t * BN
        for i in 0..<BN {
            out[row + i] = generator.unitUniformFloat() < probabilities[i] ? 1 : 0
        }
    }
}
