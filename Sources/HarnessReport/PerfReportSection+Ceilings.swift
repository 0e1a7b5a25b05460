import Foundation

/// What the machine allows each sequence block at all: the FLOPs of its GEMM projections at the
/// sgemm peak measured in the same run bound its training tokens/s however fast the rest is,
/// and so bound every ratio a target divides by it.
extension PerfReportSection {
    /// What the machine allows the linear-attention block at all: its four C×C projections cost
    /// 2·4·C² FLOP per token forward and twice that backward (input and weight gradients), 24·C²
    /// in all, before any attention arithmetic. At the sgemm peak measured in the same run, that
    /// bounds tokens/s from above, and so the ratio to PyTorch any kernel could reach here.
    static func linearAttentionCeiling(_ rows: [Row]) -> String {
        ceiling(rows, bench: "linear-attention-block", against: "pytorch", againstName: "PyTorch", ratioName: "biomoe / PyTorch") { ours in
            guard ours.dModel > 0 else { return nil }
            let flops = 24 * Double(ours.dModel * ours.dModel)
            return (flops, "\nCeiling of the linear-attention block on this machine: its four d_model × d_model projections alone cost "
                + "24·d_model² = \(format(flops)) FLOP per token forward + backward; at the sgemm peak of the same run that bounds "
                + "tokens/s however fast the rest is:")
        }
    }

    /// The same bound for the Mamba block against biomoe before issue 11: in_proj (C → 2D),
    /// x_proj (D → R + 2N), dt_proj (R → D) and out_proj (D → C) cost 2·(2CD + D(R + 2N) + RD + DC)
    /// FLOP per token forward and twice that backward, with D = expand·C and R = ⌈C / 16⌉ (the
    /// blocks' dt_rank).
    static func mambaCeiling(_ rows: [Row]) -> String {
        ceiling(rows, bench: "mamba-block", against: "biomoe-before", againstName: "biomoe before issue 11",
                ratioName: "biomoe / before") { ours in
            guard ours.dModel > 0, ours.dState > 0, ours.expand > 0 else { return nil }
            let C = Double(ours.dModel), D = Double(ours.expand * ours.dModel), N = Double(ours.dState), R = Double((ours.dModel + 15) / 16)
            let flops = 6 * (2 * C * D + D * (R + 2 * N) + R * D + D * C)
            return (flops, "\nCeiling of the Mamba block on this machine: its four projections alone cost "
                + "6·(2·C·D + D·(R + 2N) + R·D + D·C) = \(format(flops)) FLOP per token forward + backward (C = d_model, "
                + "D = expand·C, N = d_state, R = ⌈C / 16⌉); at the sgemm peak of the same run that bounds tokens/s however fast "
                + "the scan and the rest are:")
        }
    }

    /// One ceiling table: per thread count with the fast block, the `against` peer and an sgemm
    /// peak, the bound `peak / flops` and the highest ratio to the peer it allows, beside the
    /// measured ratio. `cost` gives a row's FLOP per token and the sentence before the table.
    private static func ceiling(_ rows: [Row], bench: String, against peer: String, againstName: String, ratioName: String,
                                cost: (Row) -> (flops: Double, intro: String)?) -> String {
        var md = ""
        for t in Array(Set(rows.map(\.threads))).sorted() {
            guard let ours = rows.first(where: { $0.bench == bench && $0.peer == "biomoe" && $0.kernels == "fast" && $0.threads == t }),
                  let theirs = rows.first(where: { $0.bench == bench && $0.peer == peer && $0.threads == t })?.metrics["tokens_per_s_train"],
                  let peak = rows.first(where: { $0.bench == "sgemm" && $0.threads == t })?.metrics["sgemm_peak_gflops"],
                  let (flops, intro) = cost(ours) else { continue }
            let bound = peak * 1e9 / flops
            if md.isEmpty {
                md += intro + "\n\n| threads | sgemm peak (GFLOPS) | bound (tokens/s) | \(againstName) (tokens/s) | highest possible \(ratioName) "
                md += "| measured |\n|---:|---:|---:|---:|---:|---:|\n"
            }
            let measured = ours.metrics["tokens_per_s_train"].map { String(format: "%.2f×", $0 / theirs) } ?? "—"
            md += "| \(t) | \(String(format: "%.1f", peak)) | \(format(bound)) | \(format(theirs)) | \(String(format: "%.2f×", bound / theirs)) | \(measured) |\n"
        }
        return md
    }
}
