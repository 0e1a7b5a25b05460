import Dispatch
import Foundation
import HarnessConfig
import Metrics
import Tensor

/// A micro-benchmark of the perf suite (experiments/perf.yaml): sgemm at several sizes (the
/// machine's practical peak, measured in the same run), or one sequence block's forward and
/// forward + backward throughput with biomoe's fast or reference kernels, or the same block in
/// PyTorch (baselines/pytorch/, run as a subprocess so both are measured in one suite run).
///
/// Why medians: the machines are shared; the median of many timed repetitions after a warm-up
/// moves least with a neighbour's load. Throughputs are machine-dependent and reported as
/// measured; the report states ratios (fast / reference, 2 threads / 1, biomoe / PyTorch), which
/// are what the suite is for.
struct PerfExperiment: Experiment {
    let spec: RunSpec

    func run(progress: ProgressHandler) throws -> RunOutcome {
        let bench = try spec.choice("bench", as: PerfBench.self)
        let peer = try spec.choice("peer", as: Peer.self)
        let threads = try spec.int("threads")
        var outcome = RunOutcome()
        switch peer {
        case .pytorch:
            try PyTorchPeer.run(bench: bench, spec: spec, into: &outcome)
            return outcome
        case .biomoeBefore:
            try BiomoeBeforePeer.run(bench: bench, spec: spec, progress: progress, into: &outcome)
            return outcome
        case .biomoe:
            break
        }
        try BLASThreads.with(threads) {
            switch bench {
            case .sgemm:
                let sizes = try spec.intList("sgemm_sizes")
                var peak = 0.0
                for (index, n) in sizes.enumerated() {
                    let gflops = Self.sgemmGFLOPS(n: n)
                    outcome.metric("sgemm_gflops_n\(n)", gflops)
                    peak = max(peak, gflops)
                    progress(Double(index + 1) / Double(sizes.count), "sgemm n=\(n): \(String(format: "%.1f", gflops)) GFLOPS")
                }
                outcome.metric("sgemm_peak_gflops", peak)
            case .mambaBlock, .linearAttentionBlock:
                try blockThroughput(bench, into: &outcome)
            case .moeTrain:
                try PerfMoEBench.run(batchSize: try spec.int("train_batch"), seed: spec.seed, suiteSeed: spec.suiteSeed, into: &outcome)
            case .gemmLayer:
                try PerfGEMMBench.run(spec: spec, into: &outcome)
            case .harness:
                try PerfHarnessBench.run(spec: spec, into: &outcome)
            case .gitMine:
                try PerfGitMineBench.run(spec: spec, progress: progress, into: &outcome)
            }
        }
        return outcome
    }

    /// Forward and forward + backward of one block on random [B,T,C] input and output gradient.
    private func blockThroughput(_ bench: PerfBench, into outcome: inout RunOutcome) throws {
        let repeats = max(1, try spec.int("throughput_repeats"))
        let block = try PerfBlock(bench, spec: spec, reference: try spec.choice("kernels", as: KernelVariant.self) == .reference)
        let tokens = Double(block.tokens)
        outcome.metric("tokens_per_s_forward", tokens / Self.medianSeconds(repeats) { block.forward() })
        outcome.metric("tokens_per_s_train", tokens / Self.medianSeconds(repeats) { block.train() })
        outcome.metric("parameters", Double(block.parameterCount))
    }

    /// GFLOPS of C = A·B for n×n matrices: the median of ≥ 5 timed calls (at least 0.2 s in all).
    static func sgemmGFLOPS(n: Int) -> Double {
        let a = UnsafeMutableBufferPointer<Float>.allocate(capacity: n * n)
        let b = UnsafeMutableBufferPointer<Float>.allocate(capacity: n * n)
        let c = UnsafeMutableBufferPointer<Float>.allocate(capacity: n * n)
        defer { [a, b, c].forEach { $0.deallocate() } }
        for i in 0..<(n * n) { a[i] = Float(i % 7) * 0.1; b[i] = Float(i % 5) * 0.2; c[i] = 0 }
        let call = { sgemm(transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: a.baseAddress!, lda: n,
                           b: b.baseAddress!, ldb: n, beta: 0, c: c.baseAddress!, ldc: n) }
        let once = medianSeconds(1, call)
        let repeats = max(5, min(1000, Int(0.2 / max(once, 1e-7))))
        return 2 * pow(Double(n), 3) / medianSeconds(repeats, call) / 1e9
    }

    /// Median wall time of `repeats` calls after one untimed warm-up.
    static func medianSeconds(_ repeats: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        times.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Statistics.median(times)
    }
}
