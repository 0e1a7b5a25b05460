import Foundation
import Metrics

/// The long-term memory's index benchmark (experiments/memory.yaml): recall@k and speed-up of
/// the IVF index over exact search per list count, the issue's recall target checked, and the
/// recall / speed-up curves over probe counts.
enum MemoryIndexReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.metrics["index_recall"] != nil }
    }

    static func markdown(_ input: ReportInput) -> String {
        let variants = input.variants.filter { !input.runs(of: $0).isEmpty }
        func values(_ v: String, _ metric: String) -> [Double] { input.runs(of: v).compactMap { $0.metrics[metric] }.filter { !$0.isNaN } }
        func cell(_ v: String, _ metric: String, _ format: MetricFormat) -> String {
            let x = values(v, metric)
            return x.isEmpty ? "—" : format.meanWithInterval(x)
        }
        var md = "## Long-term memory: IVF against exact search\n\n"
        md += "Exact search scores every stored vector (one sgemv) and keeps the top k; the IVF index (Jégou et al. 2011, "
        md += "FAISS's IndexIVFFlat) clusters the vectors into nlist lists by spherical k-means and scans only the nprobe "
        md += "lists nearest the query. recall@k is the share of the exact top k the IVF returns, averaged over queries; the "
        md += "speed-up is the ratio of mean query times, one query at a time on one BLAS thread. Mean ± 95 % interval over "
        md += "seeds (the seed draws k-means' initial centroids).\n\n"
        md += "| variant | n | vectors | nlist | nprobe | recall@k (%) | speed-up | exact query (ms) | IVF query (ms) | share scanned (%) | k-means (s) |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        let ms = MetricFormat(scale: 1e3, decimals: 3, unit: "ms"), s = MetricFormat(scale: 1, decimals: 2, unit: "s")
        for v in variants {
            let settings = input.variantSettings[v] ?? [:]
            md += "| \(v) | \(input.runs(of: v).count) | \(cell(v, "index_vectors", .whole(""))) | \(settings["ivf_lists"].map { "\($0)" } ?? "—") | "
            md += "\(settings["ivf_probe"].map { "\($0)" } ?? "—") | \(cell(v, "index_recall", .percent)) | \(cell(v, "index_speedup", MetricFormat(scale: 1, decimals: 1, unit: "×"))) | "
            md += "\(cell(v, "index_exact_query_seconds", ms)) | \(cell(v, "index_ivf_query_seconds", ms)) | "
            md += "\(cell(v, "index_scanned_fraction", .percent)) | \(cell(v, "index_ivf_train_seconds", s)) |\n"
        }
        md += "\nIssue 16's target, recall@10 ≥ 0.95 at 100 000 vectors: "
        let verdicts = variants.map { v -> String in
            let recall = values(v, "index_recall"), count = values(v, "index_vectors").first ?? 0
            guard let lowest = recall.min() else { return "`\(v)` —" }
            let speed = SeedSummary(values(v, "index_speedup")).mean
            let met = lowest >= 0.95 && count >= 100_000
            return "`\(v)` lowest seed \(MetricFormat.percent.number(lowest)) % at \(String(format: "%.0f", count)) vectors, "
                + String(format: "%.1f× faster than exact", speed) + (met ? " (met)" : " (not met)")
        }
        md += verdicts.joined(separator: "; ") + ".\n\n"
        return md
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        let variants = input.variants.filter { v in input.runs(of: v).contains { $0.series["index_recall_by_probe"] != nil } }
        guard !variants.isEmpty else { return [] }
        var data = "", recallPlots: [String] = [], speedPlots: [String] = []
        for (i, v) in variants.enumerated() {
            var recall: [Int: [Double]] = [:], speed: [Int: [Double]] = [:]
            for run in input.runs(of: v) {
                for p in run.series["index_recall_by_probe"] ?? [] { recall[p.step, default: []].append(p.value) }
                for p in run.series["index_speedup_by_probe"] ?? [] { speed[p.step, default: []].append(p.value) }
            }
            data += "$r\(i) << EOD\n" + recall.keys.sorted().map { "\($0) \(SeedSummary(recall[$0] ?? []).mean * 100)" }.joined(separator: "\n") + "\nEOD\n"
            data += "$s\(i) << EOD\n" + speed.keys.sorted().map { "\($0) \(SeedSummary(speed[$0] ?? []).mean)" }.joined(separator: "\n") + "\nEOD\n"
            recallPlots.append("$r\(i) using 1:2 with linespoints title \(Gnuplot.title(v))")
            speedPlots.append("$s\(i) using 1:2 with linespoints title \(Gnuplot.title(v))")
        }
        var body = "set multiplot layout 1,2 title \(Gnuplot.title("IVF over exact search by lists probed, mean over seeds"))\n"
        body += "set grid\nset logscale x 2\nset xlabel 'nprobe (lists scanned)'\nset key bottom right\n"
        body += "set ylabel 'recall at k (%)'\nset yrange [*:100]\nplot " + recallPlots.joined(separator: ", ") + ", 95 with lines dt 2 lc 'gray' title '95 %'\n"
        body += "set ylabel 'speed-up over exact (×)'\nset yrange [*:*]\nset logscale y\nset key top right\nplot " + speedPlots.joined(separator: ", ") + "\n"
        body += "unset multiplot"
        return [Gnuplot.Chart(name: "memory-index-probes", width: 1080, height: 420, data: data, commands: body)]
    }

    static func chartHeading(_ name: String) -> String? {
        name == "memory-index-probes" ? "Recall and speed-up by lists probed" : nil
    }
}
