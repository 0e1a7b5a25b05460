import TestSupport
import Foundation
import Testing
import NN
@testable import Sequence

@Suite("Mamba block")
struct MambaTests {
    /// A small block with the reference init, A_log and D moved off their structured values.
    func makeBlock(B: Int, T: Int, C: Int = 8, N: Int = 3, dConv: Int = 4) throws -> (MambaMixer, ParameterTable) {
        let config = MambaConfig(dModel: C, dState: N, dConv: dConv, expand: 2)
        let table = ParameterTable(config.parameterShapes(prefix: "mixer."))
        let block = try MambaMixer(config: config, parameters: table, prefix: "mixer.", maxTokens: B * T, maxT: T)
        var rng = SplitMix64(seed: 42)
        block.initialize(using: &rng)
        let aLog = table.values(of: try #require(table.index(of: "mixer.A_log")))
        for (i, v) in testValues(aLog.count, seed: 43, in: (-0.2, 0.2)).enumerated() { aLog[i] += v }
        // Larger Δ than the init's [1e-3, 1e-1] so the scan's recurrence matters in the check.
        let dtBias = table.values(of: try #require(table.index(of: "mixer.dt_proj.bias")))
        for (i, v) in testValues(dtBias.count, seed: 44, in: (-1, 1)).enumerated() { dtBias[i] = v }
        return (block, table)
    }

    @Test("parameter names and shapes are PyTorch's, and the init follows the reference")
    func parametersAndInit() throws {
        let config = MambaConfig(dModel: 40, dState: 16)
        #expect(config.dtRank == 3 && config.dInner == 80)
        let shapes = config.parameterShapes(prefix: "")
        #expect(shapes.map(\.name) == ["in_proj.weight", "conv1d.weight", "conv1d.bias", "x_proj.weight", "dt_proj.weight",
                                       "dt_proj.bias", "A_log", "D", "out_proj.weight"])
        #expect(shapes.map(\.shape) == [[160, 40], [80, 1, 4], [80], [35, 80], [80, 3], [80], [80, 16], [80], [40, 80]])
        let table = ParameterTable(shapes)
        let block = try MambaMixer(config: config, parameters: table, prefix: "", maxTokens: 4, maxT: 4)
        var rng = SplitMix64(seed: 1)
        block.initialize(using: &rng)
        let aLog = table.values(of: 6), skip = table.values(of: 7), bias = table.values(of: 5)
        #expect(aLog[0] == 0 && abs(aLog[15] - logf(16)) < 1e-6 && abs(aLog[16 * 79 + 2] - logf(3)) < 1e-6)
        #expect(skip.allSatisfy { $0 == 1 })
        // softplus(bias) = dt ∈ [1e-3, 1e-1]
        #expect(bias.allSatisfy { softplus($0) >= 0.000_999 && softplus($0) <= 0.100_01 })
        #expect(table.values(of: 4).allSatisfy { abs($0) <= 1 / Float(3).squareRoot() })
    }

    @Test("backward agrees with finite differences for the input and every parameter")
    func gradients() throws {
        let B = 2, T = 6, C = 8
        let (block, table) = try makeBlock(B: B, T: T, C: C)
        let inp = makeBuffer(testValues(B * T * C, seed: 50)), out = makeBuffer(zeros: B * T * C), dinp = makeBuffer(zeros: B * T * C)
        let projection = testValues(B * T * C, seed: 51), dout = makeBuffer(projection)
        defer { [inp, out, dinp, dout].forEach { $0.deallocate() } }
        func loss() -> Double {
            block.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
            return projectedLoss(out, projection)
        }
        _ = loss()
        table.zeroGrads()
        block.backward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, B: B, T: T)
        var tensors = [("input", inp, dinp)]
        for (i, entry) in table.entries.enumerated() { tensors.append((entry.name, table.values(of: i), table.grads(of: i))) }
        let checker = GradientCheck(epsilon: 1e-2, absoluteTolerance: 2e-3, relativeTolerance: 2e-2, maxElementsPerTensor: 48)
        let reports = expectGradientsMatch(tensors, checker: checker, loss: loss)
        #expect(reports.count == 10)
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("stepping token by token gives the parallel forward's outputs")
    func stepMatchesForward() throws {
        let B = 2, T = 9, C = 8
        let (block, _) = try makeBlock(B: B, T: T, C: C)
        let inp = makeBuffer(testValues(B * T * C, seed: 60)), out = makeBuffer(zeros: B * T * C)
        let stepIn = makeBuffer(zeros: B * C), stepOut = makeBuffer(zeros: B * C)
        defer { [inp, out, stepIn, stepOut].forEach { $0.deallocate() } }
        block.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
        block.resetState(B: B)
        var maxDifference: Float = 0
        for t in 0..<T {
            for b in 0..<B { for c in 0..<C { stepIn[b * C + c] = inp[(b * T + t) * C + c] } }
            block.step(out: stepOut, inp: stepIn.readOnlyView, B: B)
            for b in 0..<B { for c in 0..<C { maxDifference = max(maxDifference, abs(stepOut[b * C + c] - out[(b * T + t) * C + c])) } }
        }
        #expect(maxDifference < 1e-5, "step vs forward max |difference| \(maxDifference)")
        #expect(block.recurrentStateFloats(maxT: 1_000_000) == 16 * (4 + 3))
    }

