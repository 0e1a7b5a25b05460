import Foundation

/// Rotary position embedding (Su et al. 2021, RoFormer) in the GPT-NeoX / Hugging Face llama
/// "rotate_half" layout: within each head of E = C/H features, feature i pairs with i + E/2 and
/// the pair turns by the angle t·θᵢ of its position t, so q_t · k_s depends on t − s only:
///
///     θᵢ = base^(−2i/E),  angle = t·θᵢ                          i < E/2, base 10000
///     out[b,t,h·E+i]       = inp[b,t,h·E+i] cos − inp[b,t,h·E+i+E/2] sin
///     out[b,t,h·E+i+E/2]   = inp[b,t,h·E+i+E/2] cos + inp[b,t,h·E+i] sin
///
/// Shapes: inp, out [B,T,C]; cos, sin [P, E/2] for positions 0..<P (`rotaryAngleTables`), row t
/// of time step t read at position `firstPosition + t` (a recurrent step passes T = 1 and its
/// position). `out` and `inp` must not overlap.
public func rotaryEmbeddingForward(
    out: UnsafeMutableBufferPointer<Float>,
    inp: UnsafeBufferPointer<Float>,
    cos: UnsafeBufferPointer<Float>,
    sin: UnsafeBufferPointer<Float>,
    B: Int, T: Int, C: Int, H: Int, firstPosition: Int = 0
) {
    precondition(H > 0 && C % H == 0 && (C / H) % 2 == 0, "rotaryEmbeddingForward: the head size C/H = \(C)/\(H) must be an even integer")
    precondition(out.count == B * T * C && inp.count == B * T * C, "rotaryEmbeddingForward: out and inp must hold B·T·C = \(B * T * C) elements")
    let half = C / H / 2
    precondition(firstPosition >= 0 && cos.count == sin.count && (firstPosition + T) * half <= cos.count,
                 "rotaryEmbeddingForward: positions \(firstPosition)..<\(firstPosition + T) exceed the \(cos.count / max(half, 1)) rows of the angle tables")
    for b in 0..<B {
        for t in 0..<T {
            let angle = (firstPosition + t) * half
            for h in 0..<H {
                let row = (b * T + t) * C + h * 2 * half
                // x'_i = x_i cos − x_{i+E/2} sin;  x'_{i+E/2} = x_{i+E/2} cos + x_i sin
                for i in 0..<half {
                    let c = cos[angle + i], s = sin[angle + i], x1 = inp[row + i], x2 = inp[row + half + i]
                    out[row + i] = x1 * c - x2 * s
                    out[row + half + i] = x2 * c + x1 * s
                }
            }
        }
    }
}

/// Backward of `rotaryEmbeddingForward`, adding into `dinp`: the rotation is orthogonal, so the
/// gradient turns back by the same angle.
///
///     out_i = x_i cos − x_{i+E/2} sin,  out_{i+E/2} = x_{i+E/2} cos + x_i sin
///     ⇒ dx_i += dout_i cos + dout_{i+E/2} sin;  dx_{i+E/2} += dout_{i+E/2} cos − dout_i sin
public func rotaryEmbeddingBackward(
    dinp: UnsafeMutableBufferPointer<Float>,
    dout: UnsafeBufferPointer<Float>,
    cos: UnsafeBufferPointer<Float>,
    sin: UnsafeBufferPointer<Float>,
    B: Int, T: Int, C: Int, H: Int, firstPosition: Int = 0
) {
    precondition(H > 0 && C % H == 0 && (C / H) % 2 == 0, "rotaryEmbeddingBackward: the head size C/H = \(C)/\(H) must be an even integer")
    precondition(dinp.count == B * T * C && dout.count == B * T * C, "rotaryEmbeddingBackward: dinp and dout must hold B·T·C = \(B * T * C) elements")
    let half = C / H / 2
    precondition(firstPosition >= 0 && cos.count == sin.count && (firstPosition + T) * half <= cos.count,
                 "rotaryEmbeddingBackward: positions \(firstPosition)..<\(firstPosition + T) exceed the angle tables")
    for b in 0..<B {
        for t in 0..<T {
            let angle = (firstPosition + t) * half
            for h in 0..<H {
                let row = (b * T + t) * C + h * 2 * half
                for i in 0..<half {
                    let c = cos[angle + i], s = sin[angle + i], g1 = dout[row + i], g2 = dout[row + half + i]
                    dinp[row + i] += g1 * c + g2 * s
                    dinp[row + half + i] += g2 * c - g1 * s
                }
            }
        }
    }
}

/// Fills cos, sin [P, E/2] with cos(t·θᵢ), sin(t·θᵢ), θᵢ = base^(−2i/E), for positions t < P.
/// Computed in Double and rounded once, so long positions keep their angle to float precision.
public func rotaryAngleTables(cos: UnsafeMutableBufferPointer<Float>, sin: UnsafeMutableBufferPointer<Float>,
                              P: Int, E: Int, base: Double = 10_000) {
    precondition(E > 0 && E % 2 == 0, "rotaryAngleTables: the head size E = \(E) must be even")
    precondition(cos.count == P * E / 2 && sin.count == P * E / 2, "rotaryAngleTables: cos and sin must hold P·E/2 = \(P * E / 2) elements")
    let half = E / 2
    for i in 0..<half {
        let theta = Foundation.pow(base, -2 * Double(i) / Double(E))
        for t in 0..<P {
            let angle = Double(t) * theta
            cos[t * half + i] = Float(Foundation.cos(angle))
            sin[t * half + i] = Float(Foundation.sin(angle))
        }
    }
}
