import Tensor

/// PyTorch's default `nn.Linear` initialisation: weight [OC,C] and bias [OC] both drawn from
/// U(−1/√C, 1/√C) (kaiming_uniform with a = √5 reduces to this bound for the weight).
/// Draws the whole weight in row-major order, then the bias, so the same generator state
/// always gives the same layer.
public func initializeLinear<G: RandomNumberGenerator>(
    weight: UnsafeMutableBufferPointer<Float>,
    bias: UnsafeMutableBufferPointer<Float>?,
    C: Int, OC: Int,
    using generator: inout G
) {
    precondition(C > 0 && OC > 0, "initializeLinear needs C > 0 and OC > 0; got C=\(C) OC=\(OC)")
    precondition(weight.count == OC * C, "initializeLinear: weight has \(weight.count) elements, expected OC·C = \(OC * C)")
    if let bias { precondition(bias.count == OC, "initializeLinear: bias has \(bias.count) elements, expected OC = \(OC)") }
    let bound = 1 / Float(C).squareRoot()
    generator.fillUniform(weight, bound: bound)
    if let bias { generator.fillUniform(bias, bound: bound) }
}
