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
                       metrics: means)
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
        md += "| ratio | measured | issue 11 target | met |\n|---|---:|---:|---|\n"
        for ratio in ratios(rows) {
            let met = ratio.target.map { ratio.value >= $0 ? "yes" : "no" } ?? "—"
            md += "| \(ratio.name) | \(String(format: "%.2f×", ratio.value)) | \(ratio.target.map { String(format: "≥ %.1f×", $0) } ?? "—") | \(met) |\n"
        }
        md += linearAttentionCeiling(rows) + mambaCeiling(rows)
        for row in rows where row.bench == "moe-train" && row.peer == "biomoe" {
            if let p99 = row.metrics["latency_p99"] {
                md += "\nMoE batch-1 forward latency p99, \(row.threads) thread(s): \(String(format: "%.0f", p99 * 1e6)) µs "
                md += "(issue 11 target ≤ 50 µs: \(p99 * 1e6 <= 50 ? "met" : "not met")).\n"
            }
        }
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

    struct Ratio {
        let name: String
        let value: Double
        let target: Double?
    }

    /// Every ratio the rows allow, with issue 11's targets: Mamba train ≥ 5× PyTorch at the same
    /// threads, ≥ 10× the issue's figure for biomoe before it, and 2 threads ≥ 1.7× 1; linear
    /// attention train ≥ 3× PyTorch's best form; MoE training ≥ 2× PyTorch's samples/s.
    static func ratios(_ rows: [Row]) -> [Ratio] {
        var ratios: [Ratio] = []
        func find(_ bench: String, _ peer: String, _ kernels: String, _ threads: Int) -> Row? {
            rows.first { $0.bench == bench && $0.peer == peer && ($0.peer != "biomoe" || $0.kernels == kernels) && $0.threads == threads }
        }
        let threadCounts = Array(Set(rows.map(\.threads))).sorted()
        for bench in ["mamba-block", "linear-attention-block"] {
            for metric in ["tokens_per_s_train", "tokens_per_s_forward"] {
                let what = metric == "tokens_per_s_train" ? "forward + backward" : "forward"
                for t in threadCounts {
                    if let fast = find(bench, "biomoe", "fast", t)?.metrics[metric], let ref = find(bench, "biomoe", "reference", t)?.metrics[metric] {
                        ratios.append(Ratio(name: "\(bench) \(what), fast / reference kernels, \(t) thread(s)", value: fast / ref, target: nil))
                    }
                    if let fast = find(bench, "biomoe", "fast", t)?.metrics[metric], let torch = find(bench, "pytorch", "", t)?.metrics[metric] {
                        let target: Double? = metric == "tokens_per_s_train" ? (bench == "mamba-block" ? 5 : 3) : nil
                        ratios.append(Ratio(name: "\(bench) \(what), biomoe / PyTorch, \(t) thread(s)", value: fast / torch, target: target))
                    }
                    if let fast = find(bench, "biomoe", "fast", t)?.metrics[metric], let before = find(bench, "biomoe-before", "", t)?.metrics[metric] {
                        let target: Double? = bench == "mamba-block" && metric == "tokens_per_s_train" ? 10 : nil
                        ratios.append(Ratio(name: "\(bench) \(what), biomoe / biomoe before issue 11 (same run), \(t) thread(s)",
                                            value: fast / before, target: target))
                    }
                }
                if let one = find(bench, "biomoe", "fast", 1)?.metrics[metric], let two = find(bench, "biomoe", "fast", 2)?.metrics[metric] {
                    ratios.append(Ratio(name: "\(bench) \(what), 2 threads / 1 thread", value: two / one,
                                        target: bench == "mamba-block" && metric == "tokens_per_s_train" ? 1.7 : nil))
                }
            }
        }
        // Issue 11's own figures for biomoe before it, at the perf shape (d_model 128, batch 16,
        // T 256): 6 400 tokens/s training on one thread and 6 000 on two, measured on an Intel
        // Xeon where OpenBLAS fell back to its Prescott kernel. A ratio across machines, so the
        // row names the figure it divides by; where the run timed biomoe before the issue itself
        // (peer biomoe-before) at that thread count, that ratio carries the target and this one is context.
        for (t, before) in Self.issueMambaTrain {
            guard let fast = find("mamba-block", "biomoe", "fast", t), fast.dModel == 128, fast.seqLen == 256, fast.batch == 16,
                  let train = fast.metrics["tokens_per_s_train"] else { continue }
            ratios.append(Ratio(name: "mamba-block forward + backward, biomoe / issue 11's figure for biomoe before it "
                                    + "(\(format(before)) tokens/s, another machine), \(t) thread(s)", value: train / before,
                                target: find("mamba-block", "biomoe-before", "", t)?.metrics["tokens_per_s_train"] == nil ? 10 : nil))
        }
        for t in threadCounts {
            if let ours = find("moe-train", "biomoe", "fast", t)?.metrics["train_throughput"],
               let torch = find("moe-train", "pytorch", "", t)?.metrics["train_throughput"] {
                ratios.append(Ratio(name: "moe-train training samples/s, biomoe / PyTorch, \(t) thread(s)", value: ours / torch, target: 2))
            }
        }
        if let one = find("sgemm", "biomoe", "fast", 1)?.metrics["sgemm_peak_gflops"], let two = find("sgemm", "biomoe", "fast", 2)?.metrics["sgemm_peak_gflops"] {
            ratios.append(Ratio(name: "sgemm peak, 2 threads / 1 thread", value: two / one, target: nil))
        }
        return ratios
    }

    /// Issue 11's table: biomoe's Mamba block training tokens/s before the issue, by thread count.
    static let issueMambaTrain: [(threads: Int, tokensPerSecond: Double)] = [(1, 6400), (2, 6000)]

    /// Whole numbers from 1 000 up (as the other tables print counts), one decimal below.
    static func format(_ value: Double) -> String {
        value >= 1000 ? MetricFormat.whole("").number(value) : String(format: "%.1f", value)
    }
}
