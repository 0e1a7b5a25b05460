import Datasets
import Foundation
import HarnessConfig

/// Turns stored predictions and metrics into CSV, so any tool can recompute or re-plot them.
public struct ResultExporter {
    let store: ResultStore

    public init(store: ResultStore) {
        self.store = store
    }

    /// `run,index,label,p0,…,p{K−1}` for one run or every complete run.
    public func predictions(runId: Int64?) throws -> CSVWriter {
        var csv = CSVWriter()
        var header: [String]?
        for id in try runIds(runId) {
            for p in try store.predictions(runId: id) {
                if header == nil {
                    let h = ["run", "index", "label"] + (0..<p.probabilities.count).map { "p\($0)" }
                    csv.append(h)
                    header = h
                }
                csv.append([String(id), String(p.sampleIndex), String(p.label)] + p.probabilities.map { String(format: "%.9g", $0) })
            }
        }
        if header == nil { csv.append(["run", "index", "label"]) }
        return csv
    }

    /// `suite,run,variant,seed,metric,value,unit` for one run or every complete run.
    public func metrics(runId: Int64?) throws -> CSVWriter {
        var csv = CSVWriter()
        csv.append(["suite", "run", "variant", "seed", "metric", "value", "unit"])
        var suiteNames: [Int64: String] = [:]
        for id in try runIds(runId) {
            guard let run = try store.run(id: id) else { continue }
            if suiteNames[run.suiteId] == nil { suiteNames[run.suiteId] = try store.suite(id: run.suiteId)?.name ?? "?" }
            for m in try store.metrics(runIds: [id]) {
                csv.append([suiteNames[run.suiteId] ?? "?", String(id), run.variant, String(run.seed), m.name,
                            m.value.isNaN ? "NaN" : String(format: "%.17g", m.value), m.unit])
            }
        }
        return csv
    }

    private func runIds(_ runId: Int64?) throws -> [Int64] {
        if let runId {
            guard try store.run(id: runId) != nil else { throw ExportError.noSuchRun(runId) }
            return [runId]
        }
        return try store.allSuites().compactMap(\.suite.id).flatMap { try store.runs(suiteId: $0, status: .complete).compactMap(\.id) }
    }
}

public enum ExportError: Error, CustomStringConvertible {
    case noSuchRun(Int64)

    public var description: String {
        switch self {
        case .noSuchRun(let id): return "no run with id \(id) — 'biomoe list --runs --db PATH' shows the ids"
        }
    }
}
