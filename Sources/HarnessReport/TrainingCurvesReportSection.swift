import Foundation

/// Charts every suite may have, whatever its experiment kind: test accuracy and training loss
/// over training, reliability diagrams (when predictions or their bins were stored) and the
/// batch-1 latency CDF. Each chart appears only when some run recorded its series.
enum TrainingCurvesReportSection: ReportSection {
    static func applies(_ input: ReportInput) -> Bool { true }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        var charts: [Gnuplot.Chart] = []
        if let chart = ReportCharts.curve(input, series: "test_accuracy", name: "accuracy", ylabel: "test accuracy (%)", scale: 100,
                                          title: "Test accuracy per epoch (mean ± 95 % CI over seeds)", logY: false) {
            charts.append(chart)
        }
        // Sequence suites record their curves per training step, image classifiers per epoch.
        let unit = BackbonesReportSection.applies(input) ? "training step" : "epoch"
        if let chart = ReportCharts.curve(input, series: "train_loss", name: "loss", ylabel: "training loss (nats, log scale)", scale: 1,
                                          title: "Training loss per \(unit) (mean ± 95 % CI over seeds)", logY: true, xlabel: unit) {
            charts.append(chart)
        }
        if let chart = ReportCharts.reliability(input) { charts.append(chart) }
        if let chart = ReportCharts.cdf(input, series: "latency_batch1", name: "latency-cdf",
                                        title: "Forward latency at batch 1 (empirical CDF, pooled over seeds)") {
            charts.append(chart)
        }
        return charts
    }

    static func chartHeading(_ name: String) -> String? {
        switch name {
        case "accuracy": return "Accuracy curves"
        case "loss": return "Training loss"
        case "reliability": return "Reliability diagrams"
        case "latency-cdf": return "Latency CDF"
        default: return nil
        }
    }
}