    @Test("with d_conv = 1 (the convolution a per-channel scale and bias) backward agrees with finite differences and stepping matches the parallel forward")
    func convolutionWidthOne() throws {
        let B = 2, T = 6, C = 8
        let (block, table) = try makeBlock(B: B, T: T, C: C, dConv: 1)
        #expect(table.entries[1].name == "mixer.conv1d.weight" && table.entries[1].shape == [16, 1, 1])
        let inp = makeBuffer(testValues(B * T * C, seed: 52)), out = makeBuffer(zeros: B * T * C), dinp = makeBuffer(zeros: B * T * C)
        let projection = testValues(B * T * C, seed: 53), dout = makeBuffer(projection)
        let stepIn = makeBuffer(zeros: B * C), stepOut = makeBuffer(zeros: B * C)
        defer { [inp, out, dinp, dout, stepIn, stepOut].forEach { $0.deallocate() } }
        func loss() -> Double {
            block.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
            return projectedLoss(out, projection)
        }
        _ = loss()
        table.zeroGrads()
        block.backward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, B: B, T: T)
        var tensors = [("input", inp, dinp)]
        for (i, entry) in table.entries.enumerated() { tensors.append((entry.name, table.values(of: i), table.grads(of: i))) }
        let checker = GradientCheck(epsilon: 1e-2, absoluteTolerance: 2e-3, relativeTolerance: 2e-2, maxElementsPerTensor: 48)
        for report in expectGradientsMatch(tensors, checker: checker, loss: loss) { #expect(report.passed, "\(report)") }

        _ = loss()
        block.resetState(B: B)
        var maxDifference: Float = 0
        for t in 0..<T {
            for b in 0..<B { for c in 0..<C { stepIn[b * C + c] = inp[(b * T + t) * C + c] } }
            block.step(out: stepOut, inp: stepIn.readOnlyView, B: B)
            for b in 0..<B { for c in 0..<C { maxDifference = max(maxDifference, abs(stepOut[b * C + c] - out[(b * T + t) * C + c])) } }
        }
        #expect(maxDifference < 1e-5, "step vs forward max |difference| \(maxDifference)")
        #expect(block.recurrentStateFloats(maxT: T) == 16 * (1 + 3))
    }

    @Test("matches the PyTorch reference (mamba_simple slow path + selective_scan_ref): output and every gradient")
    func golden() throws {
        let file = try loadFixture("mamba_block")
        let meta = file.metadata
        let B = Int(meta["B"] ?? "") ?? 0, T = Int(meta["T"] ?? "") ?? 0, C = Int(meta["d_model"] ?? "") ?? 0
        let config = MambaConfig(dModel: C, dState: Int(meta["d_state"] ?? "") ?? 0, dConv: Int(meta["d_conv"] ?? "") ?? 0,
                                 expand: Int(meta["expand"] ?? "") ?? 0)
        #expect(config.dtRank == Int(meta["dt_rank"] ?? ""))
        let table = ParameterTable(config.parameterShapes(prefix: ""))
        let block = try MambaMixer(config: config, parameters: table, prefix: "", maxTokens: B * T, maxT: T)
        try loadParameters(table, from: file)
        let inp = makeBuffer(try file.tensor("input").values), out = makeBuffer(zeros: B * T * C)
        let dout = makeBuffer(try file.tensor("projection").values), dinp = makeBuffer(zeros: B * T * C)
        defer { [inp, out, dout, dinp].forEach { $0.deallocate() } }
        block.forward(out: out, inp: inp.readOnlyView, B: B, T: T)
        expectClose("output", out.readOnlyView, try file.tensor("output").values)
        table.zeroGrads()
        block.backward(dinp: dinp, dout: dout.readOnlyView, inp: inp.readOnlyView, B: B, T: T)
        expectClose("grad.input", dinp.readOnlyView, try file.tensor("grad.input").values)
        for (i, entry) in table.entries.enumerated() {
            expectClose("grad." + entry.name, UnsafeBufferPointer(table.grads(of: i)), try file.tensor("grad." + entry.name).values)
        }
    }
}
