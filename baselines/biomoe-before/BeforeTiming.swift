// Times one sequence block of biomoe as it was before issue 11 (the commit run.sh builds), the
// way the perf suite's `blockThroughput` times today's: the same initialisation stream
// ("perf-init" of the run's seeds), random [B,T,C] input and output gradient, forward alone and
// forward + backward, the median of `--repeats` timed calls after one warm-up. Before timing it
// runs one forward and one backward from zeroed gradients and reports sums of the output and of
// the input gradient, so the perf suite can check that this is the same block as today's.
//
// run.sh copies this file into that commit's tree as Sources/BeforeTiming/main.swift; it is
// compiled there, against that commit's modules, never in this package.
import Foundation
import NN
import Sequence
import Tensor

@_silgen_name("openblas_get_corename") func openblasCoreName() -> UnsafePointer<CChar>

struct Options {
    var json = "", block = "mamba-block"
    var batch = 16, seqLen = 256, dModel = 128, dState = 16, dConv = 4, expand = 2, heads = 4
    var normalize = true, repeats = 7, seed: UInt32 = 0, suiteSeed: UInt32 = 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BeforeTiming: \(message)\n".utf8))
    exit(2)
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--unnormalized" { options.normalize = false; continue }
    guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
    let int = { () -> Int in
        guard let number = Int(value) else { fail("\(flag) expects an integer, got '\(value)'") }
        return number
    }
    switch flag {
    case "--json": options.json = value
    case "--block": options.block = value
    case "--batch": options.batch = int()
    case "--seq-len": options.seqLen = int()
    case "--d-model": options.dModel = int()
    case "--d-state": options.dState = int()
    case "--d-conv": options.dConv = int()
    case "--expand": options.expand = int()
    case "--heads": options.heads = int()
    case "--repeats": options.repeats = max(1, int())
    case "--seed": options.seed = UInt32(int())
    case "--suite-seed": options.suiteSeed = UInt32(int())
    default: fail("unknown option \(flag)")
    }
}
guard !options.json.isEmpty else { fail("--json FILE is required") }

// PerfExperiment.medianSeconds, repeated on purpose: this file is compiled against the old
// commit's modules and cannot import today's.
func medianSeconds(_ repeats: Int, _ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
}

let B = options.batch, T = options.seqLen, C = options.dModel
var rng = RandomStreams(suiteSeed: options.suiteSeed, runSeed: options.seed).generator("perf-init")
let mixer: SequenceMixer
let table: ParameterTable
switch options.block {
case "mamba-block":
    let config = MambaConfig(dModel: C, dState: options.dState, dConv: options.dConv, expand: options.expand)
    table = ParameterTable(config.parameterShapes(prefix: ""))
    let mamba = try MambaMixer(config: config, parameters: table, prefix: "", maxTokens: B * T, maxT: T)
    mamba.initialize(using: &rng)
    mixer = mamba
case "linear-attention-block":
    table = ParameterTable(AttentionMixer.parameterShapes(C: C, prefix: ""))
    let attention = try AttentionMixer(kind: .linear(normalize: options.normalize), C: C, H: options.heads,
                                       parameters: table, prefix: "", maxTokens: B * T, maxT: T)
    attention.initialize(using: &rng)
    mixer = attention
default:
    fail("--block must be mamba-block or linear-attention-block, got '\(options.block)'")
}
let count = B * T * C
let inp = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
let out = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
let dout = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
let dinp = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
rng.fillUniform(inp, bound: 1)
rng.fillUniform(dout, bound: 1)
dinp.initialize(repeating: 0)

// The check: one forward and one backward from a zeroed input gradient.
mixer.forward(out: out, inp: UnsafeBufferPointer(inp), B: B, T: T)
mixer.backward(dinp: dinp, dout: UnsafeBufferPointer(dout), inp: UnsafeBufferPointer(inp), B: B, T: T)
let outSum = out.reduce(0.0) { $0 + Double($1) }, outAbsSum = out.reduce(0.0) { $0 + Double(abs($1)) }
let dinpSum = dinp.reduce(0.0) { $0 + Double($1) }, dinpAbsSum = dinp.reduce(0.0) { $0 + Double(abs($1)) }

let tokens = Double(B * T)
let forward = medianSeconds(options.repeats) { mixer.forward(out: out, inp: UnsafeBufferPointer(inp), B: B, T: T) }
let train = medianSeconds(options.repeats) {
    mixer.forward(out: out, inp: UnsafeBufferPointer(inp), B: B, T: T)
    mixer.backward(dinp: dinp, dout: UnsafeBufferPointer(dout), inp: UnsafeBufferPointer(inp), B: B, T: T)
}
let report: [String: Any] = [
    "block": options.block,
    "blas_core": String(cString: openblasCoreName()),
    "commit": ProcessInfo.processInfo.environment["BIOMOE_BEFORE_COMMIT"] ?? "?",
    "parameters": Double(table.entries.reduce(0) { $0 + $1.count }),
    "metrics": ["tokens_per_s_forward": tokens / forward, "tokens_per_s_train": tokens / train],
    "check": ["out_sum": outSum, "out_abs_sum": outAbsSum, "dinp_sum": dinpSum, "dinp_abs_sum": dinpAbsSum],
]
let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
try data.write(to: URL(fileURLWithPath: options.json))
