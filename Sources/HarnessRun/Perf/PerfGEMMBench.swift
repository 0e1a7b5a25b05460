import HarnessConfig
import NN
import Tensor

/// The gemm-layer bench: one of the models' GEMM layers, forward and backward
/// (`linearForward` + `linearBackward` with input and weight gradients, and the bias where the
/// layer has one), against the same three sgemm calls made directly on the same buffers, and
/// against the sgemm peak (n = 1024) measured in the same run.
///
/// Why both: the fraction of raw sgemm at the same shape is what the layer code costs on top of
/// BLAS (bias passes, wrappers; issue 11 asks ≥ 70 %); the fraction of the peak is how well
/// BLAS itself does at the layer's shape, which small or skinny shapes cannot reach.
enum PerfGEMMBench {
    /// Rows, inputs and outputs of a layer, and whether it has a bias.
    static func shape(_ layer: GEMMLayer, spec: RunSpec) throws -> (rows: Int, C: Int, OC: Int, bias: Bool) {
        let d = try spec.int("d_model"), expand = try spec.int("expand")
        let tokens = try spec.int("train_batch") * (try spec.int("seq_len"))
        switch layer {
        case .mambaInProj: return (tokens, d, 2 * expand * d, false)
        case .mambaOutProj: return (tokens, expand * d, d, false)
        case .attentionProj: return (tokens, d, d, false)
        case .mlpHidden: return (try spec.int("train_batch"), 784, 256, true)
        }
    }

    static func run(spec: RunSpec, into outcome: inout RunOutcome) throws {
        let layer = try spec.choice("gemm_layer", as: GEMMLayer.self)
        let (R, C, OC, hasBias) = try shape(layer, spec: spec)
        let repeats = max(5, try spec.int("throughput_repeats"))
        var rng = RandomStreams(suiteSeed: UInt32(spec.suiteSeed), runSeed: UInt32(spec.seed)).generator("perf-gemm")
        let buffers = [R * C, OC * C, OC, R * OC, R * OC, R * C, OC * C, OC].map { UnsafeMutableBufferPointer<Float>.allocate(capacity: $0) }
        defer { buffers.forEach { $0.deallocate() } }
        let (inp, weight, bias, out, dout, dinp, dweight, dbias) =
            (buffers[0], buffers[1], buffers[2], buffers[3], buffers[4], buffers[5], buffers[6], buffers[7])
        for buffer in [inp, weight, bias, dout] { rng.fillUniform(buffer, bound: 1) }
        for buffer in [out, dinp, dweight, dbias] { buffer.initialize(repeating: 0) }
        let biasArgument = hasBias ? UnsafeBufferPointer(bias) : nil
        let layerSeconds = PerfExperiment.medianSeconds(repeats) {
            linearForward(out: out, inp: UnsafeBufferPointer(inp), weight: UnsafeBufferPointer(weight), bias: biasArgument, B: R, C: C, OC: OC)
            linearBackward(dinp: dinp, dweight: dweight, dbias: hasBias ? dbias : nil, dout: UnsafeBufferPointer(dout),
                           inp: UnsafeBufferPointer(inp), weight: UnsafeBufferPointer(weight), B: R, C: C, OC: OC)
        }
        // The layer's three GEMMs, issued directly: out = inp·Wᵀ, dinp += dout·W, dW += doutᵀ·inp.
        let rawSeconds = PerfExperiment.medianSeconds(repeats) {
            sgemm(transA: false, transB: true, m: R, n: OC, k: C, alpha: 1, a: inp.baseAddress!, lda: C,
                  b: weight.baseAddress!, ldb: C, beta: 0, c: out.baseAddress!, ldc: OC)
            sgemm(transA: false, transB: false, m: R, n: C, k: OC, alpha: 1, a: dout.baseAddress!, lda: OC,
                  b: weight.baseAddress!, ldb: C, beta: 1, c: dinp.baseAddress!, ldc: C)
            sgemm(transA: true, transB: false, m: OC, n: C, k: R, alpha: 1, a: dout.baseAddress!, lda: OC,
                  b: inp.baseAddress!, ldb: C, beta: 1, c: dweight.baseAddress!, ldc: C)
        }
        let flops = 3 * 2 * Double(R) * Double(C) * Double(OC)
        let peak = PerfExperiment.sgemmGFLOPS(n: 1024)
        outcome.metric("gemm_layer_gflops", flops / layerSeconds / 1e9)
        outcome.metric("gemm_raw_gflops", flops / rawSeconds / 1e9)
        outcome.metric("gemm_layer_fraction", rawSeconds / layerSeconds)
        outcome.metric("gemm_layer_of_peak", flops / layerSeconds / 1e9 / peak)
        outcome.metric("sgemm_peak_gflops", peak)
    }
}
