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
        var md = ""
        for t in Array(Set(rows.map(\.threads))).sorted() {
            guard let ours = rows.first(where: { $0.bench == "linear-attention-block" && $0.peer == "biomoe" && $0.kernels == "fast" && $0.threads == t }),
                  let torch = rows.first(where: { $0.bench == "linear-attention-block" && $0.peer == "pytorch" && $0.threads == t })?.metrics["tokens_per_s_train"],
                  let peak = rows.first(where: { $0.bench == "sgemm" && $0.threads == t })?.metrics["sgemm_peak_gflops"],
                  ours.dModel > 0 else { continue }
            let flops = 24 * Double(ours.dModel * ours.dModel)
            let ceiling = peak * 1e9 / flops
            if md.isEmpty {
                md += "\nCeiling of the linear-attention block on this machine: its four d_model × d_model projections alone cost "
                md += "24·d_model² = \(format(flops)) FLOP per token forward + backward; at the sgemm peak of the same run that bounds "
                md += "tokens/s however fast the rest is:\n\n| threads | sgemm peak (GFLOPS) | bound (tokens/s) | PyTorch (tokens/s) | highest possible biomoe / PyTorch | measured |\n|---:|---:|---:|---:|---:|---:|\n"
            }
            let measured = ours.metrics["tokens_per_s_train"].map { String(format: "%.2f×", $0 / torch) } ?? "—"
            md += "| \(t) | \(String(format: "%.1f", peak)) | \(format(ceiling)) | \(format(torch)) | \(String(format: "%.2f×", ceiling / torch)) | \(measured) |\n"
        }
        return md
    }

    /// The same bound for the Mamba block against biomoe before issue 11: in_proj (C → 2D),
    /// x_proj (D → R + 2N), dt_proj (R → D) and out_proj (D → C) cost 2·(2CD + D(R + 2N) + RD + DC)
    /// FLOP per token forward and twice that backward, with D = expand·C and R = ⌈C / 16⌉ (the
    /// blocks' dt_rank).
    static func mambaCeiling(_ rows: [Row]) -> String {
        var md = ""
        for t in Array(Set(rows.map(\.threads))).sorted() {
            guard let ours = rows.first(where: { $0.bench == "mamba-block" && $0.peer == "biomoe" && $0.kernels == "fast" && $0.threads == t }),
                  let before = rows.first(where: { $0.bench == "mamba-block" && $0.peer == "biomoe-before" && $0.threads == t })?.metrics["tokens_per_s_train"],
                  let peak = rows.first(where: { $0.bench == "sgemm" && $0.threads == t })?.metrics["sgemm_peak_gflops"],
                  ours.dModel > 0, ours.dState > 0, ours.expand > 0 else { continue }
            let C = Double(ours.dModel), D = Double(ours.expand * ours.dModel), N = Double(ours.dState), R = Double((ours.dModel + 15) / 16)
            let flops = 6 * (2 * C * D + D * (R + 2 * N) + R * D + D * C)
            let ceiling = peak * 1e9 / flops
            if md.isEmpty {
                md += "\nCeiling of the Mamba block on this machine: its four projections alone cost "
                md += "6·(2·C·D + D·(R + 2N) + R·D + D·C) = \(format(flops)) FLOP per token forward + backward (C = d_model, "
                md += "D = expand·C, N = d_state, R = ⌈C / 16⌉); at the sgemm peak of the same run that bounds tokens/s however fast "
                md += "the scan and the rest are:\n\n| threads | sgemm peak (GFLOPS) | bound (tokens/s) | biomoe before issue 11 (tokens/s) "
                md += "| highest possible biomoe / before | measured |\n|---:|---:|---:|---:|---:|---:|\n"
            }
            let measured = ours.metrics["tokens_per_s_train"].map { String(format: "%.2f×", $0 / before) } ?? "—"
            md += "| \(t) | \(String(format: "%.1f", peak)) | \(format(ceiling)) | \(format(before)) | \(String(format: "%.2f×", ceiling / before)) | \(measured) |\n"
        }
        return md
    }
}
