import Foundation
import Metrics

/// The perf suite's part of a report (experiments/perf.yaml): every bench's throughput as
/// measured, then the ratios the suite exists for — fast kernels against the reference ones,
/// biomoe against PyTorch at the same thread count, two threads against one — each beside the
/// target issue 11 set, and whether it is met. Ratios divide figures measured in the same run of
/// the suite on the same machine, so they travel between machines better than the figures do.
enum PerfReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.variantSettings.values.contains { $0["model"] as? String == "perf" }
    }

    /// A variant's settings and mean figures (over its seeds).
    struct Row {
        let variant: String
        let bench: String
        let peer: String
        let kernels: String
        let threads: Int
        let gemmLayer: String
        var dModel = 0
        var seqLen = 0
        var batch = 0
        var dState = 0
        var expand = 0
        let metrics: [String: Double]
        /// Each seed's figures (the runs of a suite with several seeds); the ratios pair them by seed.
        var perSeed: [Int: [String: Double]] = [:]
    }

    /// The BLAS kernels the peer builds ran on (their `peer-build` events), in order, deduplicated;
    /// nil when no run recorded one.
    static func peerCores(_ input: ReportInput) -> String? {
        var cores: [String] = []
        for run in input.runs {
            guard let payload = input.peerBuilds[run.id], let data = payload.data(using: .utf8),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let core = object["blas_core"] as? String, !cores.contains(core) else { continue }
            cores.append(core)
        }
        return cores.isEmpty ? nil : cores.joined(separator: ", ")
    }

    static func rows(_ input: ReportInput) -> [Row] {
        input.variants.compactMap { variant in
            guard let settings = input.variantSettings[variant], settings["model"] as? String == "perf" else { return nil }
            let runs = input.runs(of: variant)
            guard !runs.isEmpty else { return nil }
            var means: [String: Double] = [:]
            for name in Set(runs.flatMap { $0.metrics.keys }) {
                let values = runs.compactMap { $0.metrics[name] }
                means[name] = values.reduce(0, +) / Double(values.count)
            }
            return Row(variant: variant, bench: settings["bench"] as? String ?? "?", peer: settings["peer"] as? String ?? "biomoe",
                       kernels: settings["kernels"] as? String ?? "fast", threads: (settings["threads"] as? NSNumber)?.intValue ?? 1,
                       gemmLayer: settings["gemm_layer"] as? String ?? "", dModel: (settings["d_model"] as? NSNumber)?.intValue ?? 0,
                       seqLen: (settings["seq_len"] as? NSNumber)?.intValue ?? 0, batch: (settings["train_batch"] as? NSNumber)?.intValue ?? 0,
                       dState: (settings["d_state"] as? NSNumber)?.intValue ?? 0, expand: (settings["expand"] as? NSNumber)?.intValue ?? 0,
                       metrics: means, perSeed: Dictionary(runs.map { ($0.seed, $0.metrics) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    static func markdown(_ input: ReportInput) -> String {
        let rows = rows(input)
        var md = "## Kernel performance\n\n"
        md += "Each figure is the median of the bench's timed repetitions after a warm-up (mean over seeds when there are several), "
        md += "measured one variant after another in one run of the suite; the PyTorch peers ran as subprocesses of the same run "
        let forms = peerForms(rows)
        md += "(baselines/pytorch/, CPU torch, the fastest of each script's implementation forms\(forms.isEmpty ? "" : ", all of which are listed below the table")). "
        md += "Tokens/s of a block: "
        md += "batch × T tokens through one block, forward alone and forward + backward (gradients, no optimizer step). "
        md += "On shared machines single figures move by 15–30 % between runs; a ratio near its target (\"met\" or not) can flip "
        md += "on a rerun, so read the margin, not the verdict.\n\n"
        if rows.contains(where: { $0.peer == "biomoe-before" }) {
            md += "The biomoe-before peer is biomoe as it was before issue 11 (the commit baselines/biomoe-before/run.sh names), "
            md += "built from this repository's history with the timing driver beside that script, which times its block as this "
            md += "suite times today's; it ran as a subprocess of the same run, on the BLAS kernel OpenBLAS picks by itself (as biomoe "
            md += "did then\(peerCores(input).map { "; here \($0)" } ?? "")), and before timing its block's output and input gradient were "
            md += "checked against today's reference kernels.\n\n"
        }
        md += "| variant | bench | peer | kernels | threads | tokens / s (forward) | tokens / s (train) | samples / s (train) | latency p50 / p99 (µs) | sgemm peak (GFLOPS) |\n"
        md += "|---|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        for row in rows where row.bench != "gemm-layer" && row.bench != "harness" && row.bench != "git-mine" {
            let cell = { (name: String) in row.metrics[name].map { format($0) } ?? "—" }
            md += "| \(row.variant) | \(row.bench) | \(row.peer) | \(row.peer == "biomoe" ? row.kernels : "—") | \(row.threads) "
            let latency = row.metrics["latency_p50"].flatMap { p50 in row.metrics["latency_p99"].map { String(format: "%.0f / %.0f", p50 * 1e6, $0 * 1e6) } } ?? "—"
            md += "| \(cell("tokens_per_s_forward")) | \(cell("tokens_per_s_train")) | \(cell("train_throughput")) | \(latency) | \(cell("sgemm_peak_gflops")) |\n"
        }
        md += forms
        if let sgemm = rows.first(where: { $0.bench == "sgemm" }) {
            let sizes = sgemm.metrics.keys.compactMap { $0.hasPrefix("sgemm_gflops_n") ? Int($0.dropFirst("sgemm_gflops_n".count)) : nil }.sorted()
            md += "\nsgemm GFLOPS by size:\n\n| variant | threads | " + sizes.map { "n = \($0)" }.joined(separator: " | ") + " |\n"
            md += "|---|---:|" + String(repeating: "---:|", count: sizes.count) + "\n"
            for row in rows where row.bench == "sgemm" {
                md += "| \(row.variant) | \(row.threads) | " + sizes.map { n in row.metrics["sgemm_gflops_n\(n)"].map { String(format: "%.1f", $0) } ?? "—" }.joined(separator: " | ") + " |\n"
            }
        }
        md += gemmLayers(rows) + harness(rows) + gitMine(rows)
        md += "\n### Ratios\n\n"
        let ratios = ratios(rows)
        if let seeds = ratios.map(\.perSeed.count).max(), seeds > 1 {
            md += "Each ratio is the median of its \(seeds) per-seed ratios (a seed's figures measured in the same pass of the suite), "
            md += "with their range; \"met\" counts the seeds whose ratio meets the target.\n\n"
        }
        md += "| ratio | measured | issue 11 target | met |\n|---|---:|---:|---|\n"
        for ratio in ratios {
            md += "| \(ratio.name) | \(ratio.measured) | \(ratio.target.map { String(format: "≥ %.1f×", $0) } ?? "—") | \(ratio.met) |\n"
        }
        md += linearAttentionCeiling(rows) + mambaCeiling(rows)
        for row in rows where row.bench == "moe-train" && row.peer == "biomoe" { md += latencySentence(row) }
        return md + "\n"
    }

    /// Every implementation form each PyTorch block peer timed, the fastest of which is the peer's
    /// figure: so the forms issue 11 measured (cumsum, recurrent) stand beside the one the
    /// ratios use. Runs recorded before the forms were (they have no peer_* metrics) add nothing.
    static func peerForms(_ rows: [Row]) -> String {
        var md = ""
        for row in rows where row.peer == "pytorch" {
            for (form, _) in MetricCatalog.peerForms {
                let forward = row.metrics["peer_tokens_per_s_forward_\(form)"], train = row.metrics["peer_tokens_per_s_train_\(form)"]
                guard forward != nil || train != nil else { continue }
                if md.isEmpty {
                    md += "\nThe PyTorch peers by implementation form (each the median of its timed calls; the fastest form in each "
                    md += "column is the peer's figure above and in the ratios):\n\n"
                    md += "| variant | threads | form | tokens / s (forward) | tokens / s (train) | the peer's figure |\n|---|---:|---|---:|---:|---|\n"
                }
                var fastest: [String] = []
                if let forward, forward == row.metrics["tokens_per_s_forward"] { fastest.append("forward") }
                if let train, train == row.metrics["tokens_per_s_train"] { fastest.append("train") }
                let cell = { (value: Double?) -> String in value.map { Self.format($0) } ?? "—" }
                md += "| \(row.variant) | \(row.threads) | \(form) | \(cell(forward)) | \(cell(train)) "
                md += "| \(fastest.isEmpty ? "—" : fastest.joined(separator: ", ")) |\n"
            }
        }
        return md
    }

    /// The gemm-layer bench: each layer against raw sgemm at its shape and against the peak.
    static func gemmLayers(_ rows: [Row]) -> String {
        let layers = rows.filter { $0.bench == "gemm-layer" }
        guard !layers.isEmpty else { return "" }
        var md = "\nGEMM layers, forward + backward (`linearForward` + `linearBackward`: input and weight gradients, and the bias "
        md += "where the layer has one), against the same three sgemm calls made directly on the same buffers, and against the "
        md += "n = 1024 sgemm peak measured in the same run (issue 11 asks layer / raw ≥ 0.70):\n\n"
        md += "| variant | layer | threads | layer GFLOPS | raw sgemm GFLOPS | layer / raw | met | layer / peak |\n"
        md += "|---|---|---:|---:|---:|---:|---|---:|\n"
        for row in layers {
            let value = { (name: String) in row.metrics[name].map { String(format: "%.1f", $0) } ?? "—" }
            let ratio = { (name: String) in row.metrics[name].map { String(format: "%.2f", $0) } ?? "—" }
            let met = row.metrics["gemm_layer_fraction"].map { $0 >= 0.7 ? "yes" : "no" } ?? "—"
            md += "| \(row.variant) | \(row.gemmLayer) | \(row.threads) | \(value("gemm_layer_gflops")) | \(value("gemm_raw_gflops")) "
            md += "| \(ratio("gemm_layer_fraction")) | \(met) | \(ratio("gemm_layer_of_peak")) |\n"
        }
        return md
    }

    /// The harness bench, in a sentence per variant.
    static func harness(_ rows: [Row]) -> String {
        rows.filter { $0.bench == "harness" }.compactMap { row -> String? in
            guard let rowsPerSecond = row.metrics["harness_rows_per_s"], let runs = row.metrics["harness_runs_per_s"],
                  let report = row.metrics["harness_report_seconds"] else { return nil }
            return "\nThe harness (\(row.variant)): 100 synthetic runs (15 metrics and 150 curve points each) recorded at "
                + "\(format(rowsPerSecond)) rows/s (\(String(format: "%.0f", runs)) runs/s, one transaction per run); "
                + "`biomoe report` on them, charts included, took \(String(format: "%.2f", report)) s.\n"
        }.joined()
    }

    /// The git-mine bench, in a sentence per variant, with the one-minute target.
    static func gitMine(_ rows: [Row]) -> String {
        rows.filter { $0.bench == "git-mine" }.compactMap { row -> String? in
            guard let mine = row.metrics["mine_seconds"], let again = row.metrics["mine_incremental_seconds"] else { return nil }
            return "\nMining git history (\(row.variant)): `biomoe mine` on a synthetic 10 000-commit repository (git fast-import) "
                + "read and stored the whole first-parent history in \(String(format: "%.2f", mine)) s (target under 60 s: "
                + "\(mine < 60 ? "met" : "not met")); after 100 more commits, the incremental re-mine took \(String(format: "%.2f", again)) s.\n"
        }.joined()
    }

    /// Whole numbers from 1 000 up (as the other tables print counts), one decimal below.
    static func format(_ value: Double) -> String {
        value >= 1000 ? MetricFormat.whole("").number(value) : String(format: "%.1f", value)
    }
}
