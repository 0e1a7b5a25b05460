import Foundation
import Metrics
import Tensor

/// The micro-experts suite's results arranged for comparison: one group per (history, ranking
/// task), each model's mean figures and per-query scores keyed by test-commit position, the
/// models selected on the validation period, and seeded bootstrap intervals.
///
/// The models put forward never depend on the test period: within a group, the ensemble and the
/// expert reported against the baselines are those with the highest validation MRR (`val_mrr`),
/// ties to the earlier variant. The baseline they are held to is the strongest on test (highest
/// test MRR): choosing the comparator on test can only make the comparison harder for the
/// experts, never easier, whereas a baseline that merely looked strong on a short validation
/// period could make a weak comparator. Test figures of every model are shown beside them.
struct MicroExpertsComparison {
    enum Kind: String {
        case expert, ensemble, baseline
    }

    struct Model {
        let variant: String
        let kind: Kind
        /// "file", "voted (keyword-rules, weighted)", "co-change-rules".
        let label: String
        let calibration: String
        /// Means over the variant's seeds.
        let metrics: [String: Double]
        /// Test-commit position → reciprocal rank / recall@10, mean over seeds.
        let reciprocalRanks: [Int: Double]
        let recalls: [Int: Double]

        func metric(_ name: String) -> Double { metrics[name] ?? .nan }
    }

    struct Group {
        let repository: String
        let revision: String
        let task: String
        let bootstrapSamples: Int
        var models: [Model]

        /// The baseline with the highest test MRR; nil when there is none.
        var strongestBaseline: Model? {
            var best: Model?
            for model in models where model.kind == .baseline && !model.metric("mrr").isNaN {
                if best.map({ model.metric("mrr") > $0.metric("mrr") }) ?? true { best = model }
            }
            return best
        }

        /// The model of `kind` with the highest validation MRR; nil when none has one.
        func selected(_ kind: Kind) -> Model? {
            var best: Model?
            for model in models where model.kind == kind && !model.metric("val_mrr").isNaN {
                if best.map({ model.metric("val_mrr") > $0.metric("val_mrr") }) ?? true { best = model }
            }
            return best
        }
    }

    let groups: [Group]

    init(_ input: ReportInput) {
        var groups: [Group] = []
        for variant in input.variants {
            guard let settings = input.variantSettings[variant], settings["model"] as? String == "micro-experts" else { continue }
            let runs = input.runs(of: variant)
            guard !runs.isEmpty else { continue }
            let repository = settings["repository"] as? String ?? "?", revision = settings["revision"] as? String ?? "?"
            let task = settings["ranking_task"] as? String ?? "?"
            let expert = settings["expert"] as? String ?? "?"
            let kind: Kind = expert == "voted" ? .ensemble : ["most-recent", "most-frequent", "random", "co-change-rules"].contains(expert) ? .baseline : .expert
            let label = kind == .ensemble
                ? "voted (\(settings["routing"] as? String ?? "?"), \(settings["aggregation"] as? String ?? "?"))" : expert
            var means: [String: Double] = [:]
            for name in Set(runs.flatMap { $0.metrics.keys }).sorted() {
                means[name] = Statistics.mean(runs.compactMap { $0.metrics[name] })
            }
            let model = Model(variant: variant, kind: kind, label: label, calibration: settings["calibration"] as? String ?? "?",
                              metrics: means, reciprocalRanks: Self.perStep(runs, "reciprocal_rank"), recalls: Self.perStep(runs, "recall_at_10"))
            if let index = groups.firstIndex(where: { $0.repository == repository && $0.revision == revision && $0.task == task }) {
                groups[index].models.append(model)
            } else {
                let samples = (settings["bootstrap_samples"] as? NSNumber)?.intValue ?? 2000
                groups.append(Group(repository: repository, revision: revision, task: task, bootstrapSamples: samples, models: [model]))
            }
        }
        self.groups = groups
    }

    /// A series' value per step, averaged over the runs (seeds) that recorded the step.
    static func perStep(_ runs: [ReportInput.Run], _ name: String) -> [Int: Double] {
        var values: [Int: [Double]] = [:]
        for run in runs { for point in run.series[name] ?? [] { values[point.step, default: []].append(point.value) } }
        return values.mapValues(Statistics.mean)
    }

    /// Percentile-bootstrap 95 % interval of the mean of `values` (ordered by step). The
    /// generator is named by the metric only, so every model of a group is resampled at the
    /// same commit positions (common random numbers), and the same database always prints the
    /// same interval.
    static func interval(_ perStep: [Int: Double], samples: Int, metric: String) -> BootstrapInterval {
        let values = perStep.keys.sorted().compactMap { perStep[$0] }
        var generator = RandomStreams(suiteSeed: 0, runSeed: 0).generator("micro-experts-report/\(metric)")
        return Statistics.bootstrapInterval(values, resamples: samples, using: &generator)
    }

    /// Paired bootstrap of model − baseline over the test commits both scored: the interval of
    /// the mean difference, resampling commits (so a commit's two scores move together).
    static func paired(_ model: [Int: Double], _ baseline: [Int: Double], samples: Int, metric: String) -> BootstrapInterval {
        let steps = Set(model.keys).intersection(baseline.keys).sorted()
        let differences = steps.map { (model[$0] ?? .nan) - (baseline[$0] ?? .nan) }
        var generator = RandomStreams(suiteSeed: 0, runSeed: 0).generator("micro-experts-report/\(metric)")
        return Statistics.bootstrapInterval(differences, resamples: samples, using: &generator)
    }
}
