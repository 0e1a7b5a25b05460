import HarnessConfig
import NN
import Sequence
import Tensor

/// One sequence block of a perf run's shape with its input and output gradient: initialised
/// from the "perf-init" stream of the run's seeds, then the [B,T,C] input and output gradient
/// drawn from the same stream. The bench times it; biomoe-before's check runs it once. Both see
/// the same block on the same data, as the driver in baselines/biomoe-before/ does.
final class PerfBlock {
    let mixer: SequenceMixer
    let table: ParameterTable
    let B: Int, T: Int
    let inp, out, dout, dinp: UnsafeMutableBufferPointer<Float>

    init(_ bench: PerfBench, spec: RunSpec, reference: Bool) throws {
        B = try spec.int("train_batch")
        T = try spec.int("seq_len")
        let C = try spec.int("d_model")
        var rng = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed)).generator("perf-init")
        switch bench {
        case .mambaBlock:
            let config = MambaConfig(dModel: C, dState: try spec.int("d_state"), dConv: try spec.int("d_conv"), expand: try spec.int("expand"))
            table = ParameterTable(config.parameterShapes(prefix: ""))
            let mamba = try MambaMixer(config: config, parameters: table, prefix: "", maxTokens: B * T, maxT: T)
            mamba.initialize(using: &rng)
            mamba.referenceKernels = reference
            mixer = mamba
        case .linearAttentionBlock:
            table = ParameterTable(AttentionMixer.parameterShapes(C: C, prefix: ""))
            let attention = try AttentionMixer(kind: .linear(normalize: try spec.bool("normalize")), C: C, H: try spec.int("heads"),
                                               parameters: table, prefix: "", maxTokens: B * T, maxT: T)
            attention.initialize(using: &rng)
            attention.referenceKernels = reference
            mixer = attention
        case .sgemm, .moeTrain, .gemmLayer, .harness, .gitMine:
            preconditionFailure("\(bench.rawValue) is not a sequence block")
        }
        let count = B * T * C
        (inp, out, dout, dinp) = (.allocate(capacity: count), .allocate(capacity: count), .allocate(capacity: count), .allocate(capacity: count))
        rng.fillUniform(inp, bound: 1)
        rng.fillUniform(dout, bound: 1)
        dinp.initialize(repeating: 0)
        out.initialize(repeating: 0)
    }

    deinit { [inp, out, dout, dinp].forEach { $0.deallocate() } }

    var tokens: Int { B * T }
    var parameterCount: Int { table.entries.reduce(0) { $0 + $1.count } }

    func forward() { mixer.forward(out: out, inp: UnsafeBufferPointer(inp), B: B, T: T) }

    /// Forward, then backward of the fixed output gradient (gradients accumulate; no optimizer step).
    func train() {
        forward()
        mixer.backward(dinp: dinp, dout: UnsafeBufferPointer(dout), inp: UnsafeBufferPointer(inp), B: B, T: T)
    }
}
